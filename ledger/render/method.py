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
    ("data/ledger.json", "The whole ledger as JSON: sources, actors, events and their figures. "
                          "A field the ledger leaves empty is left out; the schema gives its default."),
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


def sources_register(ctx: Ctx) -> str:
    """The data page's register of sources: each source's id, headline or description as the
    ledger holds it, archive file, SHA-256 and language (the details reader pages leave out)."""
    rows = []
    for sid, s in ctx.index.sources.items():
        archive = (f'<code>{esc(s.archive)}</code><br><code class="hash">{esc(s.archive_sha256 or "")}</code>'
                   if s.archive else "none (known second-hand)")
        rows.append(f'<tr{attrs(id="archive-" + sid)}><td><code>{esc(sid)}</code></td><td>{esc(s.publisher)}</td>'
                    f'<td><cite>{esc(s.title)}</cite></td><td>{archive}</td><td><code>{esc(s.language)}</code></td></tr>')
    if not rows:
        return '<p class="empty">No sources yet.</p>'
    return ('<div class="table-wrap"><table class="data-table sources-register"><caption>Every source as the data files '
            'hold it: id, headline (or a description in brackets when the headline is unknown), archived copy with its '
            '<code>SHA-256</code> fingerprint, and language code.</caption><thead><tr><th scope="col">Id</th><th scope="col">Outlet</th>'
            '<th scope="col">Headline or description</th><th scope="col">Archive and fingerprint</th>'
            '<th scope="col">Language</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")
