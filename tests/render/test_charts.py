"""ledger/render/charts.py and deportchart.py: the charts are drawn from ledger figures only,
hedged values look hedged, vague ones are never drawn, contested and repeated ones say so, each
mark links to its figure's row, the deportations are on a time axis (a span per period, Cambodia's
only), nothing is left out without a reason, and the SVG is static, offline and the same on every
build."""
from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from datetime import date

from ledger.render import charts, deportchart, fmt, html, inline


@pytest.fixture(scope="module")
def sample(loaded):
    """The sample ledger's index (the loaded sample ledger is a fixture of tests/render/conftest.py)."""
    return loaded.index


@pytest.fixture(scope="module")
def ctx(loaded):
    def make(index, url=""):
        return inline.Ctx(index, loaded.pages, html.Links(url))
    return make


def changed(index, fid, **fields):
    """A copy of the index with one figure's fields changed (the module's index is shared)."""
    f, e = index.figures[fid], index.event_of[fid]
    new_f = f.model_copy(update=fields)
    new_e = e.model_copy(update={"figures": [new_f if x.id == fid else x for x in e.figures]})
    return dataclasses.replace(
        index, events={k: (new_e if k == e.id else v) for k, v in index.events.items()},
        figures={k: (new_f if k == fid else v) for k, v in index.figures.items()},
        event_of={k: (new_e if v.id == e.id else v) for k, v in index.event_of.items()})


def drawn_ids(index):
    return [x[0].id for x in deportchart.deportation_figures(index).drawn]


def test_what_each_chart_shows(sample):
    sel = deportchart.deportation_figures(sample)
    assert [x[0].id for x in sel.drawn] == ["gdi-deported", "wire-deported"]
    # a part of a count already drawn is listed beside it, with the reason
    assert sel.beside and all(whole == "gdi-deported" and "a part of a count" in why for _, _, why, whole in sel.beside)
    assert sel.elsewhere == []
    pairs = charts.counted_pairs(sample)
    assert [(p.whole.id, p.part.id, p.nationality) for p in pairs] == [("gdi-deported", "gdi-chinese", "Chinese nationals")]


def test_charts_select_by_what_is_counted_and_where_never_by_event_kind_or_words(sample):
    """A count of people deported elsewhere is not a deportation from Cambodia, whatever its event;
    a count of arrests is not drawn even when its event is a deportation; the part drawn in the
    second chart is the one whose group names a nationality, not one whose measure happens to."""
    # a place the ledger does not put inside Cambodia (the sample's airport has no parent) is
    # regional context: listed apart, never on Cambodia's axis
    elsewhere = changed(sample, "wire-deported", place="phnom-penh-international-airport")
    assert drawn_ids(elsewhere) == ["gdi-deported"]
    assert [f.id for f, _ in deportchart.deportation_figures(elsewhere).elsewhere] == ["wire-deported"]
    arrests = changed(sample, "wire-deported", counted="arrested")
    assert drawn_ids(arrests) == ["gdi-deported"]
    arrested_in_arrest_event = changed(sample, "post-arrested", counted="deported")
    assert "post-arrested" in drawn_ids(arrested_in_arrest_event)
    by_words = changed(sample, "gdi-women", measure="Chinese women among the deportees")
    assert [p.part.id for p in charts.counted_pairs(by_words)] == ["gdi-chinese"]
    by_group = changed(sample, "gdi-chinese", of_whom="foreigners")
    assert charts.counted_pairs(by_group) == []


def test_bars_are_ledger_figures_linked_to_their_rows(sample, ctx):
    out = deportchart.deportations_chart(ctx(sample))
    soup = BeautifulSoup(out, "html.parser")
    svg = soup.select_one("figure.ledger-chart svg.chart-svg")
    assert svg["role"] == "group" and soup.find(id=svg["aria-labelledby"]).get_text() == "Deportations from Cambodia over time"
    bars = svg.select("a")
    assert [a.select_one("rect.chart-bar")["data-figure"] for a in bars] == ["gdi-deported", "wire-deported"]
    for a in bars:
        f = sample.figures[a.select_one("rect.chart-bar")["data-figure"]]
        assert a["href"] == inline.figure_href(ctx(sample), f.id) == f"figures/#fig-{f.id}"
        assert a["aria-label"].startswith(f"{fmt.figure_words(f)}: {f.measure}")
        assert a.find("title").get_text() == a["aria-label"]
        assert "repeated" in a.select_one("rect.chart-bar")["class"]  # the same count, reported by two sources
        # the whole row (words and span) is the link: a tap target however short the period
        hit = a.select_one("rect.chart-hit")
        assert float(hit["height"]) >= 44 and float(hit["width"]) >= 300
    heads = " ".join(t.get_text() for t in svg.select("text.chart-label:not(.chart-measure)"))
    assert "130 foreigners of all nationalities (repeated)" in heads  # on one line or two
    assert "7–8 November 2022" in [t.get_text() for t in svg.select("text.chart-measure")]
    # the same data as a table, whose figures open their quotes
    rows = soup.select("table.chart-table tbody tr")
    assert [r["data-figure-row"] for r in rows] == ["gdi-deported", "wire-deported"]
    assert all(r.select_one(".figure-ref .figure-tip q") for r in rows)


