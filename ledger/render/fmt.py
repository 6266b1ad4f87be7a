"""A figure's value in words: '1,450', 'nearly 400', 'at least 2,700', '$8 billion', '80 percent',
'3 years'; vague figures show the quoted vague words ('hundreds') and never a number."""
from __future__ import annotations

import re
from functools import lru_cache

from ..archive import normalize
from ..statement import find_value
from ..vocab import BOUNDS, UNITS

# Vague quantities, longest first so that "tens of thousands" wins over "thousands".
_VAGUE = sorted([
    "hundreds of thousands", "tens of thousands", "several hundred thousand", "several thousand",
    "several hundred", "a few hundred", "a few thousand", "a few dozen", "several dozen",
    "thousands", "hundreds", "dozens", "scores", "millions", "a handful", "numerous", "several",
    "many", "a few",
], key=len, reverse=True)
_VAGUE_RE = re.compile(r"\b(" + "|".join(re.escape(v) for v in _VAGUE) + r")\b", re.IGNORECASE)


def number(value) -> str:
    """1450 -> '1,450'; 2.5 -> '2.5'; 8.0 -> '8'."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"not a figure value: {value!r}")
    if isinstance(value, float):
        if value.is_integer():
            return f"{int(value):,}"
        return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"
    return f"{value:,}"


def _scaled(value) -> str | None:
    """8000000000 -> '8 billion'; 1500000 -> '1.5 million' (only when exact at two decimals)."""
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= scale:
            q = value / scale
            if round(q, 2) * scale == value:
                return f"{q:.2f}".rstrip("0").rstrip(".") + f" {word}"
            return None
    return None


def amount(value, unit: str) -> str:
    """The value with the unit words a reader needs; counts of people, cases etc. stay bare
    because the prose around a figure names what is counted."""
    if unit == "usd":
        return "$" + (_scaled(value) or number(value))
    if unit == "percent":
        return f"{number(value)} {UNITS[unit].many}"
    if unit in ("years", "months"):
        word = UNITS.word(unit, "many" if value != 1 else "one")
        return f"{number(value)} {word}"
    if unit == "tier":
        return f"{UNITS[unit].one.capitalize()} {number(value)}"
    scaled = _scaled(value) if isinstance(value, (int, float)) and abs(value) >= 10**6 else None
    return scaled or number(value)


def vague_words(quote: str, unit: str = "people") -> str:
    """The vague words of a quote ('hundreds'), verbatim; a neutral phrase when none is found."""
    mention, _ = find_value(normalize(quote or ""), None, unit, "vague")
    if mention is not None:
        return mention.text
    m = _VAGUE_RE.search(quote or "")
    return m.group(1) if m else "an unstated number"


def range_words(low, high, unit: str) -> str:
    """'300–400', '$3–4 million', '10–15 percent', '3–5 years': both ends, one unit, an en dash."""
    if unit == "usd":
        lo, hi = _scaled(low), _scaled(high)
        if lo and hi and lo.split()[-1] == hi.split()[-1]:
            return f"${lo.rsplit(' ', 1)[0]}–{hi}"
        return f"${lo or number(low)}–${hi or number(high)}"
    high_words = amount(high, unit)
    return f"{number(low)}–{high_words}" if unit != "tier" else f"Tier {number(low)}–{number(high)}"


def figure_words(figure) -> str:
    """What a figure element shows: the value with its hedge and unit, a range, or the vague words."""
    return _figure_words(figure.bound, figure.value, figure.unit, figure.low, figure.high, figure.quote)


@lru_cache(maxsize=1 << 16)  # a figure is shown several times (150,000 calls at 10,000 events)
def _figure_words(bound, value, unit, low, high, quote) -> str:
    if bound == "range" and low is not None and high is not None:
        return range_words(low, high, unit)
    if bound == "vague" or value is None:
        return vague_words(quote, unit)
    return BOUNDS.word(bound, "phrase", "{}").format(amount(value, unit))


def value_attr(value) -> str | None:
    """The value as a machine-readable attribute ('1450', '2.5')."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Vague words that take "of" before the noun ("hundreds of Chinese nationals").
_OF_WORDS = ("hundreds", "thousands", "dozens", "millions", "scores", "billions")


def noun_after(figure) -> str:
    """The words that follow a figure in running text so that the reader sees what it counts
    ('foreigners' after '130', 'of Chinese nationals' after 'hundreds'), from the figure's `noun`;
    '' when the figure's own words already say it ('$8 billion', 'Tier 3', '3 years'), and only
    the rest of the noun when its first word is already shown ('80 percent' + 'of complaints')."""
    words = figure_words(figure)
    noun = (figure.noun or "").strip()
    if not noun or figure.unit in ("usd", "tier", "rank"):
        return ""
    shown = words.casefold().split()
    parts = noun.split()
    if shown and parts and parts[0].casefold() == shown[-1]:
        parts = parts[1:]
    if not parts:
        return ""
    rest = " ".join(parts)
    if shown and shown[-1] in _OF_WORDS and figure.bound == "vague":
        return f"of {rest}"
    return rest


def figure_phrase(figure) -> str:
    """A figure with its noun, as plain text: '130 foreigners', 'hundreds of Chinese nationals'."""
    after = noun_after(figure)
    return f"{figure_words(figure)} {after}" if after else figure_words(figure)
