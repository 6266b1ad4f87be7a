"""Reference blocks of the method, contribute and data pages: date and hedge examples from the
ledger, the schema reference, record skeletons and the downloads."""
from __future__ import annotations

from .. import licence
from ..model import json_schema
from .html import attrs, code_digits, esc, external_link, headerlink, ul
from .inline import Ctx, date, figure

DATE_EXAMPLES = ["2022-11-08", "2022-11-07/2022-11-08", "2022-11", "2022-10~", "2022-11?", "2022",
                 "2014/..", "../2019-08", "2024-01/2024-03"]


def date_examples(ctx: Ctx) -> str:
    rows = "".join(f"<tr><td><code>{esc(x)}</code></td><td>{date(x)}</td></tr>" for x in DATE_EXAMPLES)
    return ('<table class="data-table date-examples"><thead><tr><th scope="col">In the ledger (EDTF)</th>'
            f'<th scope="col">On the site</th></tr></thead><tbody>{rows}</tbody></table>')


BOUND_EXPLAINED = {
    "exact": "the source states the number plainly",
    "approx": "the source says about, around, some or roughly",
    "at-least": "the source says at least",
    "more-than": "the source says more than or over",
    "at-most": "the source says at most or up to",
    "nearly": "the source says nearly or almost",
    "vague": "the source gives words such as hundreds or dozens; no number is invented, the words are shown",
}


def bound_examples(ctx: Ctx) -> str:
    ix = ctx.index
    example = {}
    for fid, f in ix.figures.items():
        example.setdefault(f.bound, fid)
    rows = []
    for bound, words in BOUND_EXPLAINED.items():
        ex = ""
        if bound in example:
            f = ix.figures[example[bound]]
            ex = f'{figure(ctx, f.id)}, from <q{attrs(data_source=f.source)}>{esc(f.quote)}</q>'
        rows.append(f"<tr><td><code>{esc(bound)}</code></td><td>{esc(words)}</td><td>{ex or 'none in the ledger yet'}</td></tr>")
    return ('<table class="data-table bound-examples"><thead><tr><th scope="col">Bound</th><th scope="col">When</th>'
            '<th scope="col">Example in the ledger</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


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


def schema_reference(ctx: Ctx) -> str:
    schema = json_schema()
    defs = schema.get("$defs", {})
    order = [("Ledger", schema)] + [(n, defs[n]) for n in ("Source", "Actor", "Event", "ActorRole", "Figure", "Exclusion") if n in defs]
    order += [(n, d) for n, d in defs.items() if n not in dict(order)]
    out = []
    for name, d in order:
        required = set(d.get("required", []))
        rows = []
        for field, prop in d.get("properties", {}).items():
            desc = prop.get("description") or ""
            rows.append(f"<tr><td><code>{esc(field)}</code></td><td>{_schema_type(prop)}</td>"
                        f"<td>{'required' if field in required else 'optional'}</td><td>{code_digits(desc)}</td></tr>")
        intro = f"<p>{code_digits(d['description'])}</p>" if d.get("description") and name != "Ledger" else ""
        out.append(f'<h3{attrs(id="schema-" + name.lower())}>{esc(name)} {headerlink("schema-" + name.lower())}</h3>{intro}'
                   '<table class="data-table schema-table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
                   '<th scope="col">Required</th><th scope="col">Meaning</th></tr></thead><tbody>'
                   + "".join(rows) + "</tbody></table>")
    return "".join(out)


def skeleton(ctx: Ctx, kind: str) -> str:
    from ..cli import SKELETONS
    return f'<pre class="skeleton"><code class="language-yaml">{esc(SKELETONS[kind])}</code></pre>'


DOWNLOADS = [
    ("data/ledger.json", "The whole ledger as JSON: sources, actors, events and their figures."),
    ("data/figures.csv", "Every figure, one a row, with its quote, source and claimant."),
    ("data/events.csv", "Every event, one a row, with its date in EDTF and in words."),
    ("data/datapackage.json", "A Frictionless Data Package describing the two tables, for validation and loading."),
    ("schema/ledger.schema.json", "The ledger's JSON Schema, generated from the model the validator uses."),
    ("data/LICENCE.txt", "The licence of the data, and what it does not cover (the quotes)."),
]


def licence_statement(ctx: Ctx) -> str:
    """The data's licence, as every export states it (ledger/licence.py)."""
    return f'<p class="licence">{licence.statement_html(esc, external_link)}</p>'


def downloads(ctx: Ctx) -> str:
    return ul((f'<a{attrs(href=ctx.links.file(path), download="")}><code>{esc(path)}</code></a>: {esc(text)}'
                for path, text in DOWNLOADS), "downloads")
