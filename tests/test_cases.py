"""Ledger cases: every valid ledger passes; every invalid one gives exactly its expected report.

tests/cases/invalid/<name>/ holds events.yaml (with its sources/) and expected.txt, one expected
problem a line: `FILE:LINE PATH CODE` (PATH is '-' for problems of the whole file).  The test
compares the full set, so a check that stops reporting, or starts reporting extra noise, fails.
"""
import os
from pathlib import Path

import pytest

from ledger.checks import meaning as meaning_checks
from ledger.validate import validate_file

CASES = Path(__file__).resolve().parent / "cases"
VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def _report(case: Path):
    cwd = os.getcwd()
    os.chdir(case)  # problems name files relative to the working directory, as an editor sees them
    try:
        result = validate_file("events.yaml")
    finally:
        os.chdir(cwd)
    return result


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_ledger_has_no_problems(case):
    result = _report(case)
    assert [p.text() for p in result.problems] == []
    assert result.ledger is not None


def _expected(case: Path):
    out = set()
    for line in (case / "expected.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            where, path, code = line.split()
            out.add((where, "" if path == "-" else path, code))
    return out


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_ledger_reports_exactly_the_expected_problems(case):
    result = _report(case)
    got = {(f"{p.file}:{p.line}", p.path, p.code) for p in result.problems}
    assert got == _expected(case), "\n".join(p.text() for p in result.problems)
    assert result.ledger is None
    for p in result.problems:
        assert p.message and "Traceback" not in p.message


def test_there_are_enough_invalid_cases_and_every_code_is_covered():
    codes = set().union(*(({c for _, _, c in _expected(case)}) for case in INVALID))
    assert len(INVALID) >= 25
    wanted = {
        "yaml-syntax", "yaml-duplicate-key", "yaml-alias", "yaml-anchor", "yaml-tag", "yaml-not-mapping",
        "field-missing", "field-unknown", "field-type", "field-enum", "id-format", "id-duplicate",
        "date-invalid", "url-unsafe", "text-markup", "text-template", "text-numeral",
        "ref-unknown", "ref-kind", "ref-not-archived", "token-unknown", "token-quote", "token-invalid",
        "trace-quote", "trace-value", "archive-missing", "archive-hash-mismatch", "archive-hash-missing",
        "same-as-mismatch", "part-exceeds-whole", "date-after-source", "date-basis-missing",
        "coverage-number",
    }
    assert wanted <= codes, f"no case covers: {sorted(wanted - codes)}"
    assert set(meaning_checks.NEW_CODES) <= codes, f"no case covers: {sorted(set(meaning_checks.NEW_CODES) - codes)}"
