"""One frozen index of a shaped ledger, built once: every later layer (checks, render, export, the
command line) reads it and none builds a second one.

It holds the records by id with the path each stands at (for positions in reports), the event of
each figure, the archives as read (or why one could not be), the parsed dates, the reverse maps
(who cites whom, which figures an actor claims, which events a place is in) and the relations
between figures with the clusters they form.  Records with shape problems are left out; their ids
are kept in `broken_ids` so that a reference to one is not reported again as dangling.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Optional

from . import model
from .archive import Archive, NotRegularFile, normalize, offered_text, read_regular
from .edtf import parse_or_none
from .load import Loaded
from .problems import Problem, format_path

UNDATED = "undated"


# -- archives as read -------------------------------------------------------------------------
@dataclass(frozen=True)
class ArchiveRead:
    """What reading one source's archive gave: the archive, or the reason there is none.
    `status` is "ok", "path" (leaves the ledger's folder), "not-regular" (a symlink, device, pipe or
    folder, or a file whose real place is outside the folder), "missing" or "encoding"; `digest` is
    the file's SHA-256 whenever its bytes were read."""
    status: str
    archive: Optional[Archive] = None
    digest: Optional[str] = None
    shown: str = ""         # the path to show an editor
    reason: str = ""        # why a "not-regular" file was not read


def read_archive(base: Path, source: model.Source) -> ArchiveRead:
    rel = Path(source.archive)
    if rel.is_absolute() or ".." in rel.parts:
        return ArchiveRead("path")
    path = base / rel
    try:
        shown = str(path.relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    try:
        raw_bytes = read_regular(path, inside=base)
    except NotRegularFile as why:
        return ArchiveRead("not-regular", shown=shown, reason=str(why))
    except OSError:
        return ArchiveRead("missing", shown=shown)
    digest = hashlib.sha256(raw_bytes).hexdigest()
    key = (source.id, shown, digest)
    if key in _ARCHIVES:
        return ArchiveRead("ok", _ARCHIVES[key], digest, shown)
    try:
        raw = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ArchiveRead("encoding", digest=digest, shown=shown)
    if len(_ARCHIVES) >= _ARCHIVES_KEPT:
        _ARCHIVES.clear()
    archive = _ARCHIVES[key] = Archive(source.id, shown, raw, offered_text(digest) or normalize(raw))
    return ArchiveRead("ok", archive, digest, shown)


# Archives read in this process, by (source id, path shown, SHA-256 of the bytes): an Archive is
# never changed once made (what it computes, such as where its numbers stand, depends only on its
# text), so a later validation in the same process (`mkdocs serve` rebuilding after an edit) reuses
# it instead of normalising and scanning the same text again; other bytes are another key.
_ARCHIVES: dict = {}
_ARCHIVES_KEPT = 50_000


def forget_archives() -> None:
    _ARCHIVES.clear()


# -- dates (parsed with edtf.parse_or_none: absent, 'unknown' and unparseable values are None) ----
def date_key(text) -> tuple:
    """Sort key: dated values in time order, then undated and unparseable ones."""
    d = parse_or_none(text)
    return (0, d.sort_key, text) if d is not None else (1, (), text or "")


def year_of(text) -> str:
    """The year a value dated `text` belongs to (its first year), or UNDATED."""
    d = parse_or_none(text)
    p = (d.start or d.end) if d is not None else None
    return f"{p.year:04d}" if p else UNDATED


# -- relations --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cluster:
    """Figures linked by same_as / disputed_by, shown side by side."""
    figures: tuple            # figure ids, in ledger order
    same: tuple               # (a, b) pairs reported as the same count
    disputed: tuple           # (a, b) pairs where a is disputed by b

    @property
    def contested(self) -> bool:
        return bool(self.disputed)


def _freeze(d: dict) -> Mapping:
    return MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in d.items()})


