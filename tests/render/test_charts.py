"""ledger/render/charts.py: the charts are drawn from ledger figures only, hedged values look
hedged, vague ones are never drawn, contested and repeated ones say so, each bar links to its
figure's row, and the SVG is static, offline and the same on every build."""
from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from ledger.render import charts, fmt, html, inline


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


def test_what_each_chart_shows(sample):
    drawn, vague = charts.deportation_figures(sample)
    assert [f.id for f, _ in drawn] == ["gdi-deported", "wire-deported"]  # parts are left to the second
    assert vague == []
    pairs = charts.counted_pairs(sample)
    assert [(p.whole.id, p.part.id, p.nationality) for p in pairs] == [("gdi-deported", "gdi-chinese", "Chinese nationals")]


def test_charts_select_by_what_is_counted_and_where_never_by_event_kind_or_words(sample):
    """A count of people deported elsewhere is not a deportation from Cambodia, whatever its event;
    a count of arrests is not drawn even when its event is a deportation; the part drawn in the
    second chart is the one whose group names a nationality, not one whose measure happens to."""
    elsewhere = changed(sample, "wire-deported", place="phnom-penh-international-airport")
    assert [f.id for f, _ in charts.deportation_figures(elsewhere)[0]] == ["gdi-deported"]
    arrests = changed(sample, "wire-deported", counted="arrested")
    assert [f.id for f, _ in charts.deportation_figures(arrests)[0]] == ["gdi-deported"]
    arrested_in_arrest_event = changed(sample, "post-arrested", counted="deported")
    assert "post-arrested" in [f.id for f, _ in charts.deportation_figures(arrested_in_arrest_event)[0]]
    by_words = changed(sample, "gdi-women", measure="Chinese women among the deportees")
    assert [p.part.id for p in charts.counted_pairs(by_words)] == ["gdi-chinese"]
    by_group = changed(sample, "gdi-chinese", of_whom="foreigners")
    assert charts.counted_pairs(by_group) == []


def test_bars_are_ledger_figures_linked_to_their_rows(sample, ctx):
    out = charts.deportations_chart(ctx(sample))
    soup = BeautifulSoup(out, "html.parser")
    svg = soup.select_one("figure.ledger-chart svg.chart-svg")
    assert svg["role"] == "group" and soup.find(id=svg["aria-labelledby"]).get_text() == "Deportations from Cambodia over time"
    bars = svg.select("a")
    assert [a.rect["data-figure"] for a in bars] == ["gdi-deported", "wire-deported"]
    for a in bars:
        f = sample.figures[a.rect["data-figure"]]
        assert a["href"] == inline.figure_href(ctx(sample), f.id) == f"figures/#fig-{f.id}"
        assert a["aria-label"].startswith(f"{fmt.figure_words(f)}: {f.measure}")
        assert a.find("title").get_text() == a["aria-label"]
        assert "repeated" in a.rect["class"]  # the same count, reported by two sources
    labels = [t.get_text() for t in svg.select("text.chart-label")]
    assert "7–8 November 2022: 130 (repeated)" in labels
    # the same data as a table, whose figures open their quotes
    rows = soup.select("table.chart-table tbody tr")
    assert [r["data-figure-row"] for r in rows] == ["gdi-deported", "wire-deported"]
    assert all(r.select_one(".figure-ref .figure-tip q") for r in rows)


def test_hedged_values_are_hatched_and_say_their_hedge(sample, ctx):
    site = changed(sample, "wire-deported", bound="more-than")
    soup = BeautifulSoup(charts.deportations_chart(ctx(site)), "html.parser")
    rect = soup.select_one('rect[data-figure="wire-deported"]')
    assert "hedged" in rect["class"] and re.fullmatch(r"fill: url\(#[\w-]+-hatch-whole\)", rect["style"])
    assert soup.find(id=rect["style"][len("fill: url(#"):-1]).name == "pattern"
    heads = " ".join(t.get_text() for t in soup.select("text.chart-label:not(.chart-measure)"))
    assert "7–8 November 2022: more than 130 (repeated)" in heads  # on one line or two
    assert "hedged" not in soup.select_one('rect[data-figure="gdi-deported"]')["class"]
    assert "hatched" in soup.select_one("ul.chart-key").get_text()


def test_vague_values_are_never_drawn_but_listed(sample, ctx):
    site = changed(sample, "wire-deported", bound="vague", value=None, quote="hundreds were deported")
    soup = BeautifulSoup(charts.deportations_chart(ctx(site)), "html.parser")
    assert soup.select_one('rect[data-figure="wire-deported"]') is None
    listed = soup.select_one(".chart-not-drawn")
    assert listed.select_one('span.figure[data-figure="wire-deported"]').get_text() == "hundreds"


def test_contested_values_say_so(sample, ctx):
    site = dataclasses.replace(
        sample, figure_related=dict(sample.figure_related, **{"gdi-deported": {"disputed_by": ("wire-deported",)}}))
    soup = BeautifulSoup(charts.deportations_chart(ctx(site)), "html.parser")
    assert "contested" in soup.select_one('rect[data-figure="gdi-deported"]')["class"]
    assert "dashed outline" in soup.select_one("ul.chart-key").get_text()


def test_the_svg_is_static_deterministic_and_offline(sample, ctx):
    def page():
        c = ctx(sample)  # one page: its ids are unique
        return charts.deportations_chart(c) + charts.counted_chart(c)
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
    assert "no counts of people deported" in charts.deportations_chart(ctx(site))
    assert "no count of people by nationality" in charts.counted_chart(ctx(site))


def test_wrap():
    assert charts.wrap("a b c d", 3) == ["a b", "c d"]
    assert charts.wrap("averyveryverylongword x", 5) == ["averyveryverylongword", "x"]
    assert charts.wrap("", 5) == []


def test_a_large_ledger_draws_its_most_recent_counts(sample, ctx, monkeypatch):
    monkeypatch.setattr(charts, "MAX_BARS", 1)
    soup = BeautifulSoup(charts.deportations_chart(ctx(sample)), "html.parser")
    assert [r["data-figure"] for r in soup.select("svg a rect")] == ["wire-deported"]  # the later of the two
    assert "the most recent are drawn" in soup.select_one("figcaption").get_text()
    assert len(soup.select("table.chart-table tbody tr")) == 1
