"""Dates: every EDTF value parses, inferred dates carry their basis, and nothing is dated after
the publication of the source that reports it."""
from ..edtf import EdtfError, parse
from ..vocab import UNKNOWN

DATE_HINT = ("EDTF: 2022-11-08, 2022-11, 2022, 2022-11~ (around), 2022-11? (uncertain), "
             "2022-11-07/2022-11-08 (interval), 2014/.. (open)")


def _invalid(index, value, path):
    """The date-invalid problem of a value that does not parse (the index holds it as None)."""
    if value and value != UNKNOWN and index.dates.get(value) is None:
        try:
            parse(value)
        except EdtfError as exc:
            return index.problem("date-invalid", path, str(exc), DATE_HINT)
    return None


def _needs_basis(d) -> bool:
    """A plain calendar day may be stated in full by the text; anything coarser, qualified or an
    interval was worked out by a curator, and readers need to know how."""
    return d is None or d.is_interval or d.approximate or d.uncertain or d.start.precision != "day"


def check(index):
    for sid, s in index.sources.items():
        path = index.path_of[sid] + ("published",)
        bad = _invalid(index, s.published, path)
        if bad:
            yield bad
        d = index.dates.get(s.published)
        if (s.published == UNKNOWN or (d and _needs_basis(d))) and not s.published_basis:
            yield index.problem("date-basis-missing", path,
                                f"published '{s.published}' is inferred but published_basis is missing",
                                "say what the date rests on, e.g. {q:the first quarter of 2024} in the text, or the outlet's page")
    for eid, e in index.events.items():
        path = index.path_of[eid]
        bad = _invalid(index, e.date, path + ("date",))
        if bad:
            yield bad
        d = index.dates.get(e.date)
        if (e.date == UNKNOWN or (d and _needs_basis(d))) and not e.date_basis:
            yield index.problem("date-basis-missing", path + ("date",),
                                f"date '{e.date}' is inferred but date_basis is missing",
                                "say how the date was worked out from the sources")
        checks = [(d, path + ("date",), "event", e.sources)]
        for j, f in enumerate(e.figures):
            fpath = path + ("figures", j, "period")
            bad = _invalid(index, f.period, fpath)
            if bad:
                yield bad
            checks.append((index.dates.get(f.period), fpath, "figure period", [f.source]))
        for when, wpath, what, sources in checks:
            if when is None or when.lower is None:
                continue
            for sid in sources:
                pub = index.dates.get(index.sources[sid].published) if sid in index.sources else None
                if pub is not None and pub.upper is not None and when.lower > pub.upper:
                    yield index.problem("date-after-source", wpath,
                                        f"{what} starts {when.lower.isoformat()}, after source '{sid}' was published ({pub.text})",
                                        "a source cannot report what had not happened yet: check both dates")
