"""Machine-readable copies of a checked ledger: JSON, CSV, a Frictionless data package and the
JSON Schema (generated from the model, so it cannot drift from the validator)."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

from . import licence, model
from .edtf import parse_or_none
from .vocab import BOUNDS

# Shared with the data page's schema.org Dataset (ledger/render/jsonld.py): one licence, one title.
LICENSE = licence.package_licence()
TITLE = "Cambodia's deportations of Chinese nationals: sourced figures and events"
DESCRIPTION = ("Every figure with the verbatim quote of its archived source. Generated from data/events.yaml. "
               + licence.STATEMENT)
# the published data files (written by write_all) and their media types
MEDIA_TYPES = {"ledger.json": "application/json", "figures.csv": "text/csv", "events.csv": "text/csv",
               "datapackage.json": "application/json"}


def ledger_json(ledger: model.Ledger) -> str:
    """The whole ledger as JSON, without indentation (a third of its size at 10,000 events;
    any JSON viewer lays it out), UTF-8 as it is.  Written by pydantic's own serializer: the
    text json.dumps writes from model_dump, seven times quicker (0.09 s, not 0.68 s, at 10,000
    events), except that a number below 0.0001 is written in decimals (0.000025, not 2.5e-05).
    A field left unset is left out, and so is an empty list (model.about): a reader takes either
    as its default, which the schema gives."""
    return ledger.model_dump_json(exclude_none=True) + "\n"


@lru_cache(maxsize=1)  # the model's schema, the same on every call (mkdocs serve rebuilds asked for it each time)
def schema_json() -> str:
    return json.dumps(model.json_schema(), ensure_ascii=False, indent=2) + "\n"


def _words(value) -> str:
    d = parse_or_none(value)
    return d.words() if d else value or ""


FIGURE_FIELDS = [
    ("id", "string", "figure id (permalink)"), ("event", "string", "id of the event the figure belongs to"),
    ("value", "number", "the number as stated; empty when vague or a range"), ("unit", "string", "what the number counts in"),
    ("bound", "string", ", ".join(BOUNDS.values[:-1]) + " or " + BOUNDS.values[-1]),
    ("low", "number", "the low end of a range; empty otherwise"), ("high", "number", "the high end of a range; empty otherwise"),
    ("measure", "string", "what exactly is counted"),
    ("counted", "string", "the kind of count, from the closed list in ledger/vocab.py (deported, arrested, …)"),
    ("place", "string", "actor id of the place where the counted thing happened"),
    ("of_whom", "string", "the group counted, from the closed list in ledger/vocab.py; empty for counts not of people"),
    ("noun", "string", "the noun phrase a reader needs after the number"),
    ("period", "string", "EDTF period the count applies to"),
    ("period_words", "string", "the period in words"), ("source", "string", "id of the archived source holding the quote"),
    ("source_publisher", "string", "the outlet"), ("source_published", "string", "EDTF publication date of the source"),
    ("source_republishes", "string", "for a repost: actor id of the original outlet, or 'unknown'; empty otherwise"),
    ("claimed_by", "string", "actor id the sentence credits with the figure, or 'unattributed'"), ("cites", "string", "second-hand sources, ';'-separated"),
    ("quote", "string", "verbatim words of the source"), ("part_of", "string", "figure id this is a part of"),
    ("same_as", "string", "figure ids of the same count, ';'-separated"),
    ("disputed_by", "string", "figure ids contesting it, ';'-separated"),
    ("differs_from", "string", "figure ids that look comparable but measure something else, ';'-separated (reasons in ledger.json)"),
    ("notes", "string", "the caveat a reader needs, with its tokens"),
]
EVENT_FIELDS = [
    ("id", "string", "event id (permalink)"), ("date", "string", "EDTF date"), ("date_words", "string", "the date in words"),
    ("kind", "string", "kind of event"), ("title", "string", "title, with tokens"), ("places", "string", "place ids, ';'-separated"),
    ("actors", "string", "actor ids, ';'-separated"), ("sources", "string", "source ids, ';'-separated"),
    ("figures", "string", "figure ids, ';'-separated"),
]


def _number(value) -> str:
    """8000000000.0 -> '8000000000', 1.5 -> '1.5': never exponent notation, never rounded."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def figure_rows(ledger: model.Ledger):
    sources = {s.id: s for s in ledger.sources}
    for e in ledger.events:
        for f in e.figures:
            s = sources.get(f.source)
            yield {
                "id": f.id, "event": e.id, "value": _number(f.value), "low": _number(f.low), "high": _number(f.high),
                "unit": f.unit, "bound": f.bound, "measure": f.measure, "counted": f.counted, "place": f.place or "",
                "of_whom": f.of_whom or "", "noun": f.noun, "period": f.period or "",
                "period_words": _words(f.period), "source": f.source,
                "source_publisher": s.publisher if s else "", "source_published": s.published if s else "",
                "source_republishes": (s.republishes or "") if s else "",
                "claimed_by": f.claimed_by, "cites": ";".join(f.cites), "quote": f.quote, "part_of": f.part_of or "",
                "same_as": ";".join(f.same_as), "disputed_by": ";".join(f.disputed_by),
                "differs_from": ";".join(c.figure for c in f.differs_from), "notes": f.notes or "",
            }


