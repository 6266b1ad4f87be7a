"""The ledger's data model (schema_version 1): the one definition of its shape.

Pydantic models give typed records *and* the JSON Schema (`ledger export --format schema`),
so the schema editors point their YAML language server at cannot drift from the validator.
Models are strict: no coercion ("130" is not 130) and unknown fields are errors, because a
silently fixed or dropped field is a lost edit.

Shape only lives here.  Everything that needs more than one field (references, the trace from
figure to quote to archive, dates against publication) lives in `ledger.checks`.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

# Ids are permalinks: lower-case kebab-case, starting with a letter or digit.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=120, description="kebab-case id, unique across the ledger, stable forever (it is a permalink)")]
Text = Annotated[str, Field(min_length=1, description="plain text: no HTML, no template syntax")]
Prose = Annotated[str, Field(min_length=1, description=(
    "plain prose; numerals only inside tokens: {fig:FIGURE-ID}, {date:EDTF} or {q:verbatim words from a source}"))]
Edtf = Annotated[str, Field(min_length=1, description=(
    "EDTF (ISO 8601-2) date: YYYY, YYYY-MM, YYYY-MM-DD, each optionally followed by ~ (approximate), "
    "? (uncertain) or % (both); or an interval START/END where either side may be '..' (open)"))]
IsoDay = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a calendar day, YYYY-MM-DD")]

ActorKind = Literal["person", "agency", "government", "organisation", "group", "place", "media"]
EventKind = Literal[
    "deportation", "arrest", "raid", "rescue", "detention", "inspection", "report",
    "statement", "policy", "ranking", "investment", "advisory", "other",
]
Bound = Literal["exact", "approx", "at-least", "more-than", "at-most", "nearly", "vague"]
Unit = Literal[
    "people", "cases", "locations", "countries", "usd", "percent", "years", "months",
    "flights", "tier", "rank", "other",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Correction(Record):
    """A published change to what a record says (ledger/corrections.py): shown on the site and in
    the feed, and required by `ledger diff` when a published figure changes."""
    date: IsoDay
    note: Prose = Field(description="what was corrected and why, for readers; follows the prose rules")


class Withdrawn(Record):
    """A published figure taken out of the ledger: its id stays reserved, with the date and why."""
    id: Id
    date: IsoDay
    note: Prose = Field(description="why the figure was withdrawn, for readers; follows the prose rules")


def _corrections():
    return Field(default_factory=list, description="published corrections, each {date: YYYY-MM-DD, note: ...}")


class Source(Record):
    """A document the ledger quotes.  Archived sources hold the text that quotes are checked
    against; a source without an archive is one known only second-hand (cited by another)."""
    id: Id
    publisher: Text = Field(description="the outlet or body; 'unknown' is allowed, explained in notes")
    title: Text = Field(description="the headline as published, or [a description in square brackets] when unknown")
    published: Edtf | Literal["unknown"] = Field(description="publication date as EDTF, or 'unknown'")
    published_basis: Optional[Prose] = Field(None, description="how the date was established; required unless the date is stated in full in the text")
    url: Optional[Text] = Field(None, description="http(s) address of the original; never invented")
    archive: Optional[Text] = Field(None, description="path of the verbatim archived text, relative to the ledger file")
    archive_sha256: Optional[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(None, description="SHA-256 of the archive file, lower-case hex")
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"
    cites: list[Id] = Field(default_factory=list, description="ids of sources this one reports second-hand")
    claimed_by: Optional[Id] = Field(None, description="actor whose claim this document is (e.g. a ministry's press release)")
    notes: Optional[Prose] = None
    corrections: list[Correction] = _corrections()
    added: Optional[IsoDay] = None
    updated: Optional[IsoDay] = None


class Actor(Record):
    id: Id
    name: Text
    kind: ActorKind
    parent: Optional[Id] = Field(None, description="actor id of the body this one belongs to")
    aliases: list[Text] = Field(default_factory=list, description="other names and spellings used in the sources")
    description: Prose
    added: Optional[IsoDay] = None
    updated: Optional[IsoDay] = None


class Figure(Record):
    id: Id
    value: Optional[Union[int, float]] = Field(None, description="the number as stated (8 billion is 8000000000); absent only when bound is 'vague'")
    unit: Unit
    measure: Prose = Field(description="what exactly is counted")
    bound: Bound = Field(description="the hedge in the quote: 'nearly 400' is nearly, 'at least 2,700' is at-least; 'hundreds' is vague")
    period: Optional[Union[Edtf, Literal["unknown"]]] = Field(None, description="when the count applies, EDTF")
    source: Id = Field(description="the archived source whose text holds the quote")
    claimed_by: Id = Field(description="actor who asserts the figure (may differ from the outlet)")
    cites: list[Id] = Field(default_factory=list, description="sources the claim passed through before reaching `source`")
    quote: Text = Field(description="verbatim words from the source's archive that state the figure")
    part_of: Optional[Id] = Field(None, description="id of a figure this count is a part of")
    same_as: list[Id] = Field(default_factory=list, description="figures reporting the same count")
    disputed_by: list[Id] = Field(default_factory=list, description="figures that contest this one")
    notes: Optional[Prose] = None
    corrections: list[Correction] = _corrections()
    added: Optional[IsoDay] = None
    updated: Optional[IsoDay] = None


class ActorRole(Record):
    id: Id
    role: Text


class Event(Record):
    id: Id
    date: Edtf | Literal["unknown"]
    date_basis: Optional[Prose] = Field(None, description="how the date was derived; required unless it is stated in full")
    title: Prose
    summary: Prose
    kind: EventKind
    places: list[Id] = Field(default_factory=list)
    actors: list[ActorRole] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    corrections: list[Correction] = _corrections()
    added: Optional[IsoDay] = None
    updated: Optional[IsoDay] = None


class Exclusion(Record):
    """A numeral in an archive that is deliberately not a figure (completeness check)."""
    source: Id
    text: Text = Field(description="verbatim words from the archive containing the numeral")
    reason: Prose


class Ledger(Record):
    schema_version: Literal[1]
    sources: list[Source]
    actors: list[Actor]
    events: list[Event]
    excluded_numbers: list[Exclusion] = Field(default_factory=list, description="numerals in archives that are not figures, each with a reason")
    withdrawn: list[Withdrawn] = Field(default_factory=list, description="published figures taken out, each with its id, date and why")


def json_schema() -> dict:
    schema = Ledger.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Cambodia deportations ledger (schema_version 1)"
    return schema
