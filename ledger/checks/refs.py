"""References: every id a record points at exists, and is of the right kind."""


def _ref(ctx, table, what, ident, path) -> bool:
    """True when ident resolves; reports and returns False otherwise."""
    if ident in table:
        return True
    if ident in ctx.broken_ids:  # exists, but has shape problems of its own (already reported)
        return False
    # suggest among records with shape problems too: the one meant may be the one being fixed
    ctx.add("ref-unknown", path, f"{what} '{ident}' does not exist", ctx.suggest(ident, list(table) + list(ctx.broken_ids)))
    return False


def _cited_closure(ctx, source_id) -> set:
    """Every source reachable through `cites` from source_id."""
    out, todo = set(), [source_id]
    while todo:
        entry = ctx.sources.get(todo.pop())
        for c in entry[1].cites if entry else ():
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def check(ctx) -> None:
    for sid, (path, s) in ctx.sources.items():
        for k, c in enumerate(s.cites):
            if _ref(ctx, ctx.sources, "source", c, path + ("cites", k)) and c == sid:
                ctx.add("ref-self", path + ("cites", k), "a source cannot cite itself",
                        "remove it: cites lists the other sources this one reports second-hand")
        if s.claimed_by:
            _ref(ctx, ctx.actors, "actor", s.claimed_by, path + ("claimed_by",))
        if s.archive_sha256 and not s.archive:
            ctx.add("archive-missing", path, "archive_sha256 is recorded but archive is not",
                    "add 'archive: sources/<source-id>.txt', or remove the hash")

    for aid, (path, a) in ctx.actors.items():
        if a.parent and _ref(ctx, ctx.actors, "actor", a.parent, path + ("parent",)):
            seen, cur = {aid}, a.parent
            while cur in ctx.actors:
                if cur in seen:
                    ctx.add("ref-cycle", path + ("parent",), f"parent chain of '{aid}' loops back to '{cur}'",
                            "a body cannot be its own ancestor")
                    break
                seen.add(cur)
                cur = ctx.actors[cur][1].parent

    for eid, (path, e) in ctx.events.items():
        for k, place in enumerate(e.places):
            if _ref(ctx, ctx.actors, "place", place, path + ("places", k)):
                kind = ctx.actors[place][1].kind
                if kind != "place":
                    ctx.add("ref-kind", path + ("places", k), f"'{place}' is of kind '{kind}', not a place",
                            "list it under actors with a role, or point at an actor of kind 'place'")
        for k, role in enumerate(e.actors):
            _ref(ctx, ctx.actors, "actor", role.id, path + ("actors", k, "id"))
        for k, sid in enumerate(e.sources):
            _ref(ctx, ctx.sources, "source", sid, path + ("sources", k))
        for j, f in enumerate(e.figures):
            fpath = path + ("figures", j)
            if _ref(ctx, ctx.sources, "source", f.source, fpath + ("source",)):
                if not ctx.sources[f.source][1].archive:
                    ctx.add("ref-not-archived", fpath + ("source",),
                            f"source '{f.source}' has no archive, so the quote cannot be checked",
                            "a figure's source is the archived text that holds the quote; put second-hand sources in 'cites'")
                if f.source not in e.sources:
                    ctx.add("ref-event-source", fpath + ("source",),
                            f"source '{f.source}' is not among the event's sources",
                            f"add '{f.source}' to events[{path[1]}].sources")
            _ref(ctx, ctx.actors, "actor", f.claimed_by, fpath + ("claimed_by",))
            chain = _cited_closure(ctx, f.source)
            for k, c in enumerate(f.cites):
                if _ref(ctx, ctx.sources, "source", c, fpath + ("cites", k)) and f.source in ctx.sources and c not in chain:
                    ctx.add("ref-chain", fpath + ("cites", k),
                            f"source '{f.source}' does not cite '{c}'",
                            f"add '{c}' to the cites of source '{f.source}' (or of a source it cites)")
            if f.part_of:
                _ref(ctx, ctx.figures, "figure", f.part_of, fpath + ("part_of",))
            for field in ("same_as", "disputed_by"):
                for k, other in enumerate(getattr(f, field)):
                    if _ref(ctx, ctx.figures, "figure", other, fpath + (field, k)) and other == f.id:
                        ctx.add("ref-self", fpath + (field, k), "a figure cannot refer to itself",
                                "remove it: same_as and disputed_by link a figure to other figures")

    for path, x in ctx.exclusions:
        if _ref(ctx, ctx.sources, "source", x.source, path + ("source",)) and not ctx.sources[x.source][1].archive:
            ctx.add("ref-not-archived", path + ("source",), f"source '{x.source}' has no archive to exclude numbers from")
