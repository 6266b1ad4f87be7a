"""The feed's entries in words a reader follows as news: each record's own fields and dates
("312 Chinese nationals deported on a special flight, 8 February 2026"), never bookkeeping
("Added figure: …").  Every entry carries the day of its own change: the record's `added` or
`updated` day, or the correction's."""
from __future__ import annotations

from typing import NamedTuple

from .. import corrections
from .changes import changes
from .cite import headline, source_line, source_words
from .words import date_words, prose_text


class NewsItem(NamedTuple):
    day: str          # YYYY-MM-DD: when the change was made
    key: str          # stable identity of the entry (kind/id/what/day)
    title: str        # plain text
    summary: str      # plain text
    page: str         # the page it links to, and the anchor there
    anchor: str


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _when(text) -> str:
    return f", {date_words(text)}" if text and text != "unknown" else ""


def _figure(ix, fid: str) -> tuple[str, str]:
    f, e = ix.figures[fid], ix.event_of[fid]
    return _cap(headline(ix, f)) + _when(e.date), f"\u201c{f.quote}\u201d ({source_words(ix, f)})"


def _change(ix, day, key, verb, kind, rid, page, anchor) -> NewsItem:
    if kind == "figure":
        title, summary = _figure(ix, rid)
    elif kind == "event":
        e = ix.events[rid]
        title, summary = _cap(prose_text(ix, e.title)) + _when(e.date), prose_text(ix, e.summary)
    elif kind == "source":
        s = ix.sources[rid]
        title = (s.title if s.publisher == "unknown" else f"{s.publisher}: {s.title}") + _when(s.published)
        summary = source_line(s)
    else:
        a = ix.actors[rid]
        title, summary = a.name, prose_text(ix, a.description)
    if verb == "updated":
        title = f"Updated: {title}"
    return NewsItem(day, key, title, summary, page, anchor)


def _correction(ix, pages, key, x) -> NewsItem:
    note = prose_text(ix, x.note)
    if x.kind == "withdrawn":
        return NewsItem(x.date, key, "A figure was withdrawn", note, "corrections", f"withdrawn-{x.rid}")
    if x.kind == "figure":
        what, page, anchor = _figure(ix, x.rid)[0], pages.figure_page(x.rid), f"fig-{x.rid}"
    elif x.kind == "event":
        e = ix.events[x.rid]
        what, page, anchor = _cap(prose_text(ix, e.title)) + _when(e.date), pages.event_page(x.rid), f"ev-{x.rid}"
    else:
        s = ix.sources[x.rid]
        what, page, anchor = source_line(s), pages.source_page(x.rid), f"src-{x.rid}"
    return NewsItem(x.date, key, f"Correction: {what}", note, page, anchor)


def items(ix, pages, limit: int | None = None) -> list[NewsItem]:
    """Every addition, update, correction and withdrawal, newest first; the first `limit` of them
    when it is given (only those are put in words: the feed keeps 50 of the 44,000 changes of a
    10,000-event ledger)."""
    pending = []  # (day, key, what makes the item): the order is known before any words are made
    for day, verb, kind, rid, _label, page, anchor in changes(ix, pages):
        key = f"{kind}/{rid}/{verb}/{day}"
        pending.append((day, key, (_change, ix, day, key, verb, kind, rid, page, anchor)))
    for x in corrections.entries(ix):
        key = (f"withdrawn/{x.rid}/{x.date}" if x.kind == "withdrawn"
               else f"correction/{x.kind}/{x.rid}/{x.number}/{x.date}")
        pending.append((x.date, key, (_correction, ix, pages, key, x)))
    pending.sort(key=lambda p: (p[0], p[1]), reverse=True)
    return [make(*args) for _, _, (make, *args) in pending[:limit]]
