"""One token grammar (ledger/tokens.py) and one date helper (edtf.parse_or_none) for every reader."""
from ledger import edtf, tokens
from ledger.checks import text as text_check
from ledger.render import inline


def test_the_check_and_the_renderer_read_tokens_with_the_same_grammar():
    assert text_check.TOKEN is tokens.TOKEN and inline.TOKEN is tokens.TOKEN
    found = [m.groups() for m in tokens.TOKEN.finditer("{fig:a-b} and {date:2022-11~}, {q:some words} {x:y}")]
    assert found == [("fig", "a-b"), ("date", "2022-11~"), ("q", "some words")]
    assert tokens.NOT_A_TOKEN.search("left {x:y} over").group(0) == "{x:y}"


def test_parse_or_none():
    assert edtf.parse_or_none("2022-11-07/2022-11-08").lower.isoformat() == "2022-11-07"
    for text in (None, "", "unknown", "2022-13", "yesterday", 2022):
        assert edtf.parse_or_none(text) is None


def test_unknown_and_invalid_dates_on_a_page():
    assert "date unknown" in inline.date("unknown") and "date-unknown" in inline.date(None)
    assert 'class="date-invalid"' in inline.date("2022-13")
    assert inline.date_words("unknown") == "date unknown" and inline.date_words("2022-13") == "2022-13"
