"""Every page, in a real browser: accessibility (axe-core), offline (no other host, no console
error), a phone's width, the charts, and screenshots of the main pages for a person to look at
(test-output/screenshots/)."""
from __future__ import annotations

import json
import re
from collections import Counter

import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ledger.render import charts, deportchart, fmt
from ledger.render.inline import actor_href, event_href, figure_href, source_href
from tests import ROOT
from tests.browser.browserkit import DESKTOP, OUTPUT, PHONE, SCREENSHOTS, site_path, visible

SERIOUS = {"serious", "critical"}


def test_every_page_passes_axe_with_no_serious_or_critical_violation(open_page, served):
    axe = Axe()
    page = open_page("")
    report, failures = {}, []
    for rel in served.pages():
        page.goto(served.url(rel))
        violations = axe.run(page).response["violations"]
        counts = Counter()
        for v in violations:
            counts[v["impact"]] += len(v["nodes"])
            if v["impact"] in SERIOUS:
                failures.append(f"{rel or '/'}: {v['id']} ({v['impact']}): {v['help']}: "
                                + "; ".join(n["html"][:120] for n in v["nodes"][:3]))
        report[rel or "/"] = {"violations": dict(counts),
                              "rules": sorted(f"{v['id']} ({v['impact']})" for v in violations)}
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe.json").write_text(json.dumps(report, indent=2, sort_keys=True))
    assert len(report) == len(served.pages()) > 5
    assert failures == [], "\n".join(failures)


def test_no_page_logs_an_error_or_asks_another_host(open_page, served):
    # the theme's settings that would load from elsewhere: web fonts and analytics
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    cfg = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    assert cfg["theme"].get("font") is False
    assert "analytics" not in (cfg.get("extra") or {}) and "consent" not in (cfg.get("extra") or {})

    # (every page the other tests open is watched too: axe's visit of each page, the phone's)
    page = open_page("")
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for rel in ("", "figures/", "chronology/"):
        page.goto(served.url(rel), wait_until="networkidle")
    # the search runs in a worker that loads the index's chunks and results: that too stays on the site
    page.goto(served.url(""))
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("deport")
    expect(page.locator(".md-search-result__list li").first).to_be_attached()
    assert any("/pagefind/index/" in u for u in requested) and any("/pagefind/fragment/" in u for u in requested)
    assert all(u.startswith(served.base) for u in requested), [u for u in requested if not u.startswith(served.base)]
    # open_page's watch fails the test on any console error or request to another host


