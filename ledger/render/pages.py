"""The generated parts of each page, as HTML strings: chronology, actors, figures, sources,
what's new, and the explainer's ledger-driven passages.  Pure functions of (Ctx, arguments)."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..edtf import parse_or_none
from . import fmt
from .html import attrs, esc, external_link, safe_url, text_fragment
from .inline import (Ctx, actor_link, cite, date, event_link, event_quotable, figure, figure_href,
                     figure_span, prose, source_href, source_link, source_quotable, year)
from ..index import UNDATED, date_key
from ..vocab import BOUNDS, EVENT_KINDS, UNITS
from .site import KIND_ORDER, KIND_TITLES

EVENT_KIND_TITLES = {t.value: t.title for t in EVENT_KINDS}
UNIT_WORDS = {t.value: t.many for t in UNITS}


def headerlink(anchor: str, label: str = "Permanent link") -> str:
    return f'<a class="headerlink"{attrs(href="#" + anchor, aria_label=label)}>&para;</a>'


def _ul(items, cls: str | None = None) -> str:
    items = list(items)
    if not items:
        return ""
    return f"<ul{attrs(class_=cls)}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _dl(pairs) -> str:
    pairs = [(k, v) for k, v in pairs if v]
    if not pairs:
        return ""
    return '<dl class="facts">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def _quote_with_links(ctx: Ctx, f, block: bool = False) -> str:
    """A figure's quote, linked to its source entry, and to the original at the quoted words."""
    s = ctx.index.sources.get(f.source)
    tag = "blockquote" if block else "q"
    q = f"<{tag}{attrs(data_source=f.source, class_='figure-quote')}>{esc(f.quote)}</{tag}>"
    links = [f'<a class="quote-source"{attrs(href=source_href(ctx, f.source))}>source entry</a>']
    if s is not None and s.url:
        frag = text_fragment(s.url, ctx.index.original_words(f.source, f.quote))
        if frag:
            links.append(external_link(frag, "open the original at these words"))
    if block:
        return f'{q}<p class="quote-links">{" · ".join(links)}</p>'
    return f'{q} <span class="quote-links">({" · ".join(links)})</span>'


# -- chronology --------------------------------------------------------------------------------
def event_block(ctx: Ctx, eid: str, level: int = 3) -> str:
    site = ctx.index
    e = site.events[eid]
    quotable = event_quotable(site, e)
    anchor = f"ev-{eid}"
    places = [actor_link(ctx, p) for p in e.places]
    meta = [f'<span class="event-date">{date(e.date)}</span>',
            f'<span class="event-kind"{attrs(data_kind=e.kind)}>{esc(EVENT_KIND_TITLES.get(e.kind, e.kind))}</span>']
    if places:
        meta.append('<span class="event-places">' + ", ".join(places) + "</span>")
    actors = [f"{actor_link(ctx, r.id)} <span class=\"role\">({esc(r.role)})</span>" for r in e.actors]
    figs = []
    for f in e.figures:
        claim = site.actors.get(f.claimed_by)
        extra = []
        if f.period and f.period != e.date:
            extra.append(date(f.period))
        if claim:
            extra.append(f"claimed by {actor_link(ctx, f.claimed_by)}")
        src = site.sources.get(f.source)
        if src is not None and len(e.sources) > 1:
            extra.append(f'in <a class="source-link"{attrs(href=source_href(ctx, f.source))}>{esc(src.publisher)}</a>')
        figs.append(f'{figure(ctx, f.id)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span>'
                    + (f' <span class="figure-context">({"; ".join(extra)})</span>' if extra else ""))
    sources = [source_link(ctx, sid) for sid in e.sources]
    body = [
        f'<section class="event"{attrs(data_event=eid, data_date=e.date, aria_labelledby=anchor, **filter_attrs(site, eid))}>',
        f'<h{level}{attrs(id=anchor, class_="event-title")}>{prose(ctx, e.title, quotable)} {headerlink(anchor, "Permanent link to this event")}</h{level}>',
        f'<p class="event-meta">{" ".join(meta)}</p>',
        f'<p class="event-summary">{prose(ctx, e.summary, quotable)}</p>',
    ]
    if e.date_basis:
        body.append(f'<p class="event-basis"><span class="label">How the date was set:</span> {prose(ctx, e.date_basis, quotable)}</p>')
    body.append(_dl([("Who", _ul(actors)), ("Figures", _ul(figs, "event-figures")), ("Sources", _ul(sources))]))
    body.append("</section>")
    return "".join(body)


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
    events = "".join(event_block(ctx, eid, level=2) for eid in part.ids)
    # the two pagers are landmarks of the same kind: they need different names
    return (f'<h1>{title}</h1>{pager}{chronology_filters(ctx, part.group)}<div class="chronology">{events}</div>'
            + pager.replace('aria-label="Years"', 'aria-label="Years, at the end of the page"', 1))


