"""The checked ledger, indexed for the pages: who is in which event, which figures cite which
source, which figures are repeated or contested, which year page each event lives on.

`load(path)` validates and indexes a ledger once and caches the result, keyed on the ledger
file's and its archives' modification times, so `mkdocs serve` rebuilds reuse it until one of
them changes.  A ledger with problems raises `LedgerInvalid` carrying the engine's text report.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..edtf import parse_or_none
from ..problems import text_report
from ..validate import LedgerIOError, validate_file
from ..archive import normalize
from ..vocab import ACTOR_KINDS

KIND_ORDER = list(ACTOR_KINDS.values)
KIND_TITLES = {t.value: t.title for t in ACTOR_KINDS}
UNDATED = "undated"


class LedgerInvalid(Exception):
    """The ledger has problems; str(exc) is the engine's report."""

    def __init__(self, report: str, problems=()):
        super().__init__(report)
        self.report = report
        self.problems = list(problems)


def date_key(text) -> tuple:
    d = parse_or_none(text)
    if d is None:
        return (1, (), text or "")
    lo, hi = d.sort_key
    return (0, (lo, hi), text)


def year_of(text) -> str:
    """The chronology page an event dated `text` lives on: its first year, or 'undated'."""
    d = parse_or_none(text)
    if d is None:
        return UNDATED
    p = d.start or d.end
    return f"{p.year:04d}" if p else UNDATED


@dataclass
class Cluster:
    """Figures linked by same_as / disputed_by, shown side by side."""
    figures: list            # figure ids, in ledger order
    same: list               # (a, b) pairs reported as the same count
    disputed: list           # (a, b) pairs where a is disputed by b

    @property
    def contested(self) -> bool:
        return bool(self.disputed)


