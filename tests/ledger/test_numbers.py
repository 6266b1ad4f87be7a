import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.numbers import BOUNDS, UNITS, mentions, numeral_spans
from ledger.statement import find_value

P, E = "plain", "exact"

# (text, every mention as (text, value, kind, bound)).
MENTIONS = [
    # digits, separators, decimals, scale words
    ("1,450", [("1,450", 1450, P, E)]),
    ("40,000", [("40,000", 40000, P, E)]),
    ("2,760", [("2,760", 2760, P, E)]),
    ("100,000", [("100,000", 100000, P, E)]),
    ("1.5 million", [("1.5 million", 1_500_000, P, E)]),
    ("1.2 million", [("1.2 million", 1_200_000, P, E)]),
    ("1.1 million", [("1.1 million", 1_100_000, P, E)]),  # Decimal: not 1100000.0000000002
    ("8 billion", [("8 billion", 8e9, P, E)]),
    ("three thousand", [("three thousand", 3000, P, E)]),
    ("two hundred and fifty thousand", [("two hundred and fifty thousand", 250_000, P, E)]),
    # money
    ("$8 billion", [("$8 billion", 8e9, "usd", E)]),
    ("US$8 billion", [("US$8 billion", 8e9, "usd", E)]),
    ("USD 8 billion", [("USD 8 billion", 8e9, "usd", E)]),
    ("8 billion dollars", [("8 billion dollars", 8e9, "usd", E)]),
    ("$500", [("$500", 500, "usd", E)]),
    ("$8bn", [("$8bn", 8e9, "usd", E)]),
    # percent
    ("80 percent", [("80 percent", 80, "percent", E)]),
    ("80 per cent", [("80 per cent", 80, "percent", E)]),
    ("80%", [("80%", 80, "percent", E)]),
    # number words
    ("three", [("three", 3, P, E)]),
    ("nineteen", [("nineteen", 19, P, E)]),
    ("twenty-five", [("twenty-five", 25, P, E)]),
    ("a dozen", [("a dozen", 12, P, E)]),
    ("three of them women", [("three", 3, P, E)]),
    ("a three-year ban", [("three", 3, P, E)]),
    ("between a thousand and two thousand", [("between a thousand and two thousand", 2000, P, "range")]),
    ("a thousand and two thousand", [("a thousand", 1000, P, E), ("two thousand", 2000, P, E)]),
    ("seven eight", [("seven", 7, P, E), ("eight", 8, P, E)]),
    ("someone", []),
    ("no one", [("one", 1, P, E)]),
    # hedges before the number (and before "$"), any case
    ("nearly 400", [("nearly 400", 400, P, "nearly")]),
    ("almost 400", [("almost 400", 400, P, "nearly")]),
    ("close to 400", [("close to 400", 400, P, "nearly")]),
    ("just under 400", [("just under 400", 400, P, "nearly")]),
    ("at least 2,700", [("at least 2,700", 2700, P, "at-least")]),
    ("no fewer than 50", [("no fewer than 50", 50, P, "at-least")]),
    ("no less than 50", [("no less than 50", 50, P, "at-least")]),
    ("a minimum of 50", [("a minimum of 50", 50, P, "at-least")]),
    ("More than 5,000", [("More than 5,000", 5000, P, "more-than")]),
    ("over 50", [("over 50", 50, P, "more-than")]),
    ("above 50", [("above 50", 50, P, "more-than")]),
    ("upwards of 50", [("upwards of 50", 50, P, "more-than")]),
    ("in excess of 50", [("in excess of 50", 50, P, "more-than")]),
    ("around 1,000", [("around 1,000", 1000, P, "approx")]),
    ("About 50", [("About 50", 50, P, "approx")]),
    ("approximately 50", [("approximately 50", 50, P, "approx")]),
    ("roughly 50", [("roughly 50", 50, P, "approx")]),
    ("some 50", [("some 50", 50, P, "approx")]),
    ("an estimated 100,000", [("an estimated 100,000", 100000, P, "approx")]),
    ("estimated 50", [("estimated 50", 50, P, "approx")]),
    ("up to 50", [("up to 50", 50, P, "at-most")]),
    ("at most 50", [("at most 50", 50, P, "at-most")]),
    ("no more than 50", [("no more than 50", 50, P, "at-most")]),
    ("fewer than 50", [("fewer than 50", 50, P, "at-most")]),
    ("less than 50", [("less than 50", 50, P, "at-most")]),
    ("under 50", [("under 50", 50, P, "at-most")]),
    ("1,000 or more", [("1,000 or more", 1000, P, "at-least")]),
    ("around $8 billion", [("around $8 billion", 8e9, "usd", "approx")]),
    ("nearly three thousand", [("nearly three thousand", 3000, P, "nearly")]),
    ("clover 5", [("5", 5, P, E)]),  # "over" only as a whole word
    # issue 9: more hedges, number forms and ranges, each read as a reader reads it
    ("upward of 400", [("upward of 400", 400, P, "more-than")]),
    ("north of 400", [("north of 400", 400, P, "more-than")]),
    ("circa 400", [("circa 400", 400, P, "approx")]),
    ("in the region of 400", [("in the region of 400", 400, P, "approx")]),
    ("as few as 400", [("as few as 400", 400, P, "at-least")]),
    ("the best part of 400", [("the best part of 400", 400, P, "nearly")]),
    ("~400", [("~400", 400, P, "approx")]),
    ("400+", [("400+", 400, P, "at-least")]),
    ("400-odd", [("400-odd", 400, P, "more-than")]),
    ("not 400", [("not 400", 400, P, "negated")]),
    ("1 450", [("1 450", 1450, P, E)]),
    ("1\u00a0450", [("1\u00a0450", 1450, P, E)]),
    ("1\u2009450", [("1\u2009450", 1450, P, E)]),
    ("4,00,000", [("4,00,000", 400000, P, E)]),
    ("1.450.000", [("1.450.000", 1450000, P, E)]),
    ("1.450", [("1.450", None, "ambiguous", "ambiguous")]),
    ("300-400", [("300-400", 400, P, "range")]),
    ("300 to 400", [("300 to 400", 400, P, "range")]),
    ("between 300 and 400", [("between 300 and 400", 400, P, "range")]),
    ("rose from 300 to 400", [("300", 300, P, E), ("400", 400, P, E)]),
    # vague words never become numbers; "many" is not a numeral
    ("hundreds", [("hundreds", None, "vague", "vague")]),
    ("thousands", [("thousands", None, "vague", "vague")]),
    ("dozens", [("dozens", None, "vague", "vague")]),
    ("millions", [("millions", None, "vague", "vague")]),
    ("billions", [("billions", None, "vague", "vague")]),
    ("tens of thousands", [("tens of thousands", None, "vague", "vague")]),
    ("billions of dollars", [("billions of dollars", None, "vague", "vague")]),
    ("several hundred", [("several hundred", None, "vague", "vague")]),
    ("many people", []),
    # years and dates
    ("since 2014", [("2014", 2014, "year", E)]),
    ("in 2017", [("2017", 2017, "year", E)]),
    ("the first quarter of 2024", [("2024", 2024, "year", E)]),
    ("nearly 2000 people", [("nearly 2000", 2000, P, "nearly")]),  # a hedged 4-digit number is a count
    ("3000 people", [("3000", 3000, P, E)]),
    ("November 7 and 8", [("7", 7, P, E), ("8", 8, P, E)]),
    ("Oct 12, 2017", [("12", 12, P, E), ("2017", 2017, "year", E)]),
    ("Feb. 8", [("8", 8, P, E)]),
    ("August 18", [("18", 18, P, E)]),
    # ordinals: digits yes, words no
    ("1st", [("1st", 1, "ordinal", E)]),
    ("3rd", [("3rd", 3, "ordinal", E)]),
    ("the first and third", []),
    ("the twenty-first century", []),
    # digits glued to words
    ("Covid-19", [("19", 19, P, E)]),
    ("tier 3", [("3", 3, P, E)]),
    ("Tier 3", [("3", 3, P, E)]),
    # real sentences from the curated sources
    ("920 foreigners are waiting to be deported at the deportation center, including 674 Chinese nationals",
     [("920", 920, P, E), ("674", 674, P, E)]),
    ("1,450 foreigners had been deported in the first nine months of this year. They came from 32 countries "
     "and regions, including 390 Chinese citizens",
     [("1,450", 1450, P, E), ("nine", 9, P, E), ("32", 32, P, E), ("390", 390, P, E)]),
    ("Authorities in Cambodia also arrested nearly 400 Chinese and Taiwanese nationals",
     [("nearly 400", 400, P, "nearly")]),
    ("the Philippines announced plans to deport 40,000 Chinese nationals", [("40,000", 40000, P, E)]),
    ("More than 40,000 Chinese nationals were deported for similar crimes from Myanmar during the last three "
     "months of last year", [("More than 40,000", 40000, P, "more-than"), ("three", 3, P, E)]),
    ("after 2,000 people were arrested for online crimes in the first quarter of 2024",
     [("2,000", 2000, P, E), ("2024", 2024, "year", E)]),
    ("More than 250 Indians", [("More than 250", 250, P, "more-than")]),
    ("at least 100,000 people were forced to carry out online scams in Cambodia, in an industry worth "
     "billions of dollars",
     [("at least 100,000", 100000, P, "at-least"), ("billions of dollars", None, "vague", "vague")]),
    ("80 percent of human trafficking complaints were false", [("80 percent", 80, "percent", E)]),
    ("deported 312 Chinese nationals", [("312", 312, P, E)]),
    ("Cambodia deported 130 foreigners, three of them women, on November 7 and 8",
     [("130", 130, P, E), ("three", 3, P, E), ("7", 7, P, E), ("8", 8, P, E)]),
    ("banned from entering Cambodia for three years", [("three", 3, P, E)]),
    ("around 1,000 Chinese nationals", [("around 1,000", 1000, P, "approx")]),
    ("at least 1,000 Chinese nationals were deported in the last year", [("at least 1,000", 1000, P, "at-least")]),
    ("at least 2,700 Chinese had been deported since 2014",
     [("at least 2,700", 2700, P, "at-least"), ("2014", 2014, "year", E)]),
    ("around $8 billion between 2016 and August 2019",
     [("around $8 billion", 8e9, "usd", "approx"), ("2016", 2016, "year", E), ("2019", 2019, "year", E)]),
    ("hundreds of Taiwanese, Vietnamese, and other nationals", [("hundreds", None, "vague", "vague")]),
    ("put Cambodia in tier 3", [("3", 3, P, E)]),
    ("its bottom Tier 3 status", [("3", 3, P, E)]),
    ("Another 19 Thais were rescued", [("19", 19, P, E)]),
]


