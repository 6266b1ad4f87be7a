"""A deterministic synthetic ledger for benchmarks and scale tests.

Proportions follow the curated ledger: about one archived source for every three events, two
figures an event on average (with hedges, percentages, money and vague amounts), a few parts and
repeated counts, and actors that grow slowly with the events.  Every record passes every check,
so what a benchmark measures is the cost of a clean ledger, the case editors live in.
"""
from __future__ import annotations

import hashlib
import random
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

START = Date(2016, 1, 1)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PLACES = ["Sihanoukville", "Phnom Penh", "Bavet", "Poipet", "Kampot", "Koh Kong", "Siem Reap", "Kandal"]
FILLER = ("Officials described the operation as part of a wider campaign against online fraud. "
          "Rights groups said some of those held may have been trafficked and coerced into the work. "
          "The authorities said they were cooperating closely with their regional counterparts. ")
HEDGES = [("", "exact"), ("nearly ", "nearly"), ("more than ", "more-than"), ("at least ", "at-least"),
          ("around ", "approx")]


def _fmt(n: int) -> str:
    return f"{n:,}"


def _figure(rng, fid, source, actor, period, place):
    """A figure and the sentence of its archive that states it."""
    roll = rng.random()
    if roll < 0.08:
        pct = rng.randint(5, 95)
        quote = f"about {pct} percent of those detained were foreign nationals"
        return dict(id=fid, value=pct, unit="percent", measure="share of foreign nationals among those detained",
                    counted="share-of-group", place=place, noun="percent",
                    bound="approx", period=period, source=source, claimed_by=actor, quote=quote), quote
    if roll < 0.12:
        quote = "hundreds of workers were detained in the compounds"
        return dict(id=fid, unit="people", measure="workers detained in the compounds", bound="vague",
                    counted="detained", place=place, of_whom="unspecified", noun="workers",
                    notes="The text gives the size only in words.",
                    period=period, source=source, claimed_by=actor, quote=quote), quote
    if roll < 0.15:
        amount = rng.randint(2, 40)
        quote = f"assets worth ${amount} million were seized"
        return dict(id=fid, value=amount * 1_000_000, unit="usd", measure="value of assets seized", bound="exact",
                    counted="assets-seized", place=place, noun="US dollars",
                    period=period, source=source, claimed_by=actor, quote=quote), quote
    value = rng.choice([rng.randint(10, 999), rng.randint(1000, 60000)])
    hedge, bound = rng.choice(HEDGES)
    quote = f"{hedge}{_fmt(value)} foreign nationals were deported"
    return dict(id=fid, value=value, unit="people", measure="foreign nationals deported", bound=bound,
                counted="deported", place=place, of_whom="foreigners", noun="foreign nationals",
                period=period, source=source, claimed_by=actor, quote=quote), quote


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _emit(obj, indent: int) -> list[str]:
    """Tiny YAML writer for the synthetic shapes (dicts of scalars and lists); keeps the output
    close to what an editor writes by hand, which is what the benchmark should parse."""
    pad = " " * indent
    lines = []
    for k, v in obj.items():
        if isinstance(v, list):
            if not v:
                lines.append(f"{pad}{k}: []")
            elif isinstance(v[0], dict):
                lines.append(f"{pad}{k}:")
                for item in v:
                    sub = _emit(item, indent + 4)
                    lines.append(f"{pad}  - {sub[0].lstrip()}")
                    lines.extend(sub[1:])
            else:
                lines.append(f"{pad}{k}: [{', '.join(str(x) for x in v)}]")
        elif isinstance(v, str):
            lines.append(f"{pad}{k}: {_yaml_str(v)}")
        else:
            lines.append(f"{pad}{k}: {v}")
    return lines


NOT_ROMAN = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "IVXLCDM"]


def actor_letters(i: int) -> str:
    """The two letters that tell the i-th synthetic actor apart: the second is never a Roman
    numeral's, so no name reads as a number ('II', 'VI', 'XI' would fail validation)."""
    return f"{chr(65 + i % 26)}{NOT_ROMAN[(i // 26) % len(NOT_ROMAN)]}"


