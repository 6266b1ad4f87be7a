"""Issue 14 in a real browser: the chronology index, narrowed to one kind, shows every event of
that kind (not the three of each year's preview); with no choice it shows the preview; and the
home page's first figure is inside the first screen at desktop and phone sizes."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def test_filtering_the_chronology_index_reveals_every_matching_event(open_page, served):
    ix = served.loaded.index
    kinds = {}
    for e in ix.events.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    kind = max(kinds, key=kinds.get)  # the commonest kind, the one most likely to pass a preview
    page = open_page("chronology/")
    expect(page.locator("form.chronology-filters")).to_be_visible()
    items = page.locator("ul.year-events li[data-filter-item]")
    shown = page.locator("ul.year-events li[data-filter-item]:visible")
    per_year = [len(eids) for eids in ix.years.values()]
    assert shown.count() == sum(min(n, 3) for n in per_year)  # the preview, before any choice
    assert items.count() == len(ix.events)
    page.select_option("#filter-kind", kind)
    expect(page.locator(".filter-status")).not_to_have_text("")
    matching = page.locator(f'ul.year-events li[data-kind="{kind}"]:visible')
    expect(matching).to_have_count(kinds[kind])
    expect(page.locator(f'ul.year-events li[data-filter-item]:not([data-kind="{kind}"]):visible')).to_have_count(0)
    page.click("button.filter-reset")
    expect(shown).to_have_count(sum(min(n, 3) for n in per_year))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_figure_is_in_the_first_screen(open_page, viewport):
    page = open_page("", viewport=viewport)
    first = page.locator("article span.figure").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], box