@pytest.mark.parametrize("text,expected", MENTIONS)
def test_mentions(text, expected):
    got = mentions(text)
    assert [(m.text, m.value, m.kind, m.bound) for m in got] == expected
    assert all(text[m.start:m.end] == m.text for m in got)


# (text, the numerals numeral_spans finds, as substrings)
NUMERALS = [
    ("nearly 400 people", ["400"]),
    ("around $8 billion", ["8 billion"]),
    ("80 percent", ["80"]),
    ("Covid-19", ["19"]),
    ("no one", ["one"]),
    ("a dozen", ["dozen"]),
    ("twenty-five", ["twenty-five"]),
    ("tens of thousands and hundreds of people", ["tens of thousands", "hundreds"]),
    ("billions of dollars", ["billions"]),
    ("November 7 and 8", ["7", "8"]),
    ("Oct 12, 2017", ["12", "2017"]),
    ("1st", ["1"]),
    ("many people, for the first time", []),
    ("1,450 foreigners in the first nine months", ["1,450", "nine"]),
]


@pytest.mark.parametrize("text,expected", NUMERALS)
def test_numeral_spans(text, expected):
    assert [text[a:b] for a, b in numeral_spans(text)] == expected


SEPT = ("1,450 foreigners had been deported in the first nine months of this year. They came from 32 countries "
        "and regions, including 390 Chinese citizens")

