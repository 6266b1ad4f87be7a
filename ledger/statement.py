"""Whether a quote states a figure: its value (or both ends of a range), with the hedge that
stands before it and the unit it counts, read by ledger/numbers.py.  Used by the trace check and
by the renderer for the words of a vague figure."""
from __future__ import annotations

import re

from .numbers import AMBIGUOUS, BOUNDS, NEGATED, UNITS, Mention, mentions

# Words that show what a quote counts: a figure's unit must be stated by its quote ("nearly 400
# people", not "nearly 400" with unit: years).  People are also named by nationality ("Chinese",
# "Thais", "Indians"), by a pronoun standing for people ("of them", "of whom") or by what was done
# to them ("were deported").  usd and percent are read from the number itself ("$", "percent").
UNIT_WORDS = {
    "people": r"people|persons?|individuals?|foreigners?|nationals?|citizens?|residents?|deportees?|detainees?"
              r"|victims?|workers?|labou?rers?|employees?|staff|men|women|man|woman|children|child|boys?|girls?"
              r"|suspects?|migrants?|refugees?|prisoners?|inmates?|tourists?|visitors?|passengers?|students?"
              r"|officers?|officials?|police(?:men|women)?|agents?|soldiers?|members?|survivors?|adults?|minors?"
              r"|them|whom|those|who|they|[A-Z][a-z]+(?:ese|ians?|ans|is|os|s)"
              r"|deported|arrested|detained|rescued|repatriated|expelled|held|trapped|killed|injured|freed|released",
    "cases": r"cases?|complaints?|reports?|investigations?|prosecutions?|charges?|convictions?|lawsuits?|incidents?",
    "locations": r"locations?|sites?|places?|compounds?|buildings?|premises|casinos?|hotels?|venues?|provinces?"
                 r"|cities|city|towns?|villages?|addresses|address|offices?|properties|property|centres?|centers?",
    "countries": r"countries|country|nations?|states?|territories|territory|regions?",
    "years": r"years?", "months": r"months?",
    "flights": r"flights?|planes?|aircraft|charters?|airplanes?",
    "tier": r"tiers?", "rank": r"rank(?:ed|s|ing)?|place[ds]?|position|[0-9]+(?:st|nd|rd|th)",
}
_UNIT_RX = {u: re.compile(rf"\b(?:{w})\b", re.I if u != "people" else 0) for u, w in UNIT_WORDS.items()}


def _fmt(v) -> str:
    """1450.0 -> '1450', 1.5 -> '1.5': numbers as an editor writes them."""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _is_money(m: Mention) -> bool:
    return m.kind == "usd" or (m.kind == "vague" and re.search(r"\$|dollar|\bUSD\b", m.text, re.I) is not None)


def _kind_fits(m: Mention, unit: str) -> bool:
    if unit in ("usd", "percent"):
        return m.kind == unit
    return m.kind == "plain" or (unit in ("other", "rank") and m.kind in ("year", "ordinal"))


def _kind_reason(m: Mention, unit: str) -> str:
    v = _fmt(m.value)
    if m.kind == "usd":
        return f"the quote states {v} in dollars but unit is '{unit}'"
    if m.kind == "percent":
        return f"the quote states {v} percent but unit is '{unit}'"
    if m.kind in ("year", "ordinal"):
        return f"the quote states {v} as {'a year' if m.kind == 'year' else 'an ordinal'} ('{m.text}') but unit is '{unit}'"
    what = "in dollars" if unit == "usd" else "as a percentage"
    return f"the quote states {v} ('{m.text}') but not {what}, so unit should not be '{unit}'"


def range_shape_problem(bound: str, value, low, high) -> str | None:
    """What is wrong with how a figure gives its number for its bound (None when nothing)."""
    if bound == "range":
        if value is not None:
            return "a range has low and high, not value"
        if low is None or high is None:
            return "bound is 'range' but " + ("low and high are" if low is None and high is None else
                                                "low is" if low is None else "high is") + " missing"
        if not low < high:
            return f"low ({_fmt(low)}) is not below high ({_fmt(high)})"
        return None
    if low is not None or high is not None:
        return f"low and high are for bound: range, not '{bound}'"
    return None


