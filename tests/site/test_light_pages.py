"""Lighter pages (issue 13): on the chronology, the glossary and the bibliography, every figure is a
plain link to its row in the figures table (its quote, outlet and date one click away), with no
popover, named by its value and what it counts; the explainer pages keep their popovers
(test_built_site.py test_figures_carry_their_quote_outlet_and_date_accessibly).  A source's entry
lists its figures without their quotes (each is on the figure's row)."""
from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import parse_qs, urljoin

from ledger import vocab
from ledger.render import fmt
from ledger.render.actors import IN_FULL, RECENT
from ledger.render.inline import figure_name
from ledger.render.words import prose_text
from tests.sitebuild import row_cells

LIGHT = ("chronology/", "actors/", "sources/")


def test_chronology_actors_and_sources_link_each_figure_to_its_row_without_a_popover(site):
    ix = site.index
    rendered = {}
    seen = set()
    for rel, soup in site.pages():
        if not rel.startswith(LIGHT):
            continue
        art = soup.select_one("article.md-content__inner")
        assert art.select(".figure-tip, .figure-ref, [aria-describedby], [role=tooltip]") == [], rel
        for span in art.select("a > span.figure"):
            link, fid = span.parent, span["data-figure"]
            f = ix.figures[fid]
            target = urljoin(rel, link["href"])
            assert target.split("#")[1] == f"fig-{fid}", rel
            page = target.split("#")[0]
            if page not in rendered:
                rendered[page] = {r["id"] for r in site.page(page).select("table.figures-table tr[id]")}
            rows = rendered[page]
            assert f"fig-{fid}" in rows, f"{rel}: {fid} links to {target}, which has no row for it"
            # its name says what the number counts: the words after it in the link, else aria-label
            words = " ".join(link.get_text(" ").split())
            if link.get("aria-label"):
                assert link["aria-label"] == figure_name(ix, f) and words == fmt.figure_words(f), rel
            else:
                counted = {fmt.noun_after(f), " ".join(prose_text(ix, f.measure).split())} - {""}
                assert any(words == f"{fmt.figure_words(f)} {c}" for c in counted), f"{rel}: {fid} named {words!r}"
            seen.add(fid)
    assert seen == set(ix.figures)  # each is on its event and its source's entry, at least


def test_a_source_entry_lists_its_figures_without_their_quotes(site):
    ix = site.index
    for sid, fids in ix.source_figures.items():
        entry = site.entry(f"src-{sid}", "sources/")
        if entry is None or not fids:
            continue
        shown = [s["data-figure"] for s in entry.select("a > span.figure")]
        assert set(fids) <= set(shown), sid
        # no figure's quote (a note may quote its source: that is a <q> in the note's words)
        assert entry.select("blockquote, li > q, li > a > q") == [], sid
        assert "source entry" not in entry.get_text(), sid


def test_a_figure_row_links_its_source_entry_once_from_its_source_cell(site):
    """The Source cell's first link is the figure's source entry (the citations script reads it
    there, docs/assets/cite.js); the Quote cell does not link the entry a second time."""
    ix = site.index
    seen = set()
    for rel, soup in site.pages("figures/"):
        for row in soup.select("table.figures-table tbody tr[id]"):
            fid = row["id"].removeprefix("fig-")
            cells = row_cells(row)
            target = urljoin(rel, cells[4].find("a")["href"])
            assert target.split("#")[1] == f"src-{ix.figures[fid].source}", (rel, fid)
            assert target.split("#")[1] in site.ids(target.split("#")[0]), (rel, fid)
            # (a note may quote a source, linked to its entry: that is the note's, not the quote's)
            outside_notes = [a for a in cells[5].find_all("a") if a.find_parent(class_="figure-note") is None]
            assert [a for a in outside_notes if "#src-" in a.get("href", "")] == [], (rel, fid)
            assert "source entry" not in cells[5].get_text(), (rel, fid)
            seen.add(fid)
    assert seen == set(ix.figures)


