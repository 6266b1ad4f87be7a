"""The catalogue of problem codes (ledger/codes.py) is complete and true: every code the engine's
source reports is in it, each of its codes is reported somewhere, and each has a ledger case in
tests/cases/invalid/ whose expected report holds it."""
import re
from pathlib import Path

from ledger import codes
from ledger.cli import main
from tests import CASES as ALL_CASES
from tests import ROOT

LEDGER = ROOT / "ledger"
CASES = ALL_CASES / "invalid"
# A problem is made by one of these calls, with the code as the first argument ...
CALL = re.compile(r"\b(?:(?:ctx|self|builder|checker|index)\.(?:add|add_at|problem|problem_at)|Problem)\(\s*")
LITERAL = re.compile(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"')
# ... or (ledger/shape.py) chosen first and passed on as the variable `code`.
CHOSEN = re.compile(r'\bcode\b(?:\s*,\s*\w+)*\s*=\s*"([a-z0-9-]+)"')
# The codes without a case directory, and why: the file would have to be 64 MiB; a diff needs two revisions.
NO_CASE = {"yaml-too-large": "tests/test_load.py reads a small file with a small max_bytes",
           # `ledger diff` compares two revisions, which a single ledger case cannot hold
           "diff-uncorrected": "tests/test_corrections.py runs ledger diff in a git repository",
           "diff-unwithdrawn": "tests/test_corrections.py runs ledger diff in a git repository"}


def _sources():
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(LEDGER.rglob("*.py"))]


def _used():
    used, opaque = set(), []
    for path, text in _sources():
        for m in CALL.finditer(text):
            rest = text[m.end():]
            lit = LITERAL.match(rest)
            if lit:
                used.add(lit.group(1))
            elif not re.match(r"code\b", rest):
                opaque.append(f"{path.relative_to(ROOT)}: {rest[:40]!r}")
        used.update(CHOSEN.findall(text))
    return used, opaque


def _expected_codes(case: Path) -> set:
    lines = (case / "expected.txt").read_text().splitlines()
    return {line.split()[-1] for line in lines if line.strip() and not line.startswith("#")}


def test_the_scan_finds_the_codes_it_should():
    used, _ = _used()
    assert {"yaml-key", "field-enum", "ref-cycle", "coverage-number", "archive-encoding"} <= used


def test_every_code_the_engine_reports_is_in_the_catalogue_and_back():
    used, opaque = _used()
    assert not opaque, "problems made with a code the scan cannot read: " + "; ".join(opaque)
    assert used - set(codes.CODES) == set(), "codes missing from ledger/codes.py"
    assert set(codes.CODES) - used == set(), "codes in ledger/codes.py that nothing reports"


def test_every_code_has_a_meaning_of_one_line():
    for code, meaning in codes.CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", code)
        assert meaning.strip() and "\n" not in meaning, code


def test_every_code_has_a_case_whose_report_holds_it():
    covered = {}
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        for code in _expected_codes(case):
            covered.setdefault(code, case.name)
    unknown = set(covered) - set(codes.CODES)
    assert not unknown, f"cases expect codes the catalogue lacks: {sorted(unknown)}"
    missing = set(codes.CODES) - set(covered) - set(NO_CASE)
    assert not missing, f"no case in tests/cases/invalid reports: {sorted(missing)}"
    assert set(NO_CASE) <= set(codes.CODES) and not set(NO_CASE) & set(covered)


def test_ledger_codes_prints_the_catalogue(capsys):
    assert main(["codes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(codes.CODES)
    for line, (code, meaning) in zip(lines, codes.CODES.items()):
        assert line.startswith(code + " ") and line.endswith(meaning)
