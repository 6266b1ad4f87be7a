"""Lighter pages (issue 13): on the glossary and the bibliography, every figure is a plain link to
its row in the figures table (its quote, outlet and date one click away), named by its value and
what it counts, with no popover; the explainer and the chronology keep theirs
(test_built_site.py test_figures_carry_their_quote_outlet_and_date_accessibly)."""
from __future__ import annotations

from urllib.parse import urljoin

from ledger.render.inline import figure_name
from ledger.validate import validate_file


def test_actors_and_sources_pages_link_each_figure_to_its_row_without_a_popover(site):
    ix = validate_file(site.ledger_file).index
    rendered = {}
    seen = set()
    for rel, soup in site.pages():
        if not rel.startswith(("actors/", "sources/")):
            continue
        art = soup.select_one("article.md-content__inner")
        assert art.select(".figure-tip, .figure-ref, [aria-describedby]") == [], rel
        for link in art.select("a.figure-link"):
            fid = link.select_one("span.figure")["data-figure"]
            target = urljoin(rel, link["href"])
            assert target.split("#")[1] == f"fig-{fid}", rel
            page = target.split("#")[0]
            rows = rendered.setdefault(page, {r["id"] for r in site.page(page).select("tr[data-figure-row]")})
            assert f"fig-{fid}" in rows, f"{rel}: {fid} links to {target}, which has no row for it"
            assert link["aria-label"] == figure_name(ix, ix.figures[fid])
            seen.add(fid)
    assert seen == set(ix.figures)  # each is on its source's entry, at least
