"""The site read as its readers read it, in a real browser: the deportation chart on a phone
(a time axis, text of at least 12 px, every mark big enough to tap), popovers that stay on the
screen (opening above a figure near its foot; the explainer's, as the chronology has none), a printed page that keeps each figure's quote and
outlet, a search that finds pages with all the words typed and snippets without glued words, and
screenshots of the home page and a chronology year at both widths in both schemes
(test-output/screenshots/reading-*.png) for a person to look at."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ledger.render import deportchart
from ledger.render.inline import event_href
from tests.browser.browserkit import DESKTOP, PHONE, SCREENSHOTS

LAPTOP = {"width": 1280, "height": 800}
# a label run into its value ("Published31 March"), or a word into a date ("nationalitiesJanuary")
GLUED = re.compile(r"(?:Published|Outlet|Language|Archived|Claimed|Source)(?=[A-Z0-9])|[a-z](?:January|February|"
                   r"March|April|May|June|July|August|September|October|November|December)\b")


def _year_page(served) -> str:
    data = served.data
    year = max(data.years, key=lambda y: len(data.years[y]))
    return event_href(served.ctx, data.years[year][0]).split("#")[0]


def test_the_deportation_chart_has_a_time_axis_legible_text_and_marks_to_tap(open_page, served):
    sel = deportchart.deportation_figures(served.data)
    assert sel.drawn, "the ledger has no count of people deported from Cambodia to draw"
    page = open_page("", viewport=PHONE, has_touch=True, is_mobile=True)
    svg = page.locator("svg.chart-time")
    svg.scroll_into_view_if_needed()
    first, last = deportchart._years(sel.drawn)
    years = svg.locator("g.chart-years text").all_text_contents()
    assert years[0] == str(first) and all(first <= int(y) < last for y in years) and len(years) >= 2
    # the rendered size of every piece of chart text (the SVG scales with its column)
    sizes = page.evaluate("""() => [...document.querySelectorAll('figure.ledger-chart svg.chart-svg')].flatMap(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]);
    })""")
    assert sizes and [s for s in sizes if s[1] < 12] == [], sizes
    # every mark is visible and its row is a tap target; each opens its figure's row
    marks = svg.locator("a")
    assert marks.count() == len(sel.drawn)
    for i in range(marks.count()):
        box = marks.nth(i).locator("rect.chart-bar").bounding_box()
        assert box["width"] >= 8 and box["height"] >= 10, box
        row = marks.nth(i).bounding_box()
        assert row["height"] >= 44 and row["width"] >= 0.9 * svg.bounding_box()["width"], row
    # a span covers its period: a later period starts further right
    xs = [marks.nth(i).locator("rect.chart-bar").bounding_box()["x"] for i in range(marks.count())]
    assert xs == sorted(xs)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _popovers_fit(page, viewport) -> list[str]:
    """Each figure of the page scrolled to the foot of the window, then near its top, and focused:
    the problems with where its popover opened (none when all stay inside the window)."""
    problems = []
    count = page.locator("article .figure-ref > a.figure-link").count()
    for i in range(count):
        for where in ("bottom", "top"):
            res = page.evaluate("""([i, where]) => {
                const link = document.querySelectorAll('article .figure-ref > a.figure-link')[i];
                const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                const r0 = link.getBoundingClientRect();
                const goal = where === 'bottom' ? innerHeight - r0.height - 6 : header + 6;
                if (document.activeElement) document.activeElement.blur();
                window.scrollBy(0, r0.top - goal);
                link.focus({preventScroll: true});
                const tip = document.getElementById(link.getAttribute('aria-describedby'));
                const a = link.getBoundingClientRect(), t = tip.getBoundingClientRect();
                return {link: [a.left, a.top, a.right, a.bottom], tip: [t.left, t.top, t.right, t.bottom],
                        shown: getComputedStyle(tip).display !== 'none', w: document.documentElement.clientWidth,
                        h: document.documentElement.clientHeight, id: link.getAttribute('href')};
            }""", [i, where])
            (l, t, r, b), (_, at, _, ab) = res["tip"], res["link"]
            if not res["shown"]:
                problems.append(f"{res['id']} ({where}): popover not shown")
            elif not (l >= 0 and t >= 0 and r <= res["w"] and b <= res["h"]):
                problems.append(f"{res['id']} ({where}, {viewport['width']}px): popover at {res['tip']} "
                                f"outside the {res['w']}x{res['h']} window (figure at {res['link']})")
            elif t < ab - 1 and b > at + 1:
                problems.append(f"{res['id']} ({where}): popover covers its figure")
    return problems


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_popovers_stay_inside_the_window_and_open_above_a_figure_at_its_foot(open_page, served, viewport):
    page = open_page("", viewport=viewport)
    assert page.locator("article .figure-ref").count() > 0
    problems = _popovers_fit(page, viewport)
    assert problems == [], "\n".join(problems)
    # the one at the foot opened above its figure
    page.goto(served.url(""))
    # the last figure of the page: far enough down to be scrolled to the window's foot (the first
    # stands in the opening screen, above any scroll)
    link = page.locator("article .figure-ref > a.figure-link").last
    page.evaluate("""() => { const all = document.querySelectorAll('article .figure-ref > a.figure-link');
        const l = all[all.length - 1];
        window.scrollBy(0, l.getBoundingClientRect().bottom - innerHeight + 4); }""")
    box = link.bounding_box()
    assert box["y"] + box["height"] > viewport["height"] - 40, "the figure is not at the window's foot"
    link.focus()
    tip = page.locator(f'[id="{link.get_attribute("aria-describedby")}"]')
    expect(tip).to_be_visible()
    assert tip.bounding_box()["y"] + tip.bounding_box()["height"] <= link.bounding_box()["y"] + 1


def test_a_printed_page_keeps_every_figures_quote_and_outlet(open_page, served):
    """Printed, each figure of a page with popovers (the explainer) has its quote, outlet and date
    after it; a figure shown again in the same block has them once, after its first mention, which
    its later links name (aria-describedby).  (The chronology holds no popovers: its figures link
    to their rows, which hold them.)"""
    data = served.data
    page = open_page("")
    page.emulate_media(media="print")
    for rel in ("",):
        page.goto(served.url(rel))
        tips = page.evaluate("""() => [...document.querySelectorAll('article .figure-ref')].map(ref => {
            const link = ref.querySelector('a.figure-link');
            const tip = document.getElementById(link.getAttribute('aria-describedby'));
            return [ref.querySelector('.figure').dataset.figure, tip.getClientRects().length > 0,
                    tip.innerText, tip.getBoundingClientRect().height,
                    ref.contains(tip) || !!(tip.compareDocumentPosition(ref) & Node.DOCUMENT_POSITION_FOLLOWING)];
        })""")
        assert tips, f"{rel or '/'} shows no figure"
        missing = []
        for fid, shown, text, height, before in tips:
            f = data.figure(fid)
            source = data.sources[f.source]
            words = " ".join(text.split())
            if not (shown and height > 0 and before and " ".join(f.quote.split()) in words and source.publisher in words):
                missing.append(f"{rel or '/'}: {fid}: shown={shown}, at or before the figure={before}, text={words[:120]!r}")
        assert missing == [], "\n".join(missing)


def test_a_printed_chronology_shows_no_controls(open_page, served):
    """The chronology's filters are controls for the screen: shown there (the script un-hides
    them), not on paper, where every event is printed."""
    page = open_page(f"chronology/{sorted(served.data.years)[0]}/")
    form = page.locator("form.chronology-filters")
    expect(form).to_be_visible()
    page.emulate_media(media="print")
    expect(form).to_be_hidden()
    assert page.locator("article section.event:visible").count() == page.locator("article section.event").count() > 0


def _search(page, query: str):
    """Type the query whole (one key up: the theme reads the query then) and wait for its results:
    the list is not the one it showed before (the search answers in a worker, a moment later)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    before = page.locator(".md-search-result__list").inner_html()
    box.fill(query)
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing|Type to start", re.I))
    page.wait_for_function("b => document.querySelector('.md-search-result__list').innerHTML !== b", arg=before)
    return page.locator(".md-search-result__list > li")