def chronology_index(ctx: Ctx) -> str:
    site = ctx.index
    if not site.years:
        return '<p class="empty">The ledger holds no events yet.</p>'
    rows = []
    for key, eids in site.years.items():
        kinds = Counter(site.events[e].kind for e in eids)
        kind_list = ", ".join(esc(EVENT_KIND_TITLES.get(k, k).lower()) for k, _ in kinds.most_common())
        span = span_of(site.events[e] for e in eids)
        label = "Undated" if key == UNDATED else year(key)
        highlights = "".join(f"<li{attrs(**filter_attrs(site, eid))}>{event_link(ctx, eid)}</li>" for eid in eids[:3])
        parts = len([p for p in ctx.pages.chronology.parts.values() if p.group == key])
        more = (f'<li class="more"><a{attrs(href=ctx.links.page("chronology/" + key))}>all events of the year</a>'
                + (" (on several pages)" if parts > 1 else "") + "</li>") if len(eids) > 3 else ""
        rows.append(
            f'<section class="year-summary"{attrs(aria_labelledby="year-" + key, **group_filter_attrs(site, key, eids))}>'
            f'<h2{attrs(id="year-" + key)}><a{attrs(href=ctx.links.page("chronology/" + key))}>{label}</a></h2>'
            f'<p>Events {span}; kinds: {kind_list}.</p><ul class="year-events">{highlights}{more}</ul></section>')
    return chronology_filters(ctx) + "".join(rows)


# -- chronology filters ------------------------------------------------------------------------
def filter_attrs(site, eid: str) -> dict:
    """What the chronology filters (docs/assets/site.js) match an event on: its year, its kind,
    and the actors and places involved (as the actors page lists them)."""
    e = site.events[eid]
    return {"data_filter_item": "", "data_year": site.event_year[eid], "data_kind": e.kind,
            "data_actors": " ".join(dict.fromkeys(site.event_places_and_actors(e)))}


def group_filter_attrs(site, key: str, eids) -> dict:
    """A year on the chronology index: the kinds and actors of all its events (it stays shown
    while any of them matches; its highlights are matched one by one)."""
    events = [site.events[e] for e in eids]
    return {"data_filter_group": "", "data_year": key,
            "data_kinds": " ".join(dict.fromkeys(e.kind for e in events)),
            "data_actors": " ".join(dict.fromkeys(a for e in events for a in site.event_places_and_actors(e)))}


def _select(name: str, label: str, options) -> str:
    opts = "".join(f"<option{attrs(value=v, selected=sel, **extra)}>{text}</option>" for v, text, sel, extra in options)
    return (f'<div class="filter-field"><label{attrs(for_="filter-" + name)}>{esc(label)}</label>'
            f'<select{attrs(id="filter-" + name, name=name)}>{opts}</select></div>')


