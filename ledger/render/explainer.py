"""The explainer's ledger-driven passages: how far the ledger reaches, its scale, its main actors
and most recent events."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..edtf import parse_or_none
from .chronology import EVENT_KIND_TITLES, span_of
from .html import esc, ul
from .inline import Ctx, actor_link, event_link, figure, prose
from .site import KIND_ORDER, KIND_TITLES


def ledger_span(ctx: Ctx) -> str:
    """The span of the whole ledger (see span_of)."""
    return span_of(ctx.index.events.values())


SCALE_KINDS = ["deportation", "arrest", "raid", "rescue", "detention", "inspection"]


def scale_overview(ctx: Ctx) -> str:
    """For each kind of event, the largest count of people in the ledger, with its claim."""
    ix = ctx.index
    rows = []
    for kind in SCALE_KINDS:
        best = None
        n = 0
        for e in ix.events.values():
            if e.kind != kind:
                continue
            for f in e.figures:
                if f.unit != "people":
                    continue
                n += 1
                if f.value is not None and (best is None or f.value > best[0].value):
                    best = (f, e)
        if best is None:
            continue
        f, e = best
        rows.append(
            f'<tr><th scope="row">{esc(EVENT_KIND_TITLES[kind])}</th>'
            f'<td>{figure(ctx, f.id)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span></td>'
            f'<td>{actor_link(ctx, f.claimed_by)}</td><td>{event_link(ctx, e.id)}</td></tr>')
    if not rows:
        return '<p class="empty">The ledger holds no counts of people yet.</p>'
    return ('<div class="table-wrap"><table class="data-table scale-table"><caption>The largest count of people the ledger records '
            'for each kind of event. Counts from different claimants and periods measure different things and are '
            'not added up here.</caption><thead><tr><th scope="col">Kind of event</th><th scope="col">Largest count</th>'
            '<th scope="col">Claimed by</th><th scope="col">Event</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")


def actors_overview(ctx: Ctx, per_kind: int = 6) -> str:
    ix = ctx.index
    by_kind = defaultdict(list)
    for aid, a in ix.actors.items():
        by_kind[a.kind].append(aid)
    items = []
    for k in KIND_ORDER + sorted(k for k in by_kind if k not in KIND_ORDER):
        ids = by_kind.get(k)
        if not ids:
            continue
        ids = sorted(ids, key=lambda a: (-len(ix.actor_events.get(a, [])) - len(ix.actor_figures.get(a, [])), ix.actors[a].name.casefold()))
        more = ", and others in the glossary" if len(ids) > per_kind else ""
        items.append(f'<span class="label">{esc(KIND_TITLES.get(k, k.title()))}:</span> '
                     + ", ".join(actor_link(ctx, a) for a in ids[:per_kind]) + more)
    return ul(items, "actors-overview") or '<p class="empty">The ledger names no actors yet.</p>'


def recent_events(ctx: Ctx, count: int = 5) -> str:
    ids = [eid for eid, e in ctx.index.events.items() if parse_or_none(e.date)]
    if not ids:
        return '<p class="empty">The ledger holds no dated events yet.</p>'
    return ul((event_link(ctx, eid) for eid in reversed(ids[-count:])), "recent-events")


def event_kinds_overview(ctx: Ctx) -> str:
    kinds = Counter(e.kind for e in ctx.index.events.values())
    return ", ".join(esc(EVENT_KIND_TITLES.get(k, k).lower()) for k, _ in kinds.most_common()) or "no events yet"
