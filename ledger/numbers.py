"""Numbers as a sentence states them: value, unit (dollars, percent) and hedge ("nearly 400").

Written by hand because the ledger's rule is that a figure is a number the quote *states*: the
extractor must never invent one.  Word-to-number libraries do (word2number reads "$8 billion" as
1,000,000,000), none reads hedges, and none keeps "hundreds" vague.  This is one regular
expression plus a few lines of arithmetic: deterministic, standard library only, and it never
raises on any str (the trace check runs it over whole archived web pages).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import vocab

UNITS = vocab.UNITS.values
BOUNDS = vocab.BOUNDS.values

# Words that may stand immediately before a number (or before its "$"), and the bound each gives.
HEDGES = {
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "a minimum of": "at-least",
    "more than": "more-than", "over": "more-than", "above": "more-than", "upwards of": "more-than",
    "in excess of": "more-than", "just over": "more-than",
    "around": "approx", "about": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx",
    "up to": "at-most", "at most": "at-most", "no more than": "at-most", "fewer than": "at-most",
    "less than": "at-most", "under": "at-most", "as many as": "at-most",
}
# The same after the number ("1,000 or more"), used only when no hedge stands before it.
POST_HEDGES = {"or more": "at-least", "or so": "approx", "or fewer": "at-most", "or less": "at-most"}

_SMALL = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split(), 1)}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_MULT = {"hundred": 100, "dozen": 12}            # multiply what came before: "two dozen" = 24
_BIG = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}  # close a group
_ABBREV = {"bn": 10**9, "mn": 10**6}            # only after digits: "$8bn"


def _alt(words) -> str:
    """Regex alternation, longest first so "no more than" wins over "more than"."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


# 1-99 in words: "nineteen", "twenty-five", "forty two".  Each word ends at a word boundary so
# "seven" is not read inside "seventeen" and "one" not inside "someone".
_W_SMALL = rf"(?:(?:{_alt(_TENS)})\b(?:[ -](?:{_alt(list(_SMALL)[:9])})\b)?|(?:{_alt(_SMALL)})\b)"
_W_SCALE = rf"(?:{_alt(_MULT | _BIG)})\b"
# A group with scale words ("two hundred", "a dozen", "five hundred thousand"); groups chain
# ("one million two hundred thousand"), "and" only after "hundred" ("one hundred and five") so
# that "between a thousand and two thousand" stays two numbers.  Only the last group may lack a
# scale word, so "seven eight" stays two numbers too.
_W_GROUP = rf"(?:(?:a|{_W_SMALL})[ -]+{_W_SCALE}(?:[ -]+{_W_SCALE})*)"
_WORDS = rf"(?:(?:{_W_GROUP}(?:[ -]+|(?<=hundred)\s+and\s+))*(?:{_W_GROUP}|{_W_SMALL})|{_W_SCALE})"
# Vague amounts are kept whole and never get a value.  "many" alone is not a numeral.
_VAGUE = (r"(?:(?:tens|hundreds|thousands|dozens|millions|billions|trillions)(?:\s+of\s+(?:thousands|millions|billions))*"
          r"|(?:several|a\s+few|a\s+couple\s+of|many|a\s+number\s+of)\s+(?:dozen|hundred|thousand|million|billion)s?)\b")
# Digits, [0-9] not \d so other scripts' digits never reach Decimal.  Thousands separators only in
# groups of three ("1,450"; "Oct 12, 2017" is two numbers).  No word boundary before: "Covid-19"
# and "G20" must yield their digits so a curator can account for them.
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_WORD_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"

_RX = re.compile(rf"""
    (?:\b(?P<hedge>{_alt(HEDGES)})\s+)?
    (?P<cur>\bUS\s?\$\s?|\$\s?|\bUSD\s*)?
    (?P<num>
        \b(?P<vague>{_VAGUE})
      | (?P<digits>{_DIGITS})(?:(?P<ord>st|nd|rd|th)\b|\s*(?P<scale>{_alt(_MULT | _BIG | _ABBREV)})\b)?
      | \b(?P<words>{_WORDS})(?!-(?:{_WORD_ORDINALS})\b)   # "twenty-first" is an ordinal, not 20
    )
    (?:(?P<pct>\s*(?:%|per\s?cent\b))|(?P<usd>\s+(?:of\s+)?(?:US\s+)?dollars?\b|\s*\bUSD\b))?
    (?:\s+(?P<post>{_alt(POST_HEDGES)})\b)?
""", re.I | re.X)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# Words at the front of a phrase that are not themselves numerals ("a dozen", "several hundred").
_LEAD = re.compile(r"(?:(?:a\s+few|a\s+couple\s+of|a\s+number\s+of|several|many|a)[ \t\n-]+)+", re.I)


@dataclass(frozen=True)
class Mention:
    start: int          # span in the text passed in (text[start:end] == self.text)
    end: int
    text: str           # the whole phrase, hedge and unit words included ("nearly 400", "$8 billion")
    value: float | None  # the number stated; None when vague ("hundreds")
    kind: str           # "plain" | "percent" | "usd" | "ordinal" | "year" | "vague"
    bound: str          # "exact" | "approx" | "at-least" | "more-than" | "at-most" | "nearly" | "vague"