def test_search_finds_pages_with_all_the_words_and_snippets_read_as_words(open_page, served):
    records = served.site.search_records()
    glued = [(url, m.group(0)) for url, r in records.items() for m in GLUED.finditer(r["content"])]
    assert glued == [], glued[:10]
    page = open_page("")
    # a name whose first word starts other words ("Hun" starts "hundreds"): every result has both
    # words, the first as a whole word; pages with only "hundreds" are not found
    assert any(re.search(r"\bhundreds\b", r["content"], re.I) for r in records.values())
    results = _search(page, "Hun Manet")
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    for text in results.all_inner_texts():
        assert re.search(r"\bhun\b", text, re.I) and re.search(r"\bmanet", text, re.I), text[:200]
    # an actor of the ledger, by a name of several words, is found, and every word marked is one typed
    names = [a.name for a in served.data.actors.values() if len(a.name.split()) >= 2 and a.name.isascii()
             and not re.search(r"[^\w\s]", a.name)]
    name = next((n for n in names if any(w.lower().startswith(n.split()[0].lower()) and w.lower() != n.split()[0].lower()
                                         for m in names for w in m.split())), names[0])
    results = _search(page, name)
    expect(results.first).to_be_visible()
    words = [w.lower() for w in name.split()]
    marked = {m.strip().lower() for m in page.locator(".md-search-result__list mark").all_text_contents()} - {""}
    assert marked and all(m in words[:-1] or m.startswith(words[-1]) or m in words for m in marked), (name, marked)
    snippets = page.locator(".md-search-result__list article").all_inner_texts()
    assert not [s for s in snippets if GLUED.search(s)], snippets[:3]


SCHEMES = {"light": "default", "dark": "slate"}


def test_screenshots_of_the_home_page_and_a_chronology_year_in_both_schemes(open_page, served):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("reading-*.png"):
        old.unlink()
    year = _year_page(served)
    for scheme, theme in SCHEMES.items():
        for label, viewport in (("1280", DESKTOP), ("390", PHONE)):
            page = open_page("", viewport=viewport, color_scheme=scheme)
            for name, rel in (("home", ""), ("year", year)):
                page.goto(served.url(rel))
                assert page.locator("body").get_attribute("data-md-color-scheme") == theme
                page.screenshot(path=str(SCREENSHOTS / f"reading-{name}-{label}-{scheme}.png"), full_page=True)
    shots = sorted(SCREENSHOTS.glob("reading-*.png"))
    assert len(shots) == 8 and all(s.stat().st_size > 5000 for s in shots)
