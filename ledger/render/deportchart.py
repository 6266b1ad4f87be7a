"""The chart of Cambodia's deportations over time: hand-written static SVG with a real time axis
(years labelled), each count of people deported drawn as a span over the period it covers.

Why spans on a time axis, and not bars as long as the count: the counts cover periods from one
day (a flight) to five years (a ministry's total since 2014), overlap one another, and come from
different claimants, so lengths side by side would invite adding them up or reading a trend.
Each count is a row: its words above (the number with its hedge, written out), and below them a
span from the start to the end of its period on a time axis shared by all the rows.

What it promises, and how:
- the figures are chosen by what they count and where (`counted == "deported"`, a place inside
  vocab.HOME_PLACE), never by event kind or words; counts elsewhere are listed apart, as
  regional context, never on Cambodia's axis;
- a hedged count (around, nearly, at least, more than, at most, a range) is hatched and its words
  carry the hedge; a contested or repeated one has a dashed or dotted outline and says so;
- a short period (a single day) still has a mark of MIN_SPAN units, and every row, words and span,
  is one link to the figure's row in the figures table, named by its words, what it counts, its
  period and its outlet (a tap target the height of the row);
- a period with no end is drawn to the end of the axis with an arrow; a count that cannot be drawn
  (no number, no known period, a part of a count already drawn) is listed beside the chart with
  the reason (the most recent NOT_DRAWN_SHOWN there, every one on a page of its own, linked), so
  nothing promised is silently left out;
- a table gives the same counts with their sources; the output is the same for the same ledger.
Colours and type sizes come from site.css (classes here), so both colour schemes work.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from .. import vocab
from ..edtf import parse_or_none
from ..index import date_key
from . import fmt
from .charts import HEDGED, _count, _figure, _source, _swatch, _table, flags, wrap
from .html import attrs, esc
from .inline import Ctx, actor_link, date, date_words, figure, figure_href, prose, prose_text, tally

# Layout, in SVG units (the drawing is as wide as its column, at most 22.5rem: see site.css).
WIDTH = 360
PAD = 4            # left and right margins
LINE = 17          # a line of words (13px type)
SPAN = 12          # the thickness of a span
MIN_SPAN = 10      # the least length of a span: a single day is still a mark to see and tap
ROW_GAP = 10       # space between rows
AXIS = 30          # the year labels under the rows
WRAP_AT = 44       # characters to a line of a row's words
MAX_ROWS = 24      # a large ledger: the most recent counts are drawn (the figures table has all)
ALSO_HEDGED = {"range"}
NOT_DRAWN_SHOWN = 10   # counts not drawn listed under the chart; all are on NOT_DRAWN_PAGE
NOT_DRAWN_PAGE = "not-drawn"   # docs/not-drawn.md


@dataclass
class Selection:
    drawn: list       # (figure, event, start, end, open_end), in the order of their periods
    beside: list      # (figure, event, reason, whole): counts of people deported in Cambodia not drawn,
                      # and for a part of a drawn count, the id of that count
    elsewhere: list   # (figure, event): counts of people deported elsewhere, regional context


def _period(f, e) -> str:
    return f.period or e.date


def _span(text):
    """(start, end, open_end) of a period, or None when it cannot be placed on a time axis."""
    d = parse_or_none(text)
    if d is None or d.lower is None:
        return None
    return d.lower, d.upper, d.upper is None


def deportation_figures(ix) -> Selection:
    """The counts of people deported in the home country (by the figures' `counted` and `place`),
    split into those drawn and those listed beside the chart with the reason; and the counts of
    people deported elsewhere (regional context)."""
    drawn, beside, elsewhere = [], [], []
    for fid, f in ix.figures.items():
        if f.counted != "deported":
            continue
        e = ix.event_of[fid]
        if not vocab.within(ix.actors, f.place):
            elsewhere.append((f, e))
            continue
        whole = ix.figures.get(f.part_of) if f.part_of else None
        span = _span(_period(f, e))
        if f.bound == "vague" or (f.value is None and not (f.low is not None and f.high is not None)):
            beside.append((f, e, "the source gives no number", None))
        elif whole is not None and whole.counted == "deported" and vocab.within(ix.actors, whole.place):
            beside.append((f, e, "a part of a count drawn for the same period (not a separate group):", whole.id))
        elif span is None:
            beside.append((f, e, "its period has no known start, so it has no place on the time axis", None))
        else:
            drawn.append((f, e) + span)
    drawn.sort(key=lambda x: (x[2], x[3] or Date.max, x[0].id))
    beside.sort(key=lambda x: date_key(_period(x[0], x[1])))
    elsewhere.sort(key=lambda x: date_key(_period(*x)))
    return Selection(drawn, beside, elsewhere)


# -- drawing ---------------------------------------------------------------------------------------
def _hedged(f) -> bool:
    return f.bound in HEDGED or f.bound in ALSO_HEDGED


def _name(ctx: Ctx, f, e, marks) -> str:
    """A row's accessible name and hover title: what it counts, when, and who says so."""
    s = ctx.index.sources.get(f.source)
    extra = "".join(f", {m}" for m in marks)
    return (f"{fmt.figure_words(f)}: {prose_text(ctx.index, f.measure)}, {date_words(_period(f, e))}{extra}; "
            f"source: {s.publisher if s else f.source}. Opens the figure's record.")


def _years(drawn) -> tuple[int, int]:
    first = min(x[2].year for x in drawn)
    last = max((x[3] or x[2]).year for x in drawn)
    return first, last + 1  # the axis runs from 1 January of the first to 1 January after the last


def _x(day: Date, first: int, last: int) -> float:
    """Where a day lies on the axis (proportional to time)."""
    start, end = Date(first, 1, 1), Date(last, 1, 1)
    return PAD + (WIDTH - 2 * PAD) * (day - start).days / (end - start).days


def _step(first: int, last: int) -> int:
    """Years between labels, so that labels are at least 40 units apart."""
    per_year = (WIDTH - 2 * PAD) / (last - first)
    return next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if s * per_year >= 40)


