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

# Weights are roughly kilobytes of rendered HTML (measured on synthetic ledgers).
CHRONOLOGY_BUDGET = 400   # an event with its figures and their popovers: about 4.5
FIGURES_BUDGET = 500      # a table row with its quote, citation and relations: about 1.8
ACTORS_BUDGET = 500       # an actor: about 1, plus 0.2 for each event and 0.8 for each figure it lists
SOURCES_BUDGET = 500      # a source: about 2, plus about 1.5 for each figure quoted from it


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
