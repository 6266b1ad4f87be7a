"""Check families, one module each: pure functions from the ledger index to findings.

Every family's `check(index)` yields Problems and, where it finds a quote in an archive, the span
it covers (`Covered`); none raises on bad data, none depends on another having run, and none
repeats what the shape check already reported.  The coverage check runs last, on the spans the
others returned, and only on a ledger with no other problem (before that, a number may look
unaccounted for only because the figure quoting it is broken, and that report would be noise).
"""
from __future__ import annotations

from .. import corrections
from ..problems import Covered, Problem
from . import archives, consistency, coverage, dates, ids, leads, meaning, refs, text, trace

FAMILIES = (ids, refs, archives, text, dates, trace, consistency, meaning, corrections, leads)


def run(index, earlier: bool = False) -> list[Problem]:
    """Every family over the index, then coverage on the spans they returned unless there were
    problems (`earlier`: the load or shape check found some)."""
    problems, spans = [], []
    for family in FAMILIES:
        for finding in family.check(index):
            (spans if isinstance(finding, Covered) else problems).append(finding)
    if not problems and not earlier:
        problems.extend(coverage.check(index, spans))
    return problems


__all__ = ["FAMILIES", "run"]