def test_hedged_values_are_hatched_and_say_their_hedge(sample, ctx):
    site = changed(sample, "wire-deported", bound="more-than")
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(site)), "html.parser")
    rect = soup.select_one('rect[data-figure="wire-deported"]')
    assert "hedged" in rect["class"] and re.fullmatch(r"fill: url\(#[\w-]+-hatch\)", rect["style"])
    assert soup.find(id=rect["style"][len("fill: url(#"):-1]).name == "pattern"
    heads = " ".join(t.get_text() for t in soup.select("text.chart-label:not(.chart-measure)"))
    assert "more than 130 foreigners" in heads
    assert "hedged" not in soup.select_one('rect[data-figure="gdi-deported"]')["class"]
    assert "hatched" in soup.select_one("ul.chart-key").get_text()


def test_vague_values_are_never_drawn_but_listed(sample, ctx):
    site = changed(sample, "wire-deported", bound="vague", value=None, quote="hundreds were deported")
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(site)), "html.parser")
    assert soup.select_one('rect[data-figure="wire-deported"]') is None
    listed = soup.select_one(".chart-not-drawn")
    item = listed.select_one('span.figure[data-figure="wire-deported"]').find_parent("li")
    assert item.select_one('span.figure[data-figure="wire-deported"]').get_text() == "hundreds"
    assert "not drawn: the source gives no number" in item.get_text()


def test_a_time_axis_with_years_and_spans_over_periods(sample, ctx):
    """x is time: the years are labelled, a span starts and ends where its period does (a single
    day has the least length), a period with no end runs to the axis' end with an arrow, and one
    with no known start is listed with the reason."""
    site = changed(sample, "gdi-deported", period="2019/2022-11-08")
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(site)), "html.parser")
    years = [t.get_text() for t in soup.select("svg g.chart-years text")]
    assert years[0] == "2019" and "2022" in years
    long = soup.select_one('rect[data-figure="gdi-deported"]')
    short = soup.select_one('rect[data-figure="wire-deported"]')
    x19, x23 = (deportchart._x(date(y, 1, 1), 2019, 2023) for y in (2019, 2023))
    assert float(long["x"]) == round(x19, 2) and float(long["width"]) > 0.7 * (x23 - x19)
    assert float(short["width"]) == deportchart.MIN_SPAN
    assert float(short["x"]) + float(short["width"]) <= x23 + 0.01
    open_end = changed(sample, "gdi-deported", period="2019/..")
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(open_end)), "html.parser")
    rect = soup.select_one('rect[data-figure="gdi-deported"]')
    assert float(rect["x"]) + float(rect["width"]) == deportchart.WIDTH - deportchart.PAD
    assert soup.select_one("path.chart-open")["marker-end"].startswith("url(#")
    assert "no end date" in soup.select_one("ul.chart-key").get_text()
    no_start = changed(sample, "gdi-deported", period="../2022-11")
    sel = deportchart.deportation_figures(no_start)
    assert [(f.id, "no known start" in why) for f, _, why, _ in sel.beside if f.id == "gdi-deported"] == [("gdi-deported", True)]


def test_contested_values_say_so(sample, ctx):
    site = dataclasses.replace(
        sample, figure_related=dict(sample.figure_related, **{"gdi-deported": {"disputed_by": ("wire-deported",)}}))
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(site)), "html.parser")
    assert "contested" in soup.select_one('rect[data-figure="gdi-deported"]')["class"]
    assert "dashed outline" in soup.select_one("ul.chart-key").get_text()


def test_the_svg_is_static_deterministic_and_offline(sample, ctx):
    def page():
        c = ctx(sample)  # one page: its ids are unique
        return deportchart.deportations_chart(c) + charts.counted_chart(c)
    a, b = page(), page()
    assert a == b
    soup = BeautifulSoup(a, "html.parser")
    svgs = soup.select("svg.chart-svg")
    assert len(svgs) == 2
    for svg in svgs:
        assert not svg.select("script, style, desc, foreignObject")
        assert "<!--" not in str(svg) and "http" not in re.sub(r'xmlns="[^"]+"', "", str(svg))
        assert not [k for el in svg.find_all(True) for k in el.attrs if k.lower().startswith("on")]
    ids = [el["id"] for el in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    # the second chart: whole and part, in reading order
    bars = soup.select("figure.ledger-chart")[1].select("svg a rect")
    assert [(r["data-figure"], "tone-part" in r["class"]) for r in bars] == [("gdi-deported", False), ("gdi-chinese", True)]


def test_empty_ledger_parts_say_so(sample, ctx):
    site = dataclasses.replace(sample, events={}, figures={}, event_of={})
    assert "no counts of people deported" in deportchart.deportations_chart(ctx(site))
    assert "no count of people by nationality" in charts.counted_chart(ctx(site))


def test_wrap():
    assert charts.wrap("a b c d", 3) == ["a b", "c d"]
    assert charts.wrap("averyveryverylongword x", 5) == ["averyveryverylongword", "x"]
    assert charts.wrap("", 5) == []


def test_a_large_ledger_draws_its_most_recent_counts(sample, ctx, monkeypatch):
    monkeypatch.setattr(deportchart, "MAX_ROWS", 1)
    soup = BeautifulSoup(deportchart.deportations_chart(ctx(sample)), "html.parser")
    assert [r["data-figure"] for r in soup.select("svg a rect.chart-bar")] == ["wire-deported"]  # the later of the two
    assert "the most recent are drawn" in soup.select_one("figcaption").get_text()
    assert len(soup.select("table.chart-table tbody tr")) == 1