# (quote, value, unit, bound, matched mention text or None, words the reason must contain or None)
FIND = [
    (SEPT, 1450, "people", "exact", "1,450", None),
    (SEPT, 1450.0, "people", "exact", "1,450", None),
    (SEPT, 9, "months", "exact", "nine", None),
    (SEPT, 32, "countries", "exact", "32", None),
    (SEPT, 390, "people", "exact", "390", None),
    ("Authorities in Cambodia also arrested nearly 400 Chinese and Taiwanese nationals", 400, "people", "nearly",
     "nearly 400", None),
    ("Authorities in Cambodia also arrested nearly 400 Chinese and Taiwanese nationals", 400, "people", "exact",
     None, "the quote says 'nearly 400', so bound should be 'nearly', not 'exact'"),
    ("Cambodia deported 110 foreigners, 20 of them women", 130, "people", "exact",
     None, "no number in the quote equals 130 (found: 110, 20)"),
    ("around $8 billion between 2016 and August 2019", 8e9, "usd", "approx", "around $8 billion", None),
    ("around $8 billion between 2016 and August 2019", 8e9, "people", "approx",
     None, "the quote states 8000000000 in dollars but unit is 'people'"),
    ("deported 312 Chinese nationals", 312, "usd", "exact", None, "not in dollars"),
    ("80 percent of human trafficking complaints were false", 80, "percent", "exact", "80 percent", None),
    ("80 percent of human trafficking complaints were false", 80, "cases", "exact", None, "percent but unit is 'cases'"),
    ("at least 2,700 Chinese had been deported since 2014", 2700, "people", "at-least", "at least 2,700", None),
    ("at least 2,700 Chinese had been deported since 2014", 2014, "people", "exact", None, "as a year"),
    ("at least 2,700 Chinese had been deported since 2014", 2014, "other", "exact", "2014", None),
    ("ranked 3rd", 3, "rank", "exact", "3rd", None),
    ("put Cambodia in tier 3", 3, "tier", "exact", "3", None),
    ("banned from entering Cambodia for three years", 3, "years", "exact", "three", None),
    ("More than 250 Indians", 250, "people", "more-than", "More than 250", None),
    ("around 1,000 Chinese nationals", 1000, "people", "at-least", None, "bound should be 'approx'"),
    # vague figures
    ("hundreds of Taiwanese, Vietnamese, and other nationals", None, "people", "vague", "hundreds", None),
    ("at least 100,000 people were forced to carry out online scams in Cambodia, in an industry worth "
     "billions of dollars", None, "usd", "vague", "billions of dollars", None),
    ("hundreds of Taiwanese", None, "usd", "vague", None, "not an amount of money"),
    ("deported 312 Chinese nationals", None, "people", "vague", None, "no vague amount"),
    ("hundreds of Taiwanese", 300, "people", "vague", None, "a vague figure has no value"),
    ("hundreds of Taiwanese", None, "people", "exact", None, "bound should be 'vague'"),
    # bad input is reported, never raised
    ("deported 312 Chinese nationals", 312, "bananas", "exact", None, "unit 'bananas' is not one of"),
    ("deported 312 Chinese nationals", 312, "people", "roughly", None, "bound 'roughly' is not one of"),
    ("deported 312 Chinese nationals", "lots", "people", "exact", None, "is not a number"),
    ("no digits at all", 5, "people", "exact", None, "the quote has no numbers"),
]


