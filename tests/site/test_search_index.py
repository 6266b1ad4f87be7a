"""The site search (Pagefind's index, ledger_site/sitesearch.py) finds a figure by its source,
claimant or words, in its row of the figures table (each row's id is kept, so a result opens the
row), never in a figure's popover; and it finds an actor by an alias, under the actor's own entry."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ledger.render import html as html_mod
from ledger.render import inline
from ledger.render import site as site_mod


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text)


def test_every_figure_row_is_searched_with_its_source(site):
    loaded = site_mod.load(site.ledger_file)
    data = loaded.index
    ctx = inline.Ctx(data, loaded.pages, html_mod.Links(""))
    for fid, f in data.figures.items():
        href = inline.figure_href(ctx, fid)
        text = _letters(site.search_section(href))  # compared without spaces and punctuation
        assert _letters(f.quote) in text, fid
        assert _letters(data.sources[f.source].publisher) in text, fid
        assert _letters(inline.fmt.figure_words(f)) in text, fid


def test_no_popover_text_is_searched(site):
    records = site.search_records()
    tips = [(rel, tip.get_text(" ", strip=True)) for rel, soup in site.pages() for tip in soup.select("[role=tooltip] q")]
    assert tips, "no figure popover to check"
    shown = {}
    for rel, _ in site.pages():  # a quote shown in full on a page (not in a popover) may be indexed there
        soup = BeautifulSoup((site.root / rel).read_text(encoding="utf-8"), "html.parser")  # a copy to cut
        for tip in soup.select("[role=tooltip]"):
            tip.decompose()
        shown[rel] = _letters(soup.get_text())
    checked = 0
    for rel, quote in tips:
        page = rel.removesuffix("index.html")
        if page in records and _letters(quote) not in shown[rel]:
            assert _letters(quote) not in _letters(records[page]["content"]), (rel, quote[:60])
            checked += 1
    assert checked, "every popover's quote is also shown in full on its page: nothing checked"


def test_aliases_are_in_the_search_index_under_their_entry(site):
    records = site.search_records()
    for a in site.ledger.actors:
        page = next(rel for rel, soup in site.pages() if rel.startswith("actors/") and soup.find(id=f"actor-{a.id}"))
        text = site.search_section(page.removesuffix("index.html") + f"#actor-{a.id}")
        assert text.startswith(" ".join(a.name.split())), (a.id, text[:80])
        for alias in a.aliases:
            assert " ".join(alias.split()) in text, (a.id, alias)
    for e in site.ledger.events:
        assert any(any(x["id"] == f"ev-{e.id}" for x in r["anchors"]) for r in records.values()), e.id


def test_the_theme_search_plugin_does_no_work_on_pages():
    """Its per-page step (its own index, from which every page is excluded, and a pass of a regular
    expression over every page) is taken off mkdocs' events; its box and its empty index stay."""
    from mkdocs.config import load_config

    from ledger_site import sitesearch
    from tests import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["material/search"]
    owners = lambda event: [getattr(e, "__self__", None) for e in config.plugins.events[event]]  # noqa: E731
    assert plugin in owners("page_context")  # mkdocs registered it
    sitesearch.skip_theme_index_pass(config)
    assert plugin not in owners("page_context")
    assert plugin in owners("post_build") and plugin in owners("config")