def synthesize(n_events: int, seed: int, out: Path, years: int = 10) -> dict:
    rng = random.Random(seed)
    out = Path(out)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    n_sources = max(1, n_events // 3)
    n_actors = 12 + n_events // 20
    actors = [dict(id="ministry-of-interior", name="Ministry of Interior", kind="government",
                   aliases=["Interior Ministry"], description="The interior ministry.", added="2026-11-27")]
    actors.append(dict(id="cambodia", name="Cambodia", kind="place", description="The country the reports are about.",
                       added="2026-11-27"))
    for i, place in enumerate(PLACES):
        actors.append(dict(id=f"place-{i}", name=place, kind="place", description="A place named in reports.",
                           added="2026-11-27"))
    kinds = ["agency", "organisation", "media", "person", "group"]
    for i in range(n_actors):
        kind = kinds[i % len(kinds)]
        actor = dict(id=f"actor-{i}", name=f"Synthetic {kind} {actor_letters(i)}",
                     kind=kind, aliases=[f"Alias {chr(65 + i % 26)}"], description=f"A synthetic {kind}.",
                     added="2026-11-27")
        if kind == "agency":
            actor["parent"] = "ministry-of-interior"
        actors.append(actor)
    agencies = [a["id"] for a in actors if a["kind"] in ("agency", "organisation")]
    # Events sorted by date, spread over a decade; each source reports a few consecutive events.
    days = sorted(rng.randint(0, 365 * years) for _ in range(n_events))
    sentences = {s: [] for s in range(n_sources)}
    events, source_dates = [], {}
    for i, day in enumerate(days):
        date = (START + timedelta(days=day)).isoformat()
        s = min(i * n_sources // n_events, n_sources - 1)
        sid = f"synth-source-{s}"
        source_dates[s] = date  # the last (latest) event a source reports fixes its date
        actor = rng.choice(agencies)
        figures = []
        place = f"place-{rng.randrange(len(PLACES))}"
        for j in range(rng.choice([1, 1, 2, 2, 2, 3, 4])):
            fig, sentence = _figure(rng, f"ev-{i}-fig-{j}", sid, actor, date, "cambodia")
            figures.append(fig)
            sentences[s].append(sentence)
        if len(figures) > 1 and figures[0].get("value") and figures[1].get("value") and \
                figures[0]["unit"] == figures[1]["unit"] == "people" and figures[1]["value"] <= figures[0]["value"] \
                and figures[0]["bound"] == "exact":
            figures[1]["part_of"] = figures[0]["id"]
        events.append(dict(
            id=f"{date}-synthetic-event-{i}", date=date, title="Synthetic deportation event",
            summary="According to the source, " + ", ".join("{fig:" + f["id"] + "}" for f in figures) + ".",
            kind=rng.choice(["deportation", "deportation", "arrest", "raid", "rescue"]),
            places=[place], actors=[dict(id=actor, role="authority")],
            sources=[sid], figures=figures, added="2026-11-27"))
    sources = []
    for s in range(n_sources):
        body = "".join(f"{FILLER}Officials said {sentence}. " for sentence in sentences[s]) or FILLER
        text = body.strip() + "\n"
        path = out / "sources" / f"synth-source-{s}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(dict(
            id=f"synth-source-{s}", publisher=f"Synthetic Outlet {chr(65 + s % 17)}", title=f"Synthetic report {s}",
            published=source_dates.get(s, "2026-01-01"), archive=f"sources/synth-source-{s}.txt",
            archive_sha256=hashlib.sha256(text.encode()).hexdigest(), language="en", added="2026-11-27"))
    doc = ["# Synthetic ledger: generated by `ledger synth`; not real data.", "schema_version: 1"]
    for name, items in (("sources", sources), ("actors", actors), ("events", events)):
        doc.extend(_emit({name: items}, 0))
    (out / "events.yaml").write_text("\n".join(doc) + "\n", encoding="utf-8")
    return {"events": len(events), "sources": len(sources), "actors": len(actors),
            "figures": sum(len(e["figures"]) for e in events)}
