"""The curators' manual read back from the JSON Schema: each record's fields in order with their
description, examples, bad examples and guidelines, and the `ledger new` skeletons built from them.

`ledger new` (ledger/cli.py) and the contribute page (ledger/render/reference.py) both read this,
so the skeleton an editor pastes, the schema an editor's YAML language server reads and the
reference they look up are one text (written once, in ledger/fielddocs.py).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from .fielddocs import MANUAL
from .load import load_text
from .model import json_schema

# kind -> (model, where it is pasted, indent of its '- ')
KINDS = {
    "source": ("Source", "sources:", 2),
    "actor": ("Actor", "actors:", 2),
    "event": ("Event", "events:", 2),
    "figure": ("Figure", "events: > figures:", 6),
}
ORDER = ("Ledger", "Source", "Actor", "Event", "ActorRole", "Figure", "Exclusion")
COMMENT_COLUMN = 44


@dataclass(frozen=True)
class FieldInfo:
    model: str
    name: str
    schema: dict                 # the field's own JSON Schema (type, enum, pattern, …)
    requirement: str             # required, conditional or optional
    description: str
    examples: list
    bad: list
    guidelines: list
    allowed: Optional[tuple]     # the closed set of values, when there is one
    placeholder: Any             # what a skeleton shows
    show: bool                   # does a skeleton show it (else it is commented out)


def _allowed(prop: dict) -> Optional[tuple]:
    for p in [prop] + prop.get("anyOf", []):
        if "enum" in p:
            return tuple(p["enum"])
    return None


@lru_cache(maxsize=1)
def schema() -> dict:
    return json_schema()


def models() -> list[tuple[str, dict]]:
    """(name, JSON Schema) of each record, the file itself first."""
    s = schema()
    defs = s.get("$defs", {})
    out = [("Ledger", s)] + [(n, defs[n]) for n in ORDER if n in defs]
    return out + [(n, d) for n, d in defs.items() if n not in ORDER]


def fields(model: str) -> list[FieldInfo]:
    """The fields of `model`, in the schema's order."""
    d = dict(models())[model]
    out = []
    for name, prop in d.get("properties", {}).items():
        doc = MANUAL[model][name]
        req = prop.get("requirement", "required" if name in d.get("required", ()) else "optional")
        out.append(FieldInfo(model, name, prop, req, prop.get("description", ""), list(prop.get("examples", [])),
                             list(prop.get("examples_bad", [])), list(prop.get("guidelines", [])), _allowed(prop),
                             doc.placeholder if doc.placeholder is not None else (prop.get("examples") or [None])[0],
                             doc.show if doc.show is not None else req == "required"))
    return out


def _plain_ok(text: str) -> bool:
    """Does `text` read back as the same string when written unquoted after 'k: ' (and inside
    a flow list)?"""
    if not text or text != text.strip() or any(c in text for c in ",[]{}#\n") or text[0] in "&*!|>%@`-?:'\"":
        return False
    loaded = load_text(f"k: {text}\n", "-")
    return not loaded.problems and loaded.data == {"k": text}


def yaml_value(value) -> str:
    """A value as YAML on one line: plain when it reads back the same, else double-quoted
    (JSON's string syntax is YAML's double-quoted style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    text = str(value)
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _comment(f: FieldInfo) -> str:
    return " | ".join(f.allowed) if f.allowed else f.description


def skeleton(kind: str) -> str:
    """A commented YAML entry for `kind` (source, actor, event, figure), to paste under its list."""
    model, _, indent = KINDS[kind]
    lines = []
    for i, f in enumerate(fields(model)):
        lead = " " * indent + ("- " if i == 0 else "  ")
        entry = f"{f.name}: {yaml_value(f.placeholder)}"
        line = lead + (entry if f.show else "# " + entry)
        lines.append(line.ljust(COMMENT_COLUMN - 1) + " # " + _comment(f))
    return "\n".join(lines) + "\n"


def paste_hint(kind: str) -> str:
    return f"# paste under '{KINDS[kind][1]}' in data/events.yaml, then run: ledger validate"