def chronology_filters(ctx: Ctx, current: str | None = None) -> str:
    """Controls that narrow the events shown by year, kind of event and actor: rendered here, run
    by docs/assets/site.js (without it the form stays hidden and every event shows).  On the index
    (current None) the year narrows the list in place; on a year's page, choosing another year
    opens that year's page with the same kind and actor (?kind=…&actor=…)."""
    site = ctx.index
    if not site.events:
        return ""
    years = [("", "All years", current is None, {"data_href": ctx.links.page("chronology/index")})]
    years += [(k, "Undated" if k == UNDATED else esc(k), k == current,
               {"data_href": ctx.links.page(ctx.pages.event_page(eids[0]))}) for k, eids in site.years.items()]
    present = {e.kind for e in site.events.values()}
    kinds = [k for k in EVENT_KIND_TITLES if k in present] + sorted(present - set(EVENT_KIND_TITLES))
    kind_opts = [("", "All kinds", False, {})] + [(k, esc(EVENT_KIND_TITLES.get(k, k.title())), False, {}) for k in kinds]
    actor_ids = site.sorted_actor_ids(a for a in site.actor_events if a in site.actors)
    actor_opts = [("", "Anyone", False, {})] + [(a, esc(site.actors[a].name), False, {}) for a in actor_ids]
    mode = "filter" if current is None else "navigate"
    return (f'<form{attrs(class_="chronology-filters", aria_label="Narrow the events", data_year_mode=mode)} hidden>'
            + _select("year", "Year", years) + _select("kind", "Kind of event", kind_opts)
            + _select("actor", "Actor or place", actor_opts)
            + '<button type="reset" class="filter-reset">Show all</button>'
            '<p class="filter-status" role="status"></p></form>')


# -- actors ----------------------------------------------------------------------------------------
def actor_entry(ctx: Ctx, aid: str) -> str:
    site = ctx.index
    a = site.actors[aid]
    anchor = f"actor-{aid}"
    aliases = ""
    if a.aliases:
        aliases = ('<p class="aliases"><span class="label">Also written:</span> '
                   + ", ".join(f'<span class="alias">{esc(x)}</span>' for x in a.aliases) + "</p>")
    parent = actor_link(ctx, a.parent) if a.parent else ""
    children = ", ".join(actor_link(ctx, c) for c in site.sorted_actor_ids(site.actor_children.get(aid, [])))
    events = []
    for eid in site.actor_events.get(aid, []):
        roles = [r for r in site.actor_roles.get((eid, aid), []) if r != "place"]
        role = f' <span class="role">({esc("; ".join(roles))})</span>' if roles else ""
        events.append(event_link(ctx, eid) + role)
    figs = [f'{figure(ctx, fid)} <span class="measure">{prose(ctx, site.figures[fid].measure, [site.figures[fid].source])}</span>'
            for fid in site.actor_figures.get(aid, [])]
    issued = [source_link(ctx, sid) for sid in site.actor_sources.get(aid, [])]
    return (f'<section class="actor"{attrs(data_actor=aid, data_kind=a.kind, aria_labelledby=anchor)}>'
            f'<h3{attrs(id=anchor)}>{esc(a.name)} {headerlink(anchor)}</h3>'
            f'{aliases}'
            f'<p class="actor-description">{prose(ctx, a.description)}</p>'
            + _dl([("Part of", parent), ("Includes", children),
                   ("Events", _ul(events)), ("Figures it states", _ul(figs)), ("Documents it issued", _ul(issued))])
            + "</section>")


def actors_page(ctx: Ctx, key: str | None = None) -> str:
    """The glossary: every actor by kind, or when the ledger is large (paging.py), the actors of
    one page ('agency', 'place/2'); called without a key on a split glossary, its index."""
    site = ctx.index
    listing = ctx.pages.actor_pages
    if listing.split:
        if key is None:
            return ("<p>The glossary is long, so it is split by kind of actor.</p>"
                    + _parts_index(ctx, listing, KIND_TITLES))
        part = listing.parts[f"actors/{key}"]
        by_kind = {part.group: part.ids}
        heading = _part_heading(ctx, listing, part, "Actors", KIND_TITLES)
    else:
        heading, by_kind = "", defaultdict(list)
        for aid, a in site.actors.items():
            by_kind[a.kind].append(aid)
    kinds = [k for k in KIND_ORDER if by_kind.get(k)] + sorted(k for k in by_kind if k not in KIND_ORDER)
    toc = ('<nav class="kind-index" aria-label="Kinds of actor"><ul>'
           + "".join(f'<li><a{attrs(href="#kind-" + k)}>{esc(KIND_TITLES.get(k, k.title()))}</a></li>' for k in kinds)
           + "</ul></nav>") if len(kinds) > 1 else ""
    out = [heading, toc]
    for k in kinds:
        out.append(f'<h2{attrs(id="kind-" + k)}>{esc(KIND_TITLES.get(k, k.title()))} {headerlink("kind-" + k)}</h2>')
        out.extend(actor_entry(ctx, aid) for aid in site.sorted_actor_ids(by_kind[k]))
    return "".join(out)


