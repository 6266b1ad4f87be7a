"""The actors glossary: who each body, person or place is, where it appears and what it claims.
A figure here is its value and what it counts, a plain link to its row in the figures table (its
quote, outlet and date one click away), not a popover: a long glossary would hold every quote again.
An actor in many events, or stating many figures, lists the latest few and links the rest by year
(the chronology's pages showing only its events, the figures table's pages holding its figures)."""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote

from ..index import UNDATED
from .chronology import span_of
from .html import attrs, dl, esc, headerlink, ul
from .inline import Ctx, actor_link, date, event_link, figure_to_row, prose, source_link, tally, year
from .listing import part_heading, parts_index
from .reuse import part as piece
from .site import KIND_ORDER, KIND_TITLES

# an actor's events (and the figures it states) are listed in full up to this many; past it, the
# entry gives their number, the latest RECENT, and links to the pages holding the others, by year
IN_FULL = 12
RECENT = 5


def _by_year(ctx: Ctx, listing, ids, page_of, noun: str, starts, query: str = "") -> str:
    """'2016 (12 events) · 2017 (40 events, on the pages starting 1 March 2017 · 2 June 2017)': for
    each year, the number of ids and a link to each page of the listing that holds any of them (the
    year itself when one page does; else the page's first date, `starts(part)`, a date text),
    each link ending with `query`."""
    years: dict = {}
    for i in ids:
        key = page_of(i)
        pages = years.setdefault(listing.parts[key].group, {})
        pages[key] = pages.get(key, 0) + 1
    out = []
    for group, pages in years.items():
        label = "Undated" if group == UNDATED else year(group)
        count = tally(sum(pages.values()), noun)
        if len(pages) == 1:
            out.append(f'<a{attrs(href=ctx.links.page(next(iter(pages))) + query)}>{label}</a> ({count})')
        else:
            links = " · ".join(f'<a{attrs(href=ctx.links.page(k) + query)}>{date(starts(listing.parts[k]))}</a>'
                               for k in pages)
            out.append(f"{label} ({count}, on the pages starting {links})")
    return '<p class="by-year">' + " · ".join(out) + "</p>"


def _latest(ids, year_of) -> list:
    """The RECENT latest of ids (in time order), most recent first; undated ones (year_of gives
    UNDATED) only when too few are dated."""
    dated = [i for i in ids if year_of(i) != UNDATED]
    undated = [i for i in ids if year_of(i) == UNDATED]
    return list(reversed(dated))[:RECENT] + undated[:max(0, RECENT - len(dated))]


def _events(ctx: Ctx, aid: str) -> str:
    ix = ctx.index
    eids = ix.actor_events.get(aid, [])

    def item(eid):
        roles = [r for r in ix.actor_roles.get((eid, aid), []) if r != "place"]
        return event_link(ctx, eid) + (f' <small>({esc("; ".join(roles))})</small>' if roles else "")
    if len(eids) <= IN_FULL:
        return ul(item(e) for e in eids)
    name = esc(ix.actors[aid].name)
    return (f"<p>{tally(len(eids), 'event')}, {span_of([ix.events[e] for e in eids])}. The latest, most recent first:</p>"
            + ul(item(e) for e in _latest(eids, ix.event_year.get))
            + f"<p>All of them, by year: each link opens the chronology showing only the events of {name}.</p>"
            + _by_year(ctx, ctx.pages.chronology, eids, ctx.pages.event_page, "event",
                       lambda part: ix.events[part.ids[0]].date, "?actor=" + quote(aid, safe="")))


def _figures(ctx: Ctx, aid: str) -> str:
    ix = ctx.index
    fids = ix.actor_figures.get(aid, [])

    def item(fid):
        return figure_to_row(ctx, fid, prose(ctx, ix.figures[fid].measure, [ix.figures[fid].source], plain=True))
    if len(fids) <= IN_FULL:
        return ul(item(f) for f in fids)
    listing = ctx.pages.figure_pages
    if listing.split:
        where = ("<p>All of them are in the figures table, by year of their event: each link opens a page "
                 "of the table that holds some of them.</p>" + _by_year(ctx, listing, fids, ctx.pages.figure_page, "figure",
                                  lambda part: ix.event_of[part.ids[0]].date))
    else:
        where = f'<p>All of them are in the <a{attrs(href=ctx.links.page("figures"))}>figures table</a>.</p>'
    return (f"<p>{tally(len(fids), 'figure')}. The latest, most recent first:</p>"
            + ul(item(f) for f in _latest(fids, lambda fid: ix.event_year.get(ix.event_of[fid].id))) + where)


def actor_entry(ctx: Ctx, aid: str) -> str:
    ix = ctx.index
    a = ix.actors[aid]
    anchor = f"actor-{aid}"
    aliases = ""
    if a.aliases:
        aliases = ('<p class="aliases"><span class="label">Also written:</span> '
                   + ", ".join(f'<span class="alias">{esc(x)}</span>' for x in a.aliases) + "</p>")
    parent = actor_link(ctx, a.parent) if a.parent else ""
    children = ", ".join(actor_link(ctx, c) for c in ix.sorted_actor_ids(ix.actor_children.get(aid, [])))
    issued = [source_link(ctx, sid) for sid in ix.actor_sources.get(aid, [])]
    # not a named region: a page of entries would flood a screen reader's list of landmarks
    return (f'<section class="actor"{attrs(data_actor=aid, data_kind=a.kind)}>'
            f'<h3{attrs(id=anchor)}>{esc(a.name)} {headerlink(anchor)}</h3>'
            f'{aliases}'
            f'<p class="actor-description">{prose(ctx, a.description, tip=False)}</p>'
            + dl([("Part of", parent), ("Includes", children),
                   ("Events", _events(ctx, aid)), ("Figures it states", _figures(ctx, aid)), ("Documents it issued", ul(issued))])
            + "</section>")


def actors_page(ctx: Ctx, key: str | None = None) -> str:
    """The glossary: every actor by kind, or when the ledger is large (paging.py), the actors of
    one page ('agency', 'place/2'); called without a key on a split glossary, its index."""
    ix = ctx.index
    listing = ctx.pages.actor_pages
    if listing.split:
        if key is None:
            return ("<p>The glossary is long, so it is split by kind of actor.</p>"
                    + parts_index(ctx, listing, KIND_TITLES))
        part = listing.parts[f"actors/{key}"]
        by_kind = {part.group: part.ids}
        heading = part_heading(ctx, listing, part, "Actors", KIND_TITLES)
    else:
        heading, by_kind = "", defaultdict(list)
        for aid, a in ix.actors.items():
            by_kind[a.kind].append(aid)
    kinds = [k for k in KIND_ORDER if by_kind.get(k)] + sorted(k for k in by_kind if k not in KIND_ORDER)
    toc = ('<nav class="kind-index" aria-label="Kinds of actor"><ul>'
           + "".join(f'<li><a{attrs(href="#kind-" + k)}>{esc(KIND_TITLES.get(k, k.title()))}</a></li>' for k in kinds)
           + "</ul></nav>") if len(kinds) > 1 else ""
    out = [heading, toc]
    for k in kinds:
        out.append(f'<h2{attrs(id="kind-" + k)}>{esc(KIND_TITLES.get(k, k.title()))} {headerlink("kind-" + k)}</h2>')
        out.extend(piece(ctx, actor_entry, aid) for aid in ix.sorted_actor_ids(by_kind[k]))
    return "".join(out)
