"""What the account does not yet cover: how far the archived sources reach, the years with no
event, and the ledger's leads (later developments reported elsewhere), newest first."""
from __future__ import annotations

from ..edtf import parse_or_none
from .html import attrs, esc, external_link
from .inline import Ctx, date


def latest_archived(ix):
    """(source, its parsed date) of the archived source published last, or None."""
    best = None
    for sid, s in ix.sources.items():
        d = parse_or_none(s.published)
        if sid not in ix.archives or d is None or d.upper is None:
            continue
        if best is None or d.upper > best[1].upper:
            best = (s, d)
    return best


def latest_event(ix):
    """The event whose date ends last, or None."""
    best = None
    for e in ix.events.values():
        d = parse_or_none(e.date)
        if d is None or d.upper is None:
            continue
        if best is None or d.upper > best[1].upper:
            best = (e, d)
    return best[0] if best else None


def empty_years(ix) -> list[str]:
    """Years between the first and the last dated event in which no event is dated."""
    years = sorted(int(k) for k in ix.years if k.isdigit())
    if not years:
        return []
    return [str(y) for y in range(years[0], years[-1] + 1) if str(y) not in ix.years]


def _year(y: str) -> str:
    return f'<time datetime="{esc(y)}">{esc(y)}</time>'


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def coverage_limits(ctx: Ctx) -> str:
    """'The newest archived source was published in February 2026 … No event is recorded in
    2025 …': the reach of the account, from the ledger's dates."""
    ix = ctx.index
    out = []
    last = latest_archived(ix)
    if last:
        out.append(f"The newest archived source was published {date(last[0].published)}: later developments are not "
                   "yet in the account.")
    gaps = empty_years(ix)
    if gaps:
        out.append(f"No event is recorded in {_and([_year(y) for y in gaps])}.")
    lead_years = {str(d.start.year) for d in (parse_or_none(x.date) for _, x in ix.leads) if d and d.start}
    missing = [y for y in gaps if y in lead_years]
    if missing:
        out.append(f"Reports from {_and([_year(y) for y in missing])} exist (below), so for now that part of the "
                   "story is nearly empty here.")
    return f'<p class="coverage-limits">{" ".join(out)}</p>' if out else ""


def leads_list(ctx: Ctx) -> str:
    """Every lead, newest first: its date, its outlet linked to the report, and its one line."""
    ix = ctx.index
    if not ix.leads:
        return '<p class="empty">No later developments are noted as missing.</p>'
    leads = sorted((x for _, x in ix.leads), key=lambda x: (parse_or_none(x.date).sort_key, x.id), reverse=True)
    items = []
    for x in leads:
        outlet = external_link(x.url, f'<span class="outlet">{esc(x.outlet)}</span>')
        items.append(f'<li{attrs(id="lead-" + x.id, class_="lead")}>{date(x.date)}, {outlet}: '
                     f'<span class="lead-summary">{esc(x.summary)}</span></li>')
    return f'<ul class="leads-list">{"".join(items)}</ul>'
