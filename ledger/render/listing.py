"""Listings split over several pages: a part's label, its heading with previous/next links, and
the index of parts (which part holds what comes from ledger/render/paging.py)."""
from __future__ import annotations

from ..index import UNDATED
from .html import attrs, esc
from .inline import Ctx, date, year


def part_label(ctx: Ctx, listing, part) -> str:
    """Words for one page of a split listing, without bare digits (the site's rule: a digit is a
    figure, a date or a quote): the span of its entries as dates, or as first and last names."""
    ix = ctx.index
    ids = part.ids
    if listing.base == "actors":
        return f"{esc(ix.actors[ids[0]].name)} to {esc(ix.actors[ids[-1]].name)}"
    if listing.base == "sources":
        first, last = ix.sources[ids[0]].published, ix.sources[ids[-1]].published
    elif listing.base == "figures":
        first, last = ix.event_of[ids[0]].date, ix.event_of[ids[-1]].date
    else:
        first, last = ix.events[ids[0]].date, ix.events[ids[-1]].date
    return date(first) if first == last else f"{date(first)} to {date(last)}"


def part_heading(ctx: Ctx, listing, part, title: str, titles=None) -> str:
    """The <h1> of one page of a split listing (its own, so the theme does not print the page's
    title, whose part numbers would be bare digits), with a link back to the listing."""
    group = esc(titles[part.group]) if titles and part.group in titles else (
        "undated" if part.group == UNDATED else year(part.group))
    span = f", {part_label(ctx, listing, part)}" if part.of > 1 else ""
    back = f'<p class="listing-back"><a{attrs(href=ctx.links.page(listing.base))}>All {esc(title.lower())}</a></p>'
    return f"<h1>{esc(title)}: {group}{span}</h1>{back}"


def parts_index(ctx: Ctx, listing, titles=None) -> str:
    """The pages of a listing that is split (paging.py): a line a group, linking each of its pages."""
    out = []
    for group, parts in listing.groups().items():
        label = esc(titles[group]) if titles and group in titles else ("Undated" if group == UNDATED else year(group))
        links = "; ".join(f'<a{attrs(href=ctx.links.page(p.key))}>{part_label(ctx, listing, p)}</a>' for p in parts)
        out.append(f"<li><strong>{label}</strong>: {links}</li>")
    return f'<ul class="listing-parts">{"".join(out)}</ul>'
