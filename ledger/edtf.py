"""The subset of EDTF (ISO 8601-2) the ledger uses, parsed and put into words.

Supported: YYYY, YYYY-MM, YYYY-MM-DD, each optionally qualified ~ (approximate), ? (uncertain)
or % (both); intervals START/END where a side may be '..' (open).  That covers every date the
sources give ("on November 7 and 8", "in August", "since 2014", "the first quarter of 2024")
without the cost of a general parser (pyparsing-based EDTF libraries take about a millisecond per
date, which is seconds on a large ledger).  Anything else is refused with a message, never guessed.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from .vocab import UNKNOWN

_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$")
MONTHS = list(calendar.month_name)


class EdtfError(ValueError):
    pass


@dataclass(frozen=True)
class Point:
    year: int
    month: Optional[int]
    day: Optional[int]
    qualifier: str  # "", "~", "?" or "%"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def lower(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def upper(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        return "-".join([f"{self.year:04d}"] + ([f"{self.month:02d}"] if self.month else []) + ([f"{self.day:02d}"] if self.day else []))


@dataclass(frozen=True)
class Edtf:
    text: str
    start: Optional[Point]  # None: open ('..')
    end: Optional[Point]    # same as start for a single date

    @property
    def is_interval(self) -> bool:
        return "/" in self.text

    @property
    def lower(self) -> Optional[date]:
        return self.start.lower if self.start else None

    @property
    def upper(self) -> Optional[date]:
        return self.end.upper if self.end else None

    @property
    def sort_key(self) -> tuple:
        return (self.lower or date.min, self.upper or date.max)

    @property
    def approximate(self) -> bool:
        return any(p and p.qualifier in "~%" and p.qualifier for p in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        return any(p and p.qualifier in "?%" and p.qualifier for p in (self.start, self.end))

    def datetime_attr(self) -> str:
        """Value for <time datetime>: an ISO date, or for an interval its start."""
        p = self.start or self.end
        return p.iso() if p else ""

    def words(self) -> str:
        return describe(self)


def _point(text: str, whole: str) -> Point:
    m = _POINT.match(text)
    if not m:
        raise EdtfError(f"'{whole}' is not an EDTF date")
    year, month, day, q = int(m.group(1)), m.group(2), m.group(3), m.group(4) or ""
    month = int(month) if month else None
    day = int(day) if day else None
    if month is not None and not 1 <= month <= 12:
        raise EdtfError(f"'{whole}': month {month:02d} does not exist")
    if day is not None:
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise EdtfError(f"'{whole}': {year:04d}-{month:02d} has no day {day:02d}")
    return Point(year, month, day, q)


@lru_cache(maxsize=8192)
def parse(text: str) -> Edtf:
    if not isinstance(text, str) or not text or text != text.strip():
        raise EdtfError(f"{text!r} is not an EDTF date")
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise EdtfError(f"'{text}' has more than one '/'")
        start = None if left in ("..", "") else _point(left, text)
        end = None if right in ("..", "") else _point(right, text)
        if start is None and end is None:
            raise EdtfError(f"'{text}' is open at both ends")
        if start and end and start.lower > end.upper:
            raise EdtfError(f"'{text}' ends before it starts")
        return Edtf(text, start, end)
    p = _point(text, text)
    return Edtf(text, p, p)


def parse_or_none(text) -> Optional[Edtf]:
    """The date, or None for an empty field, 'unknown', or text that is not EDTF.  For readers
    of a checked ledger (pages, exports), where the date check has already reported bad dates."""
    if not text or text == UNKNOWN:
        return None
    try:
        return parse(text)
    except EdtfError:
        return None


def _point_words(p: Point) -> str:
    base = {"day": f"{p.day} {MONTHS[p.month or 1]} {p.year}",
            "month": f"{MONTHS[p.month or 1]} {p.year}",
            "year": f"{p.year}"}[p.precision]
    if p.qualifier == "~":
        return f"around {base}"
    if p.qualifier == "?":
        return f"{base} (uncertain)"
    if p.qualifier == "%":
        return f"around {base} (uncertain)"
    return base


def describe(d: Edtf) -> str:
    """Words that show the precision: '7 November 2022', '7–8 November 2022',
    'around October 2022', '2014 onwards', 'until August 2019'."""
    s, e = d.start, d.end
    if s is not None and s == e and not d.is_interval:
        return _point_words(s)
    if s is None:
        return f"until {_point_words(e)}"
    if e is None:
        return f"{_point_words(s)} onwards"
    if not s.qualifier and not e.qualifier and s.precision == e.precision:
        if s.precision == "day" and (s.year, s.month) == (e.year, e.month):
            return f"{s.day}–{e.day} {MONTHS[s.month]} {s.year}"
        if s.precision == "day" and s.year == e.year:
            return f"{s.day} {MONTHS[s.month]} – {e.day} {MONTHS[e.month]} {s.year}"
        if s.precision == "month" and s.year == e.year:
            return f"{MONTHS[s.month]}–{MONTHS[e.month]} {s.year}"
    return f"{_point_words(s)} – {_point_words(e)}"