def test_at_a_phone_width_no_page_scrolls_sideways_and_the_figures_table_works(open_page, served):
    page = open_page("", viewport=PHONE, has_touch=True, is_mobile=True)
    wide = []
    for rel in served.pages():
        page.goto(served.url(rel))
        sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if sizes[0] > sizes[1]:
            wide.append(f"{rel or '/'}: {sizes[0]}px wide in a {sizes[1]}px window")
    assert wide == []

    # the figures table: reads as cards, each cell labelled; opens at a figure's row; sorts by a tap
    data = served.data
    fid = list(data.figures)[len(data.figures) // 2]
    page.goto(served.url(figure_href(served.ctx, fid)))
    row = page.locator(f'tr[id="fig-{fid}"]')
    expect(row.locator("td").first).to_be_in_viewport()
    frame = page.locator(".table-wrap", has=page.locator("table.figures-table"))
    assert frame.evaluate("el => el.scrollWidth <= el.clientWidth"), "the table does not fit a phone's width"
    box = row.bounding_box()
    assert box["width"] <= PHONE["width"] and box["height"] < 1.5 * PHONE["height"], f"a row is {box}"
    labels = row.locator("td").evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert all(label not in ("none", "normal", '""') for label in labels[:4]), labels
    button = page.locator("table.figures-table").get_by_role("button", name="Value", exact=True)
    button.tap()
    header = page.locator("table.figures-table thead th", has=page.get_by_role("button", name="Value", exact=True))
    expect(header).to_have_attribute("aria-sort", "ascending")
    values = [data.figures[f].value for f in [i.removeprefix("fig-") for i in visible(page, "table.figures-table tbody tr", "id")]]
    known = [v for v in values if v is not None]
    assert known == sorted(known)

    # a figure on a touch screen: the first tap shows its quote, the second follows it
    page.goto(served.url(""))
    link = page.locator(".figure-ref > a.figure-link").first
    link.scroll_into_view_if_needed()
    url = page.url
    link.tap()
    tip = page.locator(f'[id="{link.get_attribute("aria-describedby")}"]')
    expect(tip).to_be_visible()
    box = tip.bounding_box()
    assert page.url == url and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
    link.tap()
    page.wait_for_url(lambda u: site_path(served, u)[1].startswith("fig-"))


def test_the_charts_draw_ledger_figures_and_link_each_bar_to_its_row(open_page, served):
    data = served.data
    page = open_page("")
    sel = deportchart.deportation_figures(data)
    pairs = [p for p in charts.counted_pairs(data) if p.drawable]
    figures = page.locator("figure.ledger-chart")
    expect(figures).to_have_count(2)
    for chart, expected in ((figures.nth(0), [x[0].id for x in sel.drawn]),
                            (figures.nth(1), [x.id for p in pairs for x in (p.whole, p.part)])):
        bars = chart.locator("svg a")
        assert expected, "the ledger has nothing for this chart to draw"
        assert [bars.nth(i).locator("rect.chart-bar").get_attribute("data-figure") for i in range(bars.count())] == expected
        for i in range(bars.count()):
            bar = bars.nth(i)
            f = data.figure(bar.locator("rect.chart-bar").get_attribute("data-figure"))
            assert site_path(served, bar.get_attribute("href")) == site_path(served, figure_href(served.ctx, f.id))
            fill = bar.locator("rect.chart-bar").evaluate("el => getComputedStyle(el).fill")
            hedged = f.bound in charts.HEDGED or f.bound in deportchart.ALSO_HEDGED
            assert fill.startswith("url(") == hedged, f"{f.id} ({f.bound}) filled {fill}"
            expect(bar).to_have_accessible_name(re.compile("^" + re.escape(fmt.figure_words(f) + ": ")))
        # each chart's table has the same figures, each opening its quote
        refs = chart.locator("table.chart-table tbody tr .figure-ref")
        assert refs.locator("span.figure").evaluate_all("els => els.map(e => e.dataset.figure)") == expected
        expect(refs.locator(".figure-tip > q")).to_have_count(len(expected))  # (a note may quote too)
    # every count of people deported in Cambodia is drawn or listed with its reason (the most
    # recent under the chart, all on their own page: tests/site/test_reads_like_an_explainer.py);
    # other countries' are listed apart, never on Cambodia's axis
    not_drawn = figures.nth(0).locator(".chart-not-drawn:not(.chart-elsewhere) li > .figure-ref span.figure")
    assert not_drawn.evaluate_all("els => els.map(e => e.dataset.figure)") == \
        [f.id for f, *_ in sel.beside][-deportchart.NOT_DRAWN_SHOWN:]
    elsewhere = figures.nth(0).locator(".chart-elsewhere li > .figure-ref span.figure")
    assert sorted(elsewhere.evaluate_all("els => els.map(e => e.dataset.figure)")) == sorted(f.id for f, _ in sel.elsewhere)
    assert not {f.id for f, _ in sel.elsewhere} & set(visible(page, "svg.chart-time rect.chart-bar", "data-figure"))
    # a bar, clicked, opens its figure's row
    bar = figures.nth(0).locator("svg a").first
    fid = bar.locator("rect.chart-bar").get_attribute("data-figure")
    bar.click()
    page.wait_for_url(lambda u: site_path(served, u) == site_path(served, figure_href(served.ctx, fid)))
    expect(page.locator(f'tr[id="fig-{fid}"]')).to_be_in_viewport()


def _main_pages(served) -> list[tuple[str, str]]:
    data, ctx = served.data, served.ctx
    year = max(data.years, key=lambda y: len(data.years[y]))
    return [
        ("home", ""), ("chronology", "chronology/"),
        (f"chronology-{year}", event_href(ctx, data.years[year][0]).split("#")[0]),
        ("figures", figure_href(ctx, next(iter(data.figures))).split("#")[0]),
        ("actors", actor_href(ctx, next(iter(data.actors))).split("#")[0]),
        ("sources", source_href(ctx, next(iter(data.sources))).split("#")[0]),
    ]


def test_screenshots_of_the_main_pages_at_desktop_and_phone_widths(open_page, served):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_page("", viewport=viewport)
        for name, rel in _main_pages(served):
            page.goto(served.url(rel))
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        # a figure's popover, open (from the keyboard)
        page.goto(served.url(""))
        link = page.locator(".figure-ref > a.figure-link").first
        link.focus()
        tip = page.locator(f'[id="{link.get_attribute("aria-describedby")}"]')
        expect(tip).to_be_visible()
        a, b = link.bounding_box(), tip.bounding_box()
        x, y = max(0, min(a["x"], b["x"]) - 12), max(0, min(a["y"], b["y"]) - 12)
        page.screenshot(path=str(SCREENSHOTS / f"popover-{label}.png"), clip={
            "x": x, "y": y, "width": min(viewport["width"] - x, max(a["x"] + a["width"], b["x"] + b["width"]) + 12 - x),
            "height": max(a["y"] + a["height"], b["y"] + b["height"]) + 12 - y})
        page.screenshot(path=str(SCREENSHOTS / f"popover-page-{label}.png"))
        # the chronology, narrowed
        data = served.data
        year = max(data.years, key=lambda y: len(data.years[y]))
        kind = Counter(data.events[e].kind for e in data.years[year]).most_common(1)[0][0]
        page.goto(served.url(event_href(served.ctx, data.years[year][0]).split("#")[0] + f"?kind={kind}"))
        page.screenshot(path=str(SCREENSHOTS / f"chronology-filtered-{label}.png"), full_page=True)
    shots = sorted(SCREENSHOTS.glob("*.png"))
    assert len(shots) == 2 * (len(_main_pages(served)) + 3) and all(s.stat().st_size > 5000 for s in shots)
