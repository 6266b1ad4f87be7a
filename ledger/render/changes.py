"""What was added or updated in the ledger, newest first: data read by the What's new page and
the Atom feed."""
from __future__ import annotations

from . import fmt
from .words import prose_text


def changes(ix, pages) -> list:
    """(day, verb, kind, id, label-text, page, anchor) for every added/updated date, newest first."""
    out = []

    def add(rec, kind, label, page, anchor):
        for verb in ("added", "updated"):
            day = getattr(rec, verb, None)
            if day:
                out.append((day, verb, kind, rec.id, label, page, anchor))

    for s in ix.sources.values():
        add(s, "source", f"{s.publisher}: {s.title}", pages.source_page(s.id), f"src-{s.id}")
    for a in ix.actors.values():
        add(a, "actor", a.name, pages.actor_page(a.id), f"actor-{a.id}")
    for eid, e in ix.events.items():
        add(e, "event", prose_text(ix, e.title), pages.event_page(eid), f"ev-{eid}")
        for f in e.figures:
            add(f, "figure", f"{fmt.figure_words(f)}: {prose_text(ix, f.measure)}", pages.figure_page(f.id), f"fig-{f.id}")
    out.sort(key=lambda c: (c[0], c[1] == "updated", c[2], c[3]), reverse=True)
    return out
