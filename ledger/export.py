"""Machine-readable copies of a checked ledger: JSON, CSV, a Frictionless data package and the
JSON Schema (generated from the model, so it cannot drift from the validator)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import licence, model
from .edtf import parse_or_none
from .vocab import BOUNDS


def ledger_json(ledger: model.Ledger) -> str:
    return json.dumps(ledger.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2) + "\n"


def schema_json() -> str:
    return json.dumps(model.json_schema(), ensure_ascii=False, indent=2) + "\n"


def _words(value) -> str:
    d = parse_or_none(value)
    return d.words() if d else value or ""


FIGURE_FIELDS = [
    ("id", "string", "figure id (permalink)"), ("event", "string", "id of the event the figure belongs to"),
    ("value", "number", "the number as stated; empty when vague"), ("unit", "string", "what the number counts in"),
    ("bound", "string", ", ".join(BOUNDS.values[:-1]) + " or " + BOUNDS.values[-1]),
    ("measure", "string", "what exactly is counted"), ("period", "string", "EDTF period the count applies to"),
    ("period_words", "string", "the period in words"), ("source", "string", "id of the archived source holding the quote"),
    ("source_publisher", "string", "the outlet"), ("source_published", "string", "EDTF publication date of the source"),
    ("claimed_by", "string", "actor id of who asserts the figure"), ("cites", "string", "second-hand sources, ';'-separated"),
    ("quote", "string", "verbatim words of the source"), ("part_of", "string", "figure id this is a part of"),
    ("same_as", "string", "figure ids of the same count, ';'-separated"),
    ("disputed_by", "string", "figure ids contesting it, ';'-separated"),
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
                "id": f.id, "event": e.id, "value": _number(f.value),
                "unit": f.unit, "bound": f.bound, "measure": f.measure, "period": f.period or "",
                "period_words": _words(f.period), "source": f.source,
                "source_publisher": s.publisher if s else "", "source_published": s.published if s else "",
                "claimed_by": f.claimed_by, "cites": ";".join(f.cites), "quote": f.quote, "part_of": f.part_of or "",
                "same_as": ";".join(f.same_as), "disputed_by": ";".join(f.disputed_by),
            }


def event_rows(ledger: model.Ledger):
    for e in ledger.events:
        yield {
            "id": e.id, "date": e.date, "date_words": _words(e.date), "kind": e.kind, "title": e.title,
            "places": ";".join(e.places), "actors": ";".join(a.id for a in e.actors),
            "sources": ";".join(e.sources), "figures": ";".join(f.id for f in e.figures),
        }


def to_csv(rows, fields) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[f[0] for f in fields], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def datapackage(name: str = "cambodia-deportations-ledger") -> dict:
    def schema(fields, key):
        return {"fields": [{"name": n, "type": t, "description": d} for n, t, d in fields], "primaryKey": [key]}
    return {
        "name": name,
        "title": "Cambodia's deportations of Chinese nationals: sourced figures and events",
        "description": "Every figure with the verbatim quote of its archived source. Generated from data/events.yaml. "
                       + licence.STATEMENT,
        "licenses": [licence.package_licence()],
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": schema(FIGURE_FIELDS, "id")},
            {"name": "events", "path": "events.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": schema(EVENT_FIELDS, "id")},
        ],
    }


def write_all(ledger: model.Ledger, out: Path) -> list[Path]:
    """Write every export into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "ledger.json": ledger_json(ledger),
        "figures.csv": to_csv(figure_rows(ledger), FIGURE_FIELDS),
        "events.csv": to_csv(event_rows(ledger), EVENT_FIELDS),
        "datapackage.json": json.dumps(datapackage(), indent=2) + "\n",
        "ledger.schema.json": schema_json(),
        "LICENCE.txt": licence.text(),
    }
    written = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
