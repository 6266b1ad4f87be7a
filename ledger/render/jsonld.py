"""schema.org `Dataset` metadata (JSON-LD) for the data page, so that dataset search engines find
the published files: their names and formats, the licence, the creator, the dates the ledger
covers and the place.  Pure: the ledger's index and the site's name in, a <script> element out."""
from __future__ import annotations

import json
from typing import Callable

from .. import export
from ..edtf import parse

DATA_DIR = "data/"  # where the site publishes export.write_all's files (ledger/render/generated.py)
PLACE = "Cambodia"
# JSON's own escapes for the characters that could end the <script> element or start markup in it
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def temporal_coverage(events) -> str | None:
    """The ISO 8601 interval from the earliest start to the latest end among the events' dates
    ('2016/2026-02-08'; '..' for an open end), each at its own precision, without EDTF's
    qualifiers (~ ? %), which ISO 8601 does not have; None when no event is dated."""
    points = [parse(e.date) for e in events if e.date and e.date != "unknown"]
    starts = [d.start for d in points if d.start is not None]
    ends = [d.end for d in points if d.end is not None]
    if not starts and not ends:
        return None
    first = min(starts, key=lambda p: (p.lower, p.upper)).iso() if starts else ".."
    last = max(ends, key=lambda p: (p.upper, p.lower)).iso() if ends else ".."
    return first if first == last else f"{first}/{last}"


def last_change(index) -> str | None:
    """The latest `added` or `updated` day of any record in the ledger."""
    records = [*index.sources.values(), *index.actors.values(), *index.events.values(), *index.figures.values()]
    days = [d for r in records for d in (r.added, r.updated) if d]
    return max(days) if days else None


def dataset(index, creator: str, url: Callable[[str], str], page_url: str | None = None) -> dict:
    """The Dataset as a JSON-LD object, from the ledger's index (ledger.index.LedgerIndex).
    `creator` is the site's name (an Organization: the project, not a person); `url(path)` gives
    the address of a file of the site ('data/ledger.json')."""
    out = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": export.TITLE,
        "description": export.DESCRIPTION,
        "license": export.LICENSE["path"],
        "creator": {"@type": "Organization", "name": creator},
        "isAccessibleForFree": True,
        "inLanguage": "en",
        "spatialCoverage": {"@type": "Place", "name": PLACE},
        "distribution": [{"@type": "DataDownload", "name": name, "contentUrl": url(DATA_DIR + name),
                          "encodingFormat": media} for name, media in export.MEDIA_TYPES.items()],
    }
    if page_url:
        out["url"] = page_url
    coverage = temporal_coverage(index.events.values())
    if coverage:
        out["temporalCoverage"] = coverage
    modified = last_change(index)
    if modified:
        out["dateModified"] = modified
    return out


def script(data: dict) -> str:
    """A <script type="application/ld+json"> element holding data, with <, > and & written as
    JSON escapes: no text in it can close the element or be read as markup."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_SAFE)
    return f'<script type="application/ld+json">\n{text}\n</script>'
