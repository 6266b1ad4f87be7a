"""The built site's search: its index holds words, not words glued to the next element's
("Published31 March"), no chart drawing (the table beside it holds the same counts), and every
page starts the search through docs/assets/javascripts/workers/search-words.js, which names the
theme's worker that exists in the site (its behaviour is tested in tests/browser/test_reading.py)."""
from __future__ import annotations

import json
import re

from ledger_site import theme_markup

GLUED = re.compile(r"(?:Published|Outlet|Language|Archived|Claimed|Source)(?=[A-Z0-9])|[a-z](?:January|February|"
                   r"March|April|May|June|July|August|September|October|November|December)\b")


def test_the_index_holds_words_not_glued_text(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text())
    glued = [(d["location"], m.group(0)) for d in index["docs"] for m in GLUED.finditer(d["text"])]
    assert glued == [], glued[:10]
    # the chart's drawing is not indexed (its <title>s ran into its labels), its table is
    assert not [d["location"] for d in index["docs"] if "Opens the figure's record" in d["text"]]


def test_every_page_starts_the_search_through_the_words_worker(site):
    for rel in ("index.html", "404.html", "figures/index.html"):
        config = json.loads(site.page(rel).find("script", id="__config").string)
        path, _, query = config["search"].partition("?theme=")
        assert path.endswith("assets/javascripts/workers/search-words.js"), (rel, config["search"])
        workers = site.root / "assets" / "javascripts" / "workers"
        assert (workers / "search-words.js").is_file() and (workers / query).is_file(), query


def test_spaced_blocks_and_the_worker_swap():
    assert theme_markup.spaced_blocks("<dl><dt>Published</dt><dd>31 March</dd></dl>") == \
        "<dl><dt>Published</dt> <dd>31 March</dd> </dl>"
    assert theme_markup.spaced_blocks("a<br>b <span>x</span><span>y</span>") == "a<br>b <span>x</span><span>y</span>"
    assert theme_markup.spaced_blocks("<span>x</span><p>y</p>") == "<span>x</span> <p>y</p>"
    page = '<script id="__config">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    assert theme_markup.fix_search_worker(page) == \
        '<script id="__config">{"search": "../assets/javascripts/workers/search-words.js?theme=search.a7633da7.min.js"}</script>'
    assert theme_markup.fix_search_worker("<p>no config</p>") == "<p>no config</p>"