# -- figures ----------------------------------------------------------------------------------------
RELATION_WORDS = {"same_as": "same count as", "disputed_by": "disputed by", "disputes": "disputes",
                  "part_of": "part of", "parts": "includes"}


def _relations(ctx: Ctx, fid: str) -> str:
    rel = ctx.index.figure_related.get(fid, {})
    out = []
    for key in ("same_as", "disputed_by", "disputes", "part_of", "parts"):
        for other in rel.get(key, []):
            f = ctx.index.figures[other]
            out.append(f'{RELATION_WORDS[key]} <a class="figure-link"{attrs(href=figure_href(ctx, other))}>{figure_span(f)}</a>'
                       f' <span class="measure">({esc(f.measure)}, {esc(ctx.index.sources[f.source].publisher) if f.source in ctx.index.sources else ""})</span>')
    return "; ".join(out)


def _sort_value(f):
    return "" if f.value is None else fmt.value_attr(f.value)


def _period_sort(text):
    d = parse_or_none(text)
    if d is None:
        return ""
    return (d.lower or d.upper).isoformat()


def figure_card(ctx: Ctx, fid: str) -> str:
    site = ctx.index
    f, e = site.figures[fid], site.event_of[fid]
    claim = actor_link(ctx, f.claimed_by) if f.claimed_by in site.actors else esc(f.claimed_by)
    return (f'<div class="figure-card"{attrs(data_figure_card=fid)}>'
            f'<p class="figure-card-value"><a class="figure-link"{attrs(href=figure_href(ctx, fid))}>{figure_span(f)}</a></p>'
            f'<p class="measure">{prose(ctx, f.measure, [f.source])}</p>'
            f'<p class="figure-card-meta">Period: {date(f.period) if f.period else "not stated"}. Claimed by {claim}. '
            f'Source: {source_link(ctx, f.source)}.</p>'
            f'{_quote_with_links(ctx, f, block=True)}'
            f'<p class="figure-card-event">Event: {event_link(ctx, e.id)}</p>'
            f"</div>")


def cluster_block(ctx: Ctx, index: int) -> str:
    site = ctx.index
    cl = site.clusters[index]
    if cl.contested and cl.same:
        head = "Reported more than once, and contested"
    elif cl.contested:
        head = "Contested"
    else:
        head = "The same count, reported more than once"
    lines = []
    for a, b in cl.same:
        lines.append(f'{figure(ctx, a, plain=True)} and {figure(ctx, b, plain=True)} are recorded as the same count.')
    pairs = set(cl.disputed)
    for a, b in cl.disputed:
        if (b, a) in pairs:
            if a < b:
                lines.append(f'{figure(ctx, a, plain=True)} and {figure(ctx, b, plain=True)} contest each other.')
        else:
            lines.append(f'{figure(ctx, a, plain=True)} is disputed by {figure(ctx, b, plain=True)}.')
    first = site.figures[cl.figures[0]]
    anchor = f"compare-{first.id}"
    return (f'<section class="figure-compare"{attrs(data_contested="true" if cl.contested else "false", aria_labelledby=anchor)}>'
            f'<h3{attrs(id=anchor)}>{esc(head)}: {esc(first.measure)} {headerlink(anchor)}</h3>'
            f'<p class="relation">{" ".join(lines)}</p>'
            f'<div class="figure-cards">{"".join(figure_card(ctx, fid) for fid in cl.figures)}</div></section>')


def figures_compare(ctx: Ctx, contested_only: bool = False) -> str:
    idx = [i for i, c in enumerate(ctx.index.clusters) if c.contested or not contested_only]
    if not idx:
        return ('<p class="empty">No figures in the ledger are marked as contested.</p>' if contested_only
                else '<p class="empty">No figure in the ledger is yet linked to another.</p>')
    # contested first
    idx.sort(key=lambda i: (not ctx.index.clusters[i].contested, i))
    return "".join(cluster_block(ctx, i) for i in idx)


