"""Consistency between figures: the same count agrees with itself, parts do not exceed wholes,
and source URLs are safe to link."""
from urllib.parse import urlsplit


def _url_problem(url: str):
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


def check(ctx) -> None:
    for sid, (path, s) in ctx.sources.items():
        if s.url:
            why = _url_problem(s.url)
            if why:
                ctx.add("url-unsafe", path + ("url",), f"url {why}",
                        "only http(s) addresses of the original publication; leave url out when it is unknown")

    for fid, (path, f, e) in ctx.figures.items():
        for k, other_id in enumerate(f.same_as):
            other = ctx.figures.get(other_id)
            if not other:
                continue
            o = other[1]
            if fid in o.same_as and other_id < fid:
                continue  # a mutual link is one pair: report it once
            for field in ("value", "unit", "period"):
                if getattr(f, field) != getattr(o, field):
                    ctx.add("same-as-mismatch", path + ("same_as", k),
                            f"'{fid}' and '{other_id}' differ in {field} ({getattr(f, field)!r} vs {getattr(o, field)!r})",
                            "same_as links reports of one count; if the counts differ, they are different figures "
                            "(link them with disputed_by or describe the difference in notes)")
        if f.part_of and f.part_of in ctx.figures:
            whole = ctx.figures[f.part_of][1]
            seen, cur = {fid}, f.part_of
            while cur in ctx.figures:
                if cur in seen:
                    ctx.add("ref-cycle", path + ("part_of",), f"part_of chain of '{fid}' loops back to '{cur}'",
                            "a count cannot be a part of one of its own parts")
                    break
                seen.add(cur)
                cur = ctx.figures[cur][1].part_of
            if whole.unit != f.unit:
                ctx.add("part-unit", path + ("part_of",),
                        f"'{fid}' counts {f.unit} but the whole '{f.part_of}' counts {whole.unit}",
                        "a part counts the same thing as its whole")
            elif f.value is not None and whole.value is not None and f.value > whole.value \
                    and whole.bound not in ("more-than", "at-least", "vague", "approx", "nearly"):
                ctx.add("part-exceeds-whole", path + ("value",),
                        f"part {f.value:g} exceeds its whole '{f.part_of}' ({whole.value:g})",
                        "check both values against their quotes, or the part_of link")
