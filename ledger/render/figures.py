"""The figures: the table of every figure with its quote, cards, and figures reported side by side
(the same count from several sources, or contested)."""
from __future__ import annotations

import re

from ..edtf import parse_or_none
from ..vocab import UNITS
from . import fmt
from .citation import corrections_html, issued, row_source_link, table_attrs
from .html import attrs, esc, external_link, headerlink, text_fragment
from .inline import (
    Ctx,
    claimant,
    date,
    event_link,
    figure,
    figure_href,
    figure_span,
    meaning_words,
    note,
    prose,
    quote_with_links,
    source_link,
)
from .listing import part_heading, parts_index
from .reuse import part as piece

UNIT_NAMES = {t.value: (t.one, t.many) for t in UNITS}


RELATION_WORDS = {"same_as": "same count as", "disputed_by": "disputed by", "disputes": "disputes",
                  "part_of": "part of", "parts": "includes"}


def contrasts(ix, fid: str) -> list:
    """(other figure id, reason) for every differs_from link of the figure, in both directions."""
    out = [(c.figure, c.reason) for c in ix.figures[fid].differs_from if c.figure in ix.figures]
    return out + [(oid, reason) for oid, reason in ix.figure_differs_to.get(fid, ()) if oid != fid]


def _relations(ctx: Ctx, fid: str) -> str:
    rel = ctx.index.figure_related.get(fid, {})
    out = []

    def other_link(other):
        f = ctx.index.figures[other]
        return (f'<a class="figure-link"{attrs(href=figure_href(ctx, other))}>{figure_span(f)}</a>'
                f' <span class="measure">({esc(f.measure)}, {esc(ctx.index.sources[f.source].publisher) if f.source in ctx.index.sources else ""})</span>')
    for key in ("same_as", "disputed_by", "disputes", "part_of", "parts"):
        for other in rel.get(key, []):
            out.append(f'{RELATION_WORDS[key]} {other_link(other)}')
    for other, reason in contrasts(ctx.index, fid):
        f = ctx.index.figures[fid]
        out.append(f'<span class="differs">measures something other than {other_link(other)}: '
                   f'{prose(ctx, reason, [f.source, ctx.index.figures[other].source])}</span>')
    return "; ".join(out)


def _period_sort(text):
    d = parse_or_none(text)
    if d is None:
        return ""
    return (d.lower or d.upper).isoformat()


def _date_sort(text):
    """A date cell's data-sort: its earliest day, given only when it is not the machine date of the
    cell's first <time>, which the script reads otherwise (docs/assets/site.js, key)."""
    d = parse_or_none(text)
    if d is None:
        return None
    key = (d.lower or d.upper).isoformat()
    return None if key == d.datetime_attr() else key


def figure_card(ctx: Ctx, fid: str) -> str:
    ix = ctx.index
    f, e = ix.figures[fid], ix.event_of[fid]
    return (f'<div class="figure-card"{attrs(data_figure_card=fid)}>'
            f'<p class="figure-card-value"><a class="figure-link"{attrs(href=figure_href(ctx, fid))}>{figure_span(f)}</a></p>'
            f'<p class="measure">{prose(ctx, f.measure, [f.source])}<br>{meaning_words(ctx, f)}</p>'
            f'<p class="figure-card-meta">Period: {date(f.period) if f.period else "not stated"}. Claimed by: {claimant(ctx, f)}. '
            f'Source: {source_link(ctx, f.source)}.</p>'
            f'{quote_with_links(ctx, f, block=True)}'
            f'{note(ctx, f, tag="p")}'
            f'<p class="figure-card-event">Event: {event_link(ctx, e.id)}</p>'
            f"</div>")


def cluster_block(ctx: Ctx, number: int) -> str:
    ix = ctx.index
    cl = ix.clusters[number]
    if cl.contested and cl.same:
        head = "Reported more than once, and contested"
    elif cl.contested:
        head = "Contested"
    else:
        head = "The same count, reported more than once"
    lines = []
    for a, b in cl.same:
        lines.append(f'{figure(ctx, a, plain=True)} and {figure(ctx, b, plain=True)} are recorded as the same count.')
    pairs = set(cl.disputed)
    for a, b in cl.disputed:
        if (b, a) in pairs:
            if a < b:
                lines.append(f'{figure(ctx, a, plain=True)} and {figure(ctx, b, plain=True)} contest each other.')
        else:
            lines.append(f'{figure(ctx, a, plain=True)} is disputed by {figure(ctx, b, plain=True)}.')
    first = ix.figures[cl.figures[0]]
    anchor = f"compare-{first.id}"
    return (f'<section class="figure-compare"{attrs(data_contested="true" if cl.contested else "false", aria_labelledby=anchor)}>'
            f'<h3{attrs(id=anchor)}>{esc(head)}: {esc(first.measure)} {headerlink(anchor)}</h3>'
            f'<p class="relation">{" ".join(lines)}</p>'
            f'<div class="figure-cards">{"".join(figure_card(ctx, fid) for fid in cl.figures)}</div></section>')


