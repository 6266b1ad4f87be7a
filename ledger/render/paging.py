"""Which page each record lives on, so that no page grows without bound.

A listing (the events of a year, the figures table, the actors glossary, the bibliography) stays
one page while it is small, which is what readers of a ledger this size want: one table to sort,
one glossary to search.  Past a limit it is split: figures by the year of their event, actors by
kind, sources by year of publication; and any such group that is still too large is cut into
numbered parts (`chronology/2022/`, `chronology/2022/2/`, …).  Limits are in a weight that tracks
the HTML an entry renders to (an actor named in a thousand events weighs more than one named in
two), measured so that a page stays well under a megabyte.

Record ids are the permanent part of a link; the page a record sits on is derived from the ledger
and may move when a listing is split, so every link is made through these maps.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Weights are kilobytes of an entry's rendered HTML, fitted on the pages of a 10,000-event
# synthetic ledger (bench/benchmark.py) to within a few kilobytes a page.  A page's budget, 250 KB
# of its own HTML (and about 12 KB of the theme's around it), keeps a page light on a phone while
# the pages stay few: each page repeats the theme, and each page of the chronology is one more
# link in the year-by-year lists of an actor's entry.
PAGE_BUDGET = 250
EVENT_WEIGHT, EVENT_FIGURE_WEIGHT = 0.83, 0.2    # an event, and each of its figures in its prose
ROW_WEIGHT = 0.55                                # a figure's row (with the cells it shares)
ACTOR_WEIGHT, ACTOR_EVENT_WEIGHT, ACTOR_FIGURE_WEIGHT = 0.36, 0.013, 0.11
SOURCE_WEIGHT, SOURCE_FIGURE_WEIGHT = 0.43, 0.18


@dataclass
class Part:
    key: str            # page key, e.g. "chronology/2022/2" (no trailing slash, no ".md")
    group: str          # "2022", "agency", …: what the part belongs to
    number: int         # 1-based part number within the group
    of: int             # how many parts the group has
    ids: list = field(default_factory=list)


@dataclass
class Listing:
    """The pages of one listing and the page of each id on it."""
    base: str                                   # "figures"
    split: bool = False                         # False: everything is on `base`
    parts: dict = field(default_factory=dict)   # page key -> Part (only when split, or for chronology)
    page_of: dict = field(default_factory=dict)  # id -> page key

    def groups(self) -> dict:
        out: dict = {}
        for part in self.parts.values():
            out.setdefault(part.group, []).append(part)
        return out


def cut(ids, weight, budget) -> list[list]:
    """Consecutive runs of ids whose weights add up to at most budget (an id heavier than the
    budget gets a page of its own)."""
    runs, run, total = [], [], 0.0
    for i in ids:
        w = weight(i)
        if run and total + w > budget:
            runs.append(run)
            run, total = [], 0.0
        run.append(i)
        total += w
    if run:
        runs.append(run)
    return runs


def grouped(base: str, groups: dict, weight, budget: float, always_split: bool = False) -> Listing:
    """Split `groups` (group -> ordered ids) into parts; keep one page when it all fits."""
    listing = Listing(base)
    total = sum(weight(i) for ids in groups.values() for i in ids)
    if not always_split and total <= budget:
        listing.page_of = {i: base for ids in groups.values() for i in ids}
        return listing
    listing.split = True
    for group, ids in groups.items():
        runs = cut(ids, weight, budget)
        for n, run in enumerate(runs, 1):
            key = f"{base}/{group}" + (f"/{n}" if n > 1 else "")
            listing.parts[key] = Part(key, group, n, len(runs), run)
            for i in run:
                listing.page_of[i] = key
    return listing
