"""References: every id a record points at exists, and is of the right kind."""
from ..vocab import UNATTRIBUTED
from ..problems import suggest


def _ref(index, table, what, ident, path, out) -> bool:
    """True when ident resolves; appends a problem to out and returns False otherwise."""
    if ident in table:
        return True
    if ident in index.broken_ids:  # exists, but has shape problems of its own (already reported)
        return False
    # suggest among records with shape problems too: the one meant may be the one being fixed
    out.append(index.problem("ref-unknown", path, f"{what} '{ident}' does not exist",
                             suggest(ident, list(table) + list(index.broken_ids))))
    return False


def _cited_closure(index, source_id) -> set:
    """Every source reachable through `cites` from source_id."""
    out, todo = set(), [source_id]
    while todo:
        s = index.sources.get(todo.pop())
        for c in s.cites if s else ():
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def _ancestor_loop(table, start, parent_of):
    """The id at which following parent_of from start loops back, or None."""
    seen, cur = {start}, parent_of(table[start])
    while cur in table:
        if cur in seen:
            return cur
        seen.add(cur)
        cur = parent_of(table[cur])
    return None


def check(index):
    out = []
    for sid, s in index.sources.items():
        path = index.path_of[sid]
        for k, c in enumerate(s.cites):
            if _ref(index, index.sources, "source", c, path + ("cites", k), out) and c == sid:
                out.append(index.problem("ref-self", path + ("cites", k), "a source cannot cite itself",
                                         "remove it: cites lists the other sources this one reports second-hand"))
        if s.claimed_by:
            _ref(index, index.actors, "actor", s.claimed_by, path + ("claimed_by",), out)
        if s.archive_sha256 and not s.archive:
            out.append(index.problem("archive-missing", path, "archive_sha256 is recorded but archive is not",
                                     "add 'archive: sources/<source-id>.txt', or remove the hash"))

    for aid, a in index.actors.items():
        path = index.path_of[aid]
        if a.parent and _ref(index, index.actors, "actor", a.parent, path + ("parent",), out):
            loop = _ancestor_loop(index.actors, aid, lambda x: x.parent)
            if loop:
                out.append(index.problem("ref-cycle", path + ("parent",), f"parent chain of '{aid}' loops back to '{loop}'",
                                         "a body cannot be its own ancestor"))

    for eid, e in index.events.items():
        path = index.path_of[eid]
        for k, place in enumerate(e.places):
            if _ref(index, index.actors, "place", place, path + ("places", k), out):
                kind = index.actors[place].kind
                if kind != "place":
                    out.append(index.problem("ref-kind", path + ("places", k), f"'{place}' is of kind '{kind}', not a place",
                                             "list it under actors with a role, or point at an actor of kind 'place'"))
        for k, role in enumerate(e.actors):
            _ref(index, index.actors, "actor", role.id, path + ("actors", k, "id"), out)
        for k, sid in enumerate(e.sources):
            _ref(index, index.sources, "source", sid, path + ("sources", k), out)
        for j, f in enumerate(e.figures):
            fpath = path + ("figures", j)
            if _ref(index, index.sources, "source", f.source, fpath + ("source",), out):
                if not index.sources[f.source].archive:
                    out.append(index.problem(
                        "ref-not-archived", fpath + ("source",),
                        f"source '{f.source}' has no archive, so the quote cannot be checked",
                        "a figure's source is the archived text that holds the quote; put second-hand sources in 'cites'"))
                if f.source not in e.sources:
                    out.append(index.problem("ref-event-source", fpath + ("source",),
                                             f"source '{f.source}' is not among the event's sources",
                                             f"add '{f.source}' to events[{path[1]}].sources"))
            if f.claimed_by != UNATTRIBUTED:  # the reserved word: the sentence credits nobody
                _ref(index, index.actors, "actor", f.claimed_by, fpath + ("claimed_by",), out)
            chain = _cited_closure(index, f.source)
            for k, c in enumerate(f.cites):
                if _ref(index, index.sources, "source", c, fpath + ("cites", k), out) \
                        and f.source in index.sources and c not in chain:
                    out.append(index.problem("ref-chain", fpath + ("cites", k),
                                             f"source '{f.source}' does not cite '{c}'",
                                             f"add '{c}' to the cites of source '{f.source}' (or of a source it cites)"))
            if f.part_of and _ref(index, index.figures, "figure", f.part_of, fpath + ("part_of",), out) \
                    and index.figures.get(f.id) is f:
                loop = _ancestor_loop(index.figures, f.id, lambda x: x.part_of)
                if loop:
                    out.append(index.problem("ref-cycle", fpath + ("part_of",),
                                             f"part_of chain of '{f.id}' loops back to '{loop}'",
                                             "a count cannot be a part of one of its own parts"))
            for field in ("same_as", "disputed_by"):
                for k, other in enumerate(getattr(f, field)):
                    if _ref(index, index.figures, "figure", other, fpath + (field, k), out) and other == f.id:
                        out.append(index.problem("ref-self", fpath + (field, k), "a figure cannot refer to itself",
                                                 "remove it: same_as and disputed_by link a figure to other figures"))

    for path, x in index.exclusions:
        if _ref(index, index.sources, "source", x.source, path + ("source",), out) and not index.sources[x.source].archive:
            out.append(index.problem("ref-not-archived", path + ("source",),
                                     f"source '{x.source}' has no archive to exclude numbers from"))
    return out