def unit_reason(quote: str, unit: str) -> str | None:
    """Why quote does not state the unit (None when it does): "nearly 400 people" states people,
    not years.  usd and percent are checked on the number itself; 'other' needs no word."""
    rx = _UNIT_RX.get(unit)
    if rx is None or rx.search(quote):
        return None
    examples = [re.sub(r"[^a-z ]|s\?$", "", w) for w in UNIT_WORDS[unit].split("|")[:3]]
    return (f"the quote does not say what is counted: unit '{unit}' needs a word such as "
            f"{' or '.join(repr(w) for w in examples if w)} in the quote")


def find_value(quote: str, value: float | None, unit: str, bound: str,
               low: float | None = None) -> tuple[Mention | None, str | None]:
    """Look for the figure (value, unit, bound) in quote: (mention, None) when one matches, else
    (None, reason) with a reason an editor can act on.  A range gives bound 'range', its low end
    as low and its high end as value."""
    if unit not in UNITS:
        return None, f"unit '{unit}' is not one of: {', '.join(UNITS)}"
    if bound not in BOUNDS:
        return None, f"bound '{bound}' is not one of: {', '.join(BOUNDS)}"
    mention, reason = _find_value(quote, value, unit, bound, low)
    if mention is not None:
        reason = unit_reason(quote, unit)
        if reason:
            return None, reason
    return mention, reason


def _find_value(quote, value, unit, bound, low):
    ms = mentions(quote)
    doubtful = [m for m in ms if m.kind == AMBIGUOUS]
    if doubtful and value is not None:
        return None, (f"the quote writes '{doubtful[0].text}', which is a thousands figure in some countries and a "
                      "decimal in others; quote a passage that states the number unambiguously")
    found = ", ".join(dict.fromkeys(f"'{m.text}'" if m.value is None else _fmt(m.value) for m in ms))
    found = f"found: {found}" if found else "the quote has no numbers"
    if bound == "vague" or value is None:
        if value is not None:
            return None, f"bound is 'vague' but value is {_fmt(value)}; a vague figure has no value"
        if bound != "vague":
            return None, f"value is empty, so bound should be 'vague', not '{bound}'"
        vague = [m for m in ms if m.kind == "vague"]
        fits = [m for m in vague if _is_money(m) == (unit == "usd")]
        if fits:
            return fits[0], None
        if vague:
            m = vague[0]
            return None, (f"the quote's '{m.text}' is an amount of money but unit is '{unit}'" if _is_money(m)
                          else f"the quote's '{m.text}' is not an amount of money, so unit should not be 'usd'")
        return None, f"bound is 'vague' but the quote has no vague amount such as 'hundreds' ({found})"
    try:
        target = float(value)
    except (TypeError, ValueError, OverflowError):
        return None, f"value {value!r} is not a number"
    same = [m for m in ms if m.value == target]
    if not same:
        return None, f"no number in the quote equals {_fmt(target)} ({found})"
    if bound == "range":
        ranges = [m for m in same if m.bound == "range" and m.low == low]
        if not ranges:
            return None, (f"the quote states no range from {_fmt(low)} to {_fmt(target)} ({found})" if low is not None
                          else "a range gives low and high")
        same = ranges
    fit = [m for m in same if _kind_fits(m, unit)]
    if not fit:
        return None, _kind_reason(same[0], unit)
    for m in fit:
        if m.bound == bound:
            return m, None
    m = fit[0]
    if m.bound == NEGATED:
        return None, f"the quote says '{m.text}': it denies the number rather than stating it"
    if m.bound == "range":
        return None, (f"the quote states a range, '{m.text}': write bound: range with low: {_fmt(m.low)} "
                      f"and high: {_fmt(m.value)} (and no value)")
    return None, f"the quote says '{m.text}', so bound should be '{m.bound}', not '{bound}'"
