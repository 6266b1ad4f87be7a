"""The one definition of a numeral and of forbidden characters (ledger/numerals.py), tested once,
and a property: generated numerals of every script and hostile characters, put into every text
field of a valid ledger, are refused (or, where the field may hold them, accepted as they are)."""
from __future__ import annotations

import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.numerals import describe_char, forbidden_chars, has_numeral, mixed_script_words, numerals, printable
from ledger.validate import validate_bytes
from tests import CASES

BASIC = CASES / "valid" / "basic"


@pytest.mark.parametrize("text", [
    "400", "４００", "៤០០", "٤٠٠", "४००", "𝟒𝟎𝟎", "²", "④", "Ⅳ", "½", "四百", "〇",
    "three", "Three hundred", "hundreds", "a dozen", "ｔｈｒｅｅ", "World War II", "phase iii", "MMXXIV",
    "ЅІХ people",  # all Cyrillic look-alikes
])
def test_numerals_of_every_script_and_form_are_numerals(text):
    assert has_numeral(text), text


@pytest.mark.parametrize("text", [
    "Cambodia deports foreigners", "someone", "CI runs the checks", "Washington DC", "Xi Jinping",
    "I saw it", "a mix of civil cases", "many people", "",
])
def test_ordinary_words_are_not_numerals(text):
    assert numerals(text) == []


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u00ad", "\u200b", "\u200c", "\u200d",
                                "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\ufeff", "\t", "\r"])
def test_control_and_invisible_characters_are_forbidden_and_never_printed_raw(ch):
    assert forbidden_chars(f"a{ch}b") == [ch]
    shown = printable(f"a{ch}b")
    assert ch not in shown and shown.startswith("a\\u") and describe_char(ch).startswith("U+")


def test_line_breaks_and_ordinary_unicode_are_allowed():
    assert forbidden_chars("Ministry of Interior’s\n“hundreds” – café, 中国") == []


def test_mixed_script_words_are_found():
    assert mixed_script_words("twо grουp ok Москва Ελλάδα") == ["twо", "grουp"]


# ---- the property: every text field of a valid ledger refuses what it must -------------------

_BASE = yaml.safe_load((BASIC / "events.yaml").read_text(encoding="utf-8"))


def _text_fields(value, path=()):
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _text_fields(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _text_fields(v, path + (i,))


FIELDS = sorted(_text_fields(_BASE), key=str)
# The fields the site may show a numeral from: a headline is the source's own words (shown in
# <cite>), and a URL is an address, never shown as a number.
NUMERALS_ALLOWED = {"title", "url"}

numeral_chars = st.characters(categories=["Nd", "Nl", "No"])
number_words = st.sampled_from(["three", "Twenty-one", "hundreds", "a dozen", "XIV", "ｆｉｖｅ", "one hundred"])
hostile_chars = st.one_of(
    st.characters(categories=["Cc", "Cf", "Co", "Zl", "Zp"], exclude_characters="\n"),
    st.sampled_from(["\u00ad", "\u200b", "\u200f", "\u202e", "\u2066", "\x1b", "\x9b"]),
)


def _with(path, insert, at):
    data = yaml.safe_load(yaml.safe_dump(_BASE))  # a deep copy
    cur = data
    for part in path[:-1]:
        cur = cur[part]
    old = cur[path[-1]]
    i = min(at, len(old))
    cur[path[-1]] = old[:i] + insert + old[i:]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def _validate(raw: bytes):
    return validate_bytes(raw, "events.yaml", BASIC)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(FIELDS), ch=hostile_chars, at=st.integers(0, 40))
def test_hostile_characters_are_refused_in_every_text_field(path, ch, at):
    result = _validate(_with(path, ch, at))
    assert result.problems, (path, ch)
    assert all(ch not in p.text() for p in result.problems)   # never printed back raw


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(FIELDS), numeral=st.one_of(numeral_chars, number_words), at=st.integers(0, 40))
def test_numerals_of_every_script_are_refused_where_a_number_would_be_unsourced(path, numeral, at):
    result = _validate(_with(path, f" {numeral} ", at))
    if path[-1] in NUMERALS_ALLOWED and path[0] == "sources":
        return  # accepted or not, the headline and URL show the text as it is
    assert result.problems, (path, numeral, unicodedata.name(numeral[0], "?"))


def test_the_round_trip_itself_is_clean():
    """Without an insert the ledger validates, so the refusals above come from the insert."""
    assert [p.text() for p in _validate(_with(FIELDS[0], "", 0)).problems] == []
    assert len(FIELDS) > 60
