"""The bibliography: each source with its outlet, date, archive and the figures quoted from it.
A figure here is its value and what it counts, a plain link to its row in the figures table,
which shows its quote (and the original at the quoted words) and links its event: the entry does
not repeat them, and lists only the events citing the source that none of its figures is from.
What every entry would say alike (what its archived text is for) is said once, above the entries."""
from __future__ import annotations

from ..index import date_key
from .html import attrs, dl, esc, external_link, headerlink, safe_url, ul
from .inline import (
    Ctx,
    actor_link,
    cite,
    date,
    event_link,
    figure_to_row,
    placeholder_title,
    prose,
    republished_words,
    source_label,
    source_link,
    source_quotable,
)
from .reuse import part as piece
from .listing import part_heading, parts_index


# what an entry's "Archived text" is, said once on each page of entries
ARCHIVE_WORDS = ('<p class="bibliography-archive">An entry\'s <strong>archived text</strong> is a verbatim copy '
                 'of the source, kept with the data: every quote from it on this site is checked against it. '
                 'Its link opens the copy\'s file and fingerprint on the data page.</p>')


def source_entry(ctx: Ctx, sid: str) -> str:
    ix = ctx.index
    s = ix.sources[sid]
    anchor = f"src-{sid}"
    quotable = source_quotable(ix, s)
    # the heading names the outlet, and the headline unless the source has a label (source_what)
    facts = [("Headline", cite(s.title))] if s.label and not placeholder_title(s.title) else []
    facts.append(("Published", date(s.published)))
    if s.published_basis:
        facts.append(("How the date was set", prose(ctx, s.published_basis, quotable, tip=False)))
    if s.url:
        facts.append(("Original", external_link(s.url, f"<code>{esc(s.url)}</code>") if safe_url(s.url)
                      else f"<code>{esc(s.url)}</code> (not linked: not an http(s) address)"))
    if s.archive:
        data = ctx.links.anchor("data", f"archive-{sid}")
        facts.append(("Archived text", f'<a{attrs(href=data)}>file and fingerprint</a>'))
    else:
        via = ix.source_cited_by.get(sid, [])
        facts.append(("Archived text", "none: known only second-hand"
                      + (", through " + ", ".join(source_link(ctx, o, with_date=False) for o in via) if via else "")))
    if s.claimed_by:
        facts.append(("Issued by", actor_link(ctx, s.claimed_by)))
    if s.republishes:
        facts.append(("Republished", esc(republished_words(ctx, sid).capitalize())
                      + ("; its figures are credited to the bodies its sentences name, or marked as not attributed"
                         if s.outlet else "")))
    if s.cites:
        facts.append(("Reports second-hand", ul(source_link(ctx, c) for c in s.cites)))
    if ix.source_cited_by.get(sid):
        facts.append(("Reported by", ul(source_link(ctx, c) for c in ix.source_cited_by[sid])))
    if s.notes:
        facts.append(("Notes", prose(ctx, s.notes, quotable, tip=False)))
    figs = []
    for fid in ix.source_figures.get(sid, []):
        f = ix.figures[fid]
        how = "" if f.source == sid else f' <small>(second-hand, quoted in {source_link(ctx, f.source, with_date=False)})</small>'
        figs.append(figure_to_row(ctx, fid, prose(ctx, f.measure, [f.source], plain=True)) + how)
    # an event of a listed figure is one link away, on the figure's row: only the others are listed
    reached = {ix.event_of[fid].id for fid in ix.source_figures.get(sid, [])}
    events = [event_link(ctx, eid) for eid in ix.source_events.get(sid, []) if eid not in reached]
    facts.append(("Figures citing it", ul(figs, cls="cited-figures")))
    # the events of the figures above are linked from their rows: the term lists only the others
    via_figures = reached & set(ix.source_events.get(sid, []))
    facts.append(("Other events citing it" if via_figures else "Events citing it", ul(events)))
    # not a named region: a page of entries would flood a screen reader's list of landmarks
    return ('<section class="source">'
            f'<h2{attrs(id=anchor)}>{source_label(ctx, sid, with_date=False, marked=False)} {headerlink(anchor)}</h2>'
            + dl(facts) + "</section>")


def sources_page(ctx: Ctx, key: str | None = None) -> str:
    """The bibliography, or when the ledger is large (paging.py), the sources of one page ('2022',
    '2022/2'); called without a key on a split bibliography, its index."""
    ix = ctx.index
    listing = ctx.pages.source_pages
    if listing.split:
        if key is None:
            return ("<p>The bibliography is long, so it is split by year of publication.</p>"
                    + parts_index(ctx, listing))
        part = listing.parts[f"sources/{key}"]
        order, heading = part.ids, part_heading(ctx, listing, part, "Sources")
    else:
        order, heading = sorted(ix.sources, key=lambda sid: (ix.sources[sid].publisher.casefold(), date_key(ix.sources[sid].published), sid)), ""
    return (heading + ARCHIVE_WORDS
            + '<div class="bibliography">' + "".join(piece(ctx, source_entry, sid) for sid in order) + "</div>")
