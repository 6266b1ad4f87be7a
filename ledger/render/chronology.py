"""The chronology: an event with its figures, a year's page, the index of years, and the filters
(docs/assets/site.js) that narrow them by kind, place or actor."""
from __future__ import annotations

from collections import Counter

from .. import vocab
from ..edtf import parse_or_none
from ..index import UNDATED
from ..tokens import TOKEN
from ..vocab import EVENT_KINDS
from .html import attrs, dl, esc, headerlink, ul
from .inline import (
    Ctx,
    actor_link,
    claim_phrase,
    date,
    event_link,
    event_quotable,
    figure_to_row,
    note,
    prose,
    source_href,
    source_link,
    tally,
    year,
)
from .generated import FILTER_ACTORS_PATH
from .listing import part_label
from .reuse import part as piece

EVENT_KIND_TITLES = {t.value: t.title for t in EVENT_KINDS}
# how many of the latest events the chronology index lists
LATEST = 20


def event_block(ctx: Ctx, eid: str, level: int = 3) -> str:
    """An event: its title, date, kind and places, summary, who took part, its figures and its
    sources.  Each figure is a plain link to its row in the figures table (figure_to_row), which
    shows its quote, outlet, date and claimant one click away; the event holds no popovers.  The
    "Figures" list holds only what the prose does not already show (listed_figures); it names a
    figure's claimant as a link only when the event does not already link it under "Who".  The
    markup is only what the styles, docs/assets/site.js (filters) and the tests read: a year's page
    holds hundreds of events, and the section is not a named region (a page of them would flood a
    screen reader's list of landmarks; its heading is in the list of headings)."""
    ix = ctx.index
    e = ix.events[eid]
    quotable = event_quotable(ix, e)
    anchor = f"ev-{eid}"
    places = [actor_link(ctx, p) for p in e.places]
    meta = [date(e.date), esc(EVENT_KIND_TITLES.get(e.kind, e.kind).lower())]
    if places:
        meta.append(", ".join(places))
    actors = [f"{actor_link(ctx, r.id)} <small>({esc(r.role)})</small>" for r in e.actors]
    title = prose(ctx, e.title, quotable, tip=False)
    summary = prose(ctx, e.summary, quotable, tip=False)
    basis = prose(ctx, e.date_basis, quotable, tip=False) if e.date_basis else ""
    # a claimant the event already links under "Who" is named, not linked again
    who = {r.id for r in e.actors}
    figs = []
    for f in listed_figures(e):
        extra = []
        if f.period and f.period != e.date:
            extra.append(date(f.period))
        extra.append(claim_phrase(ctx, f, link=f.claimed_by not in who))
        src = ix.sources.get(f.source)
        if src is not None and len(e.sources) > 1:
            extra.append(f'in <a{attrs(href=source_href(ctx, f.source))}>{esc(src.publisher)}</a>')
        figs.append(figure_to_row(ctx, f.id, prose(ctx, f.measure, [f.source], plain=True))
                    + f' <small>({"; ".join(extra)})</small>'
                    + (f" {note(ctx, f)}" if f.notes else ""))
    sources = [source_link(ctx, sid) for sid in e.sources]
    body = [
        f'<section class="event"{attrs(**filter_attrs(ix, eid))}>',
        f'<h{level}{attrs(id=anchor)}>{title} {headerlink(anchor, "Permanent link to this event")}</h{level}>',
        f'<p class="event-meta">{" · ".join(meta)}</p>',
        f'<p>{summary}</p>',
    ]
    if e.date_basis:
        body.append(f'<p class="event-basis"><span class="label">How the date was set:</span> {basis}</p>')
    body.append(dl([("Who", ul(actors)), ("Figures", ul(figs)), ("Sources", ul(sources))]))
    body.append("</section>")
    return "".join(body)


def named_figures(e) -> set[str]:
    """The ids of the figures the event's title and summary name ({fig:ID} tokens)."""
    return {m.group(2) for text in (e.title, e.summary) for m in TOKEN.finditer(text or "") if m.group(1) == "fig"}


