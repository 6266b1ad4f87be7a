import pytest

from ledger.edtf import EdtfError, parse

WORDS = [
    ("2022-11-08", "8 November 2022"),
    ("2022-11", "November 2022"),
    ("2022", "2022"),
    ("2022-10~", "around October 2022"),
    ("2022-10?", "October 2022 (uncertain)"),
    ("2022-11-07/2022-11-08", "7–8 November 2022"),
    ("2022-08-18/2022-10-04", "18 August – 4 October 2022"),
    ("2024-01/2024-03", "January–March 2024"),
    ("2014/..", "2014 onwards"),
    ("../2019-08", "until August 2019"),
    ("2016/2019-08", "2016 – August 2019"),
]


@pytest.mark.parametrize("text,words", WORDS)
def test_words_show_the_precision(text, words):
    assert parse(text).words() == words


def test_bounds():
    d = parse("2022-11~")
    assert (d.lower.isoformat(), d.upper.isoformat(), d.approximate) == ("2022-11-01", "2022-11-30", True)
    assert parse("2024-02").upper.isoformat() == "2024-02-29"
    assert parse("2014/..").upper is None


@pytest.mark.parametrize("bad", ["2022-13", "2022-02-30", "22-11", "2022/11", "2022-11-08/2022-11-01",
                                 "../..", "", " 2022", "November 2022", "2022-11-08T10:00", "2022~~"])
def test_invalid_dates_are_refused(bad):
    with pytest.raises(EdtfError):
        parse(bad)
