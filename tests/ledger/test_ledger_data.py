"""The curated ledger itself: it passes every check (which verifies each archive against the
SHA-256 the ledger records for it), every archive in data/sources/ belongs to a source, and every
numeral in every archive is accounted for (a new source gets the same check)."""
import hashlib
import shutil
from pathlib import Path

from ledger import checks
from ledger.numbers import numeral_spans
from ledger.problems import Covered
from ledger.validate import validate_file
from tests import REAL as LEDGER


def test_curated_ledger_passes_every_check(curated):
    assert [p.text() for p in curated.problems] == []


def test_every_archive_belongs_to_a_source_that_records_its_hash(curated):
    archived = {(LEDGER.parent / s.archive).resolve(): s for s in curated.ledger.sources if s.archive}
    assert set(archived) == {p.resolve() for p in (LEDGER.parent / "sources").iterdir()}
    for path, source in archived.items():
        assert source.archive_sha256 == hashlib.sha256(path.read_bytes()).hexdigest(), source.id


def test_every_numeral_in_every_archive_is_quoted_or_excluded(curated):
    index = curated.index
    assert set(index.archives) == {s.id for s in curated.ledger.sources if s.archive}
    spans = [c for family in checks.FAMILIES for c in family.check(index) if isinstance(c, Covered)]
    assert spans and {c.source for c in spans} == set(index.archives)
    unaccounted = []
    for sid, archive in index.archives.items():
        mine = [(c.start, c.end) for c in spans if c.source == sid]
        for a, b in numeral_spans(archive.text):
            if not any(s <= a and b <= t for s, t in mine):
                unaccounted.append(f"{sid}: {archive.text[max(0, a - 20):b + 20]!r}")
    assert unaccounted == []


def test_exclusions_are_few_and_reasoned(curated):
    assert len(curated.ledger.excluded_numbers) <= 10
    assert all(len(x.reason.split()) >= 4 for x in curated.ledger.excluded_numbers)


def test_a_new_source_gets_the_same_completeness_check(tmp_path):
    shutil.copytree(LEDGER.parent, tmp_path / "data")
    archive = tmp_path / "data" / "sources" / "new-outlet-2026-03-report.txt"
    archive.write_text("Officials said 75 people were deported on Monday.\n")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    ledger = tmp_path / "data" / "events.yaml"
    text = ledger.read_text()
    entry = (f"  - id: new-outlet-2026-03-report\n    publisher: New Outlet\n    title: A report\n"
             f"    published: 2026-03-02\n    archive: sources/new-outlet-2026-03-report.txt\n"
             f"    archive_sha256: {digest}\n")
    ledger.write_text(text.replace("sources:\n", "sources:\n" + entry, 1))
    problems = validate_file(ledger).problems
    assert [(p.code, Path(p.file).name, p.line) for p in problems] == [("coverage-number", archive.name, 1)]
    assert "'75' is not accounted for" in problems[0].message