def figures_compare(ctx: Ctx, contested_only: bool = False) -> str:
    idx = [i for i, c in enumerate(ctx.index.clusters) if c.contested or not contested_only]
    if not idx:
        return ('<p class="empty">No figures in the ledger are marked as contested.</p>' if contested_only
                else '<p class="empty">No figure in the ledger is yet linked to another.</p>')
    # contested first
    idx.sort(key=lambda i: (not ctx.index.clusters[i].contested, i))
    return "".join(cluster_block(ctx, i) for i in idx)


def _unit_line(f, meaning: str) -> str:
    """The unit in words, on a line of its own, only when neither the Value cell ('around 6
    percent') nor what is counted ('people deported') says it; for the unit 'other', the measure
    says what is counted.  The hedge is not repeated: the Value cell's words hold it ('at least
    5,511')."""
    one, many = UNIT_NAMES.get(f.unit, (f.unit, f.unit))
    said = f"{fmt.figure_words(f)} {meaning}".casefold()
    if f.unit == "other" or one.casefold() in said or many.casefold() in said:  # 'Tier 3' says tier
        return ""
    return f"<br><small>counted in {esc(many)}</small>"


def figure_row(ctx: Ctx, eid: str, n: int) -> tuple:
    """The row of the event `eid`'s figure number `n` (from 0) in the figures table: its opening
    <tr> tag and its cells, which the table may share with the rows beside it (shared_cells)."""
    ix = ctx.index
    e = ix.events[eid]
    f = e.figures[n]
    s = ix.sources.get(f.source)
    meaning = meaning_words(ctx, f)
    # a cell sorts by its data-sort, else by the figure's data-value, the machine date of its first
    # <time> or its text, as its column's type says (docs/assets/site.js, key)
    cells = (
        f'<td>{figure_span(f, named=False)}</td>',
        (f'<td>{prose(ctx, f.measure, [f.source])}<br>{meaning}{_unit_line(f, meaning)}'
         + (f"<br>{corrections_html(ctx, f)}" if f.corrections else "") + "</td>"),
        f'<td{attrs(data_sort=_date_sort(f.period))}>{date(f.period) if f.period else "not stated"}</td>',
        f'<td>{claimant(ctx, f)}</td>',
        f'<td{attrs(data_sort=_date_sort(s.published) if s else None)}>{row_source_link(ctx, f.source)}'
        + (("<br>via " + ", ".join(source_link(ctx, c, with_date=False) for c in f.cites)) if f.cites else "")
        + "</td>",
        # sorted by its text (site.js), which begins with the quote
        f'<td>{row_quote(ctx, f)}' + (f"<br>{note(ctx, f)}" if f.notes else "") + "</td>",
        # the event's date only when it is not the one the Period cell shows (then the cell has
        # no <time>: it sorts by its data-sort, the event's earliest day)
        (f'<td{attrs(data_sort=_period_sort(e.date) or None)}>{event_link(ctx, eid, with_date=False)}</td>'
         if f.period == e.date else f'<td{attrs(data_sort=_date_sort(e.date))}>{event_link(ctx, eid)}</td>'),
        f"<td>{_relations(ctx, f.id)}</td>",
    )
    return f'<tr{attrs(id="fig-" + f.id, data_issued=issued(f))}>', cells


# The columns whose cell an event's figures often share: Period, Claimed by, Source and Event.
SHARED_COLUMNS = (2, 3, 4, 6)
# What marks a cell that a cell above spans: kept in the page's text for the site search (so that
# each row is found by its own source and claimant), then cut from the page (for_readers).
SEARCH_ONLY = "data-search-only"
_SEARCH_ONLY_CELL = re.compile(r"<td " + SEARCH_ONLY + r">.*?</td> ?", re.S)


def shared_cells(rows: list) -> str:
    """The rows [(event id, opening tag, cells)] of the figures table as HTML, a cell that is the
    same in the rows below it, of the same event, spanning them (rowspan): at 10,000 events the
    table is a quarter lighter (5 MB).  Each spanned cell stays, marked SEARCH_ONLY, until
    for_readers cuts it; docs/assets/site.js gives each row its copy back in the browser (to sort,
    to cite, and to show a row as a card on a phone)."""
    cells = [list(r[2]) for r in rows]
    for col in SHARED_COLUMNS:
        top = 0
        for i in range(1, len(rows) + 1):
            if i < len(rows) and rows[i][0] == rows[top][0] and rows[i][2][col] == rows[top][2][col]:
                cells[i][col] = f"<td {SEARCH_ONLY}>" + cells[i][col][len("<td"):].split(">", 1)[1]
                continue
            if i - top > 1:
                cells[top][col] = f'<td rowspan="{i - top}"' + cells[top][col][len("<td"):]
            top = i
    return "".join(r[1] + "".join(c) + "</tr>" for r, c in zip(rows, cells))


