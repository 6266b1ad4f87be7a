"""Readers' journeys, in a real browser: a number and its quote, the figures table, the chronology's
filters and permanent links, the site search, and the links that open a source at the quoted
words.  Expected values come from the ledger, never from the page under test."""
from __future__ import annotations

import html as html_mod
import re
from collections import Counter
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from ledger import vocab
from ledger.edtf import parse
from ledger.render import fmt
from ledger.render.inline import actor_href, date_words, event_href, figure_href, prose_text
from tests.browser.browserkit import sharing_rows, shown_events, site_path, visible

TRANSPARENT = {"rgba(0, 0, 0, 0)", "transparent"}


def _figure_page(served) -> str:
    fid = next(iter(served.data.figures))
    return figure_href(served.ctx, fid).split("#")[0]


def _check_popover(page, link, served):
    """The figure link's popover is shown, inside the window, with the figure's quote, its
    source's outlet and date; the link is named by its value and what it counts."""
    fid = link.locator("span.figure").get_attribute("data-figure")
    f = served.data.figure(fid)
    s = served.data.sources[f.source]
    tip = page.locator(f'[id="{link.get_attribute("aria-describedby")}"]')
    expect(tip).to_be_visible()
    expect(tip).to_have_attribute("role", "tooltip")
    expect(tip.locator(":scope > q")).to_have_text(f.quote)  # the quote (a note may quote too)
    expect(tip.locator(".outlet")).to_have_text(s.publisher)
    expect(tip).to_contain_text(date_words(s.published))
    expect(link).to_have_accessible_name(f"{fmt.figure_words(f)}: {prose_text(served.data, f.measure)}")
    expect(link).to_have_accessible_description(re.compile(re.escape(f.quote)))
    box, width = tip.bounding_box(), page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"popover outside the window: {box}"
    return fid, tip


def _lands_on_row(page, served, fid):
    path, frag = site_path(served, figure_href(served.ctx, fid))
    page.wait_for_url(lambda u: site_path(served, u) == (path, frag))
    row = page.locator(f'tr[id="fig-{fid}"]')
    expect(row).to_be_in_viewport()
    background = row.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in TRANSPARENT, "the row a figure link opens is not highlighted"
    other = page.locator("table.figures-table tbody tr:not(:target)").first
    assert other.evaluate("el => getComputedStyle(el).backgroundColor") != background
    assert row.locator("td").first.evaluate("el => getComputedStyle(el).boxShadow") != "none"


def test_a_number_shows_its_quote_by_keyboard_and_mouse_and_opens_its_row(open_page, served):
    page = open_page("")
    # keyboard: Tab through the page until a figure has the focus
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.figure-ref > a.figure-link')"):
            break
    else:
        pytest.fail("no figure on the home page is reached with Tab")
    tid = page.locator(":focus").get_attribute("aria-describedby")
    link = page.locator(f'.figure-ref > a.figure-link[aria-describedby="{tid}"]')
    fid, tip = _check_popover(page, link, served)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('.figure-ref > a.figure-link')"), "Escape moved the focus"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus again: the popover comes back
    expect(tip).to_be_visible()

    # mouse: another figure, hovered, then left, then followed
    page.evaluate("document.activeElement.blur()")
    expect(tip).to_be_hidden()
    links = page.locator(".figure-ref > a.figure-link")
    other = next(links.nth(i) for i in range(links.count())
                 if links.nth(i).locator("span.figure").get_attribute("data-figure") != fid)
    other.scroll_into_view_if_needed()
    other.hover()
    other_fid, other_tip = _check_popover(page, other, served)
    page.mouse.move(1, 1)
    expect(other_tip).to_be_hidden()
    other.click()
    _lands_on_row(page, served, other_fid)

    # the keyboard's figure, followed with Enter
    page.go_back()
    link.focus()
    page.keyboard.press("Enter")
    _lands_on_row(page, served, fid)


