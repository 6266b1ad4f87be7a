"""Inline pieces every page uses: a figure with its quote on hover, focus and click; a date as
<time>; a quote as <q> linked to its source; ledger prose with its {fig:}, {date:}, {q:} tokens.

Rendering contract (the built-site tests in tests/site/ rely on it):
  <a class="figure-link" href="../figures/#fig-ID"><span class="figure" data-figure="ID" data-value="1450">1,450</span></a>
      (with a popover); without one, <a href="…#fig-ID"><span class="figure" …>1,450</span> people deported</a>;
      in the Value cell of the figure's own row, <tr id="fig-ID">, <span class="figure" data-value="1450">
  <time datetime="2022-11-07">7–8 November 2022</time>
  <q data-source="SOURCE-ID">…</q> (a {q:} quote in prose), <cite>headline</cite>
  <data class="tally" value="1234">1,234</data> events   (a number of records the site counts)
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

from .. import vocab
from ..edtf import parse_or_none
from ..tokens import TOKEN
from ..vocab import UNKNOWN, UNKNOWN_WORDS
from . import fmt
from .html import Links, attrs, esc, external_link, text_fragment
from .words import date_words, prose_text  # noqa: F401 - plain-text words, used here and by the pages


@dataclass
class Ctx:
    """What a renderer needs: the ledger's index, the page each record is on, links relative to
    the current page, and a counter for ids that must be unique on the page."""
    index: object   # ledger.index.LedgerIndex
    pages: object   # ledger.render.site.Pages
    links: Links = field(default_factory=Links)
    site: object = None   # ledger.cite.Site: the site's name and address, for citations
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    tips: dict = field(default_factory=dict)   # figure id -> id of its popover already in this block

    def uid(self, prefix: str) -> str:
        return f"{prefix}-{next(self.counter)}"

    def block(self) -> "Ctx":
        """This context for one more block of the page: ids stay unique on the page, and each
        block holds the popovers its own figures point at (so a block is whole on its own)."""
        self.tips = {}
        return self


# -- dates ------------------------------------------------------------------------------
@lru_cache(maxsize=1 << 16)  # the same days, again and again (80,000 calls at 10,000 events)
def date(text, cls: str | None = None, edtf: bool = True) -> str:
    """<time datetime="2022-11-07" data-edtf="2022-11-07/2022-11-08">7–8 November 2022</time>;
    'unknown' reads 'date unknown'.  data-edtf, the ledger's own notation, is there when it says
    more than datetime does (a span, an uncertain or open date); `edtf=False` leaves it out, as a
    popover does."""
    d = parse_or_none(text)
    if d is None and (not text or text == UNKNOWN):
        return f'<span{attrs(class_=("date-unknown " + cls) if cls else "date-unknown")}>{UNKNOWN_WORDS}</span>'
    if d is None:  # not EDTF: the date check reports it, so only a page built without checks shows this
        return f"<span{attrs(class_='date-invalid')}>{esc(text)}</span>"
    when = d.datetime_attr()
    return f"<time{attrs(datetime=when, data_edtf=text if edtf and text != when else None, class_=cls)}>{esc(d.words())}</time>"


def tally(n: int, noun: str) -> str:
    """'1,234 events': a number of ledger records that the site counts (not a figure from a
    source), marked as such with its value (tests/site/test_built_site.py allows its digits)."""
    return f'<data{attrs(class_="tally", value=str(n))}>{n:,}</data> {esc(noun if n == 1 else noun + "s")}'


def year(key: str) -> str:
    if not key.isdigit():
        return "Undated"
    return f'<time datetime="{esc(key)}">{esc(key)}</time>'


# -- sources, actors, events --------------------------------------------------------------
def source_href(ctx: Ctx, sid: str) -> str:
    return ctx.links.anchor(ctx.pages.source_page(sid), f"src-{sid}")


def actor_href(ctx: Ctx, aid: str) -> str:
    return ctx.links.anchor(ctx.pages.actor_page(aid), f"actor-{aid}")


def figure_href(ctx: Ctx, fid: str) -> str:
    return ctx.links.anchor(ctx.pages.figure_page(fid), f"fig-{fid}")


def event_href(ctx: Ctx, eid: str) -> str:
    return ctx.links.anchor(ctx.pages.event_page(eid), f"ev-{eid}")


def cite(title: str) -> str:
    return f"<cite>{esc(title)}</cite>"


def placeholder_title(title: str) -> bool:
    """A title in [square brackets] describes a text whose headline is unknown (fielddocs: title);
    it is kept for the sources and data pages, never shown in a popover, card or table."""
    return title.startswith("[")


def source_what(s) -> str:
    """What a source is, for a reader, in a few words: its label, else its headline (as <cite>),
    else ''."""
    if s.label:
        return f'<span class="source-what">{esc(s.label)}</span>'
    return "" if placeholder_title(s.title) else cite(s.title)


def source_label(ctx: Ctx, sid: str, with_date: bool = True, edtf: bool = True, marked: bool = True) -> str:
    """'The Phnom Penh Post, report on deportations…, <time>…</time>' (no link): the outlet,
    the source's short label (or its headline, when it has no label and the headline is known)
    and its date.  `marked`: the outlet in <span class="outlet">, for what reads it (a popover's
    tests, the citations script); a plain link to a source entry leaves the mark out."""
    s = ctx.index.sources.get(sid)
    if s is None:
        return "a source not in the account"
    what = source_what(s)
    parts = [f'<span class="outlet">{esc(s.publisher)}</span>' if marked else esc(s.publisher)] + ([what] if what else [])
    if with_date:
        parts.append(date(s.published, edtf=edtf))
    return ", ".join(parts)


def source_link(ctx: Ctx, sid: str, with_date: bool = True) -> str:
    """A link to the source's entry, reading as its outlet, label or headline, and date."""
    return f'<a{attrs(href=source_href(ctx, sid))}>{source_label(ctx, sid, with_date, marked=False)}</a>'


