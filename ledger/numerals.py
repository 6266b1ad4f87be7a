"""What counts as a numeral, and which characters no text may hold: the one definition the
validator and the built-site test share.

A numeral is
- any character Unicode gives a numeric value (digits of every script, fullwidth and
  mathematical digits, superscripts, circled numbers, Roman numeral characters, vulgar
  fractions, CJK numerals such as 四 and 百);
- an English number word or digit run as `ledger.numbers` reads them ("three", "hundreds",
  "1,450"), looked for after compatibility folding (NFKC), so fullwidth letters hide nothing;
- a Roman numeral written with letters ("XIV", "iii").

Forbidden everywhere (refused in every text field, escaped whenever ledger text is printed):
C0 and C1 control characters (a line break is allowed), format characters (zero-width
characters, soft hyphen, bidirectional controls, word joiner, byte-order mark), line and
paragraph separators, surrogates, private-use and unassigned code points.  A word that mixes
Latin with Cyrillic or Greek letters (a Cyrillic "о" in "twо") is refused as a look-alike.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .numbers import numeral_spans

# Categories refused in text: Cc control, Cf format, Cs surrogate, Co private use, Cn unassigned,
# Zl/Zp line and paragraph separators.  "\n" is the one control character text may hold (YAML
# block scalars keep line breaks).
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_ALLOWED_CONTROLS = {"\n"}

# Strict Roman numerals written with letters: two or more of I, V and X in one case ("XIV",
# "iii"), or four or more upper-case letters with M, D, C or L ("MMXXIV").  Shorter words with
# M, D, C or L are usually English or initials ("CI", "DC", "mix", "did"); a lone "I" or "V" is a
# pronoun or a letter.
_ROMAN_UPPER = r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_LOWER = r"x{0,3}(?:ix|iv|v?i{0,3})"
_ROMAN = re.compile(rf"(?<![^\W\d_])(?:(?=[IVX]{{2,}}(?![^\W\d_])|[MDCLXVI]{{4,}}(?![^\W\d_])){_ROMAN_UPPER}"
                    rf"|(?=[ivx]{{2,}}(?![^\W\d_])){_ROMAN_LOWER})(?![^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def is_forbidden_char(ch: str) -> bool:
    return ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in _FORBIDDEN_CATEGORIES


def forbidden_chars(text: str) -> list[str]:
    """The forbidden characters of text, each once, in order of appearance."""
    if text.isprintable():   # every forbidden category is unprintable: the common case costs one C call
        return []
    return list(dict.fromkeys(ch for ch in text if is_forbidden_char(ch)))


def describe_char(ch: str) -> str:
    """'U+200B ZERO WIDTH SPACE': how a report names a character without printing it."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"


def printable(text: str) -> str:
    """text with every forbidden character (a line break included) written as an escape such as
    \\u001b, so that nothing read from a ledger or archive can drive a terminal or hide itself."""
    if not isinstance(text, str):
        text = str(text)
    if all(" " <= ch <= "~" for ch in text):
        return text
    return "".join(f"\\u{ord(ch):04x}" if (is_forbidden_char(ch) or ch == "\n") else ch for ch in text)


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), None)


def mixed_script_words(text: str) -> list[str]:
    """Words that mix Latin, Cyrillic and Greek letters (look-alikes hide words from checks)."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        scripts = {s for s in map(_script, word) if s}
        if len(scripts) > 1:
            out.append(word)
    return list(dict.fromkeys(out))


def has_numeric_char(text: str) -> bool:
    """True when a character of text has a numeric value (any script, any form)."""
    return any(ch.isnumeric() for ch in text)


# Cyrillic and Greek letters that look like Latin ones: a word written wholly in them ("ЅІХ" in
# Cyrillic) is not mixed-script, so number words are also looked for with them read as Latin.
_LOOKALIKES = str.maketrans(
    "аеорсухіѕјԁһӏԛԝАВЕКМНОРСТХЅІЈҮοανιΟΑΒΕΖΗΙΚΜΝΡΤΥΧ",
    "aeopcyxisjdhlqwABEKMHOPCTXSIJYoaviOABEZHIKMNPTYX")


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)


def numerals(text: str) -> list[str]:
    """Every numeral in text, as written (or as folded, for a number word hidden by compatibility
    characters), each once, in order.  Empty when text holds none."""
    out = [ch for ch in text if ch.isnumeric()]
    folded = _folded(text)
    out += [folded[a:b] for a, b in numeral_spans(folded)]
    out += [m.group(0) for m in _ROMAN.finditer(folded)]
    return list(dict.fromkeys(out))


def has_numeral(text: str) -> bool:
    return bool(numerals(text))