def event_rows(ledger: model.Ledger):
    for e in ledger.events:
        yield {
            "id": e.id, "date": e.date, "date_words": _words(e.date), "kind": e.kind, "title": e.title,
            "places": ";".join(e.places), "actors": ";".join(a.id for a in e.actors),
            "sources": ";".join(e.sources), "figures": ";".join(f.id for f in e.figures),
        }


# A cell a spreadsheet would read as a formula (OWASP, "CSV Injection"): it starts with one of
# these.  Such text cells get a leading apostrophe, which spreadsheets show as text and never run.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """'=HYPERLINK(…)' -> "'=HYPERLINK(…)": text a spreadsheet will not evaluate."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def to_csv(rows, fields) -> str:
    """CSV with every text column defused (number columns hold only digits and are left as they
    are); a field a row lacks is an empty cell."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    names = [name for name, _, _ in fields]
    writer.writerow(names)
    text = {name for name, kind, _ in fields if kind == "string"}
    writer.writerows([defuse(row.get(k, "")) if k in text else row.get(k, "") for k in names] for row in rows)
    return buf.getvalue()


def datapackage(name: str = "cambodia-deportations-ledger") -> dict:
    def schema(fields, key):
        return {"fields": [{"name": n, "type": t, "description": d} for n, t, d in fields], "primaryKey": [key]}
    return {
        "name": name,
        "title": TITLE,
        "description": DESCRIPTION,
        "licenses": [licence.package_licence()],
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": MEDIA_TYPES["figures.csv"],
             "encoding": "utf-8", "schema": schema(FIGURE_FIELDS, "id")},
            {"name": "events", "path": "events.csv", "format": "csv", "mediatype": MEDIA_TYPES["events.csv"],
             "encoding": "utf-8", "schema": schema(EVENT_FIELDS, "id")},
        ],
    }


# every export's file name, in the order texts() makes them
NAMES = ("ledger.json", "figures.csv", "events.csv", "datapackage.json", "ledger.schema.json", "LICENCE.txt")


def texts(ledger: model.Ledger) -> dict[str, str]:
    """Every export: file name -> its text (the names are NAMES)."""
    return {
        "ledger.json": ledger_json(ledger),
        "figures.csv": to_csv(figure_rows(ledger), FIGURE_FIELDS),
        "events.csv": to_csv(event_rows(ledger), EVENT_FIELDS),
        "datapackage.json": json.dumps(datapackage(), indent=2) + "\n",
        "ledger.schema.json": schema_json(),
        "LICENCE.txt": licence.text(),
    }


def write_all(ledger: model.Ledger, out: Path) -> list[Path]:
    """Write every export into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts(ledger).items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
