"""An actor's entry past twelve events (ledger/render/actors.py): its links year by year open the
chronology narrowed to the actor's events, in a real browser on the split synthetic site."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ledger.render import site as site_mod
from ledger.render.actors import IN_FULL
from ledger.render.inline import actor_href
from tests.browser.browserkit import DESKTOP, Served, Watch, serving, shown_events, watched_context


@pytest.mark.slow
def test_an_actors_year_links_open_the_chronology_showing_only_its_events(browser, split_site):
    with serving(split_site.root) as base:
        served = Served(split_site, base, {}, site_mod.load(split_site.ledger_file))
        ix = served.data
        aid = max((a for a in ix.actor_events if a in ix.actors), key=lambda a: len(ix.actor_events[a]))
        assert len(ix.actor_events[aid]) > IN_FULL
        watch = Watch()
        context = watched_context(browser, watch, viewport=DESKTOP)
        try:
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(served.url(actor_href(served.ctx, aid)))
            links = page.locator(f'section.actor[data-actor="{aid}"] p.by-year a')
            assert links.count() > 1
            for n in (0, links.count() - 1):
                page.goto(served.url(actor_href(served.ctx, aid)))
                link = page.locator(f'section.actor[data-actor="{aid}"] p.by-year a').nth(n)
                href = link.get_attribute("href")
                link.click()
                page.wait_for_url(f"**/chronology/**?actor={aid}")
                expect(page.locator("#filter-actor")).to_have_value(aid)
                every = page.locator("section.event[data-filter-item] > :is(h2, h3)").evaluate_all(
                    "els => els.map(e => e.id.slice(3))")
                mine = [e for e in every if aid in ix.event_places_and_actors(ix.events[e])]
                assert mine, href
                assert shown_events(page, "section.event[data-filter-item]") == mine, href
                expect(page.locator(".filter-status")).to_contain_text("Showing only the events that match")
        finally:
            context.close()
        assert watch.problems() == []