@dataclass(frozen=True)
class LedgerIndex:
    file: str                           # the ledger as shown in reports
    base: Path                          # the folder archive paths are relative to
    loaded: Loaded                      # the located YAML (positions of every value and key)
    schema_version: object
    sources: Mapping                    # id -> model.Source, in ledger order
    actors: Mapping                     # id -> model.Actor, in ledger order
    events: Mapping                     # id -> model.Event, in time order (undated last)
    figures: Mapping                    # id -> model.Figure, in ledger order
    exclusions: tuple                   # (path, model.Exclusion)
    withdrawn: tuple                    # (path, model.Withdrawn)
    leads: tuple                        # (path, model.Lead), in ledger order
    path_of: Mapping                    # record id -> its path in the YAML
    event_of: Mapping                   # figure id -> its model.Event
    broken_ids: frozenset               # ids of records with shape problems
    archive_reads: Mapping              # source id -> ArchiveRead, for sources with an archive
    archives: Mapping                   # source id -> Archive, those that read
    dates: Mapping                      # every date text in the ledger -> Edtf | None
    event_year: Mapping                 # event id -> year key ("2022", UNDATED)
    years: Mapping                      # year key -> (event ids), years in order, undated last
    event_kinds: tuple                  # the kinds of the ledger's events, sorted
    actor_events: Mapping               # actor id -> (event ids) where it has a role or is a place
    actor_roles: Mapping                # (event id, actor id) -> (roles)
    actor_figures: Mapping              # actor id -> (figure ids) it claims
    actor_sources: Mapping              # actor id -> (source ids) it issued
    actor_children: Mapping             # actor id -> (actor ids)
    source_figures: Mapping             # source id -> (figure ids) quoting or citing it
    source_events: Mapping              # source id -> (event ids)
    source_cited_by: Mapping            # source id -> (source ids)
    figure_related: Mapping             # figure id -> {relation: (figure ids)}
    clusters: tuple                     # Cluster
    figure_cluster: Mapping             # figure id -> index in clusters
    figure_differs_to: Mapping          # figure id -> ((other figure id, reason)) of the differs_from links to it
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    # -- positions ---------------------------------------------------------------------------
    def locate(self, path: tuple, key: bool = False) -> tuple[int, int]:
        return self.loaded.locate(path, key)

    def problem(self, code: str, path: tuple, message: str, hint: Optional[str] = None,
                key: bool = False) -> Problem:
        line, col = self.locate(path, key)
        return Problem(code, self.file, line, col, format_path(path), message, hint)

    # -- look-ups ----------------------------------------------------------------------------
    def figure(self, fid: str) -> model.Figure:
        try:
            return self.figures[fid]
        except KeyError:
            raise KeyError(f"figure '{fid}' is not in the ledger {self.file}") from None

    @property
    def ledger(self) -> model.Ledger:
        """The records as a model.Ledger (ledger order), for the exports."""
        return model.Ledger.model_construct(
            schema_version=self.schema_version, sources=list(self.sources.values()),
            actors=list(self.actors.values()), events=self._events_in_ledger_order(),
            excluded_numbers=[x for _, x in self.exclusions], withdrawn=[w for _, w in self.withdrawn],
            leads=[x for _, x in self.leads])

    def _events_in_ledger_order(self) -> list:
        return sorted(self.events.values(), key=lambda e: self.path_of[e.id][1])

    def sorted_actor_ids(self, ids) -> list:
        return sorted(ids, key=lambda a: self.actors[a].name.casefold() if a in self.actors else a)

    def event_places_and_actors(self, e) -> list:
        return list(e.places) + [r.id for r in e.actors if r.id not in e.places]

    def quote_source(self, words: str, candidates) -> Optional[str]:
        """The first archived source among candidates whose archive holds the words."""
        key = ("quote", words, tuple(candidates))
        if key not in self._memo:
            self._memo[key] = next((sid for sid in candidates
                                    if sid in self.archives and self.archives[sid].find_all(words)), None)
        return self._memo[key]

    def original_words(self, sid: str, words: str) -> str:
        """The words as the archive has them (curly quotes, dashes), whitespace collapsed; the
        ledger's copy may use straight quotes, which a text fragment would not match."""
        a = self.archives.get(sid)
        if a is None:
            return words
        key = ("original", sid, words)
        if key not in self._memo:
            self._memo[key] = _original_words(a, words)
        return self._memo[key]


_LOOSE = {" ": r"\s+", "'": "['\u2018\u2019\u201a\u201b\u2032]", '"': '["\u201c\u201d\u201e\u201f\u2033]',
          "-": "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"}


def _original_words(a: Archive, words: str) -> str:
    pattern = "".join(_LOOSE.get(ch) or re.escape(ch) for ch in normalize(words))
    m = re.search(pattern, a.raw)
    return " ".join(m.group(0).split()) if m else words


