"""Saving a figure's citation, in a real browser: the row's "Save as" buttons give the figure's
CSL-JSON item and BibTeX entry, built by the page's script from the row (docs/assets/site.js), and
byte for byte what ledger/render/cite.py makes of the ledger; TeX's special characters escaped."""
from __future__ import annotations

import json

from playwright.sync_api import expect
from pybtex.database import parse_string

from ledger.corrections import last_change
from ledger.render import cite
from ledger.render.inline import figure_href

SPECIALS = set("\\{}%&$#_~^")


def _site():
    return cite.Site("Cambodia's deportations of Chinese nationals")  # mkdocs.yml; the test build has no SITE_URL


def _save(page, row, fmt: str) -> str:
    if not row.locator("details.cite").evaluate("d => d.open"):
        row.locator("details.cite > summary").click()
    expect(row.locator(".cite-files")).to_have_text("Save as CSL-JSON \u00b7 BibTeX")
    button = row.get_by_role("button", name="BibTeX" if fmt == "bibtex" else "CSL-JSON", exact=True)
    expect(button).to_have_attribute("data-cite-format", fmt)
    with page.expect_download() as dl:
        button.click()
    download = dl.value
    assert download.suggested_filename == row.get_attribute("data-figure-row") + (".bib" if fmt == "bibtex" else ".json")
    with open(download.path(), encoding="utf-8") as fh:
        return fh.read()


def _chosen(ix) -> list:
    """A few figures of each kind: the first, any with a correction (a day of last change that is
    not the day it was added) and any whose citation holds a character BibTeX escapes."""
    out = [next(iter(ix.figures))]
    out += [fid for fid, f in ix.figures.items() if f.corrections][:2]
    out += [fid for fid, f in ix.figures.items() if SPECIALS & set(cite.note(ix, f) + cite.headline(ix, f))][:2]
    return list(dict.fromkeys(out))


def test_a_rows_citation_saves_as_the_same_csl_json_and_bibtex_the_ledger_gives(open_page, served):
    ix, pages, site = served.data, served.loaded.pages, _site()
    for fid in _chosen(ix):
        page = open_page(figure_href(served.ctx, fid))
        row = page.locator(f'tr[id="fig-{fid}"]')
        text = _save(page, row, "csl")
        assert text == cite.csl_json(ix, pages, fid, site)
        item = json.loads(text)
        assert item["id"] == fid and item["URL"].endswith(f"#fig-{fid}")
        if last_change(ix.figures[fid]):
            assert item["issued"]["date-parts"][0] == [int(x) for x in last_change(ix.figures[fid]).split("-")]
        bib = _save(page, row, "bibtex")
        assert bib == cite.bibtex(ix, pages, fid, site)
        assert list(parse_string(bib, "bibtex").entries) == [fid]
        page.close()


def test_bibtex_from_the_page_escapes_what_tex_would_read(open_page, served):
    """The script escapes as cite.py does: the row's headline replaced, in the page, by text full of
    TeX's special characters."""
    fid = next(iter(served.data.figures))
    page = open_page(figure_href(served.ctx, fid))
    row = page.locator(f'tr[id="fig-{fid}"]')
    nasty = "50% of {x} & $y_z #1 \\ ~^ }{  two  spaces"
    row.locator(".cite-title").evaluate("(el, t) => { el.textContent = t; }", nasty)
    bib = _save(page, row, "bibtex")
    assert f"  title = {{{cite._bib(nasty)}}},\n" in bib
    assert parse_string(bib, "bibtex").entries[fid].fields["title"] == cite._bib(nasty)
    assert json.loads(_save(page, row, "csl"))["title"] == nasty


def test_without_the_script_the_citation_is_there_to_copy_and_no_button_shows(open_page, served):
    fid = next(iter(served.data.figures))
    page = open_page(figure_href(served.ctx, fid), java_script_enabled=False)
    row = page.locator(f'tr[id="fig-{fid}"]')
    row.locator("details.cite > summary").click()
    assert row.locator("samp.cite-text").inner_text() == cite.plain(served.data, served.loaded.pages, fid, _site())
    expect(row.locator("button")).to_have_count(0)