def listed_figures(e) -> list:
    """The event's figures its "Figures" list shows: each one its title and summary do not name,
    and each named one with a caveat, which must stay in sight on the event (its note, or that its
    sentence credits nobody).  A named figure without one is shown where the prose names it, a link
    to its row (quote, outlet, date and claimant)."""
    named = named_figures(e)
    return [f for f in e.figures if f.id not in named or f.notes or f.claimed_by == vocab.UNATTRIBUTED]


def chronology_year(ctx: Ctx, key: str) -> str:
    """One page of the chronology: a year ('2022'), or a numbered part of a long year ('2022/2')."""
    key = str(key)
    part = ctx.pages.chronology.parts.get(f"chronology/{key}")
    if part is None:
        raise KeyError(f"no chronology page {key!r} for the ledger {ctx.index.file}")
    title = "Undated events" if part.group == UNDATED else f"Chronology: {year(part.group)}"
    if part.of > 1:
        title += f", {part_label(ctx, ctx.pages.chronology, part)}"
    keys = list(ctx.pages.chronology.parts)
    i = keys.index(part.key)

    def label(k):
        p = ctx.pages.chronology.parts[k]
        return part_label(ctx, ctx.pages.chronology, p) if p.of > 1 else year(p.group)
    nav = []
    if i > 0:
        nav.append(f'<a rel="prev"{attrs(href=ctx.links.page(keys[i - 1]))}>&larr; {label(keys[i - 1])}</a>')
    nav.append(f'<a{attrs(href=ctx.links.page("chronology/index"))}>All years</a>')
    if i + 1 < len(keys):
        nav.append(f'<a rel="next"{attrs(href=ctx.links.page(keys[i + 1]))}>{label(keys[i + 1])} &rarr;</a>')
    pager = f'<nav class="year-pager" aria-label="Years">{" · ".join(nav)}</nav>'
    events = "".join(piece(ctx, event_block, eid, level=2) for eid in part.ids)
    # the two pagers are landmarks of the same kind: they need different names
    return (f'<h1>{title}</h1>{pager}{chronology_filters(ctx, part.group)}<div class="chronology">{events}</div>'
            + pager.replace('aria-label="Years"', 'aria-label="Years, at the end of the page"', 1))


def chronology_index(ctx: Ctx) -> str:
    """The chronology's first page: each year, with its number of events, the kinds of what
    happened and a link to its page (which holds every event of the year); then the latest
    events.  The filters narrow both to a kind or an actor, and a year's link keeps the choice."""
    ix = ctx.index
    if not ix.years:
        return '<p class="empty">The ledger holds no events yet.</p>'
    rows = []
    for key, eids in ix.years.items():
        label = "Undated" if key == UNDATED else year(key)
        parts = len([p for p in ctx.pages.chronology.parts.values() if p.group == key])
        rows.append(
            f'<li{attrs(**group_filter_attrs(ix, key, eids))}>'
            f'<a{attrs(href=ctx.links.page("chronology/" + key))}>{label}</a>: {tally(len(eids), "event")}'
            + (" (on several pages)" if parts > 1 else "") + f". {kinds_sentence(ix, eids)}</li>")
    dated = [eid for eid, e in ix.events.items() if ix.event_year[eid] != UNDATED]
    latest = "".join(f"<li{attrs(**filter_attrs(ix, eid))}>{event_link(ctx, eid)}</li>"
                     for eid in reversed(dated[-LATEST:]))
    years = ('<h2 id="years">Year by year</h2>'
             '<p>Each year\'s page holds all the events of that year, with their figures and sources.</p>'
             f'<ul class="year-list">{"".join(rows)}</ul>')
    if latest:
        years += ('<h2 id="latest">The latest events</h2>'
                  '<p>The most recent events first; older ones are on their year\'s page.</p>'
                  f'<ul class="year-events">{latest}</ul>')
    return chronology_filters(ctx) + years


def kind_words(ix, eids) -> list[str]:
    """The kinds of the events, most frequent first, in the reader's words (escaped); 'other' is
    said last, as 'other events', never as a kind."""
    kinds = [k for k, _ in Counter(ix.events[e].kind for e in eids).most_common()]
    named = [esc(EVENT_KIND_TITLES.get(k, k).lower()) for k in kinds if k != "other"]
    return named + (["other events"] if "other" in kinds else [])


