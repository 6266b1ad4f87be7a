"""The trace: figure -> verbatim quote -> archived source text.

Each figure's quote is found in its source's archive (normalising only whitespace, quote marks
and dashes; never fuzzy acceptance), and the figure's value, unit and bound are found in the
quote.  The spans found are returned for the coverage check (ledger/checks/coverage.py).
"""
from functools import lru_cache

from ..archive import normalize
from ..numbers import numeral_spans
from ..problems import Covered
from ..statement import find_value, range_shape_problem


@lru_cache(maxsize=1 << 16)
def _value_found(quote, value, unit, bound, low) -> tuple[bool, str | None]:
    """Whether the quote states the figure, and if not why (remembered by the quote and figure:
    most are the same from one `mkdocs serve` rebuild to the next)."""
    mention, reason = find_value(normalize(quote), value, unit, bound, low=low)
    return mention is not None, reason


def forget() -> None:
    """Forget the quotes checked so far (ledger/validate.py forget)."""
    _value_found.cache_clear()


def check(index):
    for fid, f in index.figures.items():
        path = index.path_of[fid]
        archive = index.archives.get(f.source)
        if archive is None:
            continue  # missing source or archive: reported where it is defined
        spans = archive.find_all(f.quote)
        if not spans and (why := archive.cut_reason(f.quote)):
            yield index.problem("trace-quote-cut", path + ("quote",), f"the quote cuts the archive's words: {why}",
                                "quote whole words, and each number with the hedge and unit that stand with it in the archive")
            continue
        if not spans:
            near = archive.nearest(f.quote)
            yield index.problem("trace-quote", path + ("quote",), f"quote not found in the archive of '{f.source}'",
                                f"the nearest passage is: \"{near}\"" if near else
                                f"copy the words exactly from {archive.file}")
            continue
        yield from (Covered(f.source, a, b) for a, b in spans)
        if f.bound == "vague" and f.value is not None:
            yield index.problem("trace-vague", path + ("value",), "a vague figure has no value",
                                "remove 'value': words such as 'hundreds' are never turned into a number")
            continue
        shape = range_shape_problem(f.bound, f.value, f.low, f.high)
        if shape:
            yield index.problem("trace-range", path + ("bound",), shape,
                                "a range ('between 300 and 400', '300-400') is bound: range with low and high and no value; "
                                "any other bound gives value, not low and high")
            continue
        if f.bound not in ("vague", "range") and f.value is None:
            yield index.problem("field-missing", path, "required field 'value' is missing",
                                "give the number as stated, or set bound: vague for words such as 'hundreds'")
            continue
        if f.bound == "range":
            found, reason = _value_found(f.quote, f.high, f.unit, f.bound, f.low)
        else:
            found, reason = _value_found(f.quote, f.value, f.unit, f.bound, None)
        if not found:
            yield index.problem("trace-value", path + ("value",), f"the quote does not state this figure: {reason}",
                                "the quote must contain the number with its hedge ('nearly', 'at least') and unit")

    for path, x in index.exclusions:
        archive = index.archives.get(x.source)
        if archive is None:
            continue
        spans = archive.find_all(x.text)
        if not spans:
            near = archive.nearest(x.text)
            yield index.problem("trace-quote", path + ("text",), f"excluded text not found in the archive of '{x.source}'",
                                f"the nearest passage is: \"{near}\"" if near else None)
        elif not numeral_spans(normalize(x.text)):
            yield index.problem("exclusion-no-numeral", path + ("text",), "excluded text holds no numeral",
                                "an exclusion names words with a numeral in them; remove this entry")
        yield from (Covered(x.source, a, b) for a, b in spans)
