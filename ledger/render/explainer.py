"""The explainer's ledger-driven passages: the story in the first screen, how far the ledger
reaches, its scale (in Cambodia, and apart, in the region), its main actors and most recent events."""
from __future__ import annotations

from collections import defaultdict

from .. import vocab
from ..edtf import parse_or_none
from .chronology import kind_words, span_of
from .html import attrs, esc, ul
from .coverage import latest_archived, latest_event
from .inline import Ctx, actor_link, claim_phrase, claimant, date, event_link, figure, figure_in_prose, prose
from .site import KIND_ORDER, KIND_TITLES


def ledger_span(ctx: Ctx) -> str:
    """The span of the whole ledger (see span_of)."""
    return span_of(ctx.index.events.values())


def _largest(ix, counted: str, home: bool):
    """The largest stated count of people of one kind (by `counted`), in the home country or
    (home=False) elsewhere, as (figure, event), or None.  Vague counts have no size to compare."""
    best = None
    for fid, f in ix.figures.items():
        if f.counted != counted or f.unit != "people" or f.value is None or f.bound == "vague":
            continue
        if vocab.within(ix.actors, f.place) != home:
            continue
        if best is None or f.value > best[0].value:
            best = (f, ix.event_of[fid])
    return best


def _scale_row(ctx: Ctx, head: str, f, e, place: bool = False) -> str:
    where = ""
    if place:
        a = ctx.index.actors.get(f.place)
        where = f"<td>{actor_link(ctx, f.place) if a else esc(f.place or '')}</td>"
    rel = ctx.index.figure_related.get(f.id, {})
    told = (' <span class="chart-note">(told differently by another text: see what is contested, below)</span>'
            if rel.get("disputed_by") or rel.get("disputes") else "")
    return (f'<tr{attrs(data_figure_row=f.id, data_counted=f.counted)}><th scope="row">{esc(head)}</th>'
            f'<td>{figure(ctx, f.id)} {esc(f.noun)} <span class="measure">({prose(ctx, f.measure, [f.source])})</span>{told}</td>'
            f'{where}<td>{date(f.period) if f.period else "not stated"}</td>'
            f'<td>{claimant(ctx, f)}</td><td>{event_link(ctx, e.id)}</td></tr>')


def scale_overview(ctx: Ctx) -> str:
    """The largest count of each kind (what is counted, not the event's kind) whose place is the
    home country; then, apart and labelled, the counts of the same kinds in other countries."""
    ix = ctx.index
    home = ix.actors.get(vocab.HOME_PLACE)
    home_name = home.name if home else vocab.HOME_PLACE
    rows, others = [], []
    for counted in vocab.HEADLINE_COUNTED:
        head = vocab.COUNTED[counted].heading or vocab.counted_words(counted)
        best = _largest(ix, counted, True)
        if best:
            rows.append(_scale_row(ctx, head, *best))
        for fid, f in ix.figures.items():
            if f.counted == counted and f.unit == "people" and not vocab.within(ix.actors, f.place):
                others.append(_scale_row(ctx, head, f, ix.event_of[fid], place=True))
    out = []
    cols = ('<th scope="col">Largest count</th><th scope="col">Period</th><th scope="col">Claimed by</th>'
            '<th scope="col">Event</th>')
    if rows:
        out.append(f'<div class="table-wrap"{attrs(data_headline="home")}><table class="data-table scale-table">'
                   f'<caption>In {esc(home_name)}: the largest count of people the ledger records for each kind of '
                   'count. Counts from different claimants and periods measure different things and are not added '
                   f'up here.</caption><thead><tr><th scope="col">What is counted</th>{cols}</tr></thead><tbody>'
                   + "".join(rows) + "</tbody></table></div>")
    else:
        out.append(f'<p class="empty">The ledger holds no counts of people in {esc(home_name)} yet.</p>')
    if others:
        out.append(f'<div class="table-wrap"{attrs(data_headline="regional")}><table class="data-table scale-table regional">'
                   f'<caption>Regional context, not {esc(home_name)}: counts of the same kinds in other countries, '
                   'as the same sources report them.</caption><thead><tr><th scope="col">What is counted</th>'
                   '<th scope="col">Count</th><th scope="col">Where</th><th scope="col">Period</th>'
                   '<th scope="col">Claimed by</th><th scope="col">Event</th></tr></thead><tbody>'
                   + "".join(others) + "</tbody></table></div>")
    return "".join(out)


def actor_role(description: str) -> str:
    """Who an actor is, in a few words: the first clause of its description ('The immigration
    authority of Cambodia's interior ministry'), with its first letter lowered after a leading
    article; '' when that clause holds a token (its words are not plain text)."""
    text = " ".join(description.split())
    for stop in (". ", "; ", ", "):
        cut = text.find(stop)
        if cut > 0:
            text = text[:cut]
    text = text.rstrip(".")
    if "{" in text:
        return ""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in ("The", "A", "An") else text


