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

BOUNDS = Vocabulary("bound", ("phrase", "title"), [
    Term("exact", "the source states the number plainly", phrase="{}", title="exact"),
    Term("approx", "the source says about, around, some or roughly", phrase="around {}", title="around"),
    Term("at-least", "the source says at least", phrase="at least {}", title="at least"),
    Term("more-than", "the source says more than or over", phrase="more than {}", title="more than"),
    Term("at-most", "the source says at most or up to", phrase="at most {}", title="at most"),
    Term("nearly", "the source says nearly or almost", phrase="nearly {}", title="nearly"),
    # two values, low and high; render/fmt.py shows them as "300–400"
    Term("range", "the source gives two ends, as in between one number and another; low and high hold them",
         phrase="{}", title="range"),
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


# -- what a figure means: what is counted, of whom, and the reserved claimant and outlet words --------
# The model takes `counted` and `of_whom` from these tables; the meaning checks (checks/meaning.py)
# use the other facts recorded here (which unit a count is in, whether it happened somewhere).
# Pages, charts and exports select figures by these fields, never by an event's kind or by words
# in a figure's measure.
@dataclass(frozen=True)
class Counted:
    words: str              # the reader's words: "people deported"
    units: tuple            # the units a figure of this kind may be in
    needs_place: bool       # it happened somewhere: the figure must name the place
    heading: str = ""       # a short heading for tables of the largest counts ("Deported")


# What is counted.  A count of people held is not a count of people deported, and a plan to
# deport is neither: each is its own value, so that no headline mixes them.
COUNTED = {
    "deported": Counted("people deported", ("people",), True, "Deported"),
    "planned-deportation": Counted("people a government said it would deport", ("people",), True,
                                   "To be deported (announced, not yet done)"),
    "awaiting-deportation": Counted("people held awaiting deportation", ("people",), True, "Held awaiting deportation"),
    "arrested": Counted("people arrested", ("people",), True, "Arrested"),
    "detained": Counted("people detained", ("people",), True, "Detained"),
    "rescued": Counted("people rescued", ("people",), True, "Rescued"),
    "believed-trapped": Counted("people believed trapped (an estimate)", ("people",), True,
                                "Believed trapped (an estimate)"),
    "forced-to-scam": Counted("people forced to carry out scams (an estimate)", ("people",), True,
                              "Forced to carry out scams (an estimate)"),
    "trafficking-victims": Counted("people described as victims of trafficking", ("people",), True,
                                   "Victims of trafficking"),
    "found-in-inspections": Counted("people found in inspections", ("people",), True, "Found in inspections"),
    "without-valid-passport": Counted("people found without valid passports", ("people",), True),
    "working-without-permit": Counted("people found working without work permits", ("people",), True),
    "locations-inspected": Counted("locations inspected", ("locations",), True),
    "cases-received": Counted("cases received by a help channel", ("cases",), True),
    "share-of-group": Counted("share of a group among the people counted", ("percent",), True),
    "complaints-called-false": Counted("share of complaints called false", ("percent",), True),
    "countries-of-origin": Counted("countries or regions the people counted came from", ("countries",), False),
    "investment": Counted("money invested", ("usd",), True),
    "industry-value": Counted("value of an industry", ("usd",), True),
    "assets-seized": Counted("value of assets seized", ("usd",), True),
    "rank": Counted("rank or tier in a report", ("tier", "rank"), True),
    "ban-length": Counted("length of a ban on re-entry", ("years", "months"), True),
    "other": Counted("another kind of count, described by the figure's measure", ("other",), False),
}

# Of whom: the group of people counted (for counts of people; other counts may leave it out).
OF_WHOM = {
    "chinese-nationals": "Chinese nationals",
    "foreigners": "foreigners of all nationalities",
    "indians": "Indian nationals",
    "thais": "Thai nationals",
    "chinese-and-taiwanese": "nationals of China and Taiwan",
    "several-nationalities": "people of several named nationalities",
    "unspecified": "people whose nationality the text does not give",
}

# Groups that name a nationality (the "who is counted" chart draws parts of this kind).
NATIONALITY_GROUPS = ("chinese-nationals", "indians", "thais", "chinese-and-taiwanese")

# A figure whose sentence credits nobody and whose text is a repost of unknown origin.
UNATTRIBUTED = "unattributed"
# A republished text whose original outlet is not known.
UNKNOWN_OUTLET = "unknown"
# Ids no actor may take, because they are words with a meaning of their own in these fields.
RESERVED_IDS = (UNATTRIBUTED, UNKNOWN_OUTLET)

# The country the site is about: the explainer's headline counts are those whose place is this
# actor; counts elsewhere are shown apart, as regional context.
HOME_PLACE = "cambodia"

# The kinds of count the explainer's headline tables show, in order.
HEADLINE_COUNTED = ("deported", "planned-deportation", "awaiting-deportation", "arrested", "detained", "rescued",
                    "found-in-inspections", "believed-trapped", "forced-to-scam")

UNATTRIBUTED_WORDS = "not attributed in the text"


def within(actors, place, home: str = HOME_PLACE) -> bool:
    """Whether a place is `home` or lies inside it (following the actors' `parent` links)."""
    seen = set()
    while place and place not in seen:
        if place == home:
            return True
        seen.add(place)
        a = actors.get(place)
        place = a.parent if a else None
    return False


def counted_words(value: str) -> str:
    c = COUNTED.get(value)
    return c.words if c else value


def of_whom_words(value) -> str:
    return OF_WHOM.get(value, value or "")


__all__ = ["Counted", "COUNTED", "OF_WHOM", "NATIONALITY_GROUPS", "UNATTRIBUTED", "UNKNOWN_OUTLET",
           "RESERVED_IDS", "HOME_PLACE", "HEADLINE_COUNTED", "UNATTRIBUTED_WORDS", "counted_words",
           "of_whom_words", "within"]
