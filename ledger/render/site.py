"""Which page every record of the index lives on: the chronology a page a year, and the figures,
actors and sources listings split once they grow (weights: ledger/render/paging.py).

The ledger itself is read through `ledger.index.LedgerIndex`; this plan only adds pages.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from ..index import LedgerIndex, date_key, year_of
from ..problems import text_report
from ..validate import validate_file
from ..vocab import ACTOR_KINDS
from . import paging

KIND_ORDER = list(ACTOR_KINDS.values)
KIND_TITLES = {t.value: t.title for t in ACTOR_KINDS}


@dataclass(frozen=True)
class Pages:
    chronology: paging.Listing
    figure_pages: paging.Listing
    actor_pages: paging.Listing
    source_pages: paging.Listing

    def event_page(self, eid: str) -> str:
        return self.chronology.page_of[eid]

    def figure_page(self, fid: str) -> str:
        return self.figure_pages.page_of[fid]

    def actor_page(self, aid: str) -> str:
        return self.actor_pages.page_of[aid]

    def source_page(self, sid: str) -> str:
        return self.source_pages.page_of[sid]

    def listings(self):
        """(listing, macro name, page title) for each listing that has generated pages."""
        return ((self.chronology, "chronology_year", "Chronology"), (self.figure_pages, "figures_table", "Figures"),
                (self.actor_pages, "actors_page", "Actors"), (self.source_pages, "sources_page", "Sources"))


def plan(index) -> Pages:
    """Decide the page of every event, figure, actor and source."""
    chronology = paging.grouped(
        "chronology", dict(index.years),
        lambda eid: paging.EVENT_WEIGHT + paging.EVENT_FIGURE_WEIGHT * len(index.events[eid].figures),
        paging.PAGE_BUDGET, always_split=True)
    fig_years = defaultdict(list)
    for eid, e in index.events.items():
        fig_years[index.event_year[eid]].extend(f.id for f in e.figures if index.event_of.get(f.id) is e)
    figure_pages = paging.grouped("figures", dict(fig_years), lambda fid: paging.ROW_WEIGHT, paging.PAGE_BUDGET)
    kinds = defaultdict(list)
    for aid in index.sorted_actor_ids(index.actors):
        kinds[index.actors[aid].kind].append(aid)
    actor_pages = paging.grouped(
        "actors", {k: kinds[k] for k in sorted(kinds, key=lambda k: (KIND_ORDER + [k]).index(k))},
        lambda aid: (paging.ACTOR_WEIGHT + paging.ACTOR_EVENT_WEIGHT * len(index.actor_events.get(aid, ()))
                     + paging.ACTOR_FIGURE_WEIGHT * len(index.actor_figures.get(aid, ()))),
        paging.PAGE_BUDGET)
    by_year = defaultdict(list)
    for sid in sorted(index.sources, key=lambda i: (date_key(index.sources[i].published), i)):
        by_year[year_of(index.sources[sid].published)].append(sid)
    source_pages = paging.grouped(
        "sources", dict(by_year),
        lambda sid: paging.SOURCE_WEIGHT + paging.SOURCE_FIGURE_WEIGHT * len(index.source_figures.get(sid, ())),
        paging.PAGE_BUDGET)
    return Pages(chronology, figure_pages, actor_pages, source_pages)


class LedgerInvalid(Exception):
    """The ledger has problems; str(exc) is the engine's report."""

    def __init__(self, report: str, problems=()):
        super().__init__(report)
        self.report = report
        self.problems = list(problems)


class Site(NamedTuple):
    """What the renderers read: the ledger's index and the page of every record."""
    index: LedgerIndex
    pages: Pages


def load(path, reuse: bool = False) -> Site:
    """Validate, index and plan the ledger at path (no caching: the mkdocs layer caches; `reuse`:
    validation reuses the items of the text read before, see ledger/validate.py).
    Raises LedgerInvalid with the engine's report, or validate.LedgerIOError."""
    result = validate_file(path, reuse=reuse)
    if not result.ok:
        raise LedgerInvalid(text_report(result.problems, result.file), result.problems)
    return Site(result.index, plan(result.index))


__all__ = ["Pages", "Site", "LedgerInvalid", "plan", "load", "KIND_ORDER", "KIND_TITLES"]
