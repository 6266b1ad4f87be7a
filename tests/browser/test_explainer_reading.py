"""Issue 14 in a real browser: the chronology index, narrowed to one kind, shows the years that
have events of that kind, and each year's link opens its page narrowed to that kind, where every
event of the kind shows; and the home page's first figure is inside the first screen at desktop and
phone sizes."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.browserkit import shown_events, visible

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def test_filtering_the_chronology_index_leads_to_every_matching_event(open_page, served):
    ix = served.loaded.index
    kinds = {}
    for e in ix.events.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    kind = max(kinds, key=kinds.get)
    with_kind = [y for y, eids in ix.years.items() if any(ix.events[e].kind == kind for e in eids)]
    page = open_page("chronology/")
    expect(page.locator("form.chronology-filters")).to_be_visible()
    years = page.locator("ul.year-list > li[data-filter-group]")
    expect(years).to_have_count(len(ix.years))
    page.select_option("#filter-kind", kind)
    expect(page.locator(".filter-status")).not_to_have_text("")
    assert visible(page, "ul.year-list > li[data-filter-group]", "data-year") == with_kind
    assert set(visible(page, "ul.year-events > li[data-filter-item]", "data-kind")) <= {kind}
    found = []
    for year in with_kind:
        link = page.locator(f'ul.year-list > li[data-year="{year}"] > a')
        assert link.get_attribute("href").endswith(f"?kind={kind}")
        year_page = open_page(link.get_attribute("href").replace("../", "", 1))
        expect(year_page.locator("#filter-kind")).to_have_value(kind)
        found += shown_events(year_page, "section.event[data-filter-item]")
        year_page.close()
    assert sorted(found) == sorted(eid for eid, e in ix.events.items() if e.kind == kind)
    page.click("button.filter-reset")
    expect(page.locator("ul.year-list > li[data-filter-group]:visible")).to_have_count(len(ix.years))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_figure_is_in_the_first_screen(open_page, viewport):
    page = open_page("", viewport=viewport)
    first = page.locator("article span.figure").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], box