def actor_link(ctx: Ctx, aid: str) -> str:
    a = ctx.index.actors.get(aid)
    name = a.name if a else aid
    return f'<a{attrs(href=actor_href(ctx, aid))}>{esc(name)}</a>'


def event_link(ctx: Ctx, eid: str, with_date: bool = True) -> str:
    e = ctx.index.events[eid]
    title = prose(ctx, e.title, e.sources, plain=True)
    when = f'{date(e.date)}: ' if with_date else ""
    return f'{when}<a{attrs(href=event_href(ctx, eid))}>{title}</a>'


# -- quotes ---------------------------------------------------------------------------------
def quote(ctx: Ctx, words: str, sid: str | None, plain: bool = False) -> str:
    """<q data-source="ID">words</q>, linked to the source's entry unless plain (inside a link)."""
    q = f"<q{attrs(data_source=sid)}>{esc(words)}</q>"
    if plain or not sid:
        return q
    return f'<a class="quote-link"{attrs(href=source_href(ctx, sid), title="Go to the source")}>{q}</a>'


# -- figures --------------------------------------------------------------------------------
def figure_span(f, named: bool = True) -> str:
    """The figure element itself: its words, with its id and value as data attributes, and
    data-bound="vague" on a figure that gives no number (set in italics by site.css); the other
    hedges are in its words ('at least 5,511').  Not `named`, it has no id: the figure in the Value
    cell of its own row, which the row's id (fig-ID) names (21,000 ids fewer at 10,000 events)."""
    vague = f.bound == "vague"
    return (f'<span{attrs(class_="figure", data_figure=f.id if named else None, data_value=fmt.value_attr(f.value), data_bound="vague" if vague else None)}>'
            f"{esc(fmt.figure_words(f))}</span>")


def claimant(ctx: Ctx, f, link: bool = True) -> str:
    """Who the figure is credited to: the claimant's name (linked unless `link` is false), or
    words saying the sentence credits nobody."""
    if f.claimed_by == vocab.UNATTRIBUTED:
        return f'<span class="unattributed">{esc(vocab.UNATTRIBUTED_WORDS)}</span>'
    a = ctx.index.actors.get(f.claimed_by)
    if not link:
        return esc(a.name if a else f.claimed_by)
    return actor_link(ctx, f.claimed_by)