def part_label(ctx: Ctx, listing, part) -> str:
    """Words for one page of a split listing, without bare digits (the site's rule: a digit is a
    figure, a date or a quote): the span of its entries as dates, or as first and last names."""
    site = ctx.index
    ids = part.ids
    if listing.base == "actors":
        return f"{esc(site.actors[ids[0]].name)} to {esc(site.actors[ids[-1]].name)}"
    if listing.base == "sources":
        first, last = site.sources[ids[0]].published, site.sources[ids[-1]].published
    elif listing.base == "figures":
        first, last = site.event_of[ids[0]].date, site.event_of[ids[-1]].date
    else:
        first, last = site.events[ids[0]].date, site.events[ids[-1]].date
    return date(first) if first == last else f"{date(first)} to {date(last)}"


def _part_heading(ctx: Ctx, listing, part, title: str, titles=None) -> str:
    """The <h1> of one page of a split listing (its own, so the theme does not print the page's
    title, whose part numbers would be bare digits), with a link back to the listing."""
    group = esc(titles[part.group]) if titles and part.group in titles else (
        "undated" if part.group == UNDATED else year(part.group))
    span = f", {part_label(ctx, listing, part)}" if part.of > 1 else ""
    back = f'<p class="listing-back"><a{attrs(href=ctx.links.page(listing.base))}>All {esc(title.lower())}</a></p>'
    return f"<h1>{esc(title)}: {group}{span}</h1>{back}"


def _parts_index(ctx: Ctx, listing, titles=None) -> str:
    """The pages of a listing that is split (paging.py): a line a group, linking each of its pages."""
    out = []
    for group, parts in listing.groups().items():
        label = esc(titles[group]) if titles and group in titles else ("Undated" if group == UNDATED else year(group))
        links = "; ".join(f'<a{attrs(href=ctx.links.page(p.key))}>{part_label(ctx, listing, p)}</a>' for p in parts)
        out.append(f"<li><strong>{label}</strong>: {links}</li>")
    return f'<ul class="listing-parts">{"".join(out)}</ul>'


