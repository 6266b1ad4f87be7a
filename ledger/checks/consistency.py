"""Consistency between figures: the same count agrees with itself, parts do not exceed wholes,
and source URLs are safe to link."""
from urllib.parse import urlsplit


def url_problem(url: str):
    if url != url.strip() or any(c.isspace() for c in url):
        return "contains white space"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"scheme '{parts.scheme or '(none)'}' is not http or https"
    if not parts.hostname:
        return "has no host"
    if parts.username or parts.password:
        return "carries a user name or password"
    return None


def check(index):
    for sid, s in index.sources.items():
        if s.url:
            why = url_problem(s.url)
            if why:
                yield index.problem("url-unsafe", index.path_of[sid] + ("url",), f"url {why}",
                                    "only http(s) addresses of the original publication; leave url out when it is unknown")

    for fid, f in index.figures.items():
        path = index.path_of[fid]
        for k, other_id in enumerate(f.same_as):
            o = index.figures.get(other_id)
            if o is None:
                continue
            if fid in o.same_as and other_id < fid:
                continue  # a mutual link is one pair: report it once
            for field in ("value", "unit", "period"):
                if getattr(f, field) != getattr(o, field):
                    yield index.problem("same-as-mismatch", path + ("same_as", k),
                            f"'{fid}' and '{other_id}' differ in {field} ({getattr(f, field)!r} vs {getattr(o, field)!r})",
                            "same_as links reports of one count; if the counts differ, they are different figures "
                            "(link them with disputed_by or describe the difference in notes)")
        if f.part_of and f.part_of in index.figures:
            whole = index.figures[f.part_of]
            if whole.unit != f.unit:
                yield index.problem("part-unit", path + ("part_of",),
                        f"'{fid}' counts {f.unit} but the whole '{f.part_of}' counts {whole.unit}",
                        "a part counts the same thing as its whole")
            elif f.value is not None and whole.value is not None and f.value > whole.value \
                    and whole.bound not in ("more-than", "at-least", "vague", "approx", "nearly"):
                yield index.problem("part-exceeds-whole", path + ("value",),
                        f"part {f.value:g} exceeds its whole '{f.part_of}' ({whole.value:g})",
                        "check both values against their quotes, or the part_of link")