def _named(e) -> Counter:
    """How many times the event's title and summary name each figure ({fig:ID})."""
    return Counter(m.group(1) for text in (e.title, e.summary) for m in re.finditer(r"\{fig:([^{}]*)\}", text or ""))


def _figures_list(sec):
    """The items of an event's "Figures" list, by figure id, or None when it has no such term."""
    dd = _facts(sec, "Figures")
    if dd is None:
        return None
    return {li.select_one("li > a > span[data-figure]")["data-figure"]: li for li in dd.select("li")}


def test_an_event_lists_only_the_figures_its_prose_does_not_show_and_every_caveat(site):
    """An event's "Figures" list holds each figure its title and summary do not name, and each
    named one with a caveat (a note, or a sentence that credits nobody), with that caveat; a named
    figure without one is shown once, where the prose names it, a link to its row (quote, outlet,
    date and claimant).  No figure-less "Figures" term."""
    ix = site.index
    seen = set()
    for rel, soup in site.pages("chronology/"):
        for sec in soup.select("section.event"):
            e = ix.events[sec.find(["h2", "h3"])["id"].removeprefix("ev-")]
            named = _named(e)
            items = _figures_list(sec)
            listed = {f.id for f in e.figures
                      if f.id not in named or f.notes or f.claimed_by == vocab.UNATTRIBUTED}
            assert set(items or {}) == listed and (items is None) == (not listed), e.id
            # (a note or the date's basis may name a figure too: those are theirs)
            shown = Counter(s["data-figure"] for s in sec.select("a > span.figure[data-figure]")
                            if s.find_parent(class_=["figure-note", "event-basis"]) is None)
            for f in e.figures:
                # named in the prose, listed, or both; every mention a link to its row
                assert shown[f.id] == named[f.id] + (f.id in listed), (e.id, f.id)
                if f.id in listed:
                    words = " ".join(items[f.id].get_text(" ").split())
                    note = items[f.id].select_one(f'.figure-note[data-note-for="{f.id}"]')
                    assert (note is not None) == bool(f.notes), (e.id, f.id)
                    if f.claimed_by == vocab.UNATTRIBUTED:
                        assert vocab.UNATTRIBUTED_WORDS in words, (e.id, f.id)
                seen.add(f.id)
    assert seen == set(ix.figures)


def test_an_event_links_each_claimant_once(site):
    """In the chronology the claimant of a figure the event lists is a link unless the event
    already links that actor under "Who"; then it is named as text.  A figure the event does not
    list is a link to its row, which links its claimant: every claimant stays one click from the
    event."""
    ix = site.index
    seen = set()
    for rel, soup in site.pages("chronology/"):
        for sec in soup.select("section.event"):
            e = ix.events[sec.find(["h2", "h3"])["id"].removeprefix("ev-")]
            linked = {a["href"].split("#")[-1] for a in sec.select("a[href*='#actor-']")}
            who = {r.id for r in e.actors}
            assert {f"actor-{a}" for a in who} <= linked, e.id
            items = _figures_list(sec) or {}
            for f in e.figures:
                if f.claimed_by not in ix.actors:
                    continue
                if f.id not in items:
                    row = site.element(f"fig-{f.id}", "figures/")
                    link = sec.select_one(f'a > span[data-figure="{f.id}"]').parent
                    assert link["href"].endswith(f"#fig-{f.id}"), (e.id, f.id)
                    assert any(c.select_one(f'a[href$="#actor-{f.claimed_by}"]') for c in row_cells(row)), (e.id, f.id)
                    seen.add(f.id)
                    continue
                item = items[f.id]
                in_item = {a["href"].split("#")[-1] for a in item.select("a[href*='#actor-']")}
                assert f"actor-{f.claimed_by}" in linked, (e.id, f.id)
                assert (f"actor-{f.claimed_by}" in in_item) == (f.claimed_by not in who), (e.id, f.id)
                assert f"claimed by {ix.actors[f.claimed_by].name}" in " ".join(item.get_text(" ").split()), (e.id, f.id)
                seen.add(f.id)
    assert seen == {f for f, fig in ix.figures.items() if fig.claimed_by in ix.actors}