def figures_table(ctx: Ctx, key: str | None = None) -> str:
    """The figures table: every figure, or when the ledger is large (paging.py), the figures of
    one page ('2022', '2022/2'); called without a key on a split table, the index of its pages."""
    site = ctx.index
    listing = ctx.pages.figure_pages
    if listing.split and key is None:
        return ('<p>The table is long, so it is split by the year of each figure\'s event.</p>'
                + _parts_index(ctx, listing))
    heading, wanted = "", None
    if key is not None:
        part = listing.parts[f"figures/{key}"]
        heading, wanted = _part_heading(ctx, listing, part, "Figures"), set(part.ids)
    head = [("Value", "number"), ("What is counted", "text"), ("Period", "date"), ("Claimed by", "text"),
            ("Source", "date"), ("Quote", "text"), ("Event", "date"), ("Related figures", "text")]
    ths = "".join(
        f'<th scope="col"{attrs(data_sort_type=t)}><button type="button" class="sort-button">{esc(h)}'
        f'<span class="sort-indicator" aria-hidden="true"></span></button></th>' for h, t in head)
    rows = []
    for eid, e in site.events.items():
        for f in e.figures:
            if wanted is not None and f.id not in wanted:
                continue
            s = site.sources.get(f.source)
            claim = site.actors.get(f.claimed_by)
            cells = [
                (f'<td{attrs(data_sort=_sort_value(f))}>{figure_span(f)}'
                 f'<br><code class="figure-id">{esc(f.id)}</code></td>'),
                f'<td>{prose(ctx, f.measure, [f.source])}<br><span class="unit">{esc(UNIT_WORDS.get(f.unit, f.unit))}, {esc(BOUNDS.word(f.bound, "title", f.bound))}</span></td>',
                f'<td{attrs(data_sort=_period_sort(f.period))}>{date(f.period) if f.period else "not stated"}</td>',
                f'<td{attrs(data_sort=claim.name if claim else f.claimed_by)}>{actor_link(ctx, f.claimed_by)}</td>',
                f'<td{attrs(data_sort=_period_sort(s.published) if s else "")}>{source_link(ctx, f.source)}'
                + (("<br>via " + ", ".join(source_link(ctx, c, with_date=False) for c in f.cites)) if f.cites else "")
                + "</td>",
                f'<td{attrs(data_sort=f.quote)}>{_quote_with_links(ctx, f)}</td>',
                f'<td{attrs(data_sort=_period_sort(e.date))}>{event_link(ctx, eid)}</td>',
                f"<td>{_relations(ctx, f.id)}</td>",
            ]
            rows.append(f'<tr{attrs(id="fig-" + f.id, data_figure_row=f.id)}>' + "".join(cells) + "</tr>")
    if not rows:
        return '<p class="empty">The ledger holds no figures yet.</p>'
    # each figure has a search entry of its own (figure_search_entries), not the table's text
    return (heading + '<div class="table-wrap" data-search-exclude><table class="data-table figures-table sortable">'
            '<caption>Every figure in the ledger, with the words it comes from. Select a column heading to sort.</caption>'
            f"<thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def figure_search_entries(ctx: Ctx) -> list:
    """One site-search entry per figure, opening its row in the figures table: its value and what
    it counts, then its quote, the outlet, headline and date of its source (and of the sources it
    passed through), who claims it, its period and its event.  Links are made from ctx (the
    site's root).  Text is escaped: the search shows it as HTML."""
    from .inline import date_words, prose_text
    site = ctx.index

    def src(sid):
        s = site.sources.get(sid)
        return f"{s.publisher}, {s.title} ({date_words(s.published)})" if s else sid
    out = []
    for fid, f in site.figures.items():
        e = site.event_of[fid]
        claim = site.actors.get(f.claimed_by)
        text = [f"\u201c{f.quote}\u201d", f"Source: {src(f.source)}."]
        if f.cites:
            text.append("Via " + "; ".join(src(c) for c in f.cites) + ".")
        text.append(f"Claimed by {claim.name if claim else f.claimed_by}.")
        if f.period:
            text.append(f"Period: {date_words(f.period)}.")
        text.append(f"Event: {prose_text(site, e.title)}.")
        out.append({"location": figure_href(ctx, fid),
                    "title": esc(f"{fmt.figure_words(f)}: {prose_text(site, f.measure)}"),
                    "text": esc(" ".join(text))})
    return out


# -- sources ----------------------------------------------------------------------------------------
def source_entry(ctx: Ctx, sid: str) -> str:
    site = ctx.index
    s = site.sources[sid]
    anchor = f"src-{sid}"
    quotable = source_quotable(site, s)
    facts = [("Outlet", esc(s.publisher)), ("Published", date(s.published))]
    if s.published_basis:
        facts.append(("How the date was set", prose(ctx, s.published_basis, quotable)))
    if s.url:
        facts.append(("Original", external_link(s.url, f"<code>{esc(s.url)}</code>") if safe_url(s.url)
                      else f"<code>{esc(s.url)}</code> (not linked: not an http(s) address)"))
    if s.archive:
        facts.append(("Archived text", f"<code>{esc(s.archive)}</code>"
                      + (f', hash (<code>sha256</code>) <code class="hash">{esc(s.archive_sha256)}</code>' if s.archive_sha256 else "")))
    else:
        via = site.source_cited_by.get(sid, [])
        facts.append(("Archived text", "none: known only second-hand"
                      + (", through " + ", ".join(source_link(ctx, o, with_date=False) for o in via) if via else "")))
    if s.claimed_by:
        facts.append(("Issued by", actor_link(ctx, s.claimed_by)))
    if s.cites:
        facts.append(("Reports second-hand", _ul(source_link(ctx, c) for c in s.cites)))
    if site.source_cited_by.get(sid):
        facts.append(("Reported by", _ul(source_link(ctx, c) for c in site.source_cited_by[sid])))
    facts.append(("Language", f"<code>{esc(s.language)}</code>"))
    if s.notes:
        facts.append(("Notes", prose(ctx, s.notes, quotable)))
    figs = []
    for fid in site.source_figures.get(sid, []):
        f = site.figures[fid]
        how = "" if f.source == sid else f' <span class="via">(second-hand, quoted in {source_link(ctx, f.source, with_date=False)})</span>'
        figs.append(f'{figure(ctx, fid, tip=False)} <span class="measure">{prose(ctx, f.measure, [f.source])}</span>{how}'
                    + _quote_with_links(ctx, f, block=True))
    events = [event_link(ctx, eid) for eid in site.source_events.get(sid, [])]
    facts.append(("Figures citing it", _ul(figs, "source-figures")))
    facts.append(("Events citing it", _ul(events)))
    return (f'<section class="source"{attrs(data_source_entry=sid, aria_labelledby=anchor)}>'
            f'<h2{attrs(id=anchor)}>{cite(s.title)} {headerlink(anchor)}</h2>'
            f'<p class="source-id">Source id <code>{esc(sid)}</code></p>'
            + _dl(facts) + "</section>")


def sources_page(ctx: Ctx, key: str | None = None) -> str:
    """The bibliography, or when the ledger is large (paging.py), the sources of one page ('2022',
    '2022/2'); called without a key on a split bibliography, its index."""
    site = ctx.index
    listing = ctx.pages.source_pages
    if listing.split:
        if key is None:
            return ("<p>The bibliography is long, so it is split by year of publication.</p>"
                    + _parts_index(ctx, listing))
        part = listing.parts[f"sources/{key}"]
        order, heading = part.ids, _part_heading(ctx, listing, part, "Sources")
    else:
        order, heading = sorted(site.sources, key=lambda sid: (site.sources[sid].publisher.casefold(), date_key(site.sources[sid].published), sid)), ""
    return heading + '<div class="bibliography">' + "".join(source_entry(ctx, sid) for sid in order) + "</div>"


# -- what's new ---------------------------------------------------------------------------------------
def changes(site, pages) -> list:
    """(day, verb, kind, id, label-text, page, anchor) for every added/updated date, newest first."""
    from .inline import prose_text
    out = []

    def add(rec, kind, label, page, anchor):
        for verb in ("added", "updated"):
            day = getattr(rec, verb, None)
            if day:
                out.append((day, verb, kind, rec.id, label, page, anchor))

    for s in site.sources.values():
        add(s, "source", f"{s.publisher}: {s.title}", pages.source_page(s.id), f"src-{s.id}")
    for a in site.actors.values():
        add(a, "actor", a.name, pages.actor_page(a.id), f"actor-{a.id}")
    for eid, e in site.events.items():
        add(e, "event", prose_text(site, e.title), pages.event_page(eid), f"ev-{eid}")
        for f in e.figures:
            add(f, "figure", f"{fmt.figure_words(f)}: {prose_text(site, f.measure)}", pages.figure_page(f.id), f"fig-{f.id}")
    out.sort(key=lambda c: (c[0], c[1] == "updated", c[2], c[3]), reverse=True)
    return out


def whats_new(ctx: Ctx, limit: int = 200) -> str:
    site = ctx.index
    items = changes(site, ctx.pages)[:limit]
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
                link = figure(ctx, rid) + f' <a{attrs(href=figure_href(ctx, rid))}>{prose(ctx, site.figures[rid].measure, [site.figures[rid].source], plain=True)}</a>'
            elif kind == "source":
                link = source_link(ctx, rid)
            else:
                link = actor_link(ctx, rid)
            lis.append(f'<li><span class="change">{esc(verb)} {esc(kind)}</span> {link}</li>')
        out.append(f'<section class="changes-day"><h2{attrs(id="day-" + day)}>{date(day)}</h2><ul>{"".join(lis)}</ul></section>')
    return "".join(out)


# -- explainer passages ----------------------------------------------------------------------------------
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


def ledger_span(ctx: Ctx) -> str:
    """The span of the whole ledger (see span_of)."""
    return span_of(ctx.index.events.values())


SCALE_KINDS = ["deportation", "arrest", "raid", "rescue", "detention", "inspection"]


def scale_overview(ctx: Ctx) -> str:
    """For each kind of event, the largest count of people in the ledger, with its claim."""
    site = ctx.index
    rows = []
    for kind in SCALE_KINDS:
        best = None
        n = 0
        for e in site.events.values():
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
    site = ctx.index
    by_kind = defaultdict(list)
    for aid, a in site.actors.items():
        by_kind[a.kind].append(aid)
    items = []
    for k in KIND_ORDER + sorted(k for k in by_kind if k not in KIND_ORDER):
        ids = by_kind.get(k)
        if not ids:
            continue
        ids = sorted(ids, key=lambda a: (-len(site.actor_events.get(a, [])) - len(site.actor_figures.get(a, [])), site.actors[a].name.casefold()))
        more = ", and others in the glossary" if len(ids) > per_kind else ""
        items.append(f'<span class="label">{esc(KIND_TITLES.get(k, k.title()))}:</span> '
                     + ", ".join(actor_link(ctx, a) for a in ids[:per_kind]) + more)
    return _ul(items, "actors-overview") or '<p class="empty">The ledger names no actors yet.</p>'


def recent_events(ctx: Ctx, count: int = 5) -> str:
    ids = [eid for eid, e in ctx.index.events.items() if parse_or_none(e.date)]
    if not ids:
        return '<p class="empty">The ledger holds no dated events yet.</p>'
    return _ul((event_link(ctx, eid) for eid in reversed(ids[-count:])), "recent-events")


def event_kinds_overview(ctx: Ctx) -> str:
    kinds = Counter(e.kind for e in ctx.index.events.values())
    return ", ".join(esc(EVENT_KIND_TITLES.get(k, k).lower()) for k, _ in kinds.most_common()) or "no events yet"


# -- method, contribute, data -------------------------------------------------------------------------------
DATE_EXAMPLES = ["2022-11-08", "2022-11-07/2022-11-08", "2022-11", "2022-10~", "2022-11?", "2022",
                 "2014/..", "../2019-08", "2024-01/2024-03"]


def date_examples(ctx: Ctx) -> str:
    rows = "".join(f"<tr><td><code>{esc(x)}</code></td><td>{date(x)}</td></tr>" for x in DATE_EXAMPLES)
    return ('<table class="data-table date-examples"><thead><tr><th scope="col">In the ledger (EDTF)</th>'
            f'<th scope="col">On the site</th></tr></thead><tbody>{rows}</tbody></table>')


BOUND_EXPLAINED = {t.value: t.gloss for t in BOUNDS}


def bound_examples(ctx: Ctx) -> str:
    site = ctx.index
    example = {}
    for fid, f in site.figures.items():
        example.setdefault(f.bound, fid)
    rows = []
    for bound, words in BOUND_EXPLAINED.items():
        ex = ""
        if bound in example:
            f = site.figures[example[bound]]
            ex = f'{figure(ctx, f.id)}, from <q{attrs(data_source=f.source)}>{esc(f.quote)}</q>'
        rows.append(f"<tr><td><code>{esc(bound)}</code></td><td>{esc(words)}</td><td>{ex or 'none in the ledger yet'}</td></tr>")
    return ('<table class="data-table bound-examples"><thead><tr><th scope="col">Bound</th><th scope="col">When</th>'
            '<th scope="col">Example in the ledger</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


DOWNLOADS = [
    ("data/ledger.json", "The whole ledger as JSON: sources, actors, events and their figures."),
    ("data/figures.csv", "Every figure, one a row, with its quote, source and claimant."),
    ("data/events.csv", "Every event, one a row, with its date in EDTF and in words."),
    ("data/datapackage.json", "A Frictionless Data Package describing the two tables, for validation and loading."),
    ("schema/ledger.schema.json", "The ledger's JSON Schema, generated from the model the validator uses."),
]


def downloads(ctx: Ctx) -> str:
    return _ul((f'<a{attrs(href=ctx.links.file(path), download="")}><code>{esc(path)}</code></a>: {esc(text)}'
                for path, text in DOWNLOADS), "downloads")