@dataclass
class SiteData:
    file: str
    ledger: object
    sources: dict                      # id -> Source
    actors: dict                       # id -> Actor
    events: dict                       # id -> Event (chronological order)
    figures: dict                      # id -> (Figure, Event)
    archives: dict                     # source id -> Archive
    archive_paths: list                # absolute archive paths (for the cache key)
    event_year: dict = field(default_factory=dict)      # event id -> year key
    years: dict = field(default_factory=dict)           # year key -> [event ids], chronological
    actor_events: dict = field(default_factory=dict)    # actor id -> [event ids] (role or place)
    actor_roles: dict = field(default_factory=dict)     # (event id, actor id) -> [roles]
    actor_figures: dict = field(default_factory=dict)   # actor id -> [figure ids] it claims
    actor_sources: dict = field(default_factory=dict)   # actor id -> [source ids] it issued
    actor_children: dict = field(default_factory=dict)  # actor id -> [actor ids]
    source_figures: dict = field(default_factory=dict)  # source id -> [figure ids] quoting or citing it
    source_events: dict = field(default_factory=dict)   # source id -> [event ids]
    source_cited_by: dict = field(default_factory=dict)  # source id -> [source ids]
    figure_related: dict = field(default_factory=dict)  # figure id -> {relation: [figure ids]}
    clusters: list = field(default_factory=list)
    figure_cluster: dict = field(default_factory=dict)  # figure id -> index in clusters
    _quote_cache: dict = field(default_factory=dict)
    # which page each record is on (ledger.render.paging): bounded pages at any ledger size
    chronology: object = None
    figure_pages: object = None
    actor_pages: object = None
    source_pages: object = None

    # -- look-ups used by the renderers ---------------------------------------------------
    def figure(self, fid: str):
        try:
            return self.figures[fid]
        except KeyError:
            raise KeyError(f"figure '{fid}' is not in the ledger {self.file}") from None

    def event_page(self, eid: str) -> str:
        return self.chronology.page_of[eid]

    def figure_page(self, fid: str) -> str:
        return self.figure_pages.page_of[fid]

    def actor_page(self, aid: str) -> str:
        return self.actor_pages.page_of[aid]

    def source_page(self, sid: str) -> str:
        return self.source_pages.page_of[sid]

    def quote_source(self, words: str, candidates) -> Optional[str]:
        """The first archived source among candidates whose archive holds the words."""
        key = (words, tuple(candidates))
        if key not in self._quote_cache:
            found = None
            for sid in candidates:
                a = self.archives.get(sid)
                if a is not None and a.find_all(words):
                    found = sid
                    break
            self._quote_cache[key] = found
        return self._quote_cache[key]

    def original_words(self, sid: str, words: str) -> str:
        """The words as the archive has them (curly quotes, dashes), whitespace collapsed; the
        ledger's copy may use straight quotes, which a text fragment would not match."""
        a = self.archives.get(sid)
        if a is None:
            return words
        key = ("original", sid, words)
        if key not in self._quote_cache:
            self._quote_cache[key] = self._original_words(a, words)
        return self._quote_cache[key]

    @staticmethod
    def _original_words(a, words: str) -> str:
        q = normalize(words)
        pattern = []
        for ch in q:
            if ch == " ":
                pattern.append(r"\s+")
            elif ch == "'":
                pattern.append("['\u2018\u2019\u201a\u201b\u2032]")
            elif ch == '"':
                pattern.append('["\u201c\u201d\u201e\u201f\u2033]')
            elif ch == "-":
                pattern.append("[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
            else:
                pattern.append(re.escape(ch))
        m = re.search("".join(pattern), a.raw)
        return " ".join(m.group(0).split()) if m else words

    def sorted_actor_ids(self, ids) -> list:
        return sorted(ids, key=lambda a: self.actors[a].name.casefold() if a in self.actors else a)

    def event_places_and_actors(self, e) -> list:
        return list(e.places) + [r.id for r in e.actors if r.id not in e.places]


def build(result) -> SiteData:
    """Index a validated ledger (validate.Result with no problems)."""
    ledger, ctx = result.ledger, result.context
    sources = {s.id: s for s in ledger.sources}
    actors = {a.id: a for a in ledger.actors}
    order = sorted(range(len(ledger.events)), key=lambda i: (date_key(ledger.events[i].date), i))
    events = {ledger.events[i].id: ledger.events[i] for i in order}
    figures = {}
    for e in ledger.events:
        for f in e.figures:
            figures[f.id] = (f, e)
    base = Path(result.file).resolve().parent
    archive_paths = [str((base / s.archive).resolve()) for s in ledger.sources if s.archive]
    site = SiteData(result.file, ledger, sources, actors, events, figures,
                    dict(ctx.archives) if ctx else {}, archive_paths)

    years = defaultdict(list)
    actor_events, actor_figures, actor_sources = defaultdict(list), defaultdict(list), defaultdict(list)
    actor_roles = defaultdict(list)
    source_figures, source_events, cited_by = defaultdict(list), defaultdict(list), defaultdict(list)
    for eid, e in events.items():
        y = year_of(e.date)
        site.event_year[eid] = y
        years[y].append(eid)
        seen = set()
        for place in e.places:
            actor_roles[(eid, place)].append("place")
            if place not in seen:
                actor_events[place].append(eid)
                seen.add(place)
        for role in e.actors:
            actor_roles[(eid, role.id)].append(role.role)
            if role.id not in seen:
                actor_events[role.id].append(eid)
                seen.add(role.id)
        for sid in dict.fromkeys(e.sources):
            source_events[sid].append(eid)
        for f in e.figures:
            actor_figures[f.claimed_by].append(f.id)
            for sid in dict.fromkeys([f.source] + list(f.cites)):
                source_figures[sid].append(f.id)
    for s in ledger.sources:
        if s.claimed_by:
            actor_sources[s.claimed_by].append(s.id)
        for c in s.cites:
            cited_by[c].append(s.id)
    children = defaultdict(list)
    for a in ledger.actors:
        if a.parent:
            children[a.parent].append(a.id)

    # years in order; undated last
    keys = sorted(k for k in years if k != UNDATED)
    if UNDATED in years:
        keys.append(UNDATED)
    site.years = {k: years[k] for k in keys}
    site.actor_events, site.actor_figures, site.actor_sources = dict(actor_events), dict(actor_figures), dict(actor_sources)
    site.actor_roles = dict(actor_roles)
    site.actor_children = dict(children)
    site.source_figures, site.source_events, site.source_cited_by = dict(source_figures), dict(source_events), dict(cited_by)
    _paginate(site)

    # relations between figures, both directions, and the clusters they form
    related = defaultdict(lambda: defaultdict(list))
    parent = {fid: fid for fid in figures}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    same_pairs, dispute_pairs = set(), set()
    for fid, (f, _) in figures.items():
        if f.part_of and f.part_of in figures:
            related[fid]["part_of"].append(f.part_of)
            related[f.part_of]["parts"].append(fid)
        for other in f.same_as:
            if other in figures:
                same_pairs.add(tuple(sorted((fid, other))))
                parent[find(fid)] = find(other)
        for other in f.disputed_by:
            if other in figures:
                dispute_pairs.add((fid, other))
                parent[find(fid)] = find(other)
    for a, b in sorted(same_pairs):
        related[a]["same_as"].append(b)
        related[b]["same_as"].append(a)
    for a, b in sorted(dispute_pairs):
        related[a]["disputed_by"].append(b)
        related[b]["disputes"].append(a)
    site.figure_related = {k: {r: list(dict.fromkeys(v)) for r, v in d.items()} for k, d in related.items()}

    groups = defaultdict(list)
    for fid in figures:
        groups[find(fid)].append(fid)
    for members in groups.values():
        if len(members) < 2:
            continue
        mset = set(members)
        cl = Cluster(members, [p for p in sorted(same_pairs) if p[0] in mset],
                     [p for p in sorted(dispute_pairs) if p[0] in mset])
        for fid in members:
            site.figure_cluster[fid] = len(site.clusters)
        site.clusters.append(cl)
    return site


# -- loading, once per change ---------------------------------------------------------------
_CACHE: dict = {}


def _paginate(site) -> None:
    """Decide the page of every event, figure, actor and source (weights: see paging.py)."""
    from . import paging
    site.chronology = paging.grouped(
        "chronology", site.years, lambda eid: 1 + 1.8 * len(site.events[eid].figures),
        paging.CHRONOLOGY_BUDGET, always_split=True)
    fig_years = defaultdict(list)
    for eid, e in site.events.items():
        fig_years[site.event_year[eid]].extend(f.id for f in e.figures)
    site.figure_pages = paging.grouped("figures", dict(fig_years), lambda fid: 1.4, paging.FIGURES_BUDGET)
    kinds = defaultdict(list)
    for aid in site.sorted_actor_ids(site.actors):
        kinds[site.actors[aid].kind].append(aid)
    site.actor_pages = paging.grouped(
        "actors", {k: kinds[k] for k in sorted(kinds, key=lambda k: (KIND_ORDER + [k]).index(k))},
        lambda aid: 1 + 0.2 * len(site.actor_events.get(aid, ())) + 0.8 * len(site.actor_figures.get(aid, ())),
        paging.ACTORS_BUDGET)
    by_year = defaultdict(list)
    for sid in sorted(site.sources, key=lambda i: (date_key(site.sources[i].published), i)):
        by_year[year_of(site.sources[sid].published)].append(sid)
    site.source_pages = paging.grouped(
        "sources", dict(by_year), lambda sid: 2 + 1.5 * len(site.source_figures.get(sid, ())),
        paging.SOURCES_BUDGET)


def _stamp(paths) -> tuple:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((p, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((p, None, None))
    return tuple(out)


def load(path) -> SiteData:
    """Validate and index the ledger at path, reusing the last result while neither the file nor
    any of its archives changed.  Raises LedgerInvalid (with the report) or LedgerIOError."""
    key = str(Path(path).resolve())
    cached = _CACHE.get(key)
    if cached is not None:
        stamp, site = cached
        if _stamp([key] + site.archive_paths) == stamp:
            return site
    before = _stamp([key])
    result = validate_file(path)
    if not result.ok:
        raise LedgerInvalid(text_report(result.problems, result.file), result.problems)
    site = build(result)
    # stamp taken before validation for the ledger itself, so an edit made during it is seen
    stamp = before + _stamp(site.archive_paths)
    _CACHE.clear()
    _CACHE[key] = (stamp, site)
    return site


__all__ = ["SiteData", "Cluster", "LedgerInvalid", "LedgerIOError", "load", "build", "year_of",
           "date_key", "KIND_ORDER", "KIND_TITLES", "UNDATED"]
