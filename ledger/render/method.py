"""Blocks of the method and data pages: date and hedge examples drawn from the ledger, and the
downloads."""
from __future__ import annotations

from .. import licence
from ..vocab import BOUNDS
from .html import attrs, esc, external_link, ul
from .inline import Ctx, date, figure

DATE_EXAMPLES = ["2022-11-08", "2022-11-07/2022-11-08", "2022-11", "2022-10~", "2022-11?", "2022",
                 "2014/..", "../2019-08", "2024-01/2024-03"]


def date_examples(ctx: Ctx) -> str:
    rows = "".join(f"<tr><td><code>{esc(x)}</code></td><td>{date(x)}</td></tr>" for x in DATE_EXAMPLES)
    return ('<table class="data-table date-examples"><thead><tr><th scope="col">In the ledger (EDTF)</th>'
            f'<th scope="col">On the site</th></tr></thead><tbody>{rows}</tbody></table>')


BOUND_EXPLAINED = {t.value: t.gloss for t in BOUNDS}


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
