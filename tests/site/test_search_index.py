"""The site search finds a figure by its source, claimant or words: each figure has an entry of its
own that opens its row in the figures table (the table itself is left out of the index)."""
from __future__ import annotations

import html
import json

from ledger.render import html as html_mod
from ledger.render import inline
from ledger.render import site as site_mod


def test_every_figure_has_a_search_entry_with_its_source(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    loaded = site_mod.load(site.ledger_file)
    data = loaded.index
    ctx = inline.Ctx(data, loaded.pages, html_mod.Links(""))
    for fid, f in data.figures.items():
        doc = docs[inline.figure_href(ctx, fid)]
        text = html.unescape(doc["text"])
        assert f.quote in text
        assert data.sources[f.source].publisher in text and data.sources[f.source].title in text
        assert html.unescape(doc["title"]).startswith(inline.fmt.figure_words(f))
    # the table's text is not indexed a second time under its heading
    table_text = [d for d in index["docs"] if d["location"].endswith("#all-figures")]
    assert table_text, "no entry for the figures table's heading"
    assert all(f.quote not in html.unescape(d["text"]) for d in table_text for f in data.figures.values())
