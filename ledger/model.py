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

from . import vocab
from .fielddocs import MANUAL
from .vocab import ACTOR_KINDS, BOUNDS, EVENT_KINDS, UNITS, UNKNOWN

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
IsoDay = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="a calendar day, YYYY-MM-DD, not after the build date")]

# The closed sets live in ledger/vocab.py, with the words readers see for each value.
ActorKind = Literal[ACTOR_KINDS.values]
EventKind = Literal[EVENT_KINDS.values]
Bound = Literal[BOUNDS.values]
Unit = Literal[UNITS.values]
Counted = Literal[tuple(vocab.COUNTED)]
OfWhom = Literal[tuple(vocab.OF_WHOM)]
Unknown = Literal[UNKNOWN]


def _empty(value) -> bool:
    return not value


def about(model: str, name: str, vocabulary=None, **kw):
    """The field `name` of `model`, described by its entry in the curators' manual
    (ledger/fielddocs.py): description and examples, and in the schema's extra keywords
    examples_bad, guidelines (with each allowed value's meaning, for a closed set) and
    requirement.  `kw` are pydantic's (default, default_factory, min_length)."""
    doc = MANUAL[model][name]
    guidelines = list(doc.guidelines) + [f"{t.value}: {t.gloss}" for t in (vocabulary or ())]
    required = "default" not in kw and "default_factory" not in kw
    if kw.get("default_factory") is list:
        # the JSON export leaves out an empty list, as the ledger's YAML does (a seventh of
        # ledger.json at 10,000 events); the schema gives each such field's default, []
        kw["exclude_if"] = _empty
    return Field(description=doc.description, examples=list(doc.examples),
                 json_schema_extra={"examples_bad": list(doc.bad), "guidelines": guidelines,
                                    "requirement": "required" if required else "conditional" if doc.conditional else "optional"}, **kw)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Correction(Record):
    """A published change to what a record says (ledger/corrections.py): shown on the site and in
    the feed, and required by `ledger diff` when a published figure changes."""
    date: IsoDay = about("Correction", "date")
    note: Prose = about("Correction", "note")


class Withdrawn(Record):
    """A published figure taken out of the ledger: its id stays reserved, with the date and why."""
    id: Id = about("Withdrawn", "id")
    date: IsoDay = about("Withdrawn", "date")
    note: Prose = about("Withdrawn", "note")