def _head(f, marks) -> str:
    """'at least 2,700 Chinese nationals (repeated)': the number, its hedge and whom it counts."""
    who = vocab.of_whom_words(f.of_whom) if f.of_whom and f.of_whom != "unspecified" else "people"
    return f"{fmt.figure_words(f)} {who}" + "".join(f" ({m})" for m in marks)


def chart_svg(ctx: Ctx, uid: str, label_id: str, drawn: list) -> str:
    first, last = _years(drawn)
    rows, y = [], 0.0
    for f, e, start, end, open_end in drawn:
        marks = tuple(flags(ctx.index, f.id)) + (("open-ended",) if open_end else ())
        lines = [(line, True) for line in wrap(_head(f, marks), WRAP_AT)] + \
                [(line, False) for line in wrap(date_words(_period(f, e)), WRAP_AT)]
        height = LINE * len(lines) + 4 + SPAN
        rows.append((f, e, start, end, open_end, marks, lines, y, height))
        y += height + ROW_GAP
    plot = y - ROW_GAP
    total = plot + AXIS
    out = [f'<svg{attrs(id=uid, class_="chart-svg chart-time", viewBox=f"0 0 {WIDTH} {total:.0f}", role="group", aria_labelledby=label_id)}>']
    out.append(f'<defs><pattern{attrs(id=uid + "-hatch", class_="hatch tone-whole", patternUnits="userSpaceOnUse", width="6", height="6", patternTransform="rotate(45)")}>'
               '<rect class="hatch-ground" width="6" height="6"/><rect class="hatch-line" width="2" height="6"/></pattern>'
               f'<marker{attrs(id=uid + "-arrow", class_="chart-arrow", viewBox="0 0 10 10", refX="1", refY="5", markerWidth="6", markerHeight="6", orient="auto")}>'
               '<path d="M0 0 L10 5 L0 10 z"/></marker></defs>')
    # the years: a rule at the start of each, a label every `step` years, under the rows
    step = _step(first, last)
    out.append('<g class="axis chart-years" aria-hidden="true">')
    for year in range(first, last + 1):
        x = _x(Date(year, 1, 1), first, last)
        out.append(f'<path class="guide" d="M{x:.2f} 0 V{plot + 4:.2f}"/>')
        if (year - first) % step == 0 and year < last:
            out.append(f'<text x="{x + 2:.2f}" y="{plot + 20:.2f}">{year}</text>')
    out.append(f'<path class="axis-line" d="M{PAD} {plot + 4:.2f} H{WIDTH - PAD}"/></g>')
    for i, (f, e, start, end, open_end, marks, lines, top, height) in enumerate(rows):
        name = _name(ctx, f, e, marks)
        x0 = _x(start, first, last)
        x1 = WIDTH - PAD if open_end else _x(end, first, last)
        if x1 - x0 < MIN_SPAN:  # a short period: a mark of the least length, centred on it
            mid = (x0 + x1) / 2
            x0 = min(max(PAD, mid - MIN_SPAN / 2), WIDTH - PAD - MIN_SPAN)
            x1 = x0 + MIN_SPAN
        cls = ["chart-bar", "tone-whole"] + (["hedged"] if _hedged(f) else []) + list(m for m in marks if m != "open-ended")
        style = f"fill: url(#{uid}-hatch)" if _hedged(f) else None
        span_y = top + LINE * len(lines) + 4
        out.append(f'<a{attrs(href=figure_href(ctx, f.id), aria_label=name)}><title>{esc(name)}</title>')
        out.append(f'<rect{attrs(class_="chart-hit", x=str(PAD), y=f"{top:.2f}", width=str(WIDTH - 2 * PAD), height=f"{height:.2f}")}/>')
        for n, (line, head) in enumerate(lines):
            out.append(f'<text{attrs(class_="chart-label" if head else "chart-label chart-measure", x=str(PAD), y=f"{top + LINE * (n + 1) - 4:.2f}")}>'
                       f"{esc(line)}</text>")
        out.append(f'<rect{attrs(class_=" ".join(cls), style=style, data_figure=f.id, data_row=str(i), data_bound=f.bound, x=f"{x0:.2f}", y=f"{span_y:.2f}", width=f"{x1 - x0:.2f}", height=str(SPAN))}/>')
        if open_end:
            out.append(f'<path{attrs(class_="chart-open", d=f"M{x1 - 14:.2f} {span_y + SPAN / 2:.2f} H{x1 - 8:.2f}", marker_end=f"url(#{uid}-arrow)")}/>')
        out.append("</a>")
    out.append("</svg>")
    return "".join(out)


