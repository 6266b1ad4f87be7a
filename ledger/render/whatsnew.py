"""The What's new page: the ledger's changes, newest first (data from ledger/render/changes.py)."""
from __future__ import annotations

from collections import defaultdict

from .changes import changes
from .html import attrs, esc
from .inline import (
    Ctx,
    actor_link,
    date,
    event_link,
    figure,
    figure_href,
    prose,
    source_link,
)


def whats_new(ctx: Ctx, limit: int = 200) -> str:
    ix = ctx.index
    items = changes(ix, ctx.pages)[:limit]
    if not items:
        return '<p class="empty">No entry carries an added or updated date yet.</p>'
    by_day = defaultdict(list)
    for c in items:
        by_day[c[0]].append(c)
    out = []
    for day, cs in by_day.items():
        lis = []
        for _, verb, kind, rid, label, page, anchor in cs:
            if kind == "event":
                link = event_link(ctx, rid, with_date=False)
            elif kind == "figure":
                link = figure(ctx, rid) + f' <a{attrs(href=figure_href(ctx, rid))}>{prose(ctx, ix.figures[rid].measure, [ix.figures[rid].source], plain=True)}</a>'
            elif kind == "source":
                link = source_link(ctx, rid)
            else:
                link = actor_link(ctx, rid)
            lis.append(f'<li><span class="change">{esc(verb)} {esc(kind)}</span> {link}</li>')
        out.append(f'<section class="changes-day"><h2{attrs(id="day-" + day)}>{date(day)}</h2><ul>{"".join(lis)}</ul></section>')
    return "".join(out)
