"""Shape checks: plain values -> model records, and pydantic's errors -> Problems.

Each source, actor and event is validated on its own so that one bad record does not hide the
problems of the others, and so that references to a record that is merely malformed are not
also reported as dangling (its id is still known).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model
from .problems import Problem, format_path

LISTS = {"sources": model.Source, "actors": model.Actor, "events": model.Event,
         "excluded_numbers": model.Exclusion, "withdrawn": model.Withdrawn,
         "leads": model.Lead}
NESTED = {("events", "figures"): model.Figure, ("events", "actors"): model.ActorRole,
          ("events", "corrections"): model.Correction, ("sources", "corrections"): model.Correction,
          ("events", "figures", "corrections"): model.Correction}


@dataclass
class Shaped:
    sources: list = field(default_factory=list)   # (index, model.Source)
    actors: list = field(default_factory=list)
    events: list = field(default_factory=list)
    excluded_numbers: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)     # (index, model.Withdrawn)
    leads: list = field(default_factory=list)         # (index, model.Lead)
    # ids of records that exist but failed shape checks: not reported again as dangling
    broken_ids: set = field(default_factory=set)


def model_at(path: tuple) -> type[BaseModel] | None:
    """The model class that describes the mapping at `path` (indices ignored)."""
    names = tuple(p for p in path if isinstance(p, str))
    if not names:
        return model.Ledger
    if len(names) == 1:
        return LISTS.get(names[0])
    return NESTED.get(names)


def _data_path(loc: tuple, data: Any, base: tuple) -> tuple:
    """Pydantic's loc includes union branch names ('int', "literal['unknown']"); keep only the
    parts that address the data (relative to `data`), plus a final missing key."""
    path, cur = (), data
    for part in loc:
        if isinstance(cur, dict) and isinstance(part, str) and part in cur:
            path, cur = path + (part,), cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            path, cur = path + (part,), cur[part]
        elif isinstance(cur, dict) and isinstance(part, str):
            cls = model_at(base + path)
            if cls is not None and part in cls.model_fields:
                return path + (part,)
    return path


def _kind(value) -> str:
    if value is None:
        return "empty"
    return {bool: "true/false", int: "number", float: "number", str: "text", list: "list", dict: "mapping"}.get(type(value), type(value).__name__)


def _value_at(data, path):
    cur = data
    for part in path:
        try:
            cur = cur[part]
        except (KeyError, IndexError, TypeError):
            return None
    return cur


class ShapeChecker:
    def __init__(self, file: str, loaded):
        self.file = file
        self.loaded = loaded
        self.problems: list[Problem] = []

    def at(self, path, key=False):
        table = self.loaded.keypos if key else self.loaded.pos
        while path and path not in table:
            path = path[:-1]
        return table.get(path) or self.loaded.pos.get(path) or (1, 1)

    def add(self, code, path, message, hint=None, key=False):
        line, col = self.at(path, key)
        self.problems.append(Problem(code, self.file, line, col, format_path(path), message, hint))

    def translate(self, err: ValidationError, data, base: tuple):
        seen = set()
        for e in err.errors(include_url=False):
            path = _data_path(e["loc"], data, base)
            full = base + path
            kind = e["type"]
            value = _value_at(data, path)
            name = next((p for p in reversed(full) if isinstance(p, str)), "value")
            if kind == "missing":
                code, msg = "field-missing", f"required field '{name}' is missing"
                cls = model_at(full[:-1])
                info = cls.model_fields.get(name) if cls else None
                hint = f"add '{name}:' to this entry" + (f" ({info.description})" if info and info.description else "")
                self_path, is_key = full[:-1], False
            elif kind == "extra_forbidden":
                cls = model_at(full[:-1])
                known = list(cls.model_fields) if cls else []
                close = difflib.get_close_matches(name, known, n=1)
                code, msg = "field-unknown", f"unknown field '{name}'"
                hint = f"did you mean '{close[0]}'?" if close else f"known fields here: {', '.join(known)}"
                self_path, is_key = full, True
            elif kind == "string_pattern_mismatch":
                pattern = e.get("ctx", {}).get("pattern")
                if pattern == model.ID_PATTERN:
                    code, msg = "id-format", f"'{value}' is not a kebab-case id"
                    hint = "use lower-case letters, digits and single hyphens, e.g. 'gdi-2022-11-deported'"
                elif name in ("added", "updated", "date"):
                    code, msg, hint = "date-invalid", f"'{value}' is not a calendar day", "write YYYY-MM-DD"
                else:
                    code, msg, hint = "field-format", f"'{value}' does not have the expected form", f"expected a value matching {pattern}"
                self_path, is_key = full, False
            elif kind == "literal_error":
                expected = e.get("ctx", {}).get("expected", "")
                options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
                if name == "schema_version":
                    code, msg, hint = "schema-version", f"schema_version {value!r} is not supported", "this engine reads schema_version: 1"
                elif isinstance(value, str) and not (name in ("date", "published", "period")):
                    close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
                    code, msg = "field-enum", f"'{value}' is not one of: {', '.join(options)}"
                    hint = f"did you mean '{close[0]}'?" if close else None
                else:
                    continue  # a union's other branch reports the real problem
                self_path, is_key = full, False
            elif kind in ("too_short", "string_too_short"):
                code, msg = "field-empty", f"'{name}' is empty"
                hint = "a list here needs at least one entry" if kind == "too_short" else "give it a value, or remove the field if it is optional"
                self_path, is_key = full, False
            elif kind == "string_too_long":
                code, msg, hint = "field-format", f"'{name}' is too long", e["msg"]
                self_path, is_key = full, False
            else:  # type errors: string_type, int_type, list_type, model_type, ...
                expected = {"string_type": "text", "int_type": "number", "float_type": "number",
                            "list_type": "list", "model_type": "mapping", "dict_type": "mapping",
                            "model_attributes_type": "mapping", "bool_type": "true/false"}.get(kind, kind)
                code, msg = "field-type", f"'{name}' must be {expected}, not {_kind(value)}"
                hint = None
                if isinstance(value, str) and expected == "number":
                    if value.replace(",", "").replace(".", "", 1).isdigit():
                        hint = f"write {value.replace(',', '')} without thousands separators (the quote keeps '{value}')"
                    else:
                        hint = "write the number as digits, e.g. 8000000000 for '$8 billion'"
                elif isinstance(value, int) and expected == "text" and name in ("date", "published", "period"):
                    hint = f"quote it: {name}: '{value}'"
                elif isinstance(value, (int, float)) and expected == "text":
                    hint = f"quote it: {name}: '{value}'"
                self_path, is_key = full, False
            if (self_path, code) in seen:
                continue
            seen.add((self_path, code))
            self.add(code, self_path, msg, hint, key=is_key)


def check_shape(file: str, loaded) -> tuple[Shaped, list[Problem]]:
    data = loaded.data
    checker = ShapeChecker(file, loaded)
    shaped = Shaped()
    top = {k: v for k, v in data.items() if k not in LISTS}
    # list items are checked one by one below; a list that is not a list is reported here
    top.update({k: [] if isinstance(data[k], list) else data[k] for k in LISTS if k in data})
    try:
        model.Ledger.model_validate(top)
    except ValidationError as err:
        checker.translate(err, top, ())
    for name, cls in LISTS.items():
        items = data.get(name)
        if not isinstance(items, list):
            continue
        out = getattr(shaped, name)
        for i, item in enumerate(items):
            try:
                out.append((i, cls.model_validate(item)))
            except ValidationError as err:
                checker.translate(err, item, (name, i))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    shaped.broken_ids.add(item["id"])
                if name == "events" and isinstance(item, dict):
                    figs = item.get("figures")
                    for fig in figs if isinstance(figs, list) else []:  # `figures: true` is reported above
                        if isinstance(fig, dict) and isinstance(fig.get("id"), str):
                            shaped.broken_ids.add(fig["id"])
    return shaped, checker.problems