# -- the chart as a page block ----------------------------------------------------------------------
def _key(uid: str, drawn: list, marks: set) -> str:
    items = [f'{_swatch("tone-whole")} a count of people deported, drawn over the period it covers '
             "(a single day is a short mark)"]
    if any(_hedged(f) for f, *_ in drawn):
        items.append(f'{_swatch("tone-whole hedged", f"fill: url(#{uid}-hatch)")} hatched: a hedged count (around, '
                     "nearly, at least, more than, at most, a range); its words give the hedge")
    if "contested" in marks:
        items.append(f'{_swatch("tone-whole contested")} dashed outline: contested by another figure')
    if "repeated" in marks:
        items.append(f'{_swatch("tone-whole repeated")} dotted outline: the same count, reported by more than one source')
    if "open-ended" in marks:
        items.append("an arrow at the end: the period has no end date")
    return '<ul class="chart-key">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _not_drawn(ctx: Ctx, beside: list, tip: bool = True) -> str:
    """The list items of counts not drawn, each with its reason; `tip=False`: each figure a plain
    link to its row (the complete list's page), not a popover."""
    def why(reason, whole):
        return esc(reason) + (f" {figure(ctx, whole, plain=True)} people deported" if whole else "")
    return "".join(f'<li>{figure(ctx, f.id, tip=tip)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span>, '
                   f'{date(_period(f, e))}: <span class="chart-note">not drawn: {why(reason, whole)}</span></li>'
                   for f, e, reason, whole in beside)