# -- building ---------------------------------------------------------------------------------
def build(file: str, base: Path, loaded: Loaded, shaped) -> LedgerIndex:
    """Index the records that passed the shape check (`shape.Shaped`).  Reads each archive once;
    never raises on bad data."""
    sources, actors, events_ledger, figures, path_of, event_of = {}, {}, {}, {}, {}, {}
    for i, s in shaped.sources:
        if s.id not in sources:
            sources[s.id], path_of[s.id] = s, ("sources", i)
    for i, a in shaped.actors:
        if a.id not in actors:
            actors[a.id], path_of[a.id] = a, ("actors", i)
    for i, e in shaped.events:
        if e.id not in events_ledger:
            events_ledger[e.id], path_of[e.id] = e, ("events", i)
        for j, f in enumerate(e.figures):
            if f.id not in figures:
                figures[f.id], path_of[f.id], event_of[f.id] = f, ("events", i, "figures", j), e
    exclusions = tuple((("excluded_numbers", i), x) for i, x in shaped.excluded_numbers)
    withdrawn = tuple((("withdrawn", i), w) for i, w in shaped.withdrawn)
    leads = tuple((("leads", i), x) for i, x in shaped.leads)

    reads = {sid: read_archive(base, s) for sid, s in sources.items() if s.archive}
    archives = {sid: r.archive for sid, r in reads.items() if r.archive is not None}

    date_texts = [s.published for s in sources.values()]
    date_texts += [e.date for e in events_ledger.values()]
    date_texts += [f.period for f in figures.values() if f.period]
    dates = {t: parse_or_none(t) for t in date_texts}

    order = sorted(events_ledger, key=lambda eid: (date_key(events_ledger[eid].date), path_of[eid][1]))
    events = {eid: events_ledger[eid] for eid in order}

    years, event_year = defaultdict(list), {}
    actor_events, actor_roles = defaultdict(list), defaultdict(list)
    actor_figures, actor_sources, children = defaultdict(list), defaultdict(list), defaultdict(list)
    source_figures, source_events, cited_by = defaultdict(list), defaultdict(list), defaultdict(list)
    for eid, e in events.items():
        y = year_of(e.date)
        event_year[eid] = y
        years[y].append(eid)
        for aid, role in [(p, "place") for p in e.places] + [(r.id, r.role) for r in e.actors]:
            actor_roles[(eid, aid)].append(role)
            if eid not in actor_events[aid]:
                actor_events[aid].append(eid)
        for sid in dict.fromkeys(e.sources):
            source_events[sid].append(eid)
        for f in e.figures:
            if event_of.get(f.id) is not e:
                continue  # a duplicate id: the first record is the one indexed
            actor_figures[f.claimed_by].append(f.id)
            for sid in dict.fromkeys([f.source] + list(f.cites)):
                source_figures[sid].append(f.id)
    for s in sources.values():
        if s.claimed_by:
            actor_sources[s.claimed_by].append(s.id)
        for c in s.cites:
            cited_by[c].append(s.id)
    for a in actors.values():
        if a.parent:
            children[a.parent].append(a.id)
    year_keys = sorted(k for k in years if k != UNDATED) + ([UNDATED] if UNDATED in years else [])

    related, clusters, figure_cluster = _relations(figures)
    differs_to = defaultdict(list)
    for oid, o in figures.items():
        for c in o.differs_from:
            differs_to[c.figure].append((oid, c.reason))
    return LedgerIndex(
        file=file, base=base, loaded=loaded, schema_version=(loaded.data or {}).get("schema_version"),
        sources=MappingProxyType(sources), actors=MappingProxyType(actors),
        events=MappingProxyType(events), figures=MappingProxyType(figures), exclusions=exclusions, withdrawn=withdrawn, leads=leads,
        path_of=MappingProxyType(path_of), event_of=MappingProxyType(event_of),
        broken_ids=frozenset(shaped.broken_ids),
        archive_reads=MappingProxyType(reads), archives=MappingProxyType(archives),
        dates=MappingProxyType(dates), event_year=MappingProxyType(event_year),
        years=MappingProxyType({k: tuple(years[k]) for k in year_keys}),
        event_kinds=tuple(sorted({e.kind for e in events.values()})),
        actor_events=_freeze(actor_events), actor_roles=_freeze(actor_roles),
        actor_figures=_freeze(actor_figures), actor_sources=_freeze(actor_sources),
        actor_children=_freeze(children), source_figures=_freeze(source_figures),
        source_events=_freeze(source_events), source_cited_by=_freeze(cited_by),
        figure_related=related, clusters=clusters, figure_cluster=figure_cluster,
        figure_differs_to=_freeze(differs_to))


def _relations(figures: dict):
    """Both directions of every relation between figures, and the clusters they form."""
    related = defaultdict(lambda: defaultdict(list))
    parent = {fid: fid for fid in figures}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    same_pairs, dispute_pairs = set(), set()
    for fid, f in figures.items():
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
    frozen = MappingProxyType({k: MappingProxyType({r: tuple(dict.fromkeys(v)) for r, v in d.items()})
                               for k, d in related.items()})

    groups = defaultdict(list)
    for fid in figures:
        groups[find(fid)].append(fid)
    clusters, figure_cluster = [], {}
    for members in groups.values():
        if len(members) < 2:
            continue
        mset = set(members)
        for fid in members:
            figure_cluster[fid] = len(clusters)
        clusters.append(Cluster(tuple(members), tuple(p for p in sorted(same_pairs) if p[0] in mset),
                                tuple(p for p in sorted(dispute_pairs) if p[0] in mset)))
    return frozen, tuple(clusters), MappingProxyType(figure_cluster)


__all__ = ["LedgerIndex", "ArchiveRead", "Cluster", "build", "read_archive", "forget_archives", "date_key",
           "year_of", "UNDATED"]