def kinds_sentence(ix, eids) -> str:
    """'What happened: deportation, arrest, other events.'"""
    return "What happened: " + ", ".join(kind_words(ix, eids)) + "."


def filter_attrs(ix, eid: str) -> dict:
    """What the chronology filters (docs/assets/site.js) match an event on: its kind, and the
    actors and places involved (as the actors page lists them)."""
    e = ix.events[eid]
    return {"data_filter_item": True, "data_kind": e.kind,
            "data_actors": " ".join(dict.fromkeys(ix.event_places_and_actors(e)))}


def group_filter_attrs(ix, key: str, eids) -> dict:
    """A year on the chronology index: the kinds and actors of all its events (it stays shown
    while any of them matches)."""
    events = [ix.events[e] for e in eids]
    return {"data_filter_group": "", "data_year": key,
            "data_kinds": " ".join(dict.fromkeys(e.kind for e in events)),
            "data_actors": " ".join(dict.fromkeys(a for e in events for a in ix.event_places_and_actors(e)))}


def _select(name: str, label: str, options) -> str:
    opts = "".join(f"<option{attrs(value=v, selected=sel, **extra)}>{text}</option>" for v, text, sel, extra in options)
    return (f'<div class="filter-field"><label{attrs(for_="filter-" + name)}>{esc(label)}</label>'
            f'<select{attrs(id="filter-" + name, name=name)}>{opts}</select></div>')


def chronology_filters(ctx: Ctx, current: str | None = None) -> str:
    """Controls that narrow the events shown by kind of event and actor, and open another year:
    rendered here, run by docs/assets/site.js (without it the form stays hidden and every event
    shows).  Choosing a year opens that year's page (or, 'All years', the index) with the same
    kind and actor (?kind=…&actor=…); `current` is the year of the page, None on the index."""
    ix = ctx.index
    if not ix.events:
        return ""
    years = [("", "All years", current is None, {"data_href": ctx.links.page("chronology/index")})]
    years += [(k, "Undated" if k == UNDATED else esc(k), k == current,
               {"data_href": ctx.links.page(ctx.pages.event_page(eids[0]))}) for k, eids in ix.years.items()]
    present = set(ix.event_kinds)
    kinds = [k for k in EVENT_KIND_TITLES if k in present] + sorted(present - set(EVENT_KIND_TITLES))
    kind_opts = [("", "All kinds", False, {})] + [(k, esc(EVENT_KIND_TITLES.get(k, k.title())), False, {}) for k in kinds]
    # the actors' options come from one file for the whole chronology (generated.filter_actors_file),
    # which site.js adds: a list of every actor in each page would weigh more than its events
    actor_opts = [("", "Anyone", False, {})]
    return (f'<script{attrs(src=ctx.links.file(FILTER_ACTORS_PATH))}></script>'
            f'<form{attrs(class_="chronology-filters", aria_label="Narrow the events")} hidden>'
            + _select("year", "Year", years) + _select("kind", "Kind of event", kind_opts)
            + _select("actor", "Actor or place", actor_opts)
            + '<button type="reset" class="filter-reset">Show all</button>'
            '<p class="filter-status" role="status"></p></form>')


def span_of(events) -> str:
    """'from <time>2016</time> to <time>8 February 2026</time>': the earliest start and the
    latest end among the events' dates, each at its own precision."""
    points = [d for d in (parse_or_none(e.date) for e in events) if d is not None]
    starts = [d.start for d in points if d.start is not None]
    ends = [d.end for d in points if d.end is not None]
    if not starts and not ends:
        return "with no dates yet"

    def text(p):
        return p.iso() + p.qualifier

    first = min(starts, key=lambda p: (p.lower, p.upper)) if starts else None
    last = max(ends, key=lambda p: (p.upper, p.lower)) if ends else None
    if first is None:
        return f"until {date(text(last))}"
    if last is None:
        return f"from {date(text(first))} onwards"
    if text(first) == text(last):
        return f"of {date(text(first))}"
    return f"from {date(text(first))} to {date(text(last))}"
