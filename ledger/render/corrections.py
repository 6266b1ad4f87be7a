"""The Corrections page: every correction and withdrawal in the ledger, newest first, each with
the record it corrects (data from ledger/corrections.py)."""
from __future__ import annotations

from .. import corrections
from .html import attrs
from .inline import Ctx, date, event_link, event_quotable, figure, prose, source_link, source_quotable


def _subject(ctx: Ctx, x: corrections.Entry) -> tuple[str, list]:
    """The corrected record as a link, and the sources a {q:} token in the note may quote."""
    ix = ctx.index
    if x.kind == "figure":
        f = ix.figures[x.rid]
        return (f'The figure {figure(ctx, x.rid)} <span class="measure">({prose(ctx, f.measure, [f.source], plain=True)})</span>',
                [f.source])
    if x.kind == "event":
        return f"The event {event_link(ctx, x.rid)}", event_quotable(ix, ix.events[x.rid])
    if x.kind == "source":
        return f"The source {source_link(ctx, x.rid)}", source_quotable(ix, ix.sources[x.rid])
    return "A figure published here before", list(ix.archives)


def corrections_page(ctx: Ctx) -> str:
    items = corrections.entries(ctx.index)
    if not items:
        return '<p class="empty">No record in the ledger has been corrected or withdrawn.</p>'
    lis = []
    for x in items:
        subject, quotable = _subject(ctx, x)
        verb = "Withdrawn" if x.kind == "withdrawn" else "Corrected"
        anchor = f"withdrawn-{x.rid}" if x.kind == "withdrawn" else f"correction-{x.kind}-{x.rid}-{x.number}"
        lis.append(f'<li{attrs(id=anchor, class_="correction-entry", data_kind=x.kind)}>'
                   f'<p><span class="change">{verb} {date(x.date)}</span>. {subject}.</p>'
                   f'<p class="correction-note">{prose(ctx, x.note, quotable)}</p></li>')
    return f'<ol class="corrections-list" reversed>{"".join(lis)}</ol>'
