"""Check families, one module each.  Every family reads the Context and reports Problems through
it; none raises on bad data, and none repeats what the shape check already reported."""
from . import consistency, dates, ids, refs, text, trace

FAMILIES = (ids, refs, text, dates, trace, consistency)


def run_all(ctx) -> None:
    for family in FAMILIES:
        family.check(ctx)