def _lookup(table: dict, word: str):
    """table[word], matching the way the regex does: any case and spacing (re.I also folds
    e.g. the long s 'ſ' to 's', which str.lower() does not, so a plain dict lookup could miss)."""
    for key, v in table.items():
        if re.fullmatch(key.replace(" ", r"\s+"), word, re.I):
            return v
    return None


def _words_value(words: str) -> int:
    """'two hundred fifty thousand' -> 250000: the usual running-total reading."""
    total = current = 0
    for tok in re.findall(r"[^\W\d_]+", words):
        if _lookup({"a": 1}, tok):
            current = 1
        elif (v := _lookup(_SMALL | _TENS, tok)) is not None:
            current += v
        elif (v := _lookup(_MULT, tok)) is not None:
            current = (current or 1) * v       # "hundred" alone is 100, not 0
        elif (v := _lookup(_BIG, tok)) is not None:
            total, current = total + (current or 1) * v, 0
    return total + current


def _digits_value(digits: str, scale: str | None) -> float:
    # Decimal, not float, so "1.1 million" is 1100000 and not 1100000.0000000002.
    try:
        n = Decimal(digits.replace(",", ""))
        return float(n * _lookup(_MULT | _BIG | _ABBREV, scale)) if scale else float(n)
    except ArithmeticError:                      # a digit run of absurd length overflows Decimal
        return float("inf")


def _mention(m: re.Match) -> Mention:
    if m["vague"]:
        return Mention(m.start(), m.end(), m[0], None, "vague", "vague")
    if m["digits"]:
        value = _digits_value(m["digits"], m["scale"])
    else:
        value = float(_words_value(m["words"]))
    bound = (_lookup(HEDGES, m["hedge"]) if m["hedge"] else
             _lookup(POST_HEDGES, m["post"]) if m["post"] else "exact")
    if m["pct"]:
        kind = "percent"
    elif m["cur"] or m["usd"]:
        kind = "usd"
    elif m["ord"]:
        kind = "ordinal"
    elif m["digits"] and not m["scale"] and bound == "exact" and _YEAR.fullmatch(m["digits"]):
        # "since 2014"; a hedged one ("nearly 2000 people") is a count: nobody writes "nearly 2019".
        kind = "year"
    else:
        kind = "plain"
    return Mention(m.start(), m.end(), m[0], value, kind, bound or "exact")


# Where a match can begin: every match holds a digit, a "$" or a number word (vague plurals
# included), and may start a few words earlier ("no fewer than a couple of hundred", "US$").
_ANCHOR = re.compile(rf"[0-9$]|\b(?:{_alt(list(_SMALL) + list(_TENS) + list(_MULT) + list(_BIG))}|tens)", re.I)
_WORD_START = re.compile(r"\b\w")
_LOOKBACK_WORDS = 8  # "no fewer than a couple of hundred": six words before the anchor


def _finditer(text: str):
    """The matches of _RX.finditer(text), found faster: the full expression is tried only a few
    words before each anchor instead of at every character (it costs about a microsecond a
    character, which is seconds over thousands of archived pages)."""
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        a = anchor.start()
        if a < pos:
            continue
        window = max(pos, a - 160)
        starts = [w.start() for w in _WORD_START.finditer(text, window, a)][-_LOOKBACK_WORDS:]
        for start in starts + [a]:
            m = _RX.match(text, start)
            if m and m.end() > a and m.end() > m.start():
                yield m
                pos = m.end()
                break


def mentions(text: str) -> list[Mention]:
    """Every numeric mention in text, in order, non-overlapping."""
    return [_mention(m) for m in _finditer(text)]


# A cheap test that a text may hold a numeral at all (any prefix of a number word will do: it
# only decides whether the full expression runs).  Most prose holds none, and the full expression
# costs far more than this on a large ledger.
_MAYBE = re.compile(rf"[0-9]|\b(?:{_alt(list(_SMALL) + list(_TENS) + list(_MULT) + list(_BIG))})", re.I)


def numeral_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every numeral in text: digit runs (with their , and . separators, and a scale word
    after them: "8 billion") and number words, vague plurals included.  Hedges, "$", "percent" and
    leading "a"/"several" are left out, so the span is the numeral itself."""
    if not _MAYBE.search(text):
        return []
    spans = []
    for m in _finditer(text):
        if m["digits"]:
            spans.append((m.start("digits"), m.end("scale") if m["scale"] else m.end("digits")))
        else:
            lead = _LEAD.match(m["num"])
            spans.append((m.start("num") + (lead.end() if lead else 0), m.end("num")))
    return spans


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


def find_value(quote: str, value: float | None, unit: str, bound: str) -> tuple[Mention | None, str | None]:
    """Look for the figure (value, unit, bound) in quote: (mention, None) when one matches, else
    (None, reason) with a reason an editor can act on."""
    if unit not in UNITS:
        return None, f"unit '{unit}' is not one of: {', '.join(UNITS)}"
    if bound not in BOUNDS:
        return None, f"bound '{bound}' is not one of: {', '.join(BOUNDS)}"
    ms = mentions(quote)
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
    fit = [m for m in same if _kind_fits(m, unit)]
    if not fit:
        return None, _kind_reason(same[0], unit)
    for m in fit:
        if m.bound == bound:
            return m, None
    m = fit[0]
    return None, f"the quote says '{m.text}', so bound should be '{m.bound}', not '{bound}'"
