"""The closed vocabularies (ledger/vocab.py): every value has its words, and every reader of a
closed set (model, schema, number reader, pages) reads the same values."""
import re
from types import SimpleNamespace

import pytest

from ledger import model, numbers, vocab
from ledger.render import chronology, fmt, method, site

TERMS = [(v, t) for v in vocab.VOCABULARIES for t in v]


@pytest.mark.parametrize("vocabulary,term", TERMS, ids=[f"{v.name}:{t.value}" for v, t in TERMS])
def test_each_value_has_the_words_its_vocabulary_needs(vocabulary, term):
    for which in vocabulary.needs:
        words = getattr(term, which)
        assert isinstance(words, str) and words.strip(), f"{vocabulary.name} '{term.value}' has no {which}"
        assert words == words.strip() and not re.search(r"[<>{}]", words.replace("{}", "")), words


def test_values_are_unique_kebab_case():
    for v in vocab.VOCABULARIES:
        assert len(v.values) == len(set(v.values)) > 1
        assert all(re.fullmatch(model.ID_PATTERN, x) for x in v.values), v.values


def test_bound_phrases_hold_the_amount_once():
    for t in vocab.BOUNDS:
        assert t.phrase.count("{}") == 1, t.value


def test_the_schema_allows_exactly_the_vocabulary():
    defs = model.json_schema()["$defs"]
    assert defs["Actor"]["properties"]["kind"]["enum"] == list(vocab.ACTOR_KINDS.values)
    assert defs["Event"]["properties"]["kind"]["enum"] == list(vocab.EVENT_KINDS.values)
    assert defs["Figure"]["properties"]["bound"]["enum"] == list(vocab.BOUNDS.values)
    assert defs["Figure"]["properties"]["unit"]["enum"] == list(vocab.UNITS.values)


def test_the_number_reader_and_the_pages_read_the_vocabulary():
    assert numbers.UNITS == vocab.UNITS.values and numbers.BOUNDS == vocab.BOUNDS.values
    assert set(numbers.HEDGES.values()) | set(numbers.POST_HEDGES.values()) <= set(vocab.BOUNDS.values)
    assert site.KIND_ORDER == list(vocab.ACTOR_KINDS.values)
    assert set(site.KIND_TITLES) == set(vocab.ACTOR_KINDS.values)
    assert list(chronology.EVENT_KIND_TITLES) == list(vocab.EVENT_KINDS.values)
    assert list(method.BOUND_EXPLAINED) == list(vocab.BOUNDS.values)


@pytest.mark.parametrize("bound", [b for b in vocab.BOUNDS.values if b != "vague"])
def test_a_hedged_figure_reads_with_its_bound_words(bound):
    f = SimpleNamespace(value=400, unit="people", bound=bound, quote="")
    assert fmt.figure_words(f) == vocab.BOUNDS[bound].phrase.format("400")


@pytest.mark.parametrize("unit", ["years", "months"])
def test_durations_take_the_singular_for_one(unit):
    assert fmt.amount(1, unit) == f"1 {vocab.UNITS[unit].one}"
    assert fmt.amount(2, unit) == f"2 {vocab.UNITS[unit].many}"


def test_an_unknown_value_has_no_words_but_does_not_raise():
    assert vocab.BOUNDS.word("bogus", "phrase") is None
    assert vocab.BOUNDS.word("bogus", "phrase", "{}") == "{}"