def claim_phrase(ctx: Ctx, f, link: bool = True) -> str:
    """'claimed by X' or 'not attributed in the text'."""
    if f.claimed_by == vocab.UNATTRIBUTED:
        return claimant(ctx, f)
    return f"claimed by {claimant(ctx, f, link)}"


def republished_words(ctx: Ctx, sid: str) -> str:
    """'a repost of another outlet's story, original outlet unknown' (plain text, to be escaped), or ''
    for a source that is not a repost."""
    s = ctx.index.sources.get(sid)
    if s is None or not s.republishes:
        return ""
    if s.republishes == vocab.UNKNOWN_OUTLET:
        return "a repost of another outlet's story, original outlet unknown"
    a = ctx.index.actors.get(s.republishes)
    return f"a repost of a story by {a.name if a else s.republishes}"


def meaning_words(ctx: Ctx, f) -> str:
    """What the figure counts, where and of whom, in words: 'people deported · Cambodia · Chinese nationals'."""
    parts = [vocab.counted_words(f.counted)]
    if f.place:
        a = ctx.index.actors.get(f.place)
        parts.append(f"in {a.name if a else f.place}")
    if f.of_whom:
        parts.append(f"of whom: {vocab.of_whom_words(f.of_whom)}")
    return esc(", ".join(parts))


def note(ctx: Ctx, f, plain: bool = False, tag: str = "span") -> str:
    """The figure's caveat (its notes), or ''; `plain` renders it without links (inside a popover)."""
    if not f.notes:
        return ""
    return (f'<{tag}{attrs(class_="figure-note", data_note_for=f.id)}><span class="label">Note:</span> '
            f'{prose(ctx, f.notes, [f.source], plain=plain)}</{tag}>')


def figure_tip_body(ctx: Ctx, f) -> str:
    """Quote, outlet, headline and date, who claims the figure, its caveat and its corrections.
    How to cite the figure is on its row (render/citation.py), one click away by the same link."""
    s = ctx.index.sources.get(f.source)
    meta = source_label(ctx, f.source, edtf=False) if s else esc(f.source)
    repost = republished_words(ctx, f.source)
    if repost:
        meta += f" ({esc(repost)})"
    if f.claimed_by == vocab.UNATTRIBUTED:
        who = " Not attributed in the text."
    else:
        who = f" Claimed by {claimant(ctx, f, link=False)}."
    tip_note = note(ctx, f, plain=True)
    fixes = corrections_html(ctx, f, plain=True)
    return (f'<q>{esc(f.quote)}</q>'
            f'<span class="figure-tip-meta"> — {meta}.{who}</span>'
            + (f" {tip_note}" if tip_note else "")
            + (f" {fixes}" if fixes else ""))


def corrections_html(ctx: Ctx, f, plain: bool = False) -> str:
    """'Corrected 1 December 2026: …' for each correction of the figure, oldest first; the note
    is ledger prose, rendered with its tokens (`plain`: without links, for a popover)."""
    if not f.corrections:
        return ""
    items = " ".join(
        f'<span class="correction">Corrected {date(c.date)}: {prose(ctx, c.note, [f.source], plain=plain)}</span>'
        for c in sorted(f.corrections, key=lambda c: c.date))
    return f'<span class="corrections">{items}</span>'


def figure_name(ix, f) -> str:
    """A figure link's accessible name: the words it shows, then what it counts
    ('nearly 400: people arrested'), so that a screen reader says more than a bare number."""
    return f"{fmt.figure_words(f)}: {prose_text(ix, f.measure)}"


