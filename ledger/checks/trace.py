"""The trace: figure -> verbatim quote -> archived source text, and back.

Forward: each figure's quote is found in its source's archive (normalising only whitespace,
quote marks and dashes; never fuzzy acceptance), and the figure's value, unit and bound are found
in the quote.  Backward (completeness): every numeral in an archive is inside a figure's quote,
a {q:} token, or an exclusion with a reason, so no number in a source is silently left out.
"""
from ..archive import covering, normalize
from ..numbers import find_value, numeral_spans, range_shape_problem


def check(ctx) -> None:
    for fid, (path, f, e) in ctx.figures.items():
        archive = ctx.archives.get(f.source)
        if archive is None:
            continue  # missing source or archive: reported where it is defined
        spans = archive.find_all(f.quote)
        if not spans and (why := archive.cut_reason(f.quote)):
            ctx.add("trace-quote-cut", path + ("quote",), f"the quote cuts the archive's words: {why}",
                    "quote whole words, and each number with the hedge and unit that stand with it in the archive")
            continue
        if not spans:
            near = archive.nearest(f.quote)
            ctx.add("trace-quote", path + ("quote",), f"quote not found in the archive of '{f.source}'",
                    f"the nearest passage is: \"{near}\"" if near else
                    f"copy the words exactly from {archive.file}")
            continue
        ctx.covered.setdefault(f.source, []).extend(spans)
        if f.bound == "vague" and f.value is not None:
            ctx.add("trace-vague", path + ("value",), "a vague figure has no value",
                    "remove 'value': words such as 'hundreds' are never turned into a number")
            continue
        shape = range_shape_problem(f.bound, f.value, f.low, f.high)
        if shape:
            ctx.add("trace-range", path + ("bound",), shape,
                    "a range ('between 300 and 400', '300-400') is bound: range with low and high and no value; "
                    "any other bound gives value, not low and high")
            continue
        if f.bound not in ("vague", "range") and f.value is None:
            ctx.add("field-missing", path, "required field 'value' is missing",
                    "give the number as stated, or set bound: vague for words such as 'hundreds'")
            continue
        if f.bound == "range":
            mention, reason = find_value(normalize(f.quote), f.high, f.unit, f.bound, low=f.low)
        else:
            mention, reason = find_value(normalize(f.quote), f.value, f.unit, f.bound)
        if mention is None:
            ctx.add("trace-value", path + ("value",), f"the quote does not state this figure: {reason}",
                    "the quote must contain the number with its hedge ('nearly', 'at least') and unit")

    for path, x in ctx.exclusions:
        archive = ctx.archives.get(x.source)
        if archive is None:
            continue
        spans = archive.find_all(x.text)
        if not spans:
            near = archive.nearest(x.text)
            ctx.add("trace-quote", path + ("text",), f"excluded text not found in the archive of '{x.source}'",
                    f"the nearest passage is: \"{near}\"" if near else None)
        elif not numeral_spans(normalize(x.text)):
            ctx.add("exclusion-no-numeral", path + ("text",), "excluded text holds no numeral",
                    "an exclusion names words with a numeral in them; remove this entry")
        ctx.covered.setdefault(x.source, []).extend(spans)

    # Completeness runs once everything else passes: before that, a number may look unaccounted
    # for only because the figure quoting it is broken, and that report would be noise.
    if ctx.problems:
        return
    for sid, archive in ctx.archives.items():
        covers = covering(ctx.covered.get(sid, []))
        spath = ctx.sources[sid][0] + ("archive",)
        for a, b in archive.numeral_spans:
            if covers(a, b):
                continue
            line, col = archive.line_col(a)
            context = archive.text[max(0, a - 30):b + 30]
            ctx.add_at("coverage-number", archive.file, line, col, spath,
                       f"'{archive.text[a:b]}' is not accounted for (\"…{context}…\")",
                       f"record it as a figure of source '{sid}' with a quote containing it, "
                       "quote it in a date_basis as {q:…}, or add it to excluded_numbers with a reason")