def test_the_figures_table_sorts_by_value_and_by_date(open_page, served):
    page = open_page(_figure_page(served))
    table = page.locator("table.figures-table")

    def order():
        return table.evaluate("t => Array.from(t.tBodies[0].rows, r => r.id.slice(4))")

    def value(fid):
        return served.data.figures[fid].value

    def period(fid):
        f = served.data.figures[fid]
        if not f.period or f.period == "unknown":
            return None
        d = parse(f.period)
        return d.lower or d.upper

    def expected(current, key, descending):
        known = [i for i in current if key(i) is not None]
        known = sorted(known, key=key, reverse=descending)  # stable: ties keep the current order
        return known + [i for i in current if key(i) is None]  # no value or date: always last

    assert Counter(order()) == Counter(list(served.data.figures))
    for name, key in (("Value", value), ("Period", period)):
        button = table.get_by_role("button", name=name, exact=True)
        header = table.locator("thead th", has=page.get_by_role("button", name=name, exact=True))
        for descending in (False, True):
            before = order()
            button.click()
            expect(header).to_have_attribute("aria-sort", "descending" if descending else "ascending")
            assert order() == expected(before, key, descending), f"{name}, {'descending' if descending else 'ascending'}"
            if name == "Value":  # and the numbers shown read in that order
                shown = [float(v) for v in table.locator("tbody span.figure[data-value]").evaluate_all(
                    "els => els.filter(e => e.closest('td') === e.closest('tr').cells[0]).map(e => e.dataset.value)")]
                assert shown == sorted(shown, reverse=descending)


def _events_of(served, year=None, kind=None, actor=None) -> list[str]:
    data = served.data
    return [eid for eid, e in data.events.items()
            if (year is None or data.event_year[eid] == year) and (kind is None or e.kind == kind)
            and (actor is None or actor in data.event_places_and_actors(e))]


def _page_of_year(served, year) -> str:
    return event_href(served.ctx, served.data.years[year][0]).split("#")[0]


def test_the_chronology_narrows_by_year_kind_and_actor_and_permalinks_open_at_the_event(open_page, served):
    data = served.data
    year = max(data.years, key=lambda y: len(data.years[y]))
    kind = Counter(data.events[e].kind for e in data.years[year]).most_common(1)[0][0]
    actor = Counter(a for e in _events_of(served, year, kind) for a in data.event_places_and_actors(data.events[e])
                    if a in data.actors).most_common(1)[0][0]

    # the index: the kind narrows the years and the latest events; a year opens its page
    index = open_page("chronology/")
    expect(index.locator("form.chronology-filters")).to_be_visible()
    index.select_option("#filter-kind", kind)
    assert visible(index, "[data-filter-group]", "data-year") == [y for y in data.years if _events_of(served, y, kind)]
    assert set(visible(index, "li[data-filter-item]", "data-kind")) <= {kind}
    index.select_option("#filter-year", year)
    index.wait_for_url(f"**/chronology/{year}/?kind={kind}")
    expect(index.locator("#filter-kind")).to_have_value(kind)
    expect(index.locator("#filter-year")).to_have_value(year)

    # a year's page: kind and actor narrow its events
    page = open_page(_page_of_year(served, year))
    events = "section.event[data-filter-item]"
    on_page = shown_events(page, events)
    assert set(on_page) == set(_events_of(served, year))
    page.select_option("#filter-kind", kind)
    assert shown_events(page, events) == [e for e in on_page if data.events[e].kind == kind]
    page.select_option("#filter-actor", actor)
    narrowed = shown_events(page, events)
    assert narrowed == [e for e in _events_of(served, year, kind, actor) if e in on_page] and narrowed
    assert f"kind={kind}" in page.url and f"actor={actor}" in page.url
    expect(page.locator(".filter-status")).to_contain_text("Showing only the events that match")

    # another year keeps the choices
    others = [y for y in data.years if y != year]
    assert others, "the ledger's events are all in one year: no other year to keep the choices on"
    other = max(others, key=lambda y: len(_events_of(served, y, kind)))
    page.select_option("#filter-year", other)
    page.wait_for_url(re.compile(re.escape(_page_of_year(served, other).rstrip("/")) + r"/?\?"))
    expect(page.locator("#filter-kind")).to_have_value(kind)
    expect(page.locator("#filter-actor")).to_have_value(actor)
    every = page.locator(events)
    on_other = set(every.evaluate_all("els => els.map(e => e.querySelector('h2, h3').id.slice(3))"))
    assert set(shown_events(page, events)) == set(_events_of(served, other, kind, actor)) & on_other
    # the reset clears the choices and shows every event again; site.js applies it once the form
    # has reset its fields (in a later task), so wait on the page's state, never on time
    page.locator("button.filter-reset").click()
    expect(page.locator("#filter-kind")).to_have_value("")
    expect(page.locator("#filter-actor")).to_have_value("")
    expect(every.filter(visible=True)).to_have_count(len(on_other))
    expect(page.locator(".filter-status")).to_have_text("")
    assert set(shown_events(page, events)) == on_other
    expect(page).not_to_have_url(re.compile(r"[?&](kind|actor)="))

    # a permanent link opens at its event, even with choices that would hide it
    target = next(e for e in data.years[year] if data.events[e].kind != kind)
    link = event_href(served.ctx, target)
    page = open_page(link.replace("#", f"?kind={kind}#"))
    heading = page.locator(f'[id="ev-{target}"]')
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    expect(page.locator("#filter-kind")).to_have_value("")
    # and from the page itself, once the choices hide it
    page.select_option("#filter-kind", kind)
    expect(heading).to_be_hidden()
    assert f"#ev-{target}" not in page.url  # no longer the target: its link works again
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate(f"location.hash = '#ev-{target}'")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()