def figure(ctx: Ctx, fid: str, plain: bool = False, tip: bool = True) -> str:
    """A figure in running text: a link to its row in the figures table, named by its value and
    what it counts, with a popover holding its quote (role=tooltip, tied to the link by
    aria-describedby; shown on hover, keyboard focus and a first tap, dismissed with Escape).
    A figure shown again in the same block points at the popover it already has there (site.js
    brings that popover to whichever of its links is hovered, focused or tapped), so a page holds
    each quote once.  `plain` gives the bare figure element, for use inside another link;
    `tip=False` the link alone, where the quote is shown next to it anyway.  Popovers are left out
    of the search index (data-pagefind-ignore): the quote is indexed where it is shown in full."""
    f = ctx.index.figure(fid)
    span = figure_span(f)
    if plain:
        return span
    name = figure_name(ctx.index, f)
    if not tip:
        return f'<a{attrs(class_="figure-link", href=figure_href(ctx, fid), aria_label=name)}>{span}</a>'
    tid = ctx.tips.get(fid)
    body = ""
    if tid is None:
        tid = ctx.tips[fid] = ctx.uid("tip")
        body = f'<span{attrs(class_="figure-tip", role="tooltip", id=tid, data_pagefind_ignore="")}>{figure_tip_body(ctx, f)}</span>'
    return (f'<span class="figure-ref">'
            f'<a{attrs(class_="figure-link", href=figure_href(ctx, fid), aria_label=name, aria_describedby=tid)}>{span}</a>'
            f"{body}</span>")


def figure_to_row(ctx: Ctx, fid: str, words: str = "") -> str:
    """A figure as a plain link to its row in the figures table (its quote, outlet and date one
    click away), with no popover: the figure and `words` (HTML: what it counts) inside the link,
    so that its name says what the number counts ('at least 5,511 foreign nationals deported');
    with no words, the link is named by aria-label (figure_name).  The chronology, the glossary
    and the bibliography show their figures so: a popover for each would hold every quote again."""
    f = ctx.index.figure(fid)
    if words:
        return f'<a{attrs(href=figure_href(ctx, fid))}>{figure_span(f)} {words}</a>'
    return f'<a{attrs(href=figure_href(ctx, fid), aria_label=figure_name(ctx.index, f))}>{figure_span(f)}</a>'


def figure_in_prose(ctx: Ctx, fid: str, plain: bool = False, tip: bool = True) -> str:
    """A figure in a sentence: the figure (with its popover unless `tip` is false) followed by the
    noun it counts, so that the sentence reads '130 foreigners' and not '130' (fmt.noun_after; the
    prose around the token is written to follow the noun).  Without a popover, the noun is inside
    the figure's link (figure_to_row)."""
    f = ctx.index.figure(fid)
    after = fmt.noun_after(f)
    noun = esc(after) if after else ""
    if not tip and not plain:
        return figure_to_row(ctx, fid, noun)
    return figure(ctx, fid, plain=plain, tip=tip) + (f" {noun}" if noun else "")


# -- prose with tokens ------------------------------------------------------------------------
def prose(ctx: Ctx, text: str, quotable=(), plain: bool = False, tip: bool = True) -> str:
    """Ledger prose: text escaped, tokens rendered.  `quotable`: the source ids a {q:} token may
    quote (the record's own archived sources); `plain` renders no links (for use inside one);
    `tip=False` renders each figure as a link to its row, with its noun, without a popover
    (figure_to_row)."""
    if not text:
        return ""
    out, pos = [], 0
    for m in TOKEN.finditer(text):
        out.append(esc(text[pos:m.start()]))
        pos = m.end()
        kind, arg = m.group(1), m.group(2)
        if kind == "fig":
            out.append(figure_in_prose(ctx, arg, plain=plain, tip=tip))
        elif kind == "date":
            out.append(date(arg))
        else:
            sid = ctx.index.quote_source(arg, list(quotable) or list(ctx.index.archives))
            out.append(quote(ctx, arg, sid, plain=plain))
    out.append(esc(text[pos:]))
    return "".join(out)


def event_quotable(ix, e) -> list:
    """Sources a {q:} token in an event's prose may quote: its own archived sources."""
    return [s for s in e.sources if s in ix.archives]


def source_quotable(ix, s) -> list:
    if s.id in ix.archives:
        return [s.id]
    return [o for o in ix.source_cited_by.get(s.id, []) if o in ix.archives]


def quote_with_links(ctx: Ctx, f, block: bool = False) -> str:
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
