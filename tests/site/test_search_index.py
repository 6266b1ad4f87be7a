"""The site search (Pagefind's index, ledger_site/sitesearch.py) finds a figure by its source,
claimant or words: each figure is a record of its own that opens its row in the figures table (the
table itself, and the figure popovers, are left out of the pages' records), and it finds an actor
by an alias, under the actor's own entry."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ledger.render import html as html_mod
from ledger.render import inline
from ledger.render import site as site_mod


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text)


def test_every_figure_has_a_search_record_with_its_source(site):
    records = site.search_records()
    loaded = site_mod.load(site.ledger_file)
    data = loaded.index
    ctx = inline.Ctx(data, loaded.pages, html_mod.Links(""))
    for fid, f in data.figures.items():
        record = records[inline.figure_href(ctx, fid)]
        text = " ".join(record["content"].split())
        assert " ".join(f.quote.split()) in text
        assert data.sources[f.source].publisher in text and data.sources[f.source].title in text
        assert record["meta"]["title"].startswith(inline.fmt.figure_words(f))
    # the table's text is not indexed a second time on its page, nor a popover's quote anywhere
    for page in {inline.figure_href(ctx, fid).partition("#")[0] for fid in data.figures}:
        text = _letters(records[page]["content"])  # compared without spaces and punctuation
        rows = site.page(page).select("tr[data-figure-row]")
        assert rows, page
        assert not [r["id"] for r in rows if _letters(r.get_text()) in text]
    tips = [(rel, tip.get_text(" ", strip=True)) for rel, soup in site.pages() for tip in soup.select("[role=tooltip] q")]
    assert tips, "no figure popover to check"
    shown = {}
    for rel, _ in site.pages():  # a quote shown in full on a page (not in a popover) may be indexed there
        soup = BeautifulSoup((site.root / rel).read_text(encoding="utf-8"), "html.parser")  # a copy to cut
        for tip in soup.select("[role=tooltip]"):
            tip.decompose()
        shown[rel] = " ".join(soup.get_text(" ").split())
    for rel, quote in tips:
        page = rel.removesuffix("index.html")
        if page in records and quote not in shown[rel]:
            assert quote not in " ".join(records[page]["content"].split()), (rel, quote[:60])


def test_aliases_are_in_the_search_index_under_their_entry(site):
    records = site.search_records()
    for a in site.ledger.actors:
        entry = site.element(f"actor-{a.id}", "actors/")
        assert entry is not None, a.id
        page = next(rel for rel, soup in site.pages() if rel.startswith("actors/") and soup.find(id=f"actor-{a.id}"))
        text = site.search_section(page.removesuffix("index.html") + f"#actor-{a.id}")
        assert text.startswith(" ".join(a.name.split())), (a.id, text[:80])
        for alias in a.aliases:
            assert " ".join(alias.split()) in text, (a.id, alias)
    for e in site.ledger.events:
        assert any(any(x["id"] == f"ev-{e.id}" for x in r["anchors"]) for r in records.values()), e.id