def test_without_javascript_every_event_shows(open_page, served):
    year = next(iter(served.data.years))
    page = open_page(_page_of_year(served, year), java_script_enabled=False)
    expect(page.locator("form.chronology-filters")).to_be_hidden()
    assert len(shown_events(page)) == page.locator("section.event").count() > 0


def _search(page, words: str):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words, delay=10)
    return page.locator(".md-search-result__list")


def _result_targets(page, served) -> set:
    hrefs = page.eval_on_selector_all(".md-search-result__list a[href]", "els => els.map(a => a.href)")
    return {site_path(served, h) for h in hrefs}


def _expect_result(page, served, href: str, words: str):
    wanted = site_path(served, href)
    try:
        page.wait_for_function(
            "([path, frag]) => Array.from(document.querySelectorAll('.md-search-result__list a[href]'))"
            ".some(a => { const u = new URL(a.href); return u.pathname === path && decodeURIComponent(u.hash.slice(1)) === frag; })",
            arg=list(wanted), timeout=10_000)
    except Exception:  # noqa: BLE001 - say what was found instead
        pytest.fail(f"searching {words!r} does not find {href}; results: {sorted(_result_targets(page, served))[:20]}")


def test_search_finds_an_actor_by_alias_and_spelling_and_a_figure_by_its_source(open_page, served):
    data = served.data

    def norm(s):
        return re.sub(r"[^a-z]", "", s.casefold())
    names = Counter(norm(x) for a in data.actors.values() for x in [a.name, *a.aliases])
    def shared(alias, name):  # words an alias has in common with the name
        return len(set(alias.casefold().split()) & set(name.casefold().split()))
    aliases = [(a.id, x) for a in data.actors.values() for x in a.aliases
               if names[norm(x)] == 1 and norm(x) not in norm(a.name) and re.fullmatch(r"[A-Za-z][A-Za-z ]+", x)
               and len(x.split()) <= 4]
    assert aliases, "the ledger has no alias to search for"
    # the alias least like the name (then the longest): found only because the alias is indexed
    aid, alias = min(aliases, key=lambda p: (shared(p[1], data.actors[p[0]].name), -len(p[1]), p))
    variants = [(a.id, x) for a in data.actors.values() for x in a.aliases if norm(x) == norm(a.name) and x != a.name]

    page = open_page("")
    _search(page, alias)
    _expect_result(page, served, actor_href(served.ctx, aid), alias)
    assert variants, "the ledger has no spelling variant of a name to search for"
    aid, variant = variants[0]
    _search(page, variant)
    _expect_result(page, served, actor_href(served.ctx, aid), variant)

    # a figure, by the outlet it is quoted from
    outlets = Counter(s.publisher for s in data.sources.values())
    sid = next(sid for sid, figs in sorted(data.source_figures.items(), key=lambda kv: -len(kv[1]))
               if sid in data.sources and outlets[data.sources[sid].publisher] == 1
               and any(data.figures[f].source == sid for f in figs))
    fids = [f for f in data.source_figures[sid] if data.figures[f].source == sid]
    # a row that shares its Source cell with the row above (render/figures.py shared_cells), when
    # there is one: its result opens that row (that the index holds each row's own outlet is
    # checked on the index itself, tests/site/test_search_index.py)
    sharing = set(sharing_rows(served))
    fid = next((f for f in fids if f in sharing), fids[0])
    _search(page, data.sources[sid].publisher)
    _expect_result(page, served, figure_href(served.ctx, fid), data.sources[sid].publisher)

    # by keyboard alone: "/" opens the search, the arrow keys walk the results, Enter opens the
    # figure's row
    page = open_page("")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(data.sources[sid].publisher, delay=10)
    _expect_result(page, served, figure_href(served.ctx, fid), data.sources[sid].publisher)
    wanted = site_path(served, figure_href(served.ctx, fid))
    for _ in range(2 * page.locator(".md-search-result__list a[href]").count()):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("() => { const a = document.activeElement; return a && (a.href || a.tagName); }")
        if focused == "SUMMARY":  # a page's further entries, folded: Enter unfolds them
            page.keyboard.press("Enter")
        elif focused and site_path(served, focused) == wanted:
            break
    else:
        pytest.fail("the arrow keys never reach the figure's result")
    page.keyboard.press("Enter")
    _lands_on_row(page, served, fid)


