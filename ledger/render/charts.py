"""Charts drawn at build time from the ledger, as static SVG inside the page (no script, no
network): who is counted (the nationality a part of a count names), and the helpers (keys, tables,
captions) it shares with the chart of deportations over time (deportchart.py).

The library is pygal (pinned 3.1.3): pure Python with one small dependency, it writes SVG itself
(real <text>, shapes that can carry links and labels), computes the scale, ticks, guides and bar
geometry, takes a link, a style and attributes per value, and is maintained (Kozea).  matplotlib
would bring numpy, pillow and more for the same bars, draws text as paths by default and knows
nothing of links or ARIA; hand-written SVG would mean keeping our own scale and tick code.

What this module adds to pygal's drawing:
- each bar is one ledger figure and a link to its row in the figures table (figure_href), named
  by its words, what it counts, its period and its source;
- a hedged value (around, nearly, at least, more than, at most) is a hatched, outlined bar, and its
  label carries the hedge; a vague value ("hundreds") is never a bar: it is listed beside the chart;
- a figure that is contested, or the same count reported by several sources, says so in its
  label and is drawn with a dashed (contested) or dotted (repeated) outline;
- every label is written above its bar, so the chart stays narrow enough for a phone;
- pygal's interactive parts (tooltips, their scripts and <desc> data, random ids, the comment with
  the build date) are removed: the output is the same for the same ledger;
- each chart is a <figure> with a caption saying what it shows (the text alternative) and a table
  with the same data, whose figures open their quote like everywhere else on the ix.
Colours come from site.css (classes here), so the light and dark schemes both work.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pygal
from pygal.etree import etree as pygal_etree
from pygal.style import Style

from .. import vocab
from ..index import date_key
from . import fmt
from .html import attrs, esc
from .inline import (
    Ctx,
    claim_phrase,
    date,
    date_words,
    figure,
    figure_href,
    prose,
    prose_text,
    source_href,
)

HEDGED = {"approx", "nearly", "at-least", "more-than", "at-most"}

# Layout, in SVG units (the drawing scales to the width of its column; see site.css).
WIDTH = 360       # narrow enough that its text stays legible at a phone's width
BAR = 18          # the thickness of a bar
LINE = 15         # the height of a line of label
AXIS = 40         # the value axis and the margins
HEAD_WRAP = 42    # characters to a line of a label's head (what it is, and the count): bold
WRAP = 50         # characters to a line of its second part (what is counted)
MAX_PAIRS = 12


def flags(ix, fid: str) -> list[str]:
    """'contested' and 'repeated', as they apply to the figure."""
    rel = ix.figure_related.get(fid, {})
    out = []
    if rel.get("disputed_by") or rel.get("disputes"):
        out.append("contested")
    if rel.get("same_as"):
        out.append("repeated")
    return out


# -- what the chart shows ------------------------------------------------------------------------
def _period(f, e) -> str:
    return f.period or e.date


@dataclass
class Pair:
    whole: object
    whole_event: object
    part: object
    part_event: object
    nationality: str

    @property
    def drawable(self) -> bool:
        return all(x.value is not None and x.bound != "vague" for x in (self.whole, self.part))


def counted_pairs(ix) -> list:
    """Counts of people with a part of another group that names a nationality (part_of in the
    ledger; the groups are the figures' `of_whom`), in the order of the whole's period."""
    out = []
    for e in ix.events.values():
        for f in e.figures:
            if f.unit != "people" or not f.part_of or f.part_of not in ix.figures:
                continue
            whole, we = ix.figures[f.part_of], ix.event_of[f.part_of]
            if whole.unit == "people" and f.of_whom in vocab.NATIONALITY_GROUPS and f.of_whom != whole.of_whom:
                out.append(Pair(whole, we, f, e, vocab.of_whom_words(f.of_whom)))
    out.sort(key=lambda p: date_key(_period(p.whole, p.whole_event)))
    return out


# -- drawing ---------------------------------------------------------------------------------------
@dataclass
class Row:
    """One bar: a ledger figure (with its event), what to write before its words, its tone."""
    f: object
    e: object
    lead: str
    tone: str = "whole"     # "whole": a count; "part": the part of it that a nationality names
    marks: tuple = ()       # "contested", "repeated"


def _row(ix, f, e, lead: str, tone: str = "whole") -> Row:
    return Row(f, e, lead, tone, tuple(flags(ix, f.id)))


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Words into lines of at most `width` characters (a longer word has a line of its own)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def label_lines(ctx: Ctx, row: Row) -> list[tuple[str, bool]]:
    """The lines above a bar, each with whether it is the head: what the bar is and the figure's
    own words (hedge included), then what exactly is counted."""
    head = f"{row.lead}: {fmt.figure_words(row.f)}" + "".join(f" ({m})" for m in row.marks)
    return ([(line, True) for line in wrap(head, HEAD_WRAP)]
            + [(line, False) for line in wrap(prose_text(ctx.index, row.f.measure))])


def _bar_name(ctx: Ctx, row: Row) -> str:
    """A bar's accessible name and hover title: what it counts, when, and who says so."""
    f, e = row.f, row.e
    s = ctx.index.sources.get(f.source)
    marks = "".join(f", {m}" for m in row.marks)
    return (f"{fmt.figure_words(f)}: {prose_text(ctx.index, f.measure)}, {date_words(_period(f, e))}{marks}; "
            f"source: {s.publisher if s else f.source}. Opens the figure's record.")


def _value(ctx: Ctx, uid: str, index: int, row: Row) -> dict:
    f = row.f
    classes = ["chart-bar", f"tone-{row.tone}"]
    node = {"data-figure": f.id, "data-row": str(index), "data-bound": f.bound}
    if f.bound in HEDGED:
        classes.append("hedged")
        node["style"] = f"fill: url(#{uid}-hatch-{row.tone})"
    classes += row.marks
    node["class"] = " ".join(classes)
    return {"value": f.value, "node": node,
            "xlink": {"href": figure_href(ctx, f.id), "aria-label": _bar_name(ctx, row)}}


def chart_svg(ctx: Ctx, uid: str, label_id: str, rows: list) -> str:
    """Horizontal bars, one per row, drawn by pygal and made ours (see the module's docstring)."""
    pygal_etree.to_etree()  # the standard library's ElementTree, whether or not lxml is installed
    labels = [label_lines(ctx, r) for r in rows]
    row_height = BAR + 8 + LINE * max(len(x) for x in labels)
    chart = pygal.HorizontalBar(
        width=WIDTH, height=AXIS + len(rows) * row_height, explicit_size=False, js=[], css=[],
        show_legend=False, margin=6, margin_right=18, spacing=4, show_y_guides=True, show_x_guides=False,
        print_values=False, value_formatter=lambda v: f"{v:,.0f}", truncate_label=-1, min_scale=3, max_scale=5,
        style=Style(font_family="inherit", background="transparent", plot_background="transparent",
                    label_font_size=12.5, major_label_font_size=12.5))
    chart._series_margin = (1 - BAR / row_height) / 2   # pygal centres a bar in its row
    chart._serie_margin = 0.0
    chart.add("", [_value(ctx, uid, i, r) for i, r in reversed(list(enumerate(rows)))])  # first at the top
    chart.uuid = uid
    return _finish(chart.render_tree(), uid, label_id, rows, labels, row_height)


_DROP_TAGS = {"desc", "title", "style", "script"}
_DROP_GROUPS = {"tooltip-overlay", "titles", "plot overlay", "plot text-overlay", "legends"}


def _finish(root, uid: str, label_id: str, rows: list, labels: list, row_height: float) -> str:
    for parent in list(root.iter()):
        for child in list(parent):
            if (not isinstance(child.tag, str) or child.tag in _DROP_TAGS  # comments: one holds the build date
                    or child.get("class", "") in _DROP_GROUPS):  # pygal's tooltips, for its script
                parent.remove(child)
    for el in root.iter():
        el.attrib.pop("id", None)  # pygal's ids repeat from one chart to the next
        if el.tag == "g" and el.get("class", "").startswith("axis"):
            el.set("aria-hidden", "true")  # the bars' names say it all
    view_box = root.get("viewBox")
    root.attrib.clear()
    root.attrib.update({"id": uid, "class": "chart-svg", "viewBox": view_box, "role": "group",
                        "aria-labelledby": label_id})
    plot = next(g for g in root.iter("g") if g.get("class") == "plot")
    text_group = ET.SubElement(plot, "g", {"class": "chart-labels", "aria-hidden": "true"})
    for bars in root.iter("g"):  # in reading order (pygal draws from the bottom up): top to bottom
        if bars.get("class") == "bars":
            bars[:] = sorted(bars, key=lambda g: int(g.find("a/rect").get("data-row")))
    shift = (row_height - BAR) / 2 - 3  # the bar to the foot of its row, its label above it
    width = float(view_box.split()[2]) - 12
    for a in root.iter("a"):
        a.set("href", a.attrib.pop("{http://www.w3.org/1999/xlink}href"))
        title = ET.Element("title")
        title.text = a.get("aria-label")
        a.insert(0, title)
        rect = a.find("rect")
        i = int(rect.get("data-row"))
        y = float(rect.get("y")) + shift
        rect.set("y", f"{y:.2f}")
        if i and rows[i].tone == "whole" and any(r.tone == "part" for r in rows):  # a rule between groups
            top = y + BAR + 3 - row_height
            ET.SubElement(text_group, "path", {"d": f"M0 {top:.2f} h{width:.2f}", "class": "chart-rule"})
        for n, (line, head) in enumerate(labels[i]):
            t = ET.SubElement(text_group, "text", {
                "x": f'{float(rect.get("x")):.2f}', "y": f"{y - 4 - (len(labels[i]) - 1 - n) * LINE:.2f}",
                "class": "chart-label" if head else "chart-label chart-measure"})
            t.text = line
    defs = root.find("defs")
    if defs is None:
        defs = ET.Element("defs")
        root.insert(0, defs)
    for tone in dict.fromkeys(r.tone for r in rows):  # hatching for hedged bars, coloured by site.css
        pat = ET.SubElement(defs, "pattern", {"id": f"{uid}-hatch-{tone}", "class": f"hatch tone-{tone}",
                                              "patternUnits": "userSpaceOnUse", "width": "6", "height": "6",
                                              "patternTransform": "rotate(45)"})
        ET.SubElement(pat, "rect", {"class": "hatch-ground", "width": "6", "height": "6"})
        ET.SubElement(pat, "rect", {"class": "hatch-line", "width": "2", "height": "6"})
    return ET.tostring(root, encoding="unicode")


# -- the charts as page blocks --------------------------------------------------------------------------
def _swatch(cls: str, style: str | None = None) -> str:
    return (f'<svg class="chart-swatch" viewBox="0 0 24 12" aria-hidden="true" focusable="false">'
            f'<rect{attrs(class_="chart-bar " + cls, x="1", y="1", width="22", height="10", style=style)}/></svg>')


def _key(uid: str, rows: list, tones: dict) -> str:
    """The chart's key: its colours, and the marks it uses for hedged, contested, repeated."""
    items = [f'{_swatch("tone-" + tone)} {esc(words)}' for tone, words in tones.items()]
    hedged = [r for r in rows if r.f.bound in HEDGED]
    if hedged:
        tone = hedged[0].tone
        items.append(f'{_swatch("tone-" + tone + " hedged", f"fill: url(#{uid}-hatch-{tone})")} hatched: a hedged '
                     "count (around, nearly, at least, more than, at most), drawn at the number stated; its label "
                     "gives the hedge")
    if any("contested" in r.marks for r in rows):
        items.append(f'{_swatch("tone-whole contested")} dashed outline: contested by another figure')
    if any("repeated" in r.marks for r in rows):
        items.append(f'{_swatch("tone-whole repeated")} dotted outline: the same count, reported by more than one source')
    return '<ul class="chart-key">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _not_drawn(ctx: Ctx, items: list) -> str:
    if not items:
        return ""
    lis = "".join(f'<li>{figure(ctx, f.id)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span>, '
                  f"{date(_period(f, e))}</li>" for f, e in items)
    return f'<div class="chart-not-drawn"><p>Not drawn, because the source gives no number:</p><ul>{lis}</ul></div>'


def _count(ctx: Ctx, f, measure: bool = False) -> str:
    """A table cell's figure (opening its quote), what it counts if asked, and how it is drawn."""
    marks = flags(ctx.index, f.id)
    notes = (["hedged: drawn hatched"] if f.bound in HEDGED else []) + (["contested"] if "contested" in marks else []) \
        + (["the same count is reported elsewhere"] if "repeated" in marks else [])
    what = f' <span class="measure">{prose(ctx, f.measure, [f.source])}</span>' if measure else ""
    return figure(ctx, f.id) + what + (f' <span class="chart-note">({esc("; ".join(notes))})</span>' if notes else "")


def _source(ctx: Ctx, *figs) -> str:
    """The outlets, linked to their sources' entries, and who claims the figures."""
    out = []
    for sid in dict.fromkeys(f.source for f in figs):
        s = ctx.index.sources.get(sid)
        out.append(f'<a class="source-link"{attrs(href=source_href(ctx, sid))}>{esc(s.publisher if s else sid)}</a>')
    claims = "; ".join(dict.fromkeys(claim_phrase(ctx, f) for f in figs))
    return "; ".join(out) + f'<br><span class="chart-note">{claims}</span>'


def _table(head: list[str], rows: list[str]) -> str:
    ths = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    return ('<div class="table-wrap"><table class="data-table chart-table"><caption>The counts in the chart, with '
            f'their sources</caption><thead><tr>{ths}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


MORE = (" The ledger holds more of these counts than a chart can show: the most recent are drawn "
        "here, and the figures table has every one.")


def _figure(uid: str, title: str, summary: str, svg: str, key: str, beside: str, table: str,
            capped: bool = False) -> str:
    return (f'<figure{attrs(class_="ledger-chart", id=uid + "-figure", aria_labelledby=uid + "-title")}>'
            f'<figcaption><span{attrs(class_="chart-title", id=uid + "-title")}>{esc(title)}</span> '
            f'<span class="chart-summary">{esc(summary + (MORE if capped else ""))}</span></figcaption>'
            f'<div class="chart-drawing" data-pagefind-ignore>{svg}</div>{key}{beside}{table}</figure>')


def counted_chart(ctx: Ctx) -> str:
    """Who is counted: counts of people of which the ledger records a part that a nationality
    names (Chinese nationals among all the foreigners deported), each drawn as the whole and the
    part, both ledger figures; vague ones listed beside; the same data as a table."""
    ix = ctx.index
    pairs = counted_pairs(ix)
    if not pairs:
        return '<p class="empty">The ledger records no count of people by nationality yet.</p>'
    uid = ctx.uid("chart-counted")
    capped = len(pairs) > MAX_PAIRS
    pairs = pairs[-MAX_PAIRS:]
    rows = []
    for p in (p for p in pairs if p.drawable):
        rows.append(_row(ix, p.whole, p.whole_event, f"{date_words(_period(p.whole, p.whole_event))}, in all"))
        rows.append(_row(ix, p.part, p.part_event, f"of whom, by nationality ({p.nationality})", "part"))
    trs = []
    for p in pairs:
        w, part = p.whole, p.part
        trs.append(f"<tr{attrs(data_figure_row=part.id)}><td>{date(_period(w, p.whole_event))}</td>"
                   f"<td>{_count(ctx, w, measure=True)}</td><td>{_count(ctx, part, measure=True)}</td>"
                   f"<td>{_source(ctx, w, part)}</td></tr>")
    vague = [(x, e) for p in pairs if not p.drawable
             for x, e in ((p.whole, p.whole_event), (p.part, p.part_event)) if x.value is None or x.bound == "vague"]
    summary = ("For each count of people of which a source also says how many were of a given nationality, two "
               "bars: everyone counted, and the part of them the nationality covers. Both are counts the sources "
               "state; nothing is subtracted or added. Each bar opens its figure's record; the table gives the "
               "same counts with their sources.")
    tones = {"whole": "everyone counted", "part": "of whom, the nationality named"}
    return _figure(uid, "Who is counted", summary,
                   chart_svg(ctx, uid, uid + "-title", rows) if rows else "",
                   _key(uid, rows, tones) if rows else "", _not_drawn(ctx, vague),
                   _table(["Period", "In all", "Of whom", "Source"], trs), capped)
