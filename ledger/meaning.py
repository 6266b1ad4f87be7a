"""What a figure means, in closed vocabularies: what is counted, of whom, and the reserved
claimant and outlet words, each value with the words a reader sees for it.

The model (model.py) takes its allowed values from here, so the JSON Schema, the validator and
the pages share one list; the meaning checks (checks/meaning.py) use the other facts recorded
here (which unit a count is in, whether it happened somewhere).  Pages, charts and exports select
figures by these fields, never by an event's kind or by words in a figure's measure.
"""
from __future__ import annotations

from dataclasses import dataclass


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
