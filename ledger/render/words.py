"""Ledger values as plain text (feeds, citations, attributes): a date in words, prose with its
tokens turned into their words.  No HTML here; ledger/render/inline.py holds the markup."""
from __future__ import annotations

from ..edtf import parse_or_none
from ..tokens import TOKEN
from ..vocab import UNKNOWN, UNKNOWN_WORDS
from . import fmt


def date_words(text) -> str:
    if not text or text == UNKNOWN:
        return UNKNOWN_WORDS
    d = parse_or_none(text)
    return d.words() if d else text


def prose_text(ix, text: str) -> str:
    """Ledger prose as plain text (feeds, attributes): tokens become their words (a figure with
    its noun, as on the pages)."""
    def sub(m):
        kind, arg = m.group(1), m.group(2)
        if kind == "fig":
            f = ix.figures.get(arg)
            return fmt.figure_phrase(f) if f else arg
        if kind == "date":
            return date_words(arg)
        return f"\u201c{arg}\u201d"
    return TOKEN.sub(sub, text or "")