def for_readers(page_html: str) -> str:
    """The page without the cells kept only for the site search (shared_cells)."""
    return _SEARCH_ONLY_CELL.sub("", page_html) if SEARCH_ONLY in page_html else page_html


_TBODY = re.compile(r"(<table[^>]* figures-table[^>]*>.*?<tbody>)(.*?)(</tbody>)", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)</tr>", re.S)
_CELL = re.compile(r"<td\b[^>]*>.*?</td>", re.S)  # no cell of the table holds a table
_SPANNING = re.compile(r'<td rowspan="(\d+)"')


def shared_back(page_html: str) -> str:
    """A written page with each spanned cell of its figures table back in every row it spans, as
    the search index is given the page when it is made (a `--dirty` build's index reads the pages
    it did not make from the site folder)."""
    def body(m: re.Match) -> str:
        above: dict = {}  # column -> [cell, rows below it still spans]
        rows = []
        for row in _ROW.finditer(m[2]):
            mine, out = _CELL.findall(row[2]), []
            own = iter(mine)
            for col in range(len(mine) + sum(1 for c in above.values() if c[1] > 0)):
                if above.get(col, (None, 0))[1] > 0:
                    above[col][1] -= 1
                    out.append(above[col][0])
                    continue
                cell = next(own)
                spans = _SPANNING.match(cell)
                if spans:
                    cell = "<td" + cell[spans.end():]
                    above[col] = [cell, int(spans[1]) - 1]
                out.append(cell)
            rows.append(row[1] + " ".join(out) + "</tr>")
        return m[1] + " ".join(rows) + m[3]
    return _TBODY.sub(body, page_html) if 'rowspan="' in page_html else page_html


def row_quote(ctx: Ctx, f) -> str:
    """The quote in a figure's row (the cell's first <q>, which the citations script reads), then a
    link to the original at the quoted words when there is one.  The source's entry is the Source
    cell's link: the quote does not link it again."""
    s = ctx.index.sources.get(f.source)
    if s is not None and s.url:
        frag = text_fragment(s.url, ctx.index.original_words(f.source, f.quote))
        if frag:
            return f'<q>{esc(f.quote)}</q> <small>({external_link(frag, "open the original at these words")})</small>'
    return f'<q>{esc(f.quote)}</q>'


def figures_table(ctx: Ctx, key: str | None = None) -> str:
    """The figures table: every figure, or when the ledger is large (paging.py), the figures of
    one page ('2022', '2022/2'); called without a key on a split table, the index of its pages.
    The page's script builds a row's citation from what the row shows (docs/assets/cite.js): the
    Value cell's figure, the text of the What-is-counted cell before its first line break, the
    Source cell's first link, the Quote cell's first q, the row's id (fig-ID) and its data-issued
    (render/citation.py)."""
    ix = ctx.index
    listing = ctx.pages.figure_pages
    if listing.split and key is None:
        return ('<p>The table is long, so it is split by the year of each figure\'s event.</p>'
                + parts_index(ctx, listing))
    heading, wanted = "", None
    if key is not None:
        part = listing.parts[f"figures/{key}"]
        heading, wanted = part_heading(ctx, listing, part, "Figures"), part.ids
    head = [("Value", "number"), ("What is counted", "text"), ("Period", "date"), ("Claimed by", "text"),
            ("Source", "date"), ("Quote", "text"), ("Event", "date"), ("Related figures", "text")]
    ths = "".join(
        f'<th scope="col"{attrs(data_sort_type=t)}><button type="button" class="sort-button">{esc(h)}'
        f'<span class="sort-indicator" aria-hidden="true"></span></button></th>' for h, t in head)
    if wanted is None:
        places = [(eid, n) for eid, e in ix.events.items() for n in range(len(e.figures))]
    else:  # the page's figures, in the table's order (events in time order, each event's in its order)
        places = [(e.id, next(n for n, g in enumerate(e.figures) if g.id == fid))
                  for e, fid in ((ix.event_of[fid], fid) for fid in wanted)]
    rows = [(eid, *piece(ctx, figure_row, eid, n)) for eid, n in places]
    shown = [ix.events[eid].figures[n].id for eid, n in places]
    if not rows:
        return '<p class="empty">The ledger holds no figures yet.</p>'
    return (heading + '<div class="table-wrap">'
            f'<table class="data-table figures-table sortable"{table_attrs(ctx, shown)}>'
            '<caption>Every figure in the ledger, with the words it comes from. Select a column heading to sort.</caption>'
            f"<thead><tr>{ths}</tr></thead><tbody>{shared_cells(rows)}</tbody></table></div>")