@pytest.mark.parametrize("quote,value,unit,bound,match,reason", FIND)
def test_find_value(quote, value, unit, bound, match, reason):
    mention, why = find_value(quote, value, unit, bound)
    if match is None:
        assert mention is None and reason in why
    else:
        assert why is None and mention.text == match


TRICKY = st.sampled_from([
    " ", ",", ".", "-", "$", "%", "US", "USD", "1", "19", "2014", "1,450", "1.5", "a", "and", "of", "one",
    "twenty", "hundred", "thousand", "billion", "dozen", "hundreds", "tens", "several", "nearly", "at least",
    "no more than", "over", "dollars", "per cent", "or more", "st", "first", "\u017f", "\u212a", "\u0663", "\n",
])


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), st.lists(TRICKY, max_size=30).map("".join), st.lists(TRICKY, max_size=30).map(" ".join)),
       value=st.one_of(st.none(), st.integers(), st.floats()),
       unit=st.sampled_from(UNITS + ("bogus",)), bound=st.sampled_from(BOUNDS + ("bogus",)))
def test_never_raises(text, value, unit, bound):
    prev = 0
    for m in mentions(text):
        assert prev <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        prev = m.end
    prev = 0
    for a, b in numeral_spans(text):
        assert prev <= a < b <= len(text)
        prev = b
    mention, why = find_value(text, value, unit, bound)
    assert (mention is None) != (why is None)


_VOCAB = st.sampled_from(["nearly", "at least", "more than", "no fewer than", "a", "couple of", "several", "tens of",
                          "hundred", "hundreds", "thousand", "$", "US$", "8", "1,450", "2014", "percent", "%", "one",
                          "twenty-five", "dozen", "billion", "dollars", "or more", "Covid-19", "the", "people", ",", "-",
                          "~", "+", "to", "between", "and", "-odd", "1.450", "1 450", "4,00,000", "not"])


@given(st.lists(_VOCAB, max_size=25), st.sampled_from([" ", "", "  ", "\n"]))
def test_anchored_scan_finds_exactly_what_a_full_scan_finds(words, sep):
    from ledger.numbers import _RX, _finditer
    text = sep.join(words)
    assert [m.span() for m in _finditer(text)] == [m.span() for m in _RX.finditer(text)]


@pytest.mark.parametrize("quote,value,unit,bound,low,ok", [
    ("between 300 and 400 people", None, "people", "range", 300, True),
    ("between 300 and 400 people", 400, "people", "exact", None, False),
    ("nearly 400 people", 400, "years", "nearly", None, False),      # the quote states people, not years
    ("nearly 400 people", 400, "people", "nearly", None, True),
    ("banned for three years", 3, "years", "exact", None, True),
    ("not 400 people", 400, "people", "exact", None, False),
    ("1.450 people", 1450, "people", "exact", None, False),
])
def test_ranges_units_and_denials(quote, value, unit, bound, low, ok):
    high = 400 if bound == "range" else value
    mention, reason = find_value(quote, high, unit, bound, low=low)
    assert (mention is not None) == ok, reason
    assert ok or reason
