"""The actors glossary: who each body, person or place is, where it appears and what it claims.
A figure here is its value and what it counts, a plain link to its row in the figures table (its
quote, outlet and date one click away), not a popover: a long glossary would hold every quote again."""
from __future__ import annotations

from collections import defaultdict

from .html import attrs, dl, esc, headerlink, ul
from .inline import Ctx, actor_link, event_link, figure_to_row, prose, source_link
from .listing import part_heading, parts_index
from .reuse import part as piece
from .site import KIND_ORDER, KIND_TITLES


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
    events = []
    for eid in ix.actor_events.get(aid, []):
        roles = [r for r in ix.actor_roles.get((eid, aid), []) if r != "place"]
        role = f' <small>({esc("; ".join(roles))})</small>' if roles else ""
        events.append(event_link(ctx, eid) + role)
    figs = [figure_to_row(ctx, fid, prose(ctx, ix.figures[fid].measure, [ix.figures[fid].source], plain=True))
            for fid in ix.actor_figures.get(aid, [])]
    issued = [source_link(ctx, sid) for sid in ix.actor_sources.get(aid, [])]
    return (f'<section class="actor"{attrs(data_actor=aid, data_kind=a.kind, aria_labelledby=anchor)}>'
            f'<h3{attrs(id=anchor)}>{esc(a.name)} {headerlink(anchor)}</h3>'
            f'{aliases}'
            f'<p class="actor-description">{prose(ctx, a.description, tip=False)}</p>'
            + dl([("Part of", parent), ("Includes", children),
                   ("Events", ul(events)), ("Figures it states", ul(figs)), ("Documents it issued", ul(issued))])
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
