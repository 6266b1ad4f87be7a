"""Ids are unique across the whole file: they are permalinks and reference targets."""


def check(index):
    seen: dict[str, tuple] = {}
    data = index.loaded.data
    for listname in ("sources", "actors", "events", "leads"):
        items = data.get(listname)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            entries = [((listname, i, "id"), item.get("id"))]
            if listname == "events" and isinstance(item.get("figures"), list):
                entries += [((listname, i, "figures", j, "id"), f.get("id"))
                            for j, f in enumerate(item["figures"]) if isinstance(f, dict)]
            for path, ident in entries:
                if not isinstance(ident, str):
                    continue
                if ident in seen:
                    first = index.locate(seen[ident])[0]
                    yield index.problem("id-duplicate", path, f"id '{ident}' is already used (line {first})",
                            "ids are unique across sources, actors, events and figures; give this one its own")
                else:
                    seen[ident] = path
