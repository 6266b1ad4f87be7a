"""Citing a figure: every figure's CSL-JSON renders in a real CSL processor (citeproc-py) and its
BibTeX entry parses (pybtex), with the figure's words, address, day of last change and source."""
import json

import pytest

from ledger.render import cite
from ledger.render.site import plan
from ledger.validate import validate_file
from tests import SAMPLE

BASIC = SAMPLE
SITE = cite.Site("Cambodia's deportations of Chinese nationals", "https://example.org/ledger/")


@pytest.fixture(scope="module")
def basic():
    ix = validate_file(BASIC).index
    return ix, plan(ix)


def _render_csl(items: list) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # the style citeproc-py ships with
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bib.bibliography()]


def test_every_figure_has_files_that_parse(basic):
    from pybtex.database import parse_string
    ix, pages = basic
    items = [json.loads(cite.csl_json(ix, pages, fid, SITE)) for fid in ix.figures]
    rendered = _render_csl(items)
    assert len(rendered) == len(items)
    for fid in ix.figures:
        db = parse_string(cite.bibtex(ix, pages, fid, SITE), "bibtex")
        assert list(db.entries) == [fid]
        entry = db.entries[fid]
        assert entry.type == "misc"
        assert entry.fields["url"] == f"https://example.org/ledger/figures/#fig-{fid}"


def test_csl_item_names_the_figure_and_its_source(basic):
    ix, pages = basic
    item = cite.csl(ix, pages, "gdi-chinese", SITE)
    assert item["type"] == "dataset"
    assert item["title"] == "110 Chinese nationals among the deportees"
    assert item["URL"] == "https://example.org/ledger/figures/#fig-gdi-chinese"
    assert item["container-title"] == SITE.name
    # issued: the figure's last change, its correction of 1 December 2026 (tests/cases/valid/basic)
    assert item["issued"] == {"date-parts": [[2026, 12, 1]]}
    assert "The Phnom Penh Post" in item["note"] and "110 of the deportees were Chinese nationals" in item["note"]
    (text,) = _render_csl([item])
    assert "110 Chinese nationals among the deportees" in text and "2026" in text


def test_bibtex_escapes_tex_specials():
    from pybtex.database import parse_string
    assert cite._bib("50% of {x} & $y_z #1 \\") == r"50\% of \textbraceleft{}x\textbraceright{} \& \$y\_z \#1 \textbackslash{}"
    entry = "@misc{k,\n  title = {" + cite._bib("a {b c} }{ % & 100%") + "},\n  note = {next}\n}\n"
    db = parse_string(entry, "bibtex")
    assert db.entries["k"].fields["title"] == cite._bib("a {b c} }{ % & 100%")
    assert db.entries["k"].fields["note"] == "next"


def test_relative_address_when_the_site_url_is_unknown(basic):
    ix, pages = basic
    item = cite.csl(ix, pages, "gdi-chinese", cite.Site("A site", None, directory_urls=False))
    assert item["URL"] == "figures.html#fig-gdi-chinese"
    assert "issued" in item


def test_plain_citation(basic):
    ix, pages = basic
    text = cite.plain(ix, pages, "gdi-chinese", SITE)
    assert text.startswith("Cambodia's deportations of Chinese nationals. \u201c110 Chinese nationals among the deportees.\u201d "
                           "Last changed 1 December 2026. https://example.org/ledger/figures/#fig-gdi-chinese.")
