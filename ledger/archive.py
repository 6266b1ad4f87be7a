"""Archived source texts: reading, hashing, and finding quotes in them.

Quotes are matched after normalising whitespace, quote marks and dashes only: an editor's
straight apostrophe must match the outlet's curly one, but a changed word is never accepted.
"""
from __future__ import annotations

import bisect
import difflib
import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Optional

from .numbers import scan

_SPACE = re.compile(r"\s+")
_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
})


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TABLE)).strip()


class _Offered:
    """Archive texts normalised and scanned (numbers.scan) ahead of need, in another process while
    the ledger's YAML is read (ledger_site/prefetch.py).  A normalised text is taken only for the
    very bytes it was made from (by their SHA-256), and a scan only for the very text, so each is
    what this process would make; an offer is fetched once, when the first archive is read, and
    one that fails is ignored (each text is then made here)."""

    def __init__(self):
        self.fetch, self.texts, self.scans = None, {}, {}

    def offer(self, fetch) -> None:
        """fetch() -> iterable of (SHA-256 of the file's bytes, normalised text, scan of it)."""
        self.fetch, self.texts, self.scans = fetch, {}, {}

    def withdraw(self):
        """End the offer: the fetch not yet made, if any (its caller settles it), and nothing kept."""
        fetch, self.fetch, self.texts, self.scans = self.fetch, None, {}, {}
        return fetch

    def _fetched(self) -> None:
        if self.fetch is not None:
            fetch, self.fetch = self.fetch, None
            try:
                got = list(fetch())
            except Exception:  # noqa: BLE001 - the other process failed: each text is made here
                got = []
            self.texts = {digest: text for digest, text, _ in got}
            self.scans = {text: found for _, text, found in got}

    def text_of(self, digest: str):
        self._fetched()
        return self.texts.pop(digest, None)

    def take(self, text: str):
        self._fetched()
        return self.scans.pop(text, None)


_OFFERED = _Offered()
offer_scans, withdraw_scans, offered_text = _OFFERED.offer, _OFFERED.withdraw, _OFFERED.text_of


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

    def occurrences(self, quote: str) -> list[tuple[int, int]]:
        """(start, end) spans, in the normalised text, of every occurrence of quote as a substring."""
        q = normalize(quote)
        if not q:
            return []
        out, start = [], self.text.find(q)
        while start >= 0:
            out.append((start, start + len(q)))
            start = self.text.find(q, start + 1)
        return out

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """The occurrences of quote that are whole: they start and end on word boundaries and cut
        no number out of what the archive says with it (its hedge, "$", "percent": "400 people"
        is not a quote of "nearly 400 people", nor "30 foreigners" of "130 foreigners")."""
        found = self.__dict__.setdefault("_found", {})  # by quote: an archive is read once per content
        spans = found.get(quote)
        if spans is None:
            spans = found[quote] = tuple(span for span in self.occurrences(quote) if self.cut(*span) is None)
        return list(spans)

    @cached_property
    def _scan(self):
        ms, spans = _OFFERED.take(self.text) or scan(self.text)
        return [a for a, _ in ms], ms, spans

    @property
    def numeral_spans(self) -> list[tuple[int, int]]:
        return self._scan[2]

    def _inside(self, pos: int) -> Optional[str]:
        """The words of the mention ("nearly 400") that pos falls strictly inside, or None."""
        starts, ms, _ = self._scan
        i = bisect.bisect_right(starts, pos) - 1
        return self.text[ms[i][0]:ms[i][1]] if i >= 0 and ms[i][0] < pos < ms[i][1] else None

    def cut(self, start: int, end: int) -> Optional[str]:
        """Why the quote at [start, end) is not whole, or None when it is."""
        t = self.text
        if 0 < start < len(t) and t[start - 1].isalnum() and t[start].isalnum():
            return f"it starts inside the word '{_word_at(t, start)}'"
        if 0 < end < len(t) and t[end - 1].isalnum() and t[end].isalnum():
            return f"it ends inside the word '{_word_at(t, end - 1)}'"
        for pos in (start, end):
            words = self._inside(pos)
            if words is not None:
                return f"the archive says '{words}': the quote must hold it whole (number, hedge and unit)"
        return None

    def cut_reason(self, quote: str) -> Optional[str]:
        """When quote occurs only cut, why (for the report); None when it does not occur at all."""
        spans = self.occurrences(quote)
        return self.cut(*spans[0]) if spans else None

    @cached_property
    def _offsets(self) -> list[int]:
        return _offset_map(self.raw)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.raw)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """Line and column in the raw file of an offset in the normalised text.  The maps are
        built once per archive, so reporting N places costs O(N log N), not N times the file."""
        raw_offset = self._offsets[offset] if offset < len(self.text) else len(self.raw)
        line = bisect.bisect_right(self._line_starts, raw_offset)
        return line, raw_offset - self._line_starts[line - 1] + 1

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


def covering(spans):
    """A test covers(a, b): is [a, b) inside one of spans?  O(log n) a test after an O(n log n)
    sort, so checking every numeral of a large archive stays linear-ish."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach, best = [], -1
    for _, t in spans:
        best = max(best, t)
        reach.append(best)

    def covers(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a)
        return i > 0 and reach[i - 1] >= b
    return covers


MAX_ARCHIVE_BYTES = 64 * 1024 * 1024


class NotRegularFile(Exception):
    """The path is a symlink, FIFO, device, directory or socket, or it resolves outside its
    folder: its content is never read (it could be a secret, hang, or never end)."""


def read_regular(path: Path, inside: Optional[Path] = None, limit: int = MAX_ARCHIVE_BYTES,
                 truncate: bool = False) -> bytes:
    """The bytes of a regular file that is not a symlink and, given `inside`, whose resolved
    location is inside that folder.  Raises NotRegularFile (with the reason) or OSError.  A file
    over `limit` is refused, or with truncate=True its first limit + 1 bytes are returned (so the
    caller can report the size as a problem of the file)."""
    path = Path(path)
    if path.is_symlink():
        raise NotRegularFile("is a symbolic link")
    if inside is not None:
        try:
            path.resolve().relative_to(Path(inside).resolve())
        except ValueError:
            raise NotRegularFile("resolves to a place outside the ledger's folder") from None
    # O_NOFOLLOW: a symlink swapped in after the test above is still refused; O_NONBLOCK: opening a
    # FIFO does not wait for a writer (it is then refused as not a regular file).
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise NotRegularFile("is not a regular file (a folder, device, pipe or socket)")
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > limit and not truncate:
            raise NotRegularFile(f"is {st.st_size:,} bytes, over the limit of {limit:,}")
        data = fh.read(limit + 1)
    if len(data) > limit and not truncate:
        raise NotRegularFile(f"is over the limit of {limit:,} bytes")
    return data


def _word_at(text: str, pos: int) -> str:
    a = b = pos
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return text[a:b][:40]
