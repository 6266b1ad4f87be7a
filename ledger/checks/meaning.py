"""Meaning: every figure says what it counts, where and of whom; claimants are bodies the text
credits, never a site that reposts others' stories; and figures are related only where the
relation means something (a contest is between counts of the same thing)."""
from __future__ import annotations

from .. import vocab
from ..problems import suggest

# The problem codes of this family, each with what it means (to be folded into the catalogue).


def _ref(index, ident, path, want_place: bool):
    """A problem when ident names no actor (or, want_place, no place), else None."""
    if ident in index.actors:
        kind = index.actors[ident].kind
        if want_place and kind != "place":
            return index.problem("ref-kind", path, f"'{ident}' is of kind '{kind}', not a place",
                                 "point at an actor of kind 'place' (the country where it happened)")
        return None
    if ident in index.broken_ids:
        return None
    return index.problem("ref-unknown", path, f"{'place' if want_place else 'actor'} '{ident}' does not exist",
                         suggest(ident, list(index.actors)))


def _overlap(index, a, b) -> bool:
    """Whether the periods of two figures overlap (True when either cannot be compared)."""
    da, db = index.dates.get(a.period), index.dates.get(b.period)
    if da is None or db is None:
        return True
    (alo, ahi), (blo, bhi) = da.sort_key, db.sort_key  # open ends reach the earliest or latest day
    return alo <= bhi and blo <= ahi


def _differences(index, f, o) -> list:
    """What two figures count differently, in words ([] when they measure the same thing)."""
    out = []
    if f.counted != o.counted:
        out.append(f"what is counted ({f.counted} vs {o.counted})")
    # a missing group or place is reported on its own figure, not again here
    if f.of_whom and o.of_whom and f.of_whom != o.of_whom:
        out.append(f"of whom ({f.of_whom} vs {o.of_whom})")
    if f.place and o.place and f.place != o.place:
        out.append(f"place ({f.place} vs {o.place})")
    if not _overlap(index, f, o):
        out.append(f"period ({f.period} vs {o.period}, which do not overlap)")
    return out


def check(index):
    republishers = {}
    for sid, s in index.sources.items():
        path = index.path_of[sid]
        for field in ("outlet", "republishes"):
            ident = getattr(s, field)
            if ident and not (field == "republishes" and ident == vocab.UNKNOWN_OUTLET):
                p = _ref(index, ident, path + (field,), False)
                if p:
                    yield p
        if s.republishes:
            if not s.outlet:
                yield index.problem("republisher-outlet-missing", path + ("republishes",),
                                    f"source '{sid}' republishes another outlet's story but names no outlet",
                                    "add 'outlet: ACTOR-ID', the site that reposts it, so that no figure is credited to it")
            else:
                republishers[s.outlet] = sid

    for aid in index.actors:
        if aid in vocab.RESERVED_IDS:
            yield index.problem("id-reserved", index.path_of[aid] + ("id",),
                                f"'{aid}' is a reserved word, not an actor id",
                                "choose another id; 'unattributed' and 'unknown' have their own meaning in claimed_by and republishes")

    for fid, f in index.figures.items():
        path = index.path_of[fid]
        kind = vocab.COUNTED[f.counted]
        if f.unit not in kind.units:
            yield index.problem("meaning-unit", path + ("counted",),
                                f"'{f.counted}' ({kind.words}) is counted in {' or '.join(kind.units)}, not {f.unit}",
                                "check counted and unit against the quote")
        if f.place:
            p = _ref(index, f.place, path + ("place",), True)
            if p:
                yield p
        elif kind.needs_place:
            yield index.problem("meaning-no-place", path + ("counted",),
                                f"'{fid}' counts {kind.words} but does not say where",
                                "add 'place: PLACE-ID', the country (or region) where it happened, as the text says")
        if f.unit == "people" and not f.of_whom:
            yield index.problem("meaning-no-group", path + ("counted",),
                                f"'{fid}' counts people but does not say of whom",
                                f"add 'of_whom:' with one of {', '.join(vocab.OF_WHOM)}")
        if f.claimed_by in republishers:
            yield index.problem("claimant-republisher", path + ("claimed_by",),
                                f"'{f.claimed_by}' reposts other outlets' stories (source '{republishers[f.claimed_by]}'); it is not a claimant",
                                "credit the body the sentence names; when the sentence names none, write 'claimed_by: unattributed'")
        for field in ("same_as", "disputed_by"):
            for k, other in enumerate(getattr(f, field)):
                o = index.figures.get(other)
                if o is None or other == fid or (fid in getattr(o, field) and other < fid):
                    continue  # unknown ids are the refs check's; a mutual link is reported once
                diff = _differences(index, f, o)
                if diff:
                    yield index.problem("relation-different-measure", path + (field, k),
                                        f"'{fid}' and '{other}' differ in " + "; ".join(diff),
                                        f"{field} links counts of the same thing, of the same group, in the same place "
                                        "and period; link them with differs_from and a reason instead")
        for k, c in enumerate(f.differs_from):
            cpath = path + ("differs_from", k, "figure")
            o = index.figures.get(c.figure)
            if o is None:
                if c.figure not in index.broken_ids:
                    yield index.problem("ref-unknown", cpath, f"figure '{c.figure}' does not exist",
                                        suggest(c.figure, list(index.figures)))
                continue
            if c.figure == fid:
                yield index.problem("ref-self", cpath, "a figure cannot refer to itself")
            elif not _differences(index, f, o):
                yield index.problem("contrast-same-measure", cpath,
                                    f"'{fid}' and '{c.figure}' count the same thing, of the same group, in the same place and period",
                                    "if they give different numbers, link them with disputed_by; if the same, with same_as")