class Source(Record):
    """A document the ledger quotes.  Archived sources hold the text that quotes are checked
    against; a source without an archive is one known only second-hand (cited by another)."""
    id: Id = about("Source", "id")
    publisher: Text = about("Source", "publisher")
    title: Text = about("Source", "title")
    label: Optional[Text] = about("Source", "label", default=None)
    published: Edtf | Unknown = about("Source", "published")
    published_basis: Optional[Prose] = about("Source", "published_basis", default=None)
    url: Optional[Text] = about("Source", "url", default=None)
    archive: Optional[Text] = about("Source", "archive", default=None)
    archive_sha256: Optional[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = about("Source", "archive_sha256", default=None)
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = about("Source", "language", default="en")
    cites: list[Id] = about("Source", "cites", default_factory=list)
    claimed_by: Optional[Id] = about("Source", "claimed_by", default=None)
    outlet: Optional[Id] = about("Source", "outlet", default=None)
    republishes: Optional[Id] = about("Source", "republishes", default=None)
    notes: Optional[Prose] = about("Source", "notes", default=None)
    corrections: list[Correction] = about("Source", "corrections", default_factory=list)
    added: Optional[IsoDay] = about("Source", "added", default=None)
    updated: Optional[IsoDay] = about("Source", "updated", default=None)


class Actor(Record):
    """A person, body or place the ledger names."""
    id: Id = about("Actor", "id")
    name: Text = about("Actor", "name")
    kind: ActorKind = about("Actor", "kind", ACTOR_KINDS)
    parent: Optional[Id] = about("Actor", "parent", default=None)
    aliases: list[Text] = about("Actor", "aliases", default_factory=list)
    description: Prose = about("Actor", "description")
    added: Optional[IsoDay] = about("Actor", "added", default=None)
    updated: Optional[IsoDay] = about("Actor", "updated", default=None)


class Contrast(Record):
    """Another figure that looks comparable but measures something else, and why."""
    figure: Id = about("Contrast", "figure")
    reason: Prose = about("Contrast", "reason")


class Figure(Record):
    """A number a source states, traced to its words in the source's archive."""
    id: Id = about("Figure", "id")
    value: Optional[Union[int, float]] = about("Figure", "value", default=None)
    low: Optional[Union[int, float]] = about("Figure", "low", default=None)
    high: Optional[Union[int, float]] = about("Figure", "high", default=None)
    unit: Unit = about("Figure", "unit", UNITS)
    measure: Prose = about("Figure", "measure")
    counted: Counted = about("Figure", "counted")
    place: Optional[Id] = about("Figure", "place", default=None)
    of_whom: Optional[OfWhom] = about("Figure", "of_whom", default=None)
    noun: Text = about("Figure", "noun")
    bound: Bound = about("Figure", "bound", BOUNDS)
    period: Optional[Union[Edtf, Unknown]] = about("Figure", "period", default=None)
    source: Id = about("Figure", "source")
    claimed_by: Id = about("Figure", "claimed_by")
    cites: list[Id] = about("Figure", "cites", default_factory=list)
    quote: Text = about("Figure", "quote")
    part_of: Optional[Id] = about("Figure", "part_of", default=None)
    same_as: list[Id] = about("Figure", "same_as", default_factory=list)
    disputed_by: list[Id] = about("Figure", "disputed_by", default_factory=list)
    differs_from: list[Contrast] = about("Figure", "differs_from", default_factory=list)
    notes: Optional[Prose] = about("Figure", "notes", default=None)
    corrections: list[Correction] = about("Figure", "corrections", default_factory=list)
    added: Optional[IsoDay] = about("Figure", "added", default=None)
    updated: Optional[IsoDay] = about("Figure", "updated", default=None)


class ActorRole(Record):
    """An actor taking part in an event, and its role."""
    id: Id = about("ActorRole", "id")
    role: Text = about("ActorRole", "role")


class Event(Record):
    """Something that happened, with the sources that report it and the figures they give."""
    id: Id = about("Event", "id")
    date: Edtf | Unknown = about("Event", "date")
    date_basis: Optional[Prose] = about("Event", "date_basis", default=None)
    title: Prose = about("Event", "title")
    summary: Prose = about("Event", "summary")
    kind: EventKind = about("Event", "kind", EVENT_KINDS)
    places: list[Id] = about("Event", "places", default_factory=list)
    actors: list[ActorRole] = about("Event", "actors", default_factory=list)
    sources: list[Id] = about("Event", "sources", min_length=1)
    figures: list[Figure] = about("Event", "figures", default_factory=list)
    corrections: list[Correction] = about("Event", "corrections", default_factory=list)
    added: Optional[IsoDay] = about("Event", "added", default=None)
    updated: Optional[IsoDay] = about("Event", "updated", default=None)


class Exclusion(Record):
    """A numeral in an archive that is deliberately not a figure (completeness check)."""
    source: Id = about("Exclusion", "source")
    text: Text = about("Exclusion", "text")
    reason: Prose = about("Exclusion", "reason")


class Lead(Record):
    """A later development reported elsewhere that no event covers yet: a pointer for editors (what
    to archive next) and for readers (the limits of the account), never a sourced figure."""
    id: Id = about("Lead", "id")
    date: Edtf = about("Lead", "date")
    outlet: Text = about("Lead", "outlet")
    url: Text = about("Lead", "url")
    summary: Text = about("Lead", "summary")
    covered_by: Optional[Id] = about("Lead", "covered_by", default=None)


class Ledger(Record):
    """The whole ledger file."""
    schema_version: Literal[1] = about("Ledger", "schema_version")
    sources: list[Source] = about("Ledger", "sources")
    actors: list[Actor] = about("Ledger", "actors")
    events: list[Event] = about("Ledger", "events")
    excluded_numbers: list[Exclusion] = about("Ledger", "excluded_numbers", default_factory=list)
    withdrawn: list[Withdrawn] = about("Ledger", "withdrawn", default_factory=list)
    leads: list[Lead] = about("Ledger", "leads", default_factory=list)


def json_schema() -> dict:
    schema = Ledger.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Cambodia deportations ledger (schema_version 1)"
    return schema
