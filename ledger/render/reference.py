"""Reference blocks for curators (the contribute page): the catalogue of problem codes
(ledger/codes.py), the schema reference and the `ledger new` skeletons (both from the curators'
manual, ledger/manual.py).  Pure functions of (Ctx, arguments); they read no ledger records."""
from __future__ import annotations

import re

from .. import manual
from ..codes import CODES
from .html import attrs, code_digits, esc

_QUOTED = re.compile(r"'([^'\s]+)'")  # '{{', '&name', '---': literal syntax in a meaning
_CODES = re.compile(r" ?\[([a-z0-9, -]+)\]$")  # a guideline's closing [code, code]


def _meaning(text: str) -> str:
    out, pos = [], 0
    for m in _QUOTED.finditer(text):
        out.append(code_digits(text[pos:m.start()]) + f"<code>{esc(m.group(1))}</code>")
        pos = m.end()
    return "".join(out) + code_digits(text[pos:])


def problem_codes(ctx) -> str:
    """Every code `ledger validate` can report, with its meaning; each row is a link target
    (#code-CODE) so that a report's code can be looked up."""
    rows = "".join(f'<tr{attrs(id="code-" + code)}><td><code>{esc(code)}</code></td><td>{_meaning(meaning)}</td></tr>'
                   for code, meaning in CODES.items())
    return ('<table class="data-table problem-codes"><thead><tr><th scope="col">Code</th>'
            f'<th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table>')


def _schema_type(prop: dict) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{esc(name.lower())}">{esc(name)}</a>'
    if "anyOf" in prop:
        parts = [_schema_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts))
    if "const" in prop:
        return f"<code>{esc(prop['const'])}</code>"
    if "enum" in prop:
        return "one of " + ", ".join(f"<code>{esc(v)}</code>" for v in prop["enum"])
    t = prop.get("type")
    if t == "array":
        return "list of " + _schema_type(prop.get("items", {}))
    if t == "string" and prop.get("pattern"):
        return f'text matching <code>{esc(prop["pattern"])}</code>'
    return esc(t or "any")


def _guideline(text: str, allowed=()) -> str:
    """A guideline, its closing [problem codes] linked to their rows in the catalogue; for a
    closed set, the 'value: meaning' lines with the value as code."""
    value, sep, rest = text.partition(": ")
    if sep and value in (allowed or ()):
        return f"<code>{esc(value)}</code>: {_meaning(rest)}"
    m = _CODES.search(text)
    codes = [c.strip() for c in m.group(1).split(",")] if m else []
    if not m or not all(c in CODES for c in codes):
        return _meaning(text)
    links = ", ".join(f'<a{attrs(href="#code-" + c)}><code>{esc(c)}</code></a>' for c in codes)
    return f"{_meaning(text[:m.start()])} ({links})"


def _values(values) -> str:
    return ", ".join(f"<code>{esc(manual.yaml_value(v))}</code>" for v in values)


def _field_row(f) -> str:
    parts = [f"<p>{_meaning(f.description)}</p>"]
    if f.guidelines:
        parts.append('<ul class="guidelines">' + "".join(f"<li>{_guideline(g, f.allowed)}</li>" for g in f.guidelines) + "</ul>")
    if f.examples:
        parts.append(f'<p class="examples">Examples: {_values(f.examples)}</p>')
    if f.bad:
        parts.append(f'<p class="examples-bad">Not: {_values(f.bad)}</p>')
    return (f'<tr{attrs(id=f"schema-{f.model.lower()}-{f.name}")}><td><code>{esc(f.name)}</code></td>'
            f"<td>{_schema_type(f.schema)}</td><td>{esc(f.requirement)}</td><td>{''.join(parts)}</td></tr>")


def schema_reference(ctx) -> str:
    """Each record of the JSON Schema: its fields, their type, whether they are required, and
    the manual's description, guidelines, examples and bad examples."""
    out = []
    for name, d in manual.models():
        intro = f"<p>{code_digits(d['description'])}</p>" if d.get("description") else ""
        rows = "".join(_field_row(f) for f in manual.fields(name))
        anchor = "schema-" + name.lower()
        out.append(f'<h3{attrs(id=anchor)}>{esc(name)} <a class="headerlink"{attrs(href="#" + anchor, aria_label="Permanent link")}>&para;</a></h3>'
                   f'{intro}<table class="data-table schema-table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
                   '<th scope="col">Required</th><th scope="col">Meaning</th></tr></thead>'
                   f"<tbody>{rows}</tbody></table>")
    return "".join(out)


def skeleton(ctx, kind: str) -> str:
    """What `ledger new KIND` prints, to paste into the ledger."""
    return f'<pre class="skeleton"><code class="language-yaml">{esc(manual.skeleton(kind))}</code></pre>'
