"""The contribute page's reference blocks come from the engine: the problem-code catalogue
(ledger/codes.py) and the schema reference with the curators' manual (ledger/manual.py)."""
from __future__ import annotations

from ledger import manual
from ledger.codes import CODES
from sitebuild import sample_site  # noqa: F401 (fixture)


def test_contribute_lists_every_problem_code(sample_site):
    soup = sample_site.page("contribute/")
    rows = soup.select("table.problem-codes tbody tr")
    assert [r.find("code").get_text() for r in rows] == list(CODES)
    assert [r["id"] for r in rows] == [f"code-{c}" for c in CODES]
    for row, meaning in zip(rows, CODES.values()):
        assert row.find_all("td")[1].get_text().replace("'", "") == meaning.replace("'", "")


def test_schema_reference_shows_the_manual(sample_site):
    soup = sample_site.page("contribute/")
    for name, _ in manual.models():
        table = soup.find(id=f"schema-{name.lower()}").find_next("table")
        rows = table.select("tbody tr")
        fields = manual.fields(name)
        assert [r.find("code").get_text() for r in rows] == [f.name for f in fields]
        for row, f in zip(rows, fields):
            meaning = row.find_all("td")[3]
            assert meaning.select_one("p.examples") and meaning.select("ul.guidelines li"), f"{name}.{f.name}"
            assert len(meaning.select("p.examples code")) == len(f.examples)
    # a guideline's problem codes link to the catalogue on the same page
    links = soup.select('ul.guidelines a[href^="#code-"]')
    assert links and all(soup.find(id=a["href"][1:]) is not None for a in links)


def test_contribute_skeletons_are_what_ledger_new_prints(sample_site):
    soup = sample_site.page("contribute/")
    shown = [pre.get_text() for pre in soup.select("pre.skeleton")]
    assert shown == [manual.skeleton(k) for k in ("source", "actor", "event", "figure")]