def _beside(ctx: Ctx, sel: Selection) -> str:
    out = []
    if sel.beside:
        shown = sel.beside[-NOT_DRAWN_SHOWN:]
        more = len(sel.beside) - len(shown)
        head = "Counts of people deported from Cambodia not drawn, and why" + (", the most recent:" if more else ":")
        rest = (f'<p class="chart-more">And {tally(more, "more count")} not drawn: '
                f'<a{attrs(href=ctx.links.page(NOT_DRAWN_PAGE))}>every count not drawn, and why</a>.</p>') if more else ""
        out.append(f'<div class="chart-not-drawn"><p>{head}</p><ul>{_not_drawn(ctx, shown)}</ul>{rest}</div>')
    if sel.elsewhere:
        lis = "".join(f'<li>{figure(ctx, f.id)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span>, '
                      f"{date(_period(f, e))}</li>" for f, e in sel.elsewhere)
        out.append('<div class="chart-not-drawn chart-elsewhere"><p>Elsewhere in the region, for context '
                   f"(not drawn: the chart is of deportations from Cambodia):</p><ul>{lis}</ul></div>")
    return "".join(out)


def deportations_not_drawn(ctx: Ctx) -> str:
    """Every count of people deported from Cambodia that the chart does not draw, with the reason
    (its own page, NOT_DRAWN_PAGE: the chart lists the most recent few)."""
    beside = deportation_figures(ctx.index).beside
    if not beside:
        return '<p class="empty">The chart draws every count of people deported from Cambodia in the ledger.</p>'
    return f'<ul class="chart-not-drawn-all">{_not_drawn(ctx, beside, tip=False)}</ul>'


def deportations_chart(ctx: Ctx) -> str:
    """Deportations from Cambodia over time: each count of people deported as a span over its
    period on a time axis; the counts not drawn listed beside it with the reason, and the counts
    elsewhere as context; the same data as a table."""
    ix = ctx.index
    sel = deportation_figures(ix)
    if not sel.drawn and not sel.beside and not sel.elsewhere:
        return '<p class="empty">The ledger holds no counts of people deported yet.</p>'
    uid = ctx.uid("chart-deportations")
    capped = len(sel.drawn) > MAX_ROWS
    drawn = sel.drawn[-MAX_ROWS:]
    marks = {m for f, *_ in drawn for m in flags(ix, f.id)} | ({"open-ended"} if any(x[4] for x in drawn) else set())

    def where(e):
        return f'<br><span class="chart-note">in {", ".join(actor_link(ctx, p) for p in e.places)}</span>' if e.places else ""
    trs = [f"<tr{attrs(data_figure_row=f.id)}><td>{date(_period(f, e))}</td><td>{_count(ctx, f)}</td>"
           f"<td>{prose(ctx, f.measure, [f.source])}{where(e)}</td><td>{_source(ctx, f)}</td></tr>" for f, e, *_ in drawn]
    summary = ("Each row is one count of people deported from Cambodia, as a source states it, drawn as a span "
               "over the period it covers on a shared time axis; its words give the number with its hedge and the "
               "period. Periods overlap and claimants differ, so the counts are not a trend and are never added up. "
               "Each row opens its figure's record; the table gives the same counts with their sources.")
    return _figure(uid, "Deportations from Cambodia over time", summary,
                   chart_svg(ctx, uid, uid + "-title", drawn) if drawn else "",
                   _key(uid, drawn, marks) if drawn else "", _beside(ctx, sel),
                   _table(["Period", "Count", "What is counted, and where", "Source"], trs) if trs else "",
                   capped)