def test_open_in_source_links_carry_the_quoted_words_as_a_text_fragment(open_page, served):
    data = served.data
    page = open_page(_figure_page(served))
    links = page.locator("table.figures-table tbody tr a.external")
    assert links.count() == sum(1 for f in data.figures.values() if data.sources[f.source].url)
    checked = set()
    for i in range(links.count()):
        a = links.nth(i)
        fid = a.evaluate("el => el.closest('tr').id.slice(4)")
        f = data.figure(fid)
        url = data.sources[f.source].url
        href = a.get_attribute("href")
        base, _, directive = href.partition("#:~:text=")
        assert base == url.split("#")[0] and directive, href
        assert set(a.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
        parts = [unquote(p) for p in directive.split(",")]
        assert 1 <= len(parts) <= 2 and all(parts)
        archive = " ".join(data.archives[f.source].raw.split())
        words = data.original_words(f.source, f.quote)
        assert words.startswith(parts[0]) and words.endswith(parts[-1]), (parts, words)
        start = archive.find(parts[0])
        assert start >= 0 and archive.find(parts[-1], start) >= 0, f"{fid}: {parts} not in the archive"
        if f.source in checked or len(checked) >= 4:
            continue
        checked.add(f.source)
        # Chromium itself finds the words: the archive, served as a page, opens scrolled to them
        filler = "".join(f"<p>{'filler text ' * 8}</p>" for _ in range(150))
        body = "".join(f"<p>{html_mod.escape(p)}</p>" for p in data.archives[f.source].raw.split("\n\n"))
        served.extra[f"/__archive__/{f.source}.html"] = (
            f"<!doctype html><html lang=en><title>archive</title><body>{filler}{body}{filler}</body></html>").encode()
        original = open_page(f"__archive__/{f.source}.html#:~:text={directive}")
        original.wait_for_function("window.scrollY > 0", timeout=5_000)
        original.close()
    assert checked


def _named(e, fid: str) -> bool:
    """The event's title and summary name the figure, once."""
    return ((e.title or "") + (e.summary or "")).count(f"{{fig:{fid}}}") == 1


def test_an_event_shows_a_named_figure_once_or_again_with_its_note_each_a_link_to_its_row(open_page, served):
    """The chronology holds no popovers (issue 13).  A figure an event's summary names is shown
    there, a link to the figure's row, named by what it counts (the row shows its quote, outlet,
    date and claimant); the event's "Figures" list shows it again only with its note, which must
    stay in sight."""
    ix = served.data
    noted = next(((e.id, f.id) for e in ix.events.values() for f in e.figures if _named(e, f.id) and f.notes), None)
    bare = next(((e.id, f.id) for e in ix.events.values() for f in e.figures
                 if _named(e, f.id) and not f.notes and f.claimed_by != vocab.UNATTRIBUTED), None)
    assert noted and bare, "the ledger has no event naming a figure with a note, or one naming a figure without"
    for (eid, fid), mentions in ((noted, 2), (bare, 1)):
        page = open_page(event_href(served.ctx, eid))
        section = page.locator(f'[id="ev-{eid}"]').locator("xpath=ancestor::section[1]")
        expect(section.locator(".figure-tip, .figure-ref, [role=tooltip]")).to_have_count(0)
        links = section.locator(f'a:has(> span[data-figure="{fid}"])')
        expect(links).to_have_count(mentions)
        f = ix.figure(fid)
        if mentions == 2:  # the list's item: the figure, then its note
            item = links.nth(1).locator("xpath=ancestor::li[1]")
            expect(item.locator(f'.figure-note[data-note-for="{fid}"]')).to_be_visible()
        for i in range(mentions):
            link = links.nth(i)
            expect(link).to_have_accessible_name(re.compile("^" + re.escape(fmt.figure_words(f)) + " \\S"))
            link.focus()
            page.keyboard.press("Enter")
            _lands_on_row(page, served, fid)
            row = page.locator(f'tr[id="fig-{fid}"]')
            expect(row.locator("td").nth(5).locator("q").first).to_have_text(f.quote)
            expect(row.locator("td").nth(4).locator("a").first).to_contain_text(ix.sources[f.source].publisher)
            page.go_back()
