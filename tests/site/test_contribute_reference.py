"""The contribute page's reference blocks come from the engine: the problem-code catalogue
(ledger/codes.py) and the schema reference with the curators' manual (ledger/manual.py)."""
from __future__ import annotations

from ledger.codes import CODES
from sitebuild import sample_site  # noqa: F401 (fixture)


def test_contribute_lists_every_problem_code(sample_site):
    soup = sample_site.page("contribute/")
    rows = soup.select("table.problem-codes tbody tr")
    assert [r.find("code").get_text() for r in rows] == list(CODES)
    assert [r["id"] for r in rows] == [f"code-{c}" for c in CODES]
    for row, meaning in zip(rows, CODES.values()):
        assert row.find_all("td")[1].get_text().replace("'", "") == meaning.replace("'", "")