def _actor_with_role(ctx: Ctx, aid: str) -> str:
    role = actor_role(ctx.index.actors[aid].description)
    return actor_link(ctx, aid) + (f' <span class="actor-role">({esc(role)})</span>' if role else "")


def actors_overview(ctx: Ctx, per_kind: int = 6) -> str:
    """Who is involved, by kind: each actor's name with a few words of who it is, from its
    description (actor_role); the busiest first."""
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
        more = "; and others in the glossary" if len(ids) > per_kind else ""
        items.append(f'<span class="label">{esc(KIND_TITLES.get(k, k.title()))}:</span> '
                     + "; ".join(_actor_with_role(ctx, a) for a in ids[:per_kind]) + more)
    return ul(items, "actors-overview") or '<p class="empty">The ledger names no actors yet.</p>'


def recent_events(ctx: Ctx, count: int = 5) -> str:
    ids = [eid for eid, e in ctx.index.events.items() if parse_or_none(e.date)]
    if not ids:
        return '<p class="empty">The ledger holds no dated events yet.</p>'
    return ul((event_link(ctx, eid) for eid in reversed(ids[-count:])), "recent-events")


def event_kinds_overview(ctx: Ctx) -> str:
    return ", ".join(kind_words(ctx.index, ctx.index.events)) or "no events yet"


# -- the story in the first screen ----------------------------------------------------------------
def _home_counts(ix, counted: str, group: str = "chinese-nationals") -> list:
    """Figures of one kind (by `counted`) about one group (`of_whom`) in the home country, stated
    as numbers (vague and part-of figures left out), each with its parsed period (or event date)."""
    out = []
    for fid, f in ix.figures.items():
        if f.counted != counted or f.of_whom != group or f.unit != "people" or f.part_of:
            continue
        if f.value is None and f.low is None or f.bound == "vague" or not vocab.within(ix.actors, f.place):
            continue
        when = parse_or_none(f.period) or parse_or_none(ix.event_of[fid].date)
        if when is not None:
            out.append((f, when))
    return out


def _who(ctx: Ctx, f) -> str:
    if f.claimed_by == vocab.UNATTRIBUTED:
        return "a figure the report does not attribute"
    return claim_phrase(ctx, f)


def _when(ctx: Ctx, f) -> str:
    return date(f.period or ctx.index.event_of[f.id].date)


def story_lead(ctx: Ctx) -> str:
    """The story in a few lines, for the first screen: since when Cambodia's deportations of
    Chinese nationals are counted, the latest count, the largest announced, each with its hedge,
    its noun and who says so; then how current the account is.  Figures are chosen by what they
    count (`counted`), of whom and where (`of_whom`, `place`), never by words."""
    ix = ctx.index
    lines = []
    deported = _home_counts(ix, "deported")
    dated = [(f, d) for f, d in deported if d.start is not None]
    if dated:
        f, d = min(dated, key=lambda x: (x[1].start.lower, -(x[0].value or x[0].high or 0)))
        lines.append(f'<li><span class="label">Since {date(d.start.iso() + d.start.qualifier)}:</span> '
                     f'{figure_in_prose(ctx, f.id)} deported ({_when(ctx, f)}), {_who(ctx, f)}.</li>')
        later = [(g, e) for g, e in dated if g.id != f.id and e.upper is not None]
        if later:
            g, _ = max(later, key=lambda x: x[1].upper)
            lines.append(f'<li><span class="label">Latest count:</span> {figure_in_prose(ctx, g.id)} deported '
                         f'{_when(ctx, g)}, {_who(ctx, g)}.</li>')
    planned = _home_counts(ix, "planned-deportation")
    if planned:
        f, _ = max(planned, key=lambda x: x[0].value or x[0].high or 0)
        lines.append(f'<li><span class="label">Largest announced:</span> {figure_in_prose(ctx, f.id)} to be deported '
                     f'({_when(ctx, f)}), {_who(ctx, f)}.</li>')
    if not lines:
        lines.append('<li>The account holds no count of deportations from Cambodia yet.</li>')
    current = []
    last_source = latest_archived(ix)
    if last_source:
        current.append(f"the newest archived source was published {date(last_source[0].published)}")
    last_event = latest_event(ix)
    if last_event:
        current.append(f"the latest event is dated {date(last_event.date)}")
    if current:
        cover = ctx.links.page("coverage")
        lines.append(f'<li class="story-current"><span class="label">How current:</span> {"; ".join(current)}. '
                     f'<a{attrs(href=cover)}>What the account does not yet cover</a>.</li>')
    return f'<ul class="story-lead">{"".join(lines)}</ul>'
