"""The built site's search: its records hold words, not words glued to the next element's
("Published31 March"), no chart drawing (the table beside it holds the same counts), and every
page starts the theme's search box on docs/assets/javascripts/workers/pagefind-search.js, which
answers from the Pagefind index in the site (its behaviour is tested in tests/browser/), while the
theme's own index holds no page."""
from __future__ import annotations

import json
import re

from ledger_site import theme_markup

GLUED = re.compile(r"(?:Published|Outlet|Language|Archived|Claimed|Source)(?=[A-Z0-9])|[a-z](?:January|February|"
                   r"March|April|May|June|July|August|September|October|November|December)\b")


def test_the_index_holds_words_not_glued_text(site):
    records = site.search_records()
    assert records
    glued = [(url, m.group(0)) for url, r in records.items() for m in GLUED.finditer(r["content"])]
    assert glued == [], glued[:10]
    # the chart's drawing is not indexed (its <title>s ran into its labels), its table is
    assert not [url for url, r in records.items() if "Opens the figure's record" in r["content"]]


def test_every_page_starts_the_search_on_the_pagefind_worker(site):
    for rel in ("index.html", "404.html", "figures/index.html"):
        config = json.loads(site.page(rel).find("script", id="__config").string)
        assert config["search"].endswith("assets/javascripts/workers/pagefind-search.js"), (rel, config["search"])
    assert (site.root / "assets" / "javascripts" / "workers" / "pagefind-search.js").is_file()
    for name in ("pagefind.js", "pagefind-entry.json"):
        assert (site.root / "pagefind" / name).is_file(), name
    # what the search never loads is not shipped (ledger_site/sitesearch.py UNUSED)
    assert not list((site.root / "pagefind").glob("pagefind-*ui*"))
    # the theme's own index is written (its search box asks for it) but holds no page
    assert json.loads((site.root / "search" / "search_index.json").read_text())["docs"] == []


def test_spaced_blocks_and_the_worker_swap():
    assert theme_markup.spaced_blocks("<dl><dt>Published</dt><dd>31 March</dd></dl>") == \
        "<dl><dt>Published</dt> <dd>31 March</dd> </dl>"
    assert theme_markup.spaced_blocks("a<br>b <span>x</span><span>y</span>") == "a<br>b <span>x</span><span>y</span>"
    assert theme_markup.spaced_blocks("<span>x</span><p>y</p>") == "<span>x</span> <p>y</p>"
    page = '<script id="__config">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    assert theme_markup.fix_search_worker(page) == \
        '<script id="__config">{"search": "../assets/javascripts/workers/pagefind-search.js"}</script>'
    assert theme_markup.fix_search_worker("<p>no config</p>") == "<p>no config</p>"


def test_the_labels_of_facts_are_not_in_search_snippets(site):
    """A record's facts are listed under labels (<dt>Outlet</dt>); the labels are left out of the
    index, so a snippet reads "VOA Khmer, September 2019", not "Outlet VOA Khmer Published …"."""
    records = site.search_records()
    checked = 0
    for rel, soup in site.pages():
        record = records.get(rel.removesuffix("index.html"))
        article = soup.select_one("article")
        if record is None or article is None:
            continue
        labels = {dt.get_text(" ", strip=True) for dt in article.select("dl.facts > dt")}
        rest = " ".join(t for t in article.find_all(string=True)
                        if t.find_parent("dt") is None and t.find_parent(attrs={"data-pagefind-ignore": True}) is None)
        for label in labels:
            if not re.search(rf"\b{re.escape(label)}\b", rest):  # the word is on the page only as a label
                assert not re.search(rf"\b{re.escape(label)}\b", record["content"]), (rel, label)
                checked += 1
    assert checked, "no fact label to check"
