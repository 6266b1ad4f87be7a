"""Site-search records, one per figure, so a figure is found by its outlet, claimant or words and
the result opens its row (plain text for the search index, ledger_site/sitesearch.py)."""
from __future__ import annotations

from ..vocab import UNATTRIBUTED
from . import fmt
from .inline import Ctx, date_words, figure_href, prose_text


def figure_search_entries(ctx: Ctx) -> list:
    """One site-search entry per figure, opening its row in the figures table: its value and what
    it counts, then its quote, the outlet, headline and date of its source (and of the sources it
    passed through), who claims it, its period and its event.  Links are made from ctx (the
    site's root).  Plain text: the search index escapes what it shows."""
    ix = ctx.index

    def src(sid):
        s = ix.sources.get(sid)
        return f"{s.publisher}, {s.title} ({date_words(s.published)})" if s else sid
    out = []
    for fid, f in ix.figures.items():
        e = ix.event_of[fid]
        claim = ix.actors.get(f.claimed_by)
        text = [f"\u201c{f.quote}\u201d", f"Source: {src(f.source)}."]
        if f.cites:
            text.append("Via " + "; ".join(src(c) for c in f.cites) + ".")
        text.append("Not attributed in the text." if f.claimed_by == UNATTRIBUTED
                    else f"Claimed by {claim.name if claim else f.claimed_by}.")
        if f.notes:
            text.append(f"Note: {prose_text(ix, f.notes)}")
        if f.period:
            text.append(f"Period: {date_words(f.period)}.")
        text.append(f"Event: {prose_text(ix, e.title)}.")
        out.append({"location": figure_href(ctx, fid),
                    "title": f"{fmt.figure_words(f)}: {prose_text(ix, f.measure)}",
                    "text": " ".join(text)})
    return out
