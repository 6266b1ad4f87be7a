"""The figures table shares a cell among an event's rows when it is the same for them
(ledger/render/figures.py, shared_cells).  On the written page each row, laid out as a browser
lays out a table, shows what its figure's row shows alone; a cell spans only rows of one event;
nothing kept only for the search index is left on a page; and shared_back (what a `--dirty`
build gives the index) puts every shared cell back in each row it spans."""
from __future__ import annotations

from bs4 import BeautifulSoup

from ledger.render import figures, html, inline
from ledger.render import site as site_mod
from tests.sitebuild import row_cells


def _said(cell) -> tuple:
    """What a cell shows: its words and where its links go."""
    return " ".join(cell.get_text(" ").split()), [a["href"] for a in cell.find_all("a", href=True)]


def _alone(ctx, ix, fid) -> list:
    e = ix.event_of[fid]
    _, cells = figures.figure_row(ctx, e.id, next(n for n, f in enumerate(e.figures) if f.id == fid))
    return [_said(BeautifulSoup(c, "html.parser").td) for c in cells]


def test_each_row_shows_the_cells_its_figure_has_alone_and_shares_only_within_its_event(site):
    loaded = site_mod.load(site.ledger_file)
    ix = loaded.index
    shared = 0
    for rel, soup in site.pages("figures/"):
        ctx = inline.Ctx(ix, loaded.pages, html.Links(rel.removesuffix("index.html")))
        rows = soup.select("table.figures-table tbody > tr[id]")
        for i, row in enumerate(rows):
            fid = row["id"].removeprefix("fig-")
            assert [_said(c) for c in row_cells(row)] == _alone(ctx, ix, fid), (rel, fid)
            for cell in row.find_all("td", rowspan=True, recursive=False):
                below = rows[i: i + int(cell["rowspan"])]
                assert len(below) == int(cell["rowspan"]) > 1, (rel, fid)
                assert {ix.event_of[r["id"].removeprefix("fig-")].id for r in below} == {ix.event_of[fid].id}, (rel, fid)
                shared += 1
    assert shared, "no row shares a cell: the sharing is not tried"


def test_no_cell_kept_for_the_search_index_is_left_on_a_page(site):
    for f in site.html_files():
        assert figures.SEARCH_ONLY not in f.read_text(encoding="utf-8"), f


def test_shared_back_gives_each_row_every_cell_it_shows(site):
    for rel, soup in site.pages("figures/"):
        back = BeautifulSoup(figures.shared_back((site.root / rel).read_text(encoding="utf-8")), "html.parser")
        rows = {tr["id"]: tr for tr in back.select("table.figures-table tbody > tr[id]")}
        for row in soup.select("table.figures-table tbody > tr[id]"):
            mine = rows[row["id"]].find_all("td", recursive=False)
            assert [_said(c) for c in mine] == [_said(c) for c in row_cells(row)], (rel, row["id"])
            assert not any(c.has_attr("rowspan") for c in mine), (rel, row["id"])
