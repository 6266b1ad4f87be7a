"""The ledger's closed vocabularies: every value a closed field allows, with the words readers see.

One place for them: the model's Literal types (and so the JSON Schema and the shape check), the
number reader, the site's labels and headings, the `ledger new` skeletons and the tests all read
these tables.  Adding a value means adding it here with its words; tests/test_vocab.py fails when
a value lacks the words its vocabulary needs.

Words per term (each vocabulary says which it needs):
  one     the value in running text, singular ("person", "US dollar")
  many    the same, plural ("people", "US dollars")
  title   a heading or label ("Agencies", "Deportation")
  phrase  for bounds: how a hedged value reads, "{}" standing for the amount ("nearly {}")
  gloss   one line for curators: when the value is the right one
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

# A date field that holds no date says so with this word (source.published, event.date, figure.period).
UNKNOWN = "unknown"
UNKNOWN_WORDS = "date unknown"


@dataclass(frozen=True)
class Term:
    value: str
    gloss: str
    one: Optional[str] = None
    many: Optional[str] = None
    title: Optional[str] = None
    phrase: Optional[str] = None


class Vocabulary:
    """An ordered, closed set of terms (the order is the order pages list them in)."""

    def __init__(self, name: str, needs: tuple, terms: list[Term]):
        self.name = name
        self.needs = ("gloss",) + tuple(needs)
        self.terms = {t.value: t for t in terms}
        self.values = tuple(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms.values())

    def __contains__(self, value) -> bool:
        return value in self.terms

    def __getitem__(self, value: str) -> Term:
        return self.terms[value]

    def word(self, value, which: str, default: Optional[str] = None) -> Optional[str]:
        """The `which` words of `value`; `default` for a value outside the vocabulary."""
        term = self.terms.get(value)
        return getattr(term, which) if term is not None else default


ACTOR_KINDS = Vocabulary("actor kind", ("one", "title"), [
    Term("person", "a named individual", one="person", title="People"),
    Term("agency", "a department, ministry, police unit or other body of a state", one="agency", title="Agencies"),
    Term("government", "a national government as a whole", one="government", title="Governments"),
    Term("organisation", "a non-governmental body: a company, charity, international organisation",
         one="organisation", title="Organisations"),
    Term("group", "several bodies or people named together, e.g. syndicates, or police forces of several countries", one="group", title="Groups"),
    Term("place", "a country, province, town or compound; events list places by these ids",
         one="place", title="Places"),
    Term("media", "a news outlet, broadcaster or news website", one="media outlet", title="Media"),
])

EVENT_KINDS = Vocabulary("event kind", ("title",), [
    Term("deportation", "people sent out of the country", title="Deportation"),
    Term("arrest", "people detained by police", title="Arrest"),
    Term("raid", "a search of premises by the authorities", title="Raid"),
    Term("rescue", "people freed or rescued, e.g. from a compound", title="Rescue"),
    Term("detention", "people held, e.g. pending deportation", title="Detention"),
    Term("inspection", "premises inspected without a raid", title="Inspection"),
    Term("report", "a report or study is published", title="Report"),
    Term("statement", "an official says something on the record", title="Statement"),
    Term("policy", "a law, agreement or measure is adopted", title="Policy"),
    Term("ranking", "a country is ranked or graded, e.g. a report's tier", title="Ranking"),
    Term("investment", "money invested or pledged", title="Investment"),
    Term("advisory", "a travel or safety warning is issued", title="Advisory"),
    Term("other", "none of the above; say what it is in the summary", title="Other"),
])

# A "range" bound (two values, low and high) would be one more term here, with a phrase such as
# "{low} to {high}", and its own branch in render/fmt.py.
BOUNDS = Vocabulary("bound", ("phrase", "title"), [
    Term("exact", "the source states the number plainly", phrase="{}", title="exact"),
    Term("approx", "the source says about, around, some or roughly", phrase="around {}", title="around"),
    Term("at-least", "the source says at least", phrase="at least {}", title="at least"),
    Term("more-than", "the source says more than or over", phrase="more than {}", title="more than"),
    Term("at-most", "the source says at most or up to", phrase="at most {}", title="at most"),
    Term("nearly", "the source says nearly or almost", phrase="nearly {}", title="nearly"),
    Term("vague", "the source gives words such as hundreds or dozens; no number is invented, the words are shown",
         phrase="{}", title="vague"),
])

UNITS = Vocabulary("unit", ("one", "many"), [
    Term("people", "persons counted", one="person", many="people"),
    Term("cases", "cases, complaints or requests handled", one="case", many="cases"),
    Term("locations", "sites, buildings or compounds", one="location", many="locations"),
    Term("countries", "countries", one="country", many="countries"),
    Term("usd", "an amount in US dollars (8 billion dollars is 8000000000)", one="US dollar", many="US dollars"),
    Term("percent", "a percentage (80% is 80)", one="percent", many="percent"),
    Term("years", "a duration in years", one="year", many="years"),
    Term("months", "a duration in months", one="month", many="months"),
    Term("flights", "flights", one="flight", many="flights"),
    Term("tier", "a tier in a graded ranking (Tier 3 is 3)", one="tier", many="tiers"),
    Term("rank", "a position in a ranking", one="rank", many="ranks"),
    Term("other", "anything else; say what in measure", one="other", many="other"),
])

VOCABULARIES = (ACTOR_KINDS, EVENT_KINDS, BOUNDS, UNITS)
