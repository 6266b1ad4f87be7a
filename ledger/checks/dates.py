"""Dates: every EDTF value parses, inferred dates carry their basis, and nothing is dated after
the publication of the source that reports it."""
from ..edtf import EdtfError, day_problem, parse


def _parsed(ctx, value, path):
    if value is None or value == "unknown":
        return None
    try:
        return parse(value)
    except EdtfError as exc:
        ctx.add("date-invalid", path, str(exc),
                "EDTF: 2022-11-08, 2022-11, 2022, 2022-11~ (around), 2022-11? (uncertain), "
                "2022-11-07/2022-11-08 (interval), 2014/.. (open)")
        return None


def _needs_basis(d) -> bool:
    """A plain calendar day may be stated in full by the text; anything coarser, qualified or an
    interval was worked out by a curator, and readers need to know how."""
    return d is None or d.is_interval or d.approximate or d.uncertain or d.start.precision != "day"


def _records(ctx):
    for table in (ctx.sources, ctx.actors, ctx.events):
        for path, record, *_ in table.values():
            yield path, record
    for path, f, _ in ctx.figures.values():
        yield path, f


def check(ctx) -> None:
    for path, record in _records(ctx):
        for field in ("added", "updated"):
            value = getattr(record, field, None)
            why = day_problem(value) if value is not None else None
            if why:
                ctx.add("date-invalid", path + (field,), why, "write the day the entry was added or updated, YYYY-MM-DD")
    published = {}
    for sid, (path, s) in ctx.sources.items():
        d = _parsed(ctx, s.published, path + ("published",))
        published[sid] = d
        if (s.published == "unknown" or (d and _needs_basis(d))) and not s.published_basis:
            ctx.add("date-basis-missing", path + ("published",),
                    f"published '{s.published}' is inferred but published_basis is missing",
                    "say what the date rests on, e.g. {q:the first quarter of 2024} in the text, or the outlet's page")
    for eid, (path, e) in ctx.events.items():
        d = _parsed(ctx, e.date, path + ("date",))
        if (e.date == "unknown" or (d and _needs_basis(d))) and not e.date_basis:
            ctx.add("date-basis-missing", path + ("date",),
                    f"date '{e.date}' is inferred but date_basis is missing",
                    "say how the date was worked out from the sources")
        checks = [(d, path + ("date",), "event")]
        for j, f in enumerate(e.figures):
            checks.append((_parsed(ctx, f.period, path + ("figures", j, "period")), path + ("figures", j, "period"), "figure period"))
        for when, wpath, what in checks:
            if when is None:
                continue
            # the start, and an interval's end (at its earliest), are checked alike
            ends = [("starts", when.start), ("ends", when.end if when.is_interval else None)]
            sources = e.sources if what == "event" else [e.figures[wpath[3]].source]
            for sid in sources:
                pub = published.get(sid)
                if pub is None or pub.upper is None:
                    continue
                for verb, point in ends:
                    if point is not None and point.lower > pub.upper:
                        ctx.add("date-after-source", wpath,
                                f"{what} {verb} {point.lower.isoformat()}, after source '{sid}' was published ({pub.text})",
                                "a source cannot report what had not happened yet: check both dates")
                        break
