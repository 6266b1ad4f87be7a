"""The figures table's shared cells, in a real browser.  An event's rows share a Period, Claimed by,
Source or Event cell that is the same for them (one cell spans them: ledger/render/figures.py,
shared_cells).  Without the page's script a reader sees that cell beside each row it spans; with
it, every row has its own copy again, so that sorting moves a row with its source and a phone's
card of a row names it."""
from __future__ import annotations

from playwright.sync_api import expect

from ledger import vocab
from ledger.render.inline import figure_href
from tests.browser.browserkit import PHONE, sharing_rows, shown_cell

# the columns whose cell a row may share: Period, Claimed by, Source, Event
SHARED = {2: "Period", 3: "Claimed by", 4: "Source", 6: "Event"}


def _who(ix, f) -> str:
    return vocab.UNATTRIBUTED_WORDS if f.claimed_by == vocab.UNATTRIBUTED else ix.actors[f.claimed_by].name


def _pages(served) -> dict:
    """The rows that share a cell, by the page of the figures table they are on."""
    by_page: dict = {}
    for fid in sharing_rows(served):
        by_page.setdefault(figure_href(served.ctx, fid).split("#")[0], []).append(fid)
    assert by_page, "no row of the figures table shares a cell: nothing here is tried"
    return by_page


def _check(ix, fid, cells) -> None:
    """The texts of a row's Period, Claimed by, Source and Event cells say its figure's."""
    f, e = ix.figures[fid], ix.event_of[fid]
    assert _who(ix, f) in cells[3], (fid, cells[3])
    assert cells[4].startswith(ix.sources[f.source].publisher), (fid, cells[4])
    assert e.title in cells[6], (fid, cells[6])


def test_without_the_script_a_row_shows_the_cell_it_shares_beside_it(open_page, served):
    ix = served.data
    for path, fids in _pages(served).items():
        page = open_page(path, java_script_enabled=False)
        for fid in fids:
            row = page.locator(f'tr[id="fig-{fid}"]')
            expect(row.locator("td")).not_to_have_count(8)  # the page as written: some cell is shared
            cells = {n: shown_cell(row, n) for n in SHARED}
            assert all(c is not None for c in cells.values()), fid
            # the shared cell is a cell of a row above, spanning this one
            assert any(c.evaluate("(c, row) => c.parentNode !== row", row.element_handle()) for c in cells.values())
            _check(ix, fid, {n: c.inner_text() for n, c in cells.items()})
        page.close()


def test_with_the_script_each_row_has_its_own_cells_also_once_sorted_and_on_a_phone(open_page, served):
    ix = served.data
    for path, fids in _pages(served).items():
        for viewport in (None, PHONE):
            page = open_page(path, **({"viewport": viewport} if viewport else {}))
            table = page.locator("table.figures-table")
            expect(table.locator("td[rowspan]")).to_have_count(0)
            widths = table.locator("tbody > tr").evaluate_all("rows => rows.map(r => r.cells.length)")
            assert set(widths) == {8}, set(widths)
            if viewport is None:  # sorted by value, descending: the rows move with their cells
                button = table.locator("thead th").nth(0).locator("button")
                button.click()
                button.click()
                expect(table.locator("thead th").nth(0)).to_have_attribute("aria-sort", "descending")
            for fid in fids:
                row = page.locator(f'tr[id="fig-{fid}"]')
                own = row.locator("td")
                _check(ix, fid, {n: own.nth(n).inner_text() for n in SHARED})
                if viewport is not None:  # each card's cell says which column it is
                    assert [own.nth(n).get_attribute("data-label") for n in SHARED] == list(SHARED.values())
            page.close()
