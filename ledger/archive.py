"""Archived source texts: reading, hashing, and finding quotes in them.

Quotes are matched after normalising whitespace, quote marks and dashes only: an editor's
straight apostrophe must match the outlet's curly one, but a changed word is never accepted.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

_SPACE = re.compile(r"\s+")
_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
})


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TABLE)).strip()


def _offset_map(raw: str) -> list[int]:
    """For each character of normalize(raw), its offset in raw (built only to report a line)."""
    out, in_space, started = [], False, False
    for i, ch in enumerate(raw.translate(_TABLE)):
        if ch.isspace():
            in_space = started
            continue
        if in_space:
            out.append(i - 1)
            in_space = False
        out.append(i)
        started = True
    return out


@dataclass
class Archive:
    source_id: str
    file: str          # display path of the archive file
    raw: str
    text: str          # normalised

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """(start, end) spans, in the normalised text, of every occurrence of quote."""
        q = normalize(quote)
        if not q:
            return []
        out, start = [], self.text.find(q)
        while start >= 0:
            out.append((start, start + len(q)))
            start = self.text.find(q, start + 1)
        return out

    def line_col(self, offset: int) -> tuple[int, int]:
        raw_offset = _offset_map(self.raw)[offset] if offset < len(self.text) else len(self.raw)
        line = self.raw.count("\n", 0, raw_offset) + 1
        return line, raw_offset - (self.raw.rfind("\n", 0, raw_offset) + 1) + 1

    def nearest(self, quote: str, width: int = 0) -> Optional[str]:
        """The archive passage most like quote, so an editor can correct a near-miss."""
        q = normalize(quote)
        if not q or not self.text:
            return None
        width = width or len(q)
        matcher = difflib.SequenceMatcher(None, self.text, q, autojunk=False)
        best = matcher.find_longest_match(0, len(self.text), 0, len(q))
        if best.size < 4:
            return None
        # centre a window of the quote's length on the longest shared run
        start = max(0, best.a - best.b)
        start = max(0, min(start, len(self.text) - width))
        return self.text[start:start + width]
