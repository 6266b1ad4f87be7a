"""The files a build adds beside the written pages: a Markdown page for each page of a split
listing (its only content is the macro call, so ledger text never enters Markdown or Jinja), the
machine-readable exports, the Atom feed and the chronology filters' list of actors (a figure's
citation files are built in the reader's browser from its row: ledger/render/citation.py).

The mkdocs hook adds them in memory (ledger_site/wiring.py, on_files); `ledger generate --out DIR`
writes the same files for a builder that runs no mkdocs hooks (Zensical ignores `hooks:`).
"""
from __future__ import annotations

import json

from .. import export
from . import feed

# the actors the chronology's filters offer (chronology.py chronology_filters), one file for every
# page of the chronology rather than a list of options in each
FILTER_ACTORS_PATH = "assets/filter-actors.js"

GENERATED_META = "ledger_page"   # front matter key of a generated page (its "edit" link opens the ledger)


def listing_page(title: str, macro_name: str, key: str) -> str:
    return (f"---\ntitle: \"{title}\"\n{GENERATED_META}: true\n---\n\n"
            f"{{{{ {macro_name}({key!r}) }}}}\n")


def listing_pages(pages) -> dict:
    """'chronology/2022.md' -> its Markdown, for every page of every listing (render/site.py)."""
    out = {}
    for listing, macro_name, title in pages.listings():
        for page_key, part in listing.parts.items():
            key = page_key.split("/", 1)[1]
            label = f"{title}, {part.group}" + (f" ({part.number} of {part.of})" if part.of > 1 else "")
            out[f"{page_key}.md"] = listing_page(label, macro_name, key)
    return out


def _export_dest(name: str) -> str:
    return f"schema/{name}" if name.endswith(".schema.json") else f"data/{name}"


def export_dests() -> list[str]:
    """Where export_files puts each export, known before any is made."""
    return [_export_dest(name) for name in export.NAMES]


def export_files(index) -> dict:
    """'data/ledger.json', 'schema/….schema.json', … -> bytes (ledger/export.py)."""
    return {_export_dest(name): text.encode("utf-8") for name, text in export.texts(index.ledger).items()}


def filter_actors_file(index) -> dict:
    """The chronology filters' actors, as `window.ledgerFilterActors = [[id, name], …];` (JSON, every
    character outside ASCII escaped: ledger text is data here, never code); docs/assets/site.js
    adds them to the actor list as options (text, not markup)."""
    actors = [[a, index.actors[a].name] for a in index.sorted_actor_ids(a for a in index.actor_events if a in index.actors)]
    text = "window.ledgerFilterActors = " + json.dumps(actors, ensure_ascii=True, separators=(",", ":")) + ";\n"
    return {FILTER_ACTORS_PATH: text.encode("ascii")}


def feed_file(index, pages, site_name: str, site_url: str | None, directory_urls: bool) -> dict:
    return {feed.FEED_PATH: feed.atom(index, pages, site_name, site_url, directory_urls)}


__all__ = ["GENERATED_META", "FILTER_ACTORS_PATH", "listing_page", "listing_pages", "export_files",
           "filter_actors_file", "feed_file"]