def _facts(entry, term: str):
    """The <dd> of an entry's facts list after the <dt> with this text, or None."""
    dt = next((d for d in entry.select("dl.facts > dt") if d.get_text() == term), None)
    return dt.find_next_sibling("dd") if dt is not None else None


def test_an_actor_entry_reaches_every_event_and_figure_of_the_actor(site):
    """An actor's entry lists its events and the figures it states in full up to IN_FULL of each;
    past that, the latest RECENT, and by year, links to the pages holding the others (the
    chronology's filtered to the actor, by its id exactly as the filter's options carry it):
    every event and figure of the actor is on the entry or on a page it links."""
    ix = site.index
    options = {a for a, _ in json.loads(
        (site.root / "assets/filter-actors.js").read_text().split("=", 1)[1].strip().rstrip(";"))}
    entries = {e["data-actor"]: (rel, e) for rel, soup in site.pages() if rel.startswith("actors/")
               for e in soup.select("section.actor")}
    assert set(entries) == set(ix.actors)
    for aid, (rel, entry) in entries.items():
        for term, ids, anchor, row_sel in (
                ("Events", ix.actor_events.get(aid, []), "#ev-", "section.event"),
                ("Figures it states", ix.actor_figures.get(aid, []), "#fig-", "table.figures-table tbody tr[id]")):
            dd = _facts(entry, term)
            if not ids:
                assert dd is None, (aid, term)
                continue
            listed = [a["href"].split("#")[1].split("-", 1)[1] for a in dd.select(f"a[href*='{anchor}']")]
            by_year = dd.select("p.by-year a")
            if len(ids) <= IN_FULL:
                assert listed == list(ids) and by_year == [], (aid, term)
                continue
            assert dd.select_one("data.tally")["value"] == str(len(ids)), (aid, term)
            assert len(listed) == RECENT and set(listed) <= set(ids), (aid, term)
            reached = set(listed)
            for a in by_year:
                target = urljoin(rel, a["href"])
                page, _, query = target.partition("?")
                if term == "Events":
                    assert parse_qs(query) == {"actor": [aid]} and aid in options, (aid, target)
                    rows = [s for s in site.page(page).select(row_sel) if aid in s["data-actors"].split()]
                    reached |= {s.find(["h2", "h3"])["id"].removeprefix("ev-") for s in rows}
                else:
                    assert query == "", (aid, target)
                    reached |= {r["id"].removeprefix("fig-") for r in site.page(page).select(row_sel)} & set(ids)
            assert reached == set(ids), (aid, term, set(ids) - reached)


def test_a_source_entry_lists_only_the_events_its_figures_do_not_reach(site):
    """A source's entry links each event citing it, or lists a figure of that event, whose row
    links the event; it does not link an event one of its figures already reaches."""
    ix = site.index
    for sid, eids in ix.source_events.items():
        entry = site.entry(f"src-{sid}", "sources/")
        if entry is None:
            continue
        linked = {a["href"].split("#ev-", 1)[1] for a in entry.select("a[href*='#ev-']")}
        figs = [s["data-figure"] for s in entry.select("a > span.figure")]
        via_rows = set()
        for fid in figs:
            row = site.element(f"fig-{fid}", "figures/")
            from_row = {a["href"].split("#ev-", 1)[1] for c in row_cells(row) for a in c.select("a[href*='#ev-']")}
            assert ix.event_of[fid].id in from_row, (sid, fid)
            via_rows |= from_row
        assert set(eids) <= linked | via_rows, (sid, set(eids) - linked - via_rows)
        assert not linked & {ix.event_of[f].id for f in figs}, sid
