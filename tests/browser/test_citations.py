"""A figure's citation, in a real browser: the row's "Cite" disclosure, added by the page's script
(docs/assets/cite.js), shows the citation built from what the row shows, and its "Save as" buttons
give the figure's CSL-JSON item and BibTeX entry: byte for byte what ledger/render/cite.py makes of
the ledger, for every row; TeX's special characters escaped.  Without the script, the row still
shows what a citation names."""
from __future__ import annotations

import json

from playwright.sync_api import expect
from pybtex.database import parse_string

from ledger.corrections import last_change
from ledger.render import cite, fmt
from ledger.render.inline import figure_href
from ledger.render.words import date_words, prose_text
from tests.browser.browserkit import sharing_rows, shown_cell

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
    assert download.suggested_filename == row.get_attribute("id").removeprefix("fig-") + (".bib" if fmt == "bibtex" else ".json")
    with open(download.path(), encoding="utf-8") as fh:
        return fh.read()


def _chosen(ix) -> list:
    """A few figures of each kind: the first, any with a correction (a day of last change that is
    not the day it was added), any whose citation holds a character BibTeX escapes, and any whose
    row shows its source's label where the citation names the headline."""
    out = [next(iter(ix.figures))]
    out += [fid for fid, f in ix.figures.items() if f.corrections][:2]
    out += [fid for fid, f in ix.figures.items() if SPECIALS & set(cite.note(ix, f) + cite.headline(ix, f))][:2]
    out += [fid for fid, f in ix.figures.items()
            if ix.sources[f.source].label and not ix.sources[f.source].title.startswith("[")][:1]
    return list(dict.fromkeys(out))


def test_a_rows_citation_saves_as_the_same_csl_json_and_bibtex_the_ledger_gives(open_page, served):
    ix, pages, site = served.data, served.loaded.pages, _site()
    for fid in _chosen(ix):
        page = open_page(figure_href(served.ctx, fid))
        row = page.locator(f'tr[id="fig-{fid}"]')
        text = _save(page, row, "csl")
        assert row.locator("samp.cite-text").inner_text() == cite.plain(ix, pages, fid, site)
        assert text == cite.csl_json(ix, pages, fid, site)
        item = json.loads(text)
        assert item["id"] == fid and item["URL"].endswith(f"#fig-{fid}")
        if last_change(ix.figures[fid]):
            assert item["issued"]["date-parts"][0] == [int(x) for x in last_change(ix.figures[fid]).split("-")]
        bib = _save(page, row, "bibtex")
        assert bib == cite.bibtex(ix, pages, fid, site)
        assert list(parse_string(bib, "bibtex").entries) == [fid]
        page.close()


_OPEN_ALL = """table => { table.querySelectorAll('details.cite').forEach(d => { d.open = true; }); }"""
_TEXTS = """table => Array.from(table.tBodies[0].rows,
    tr => [tr.id.slice(4), (tr.querySelector('samp.cite-text') || {}).textContent])"""


def test_every_rows_citation_reads_as_the_ledger_gives_it_with_and_without_the_sites_address(open_page, served):
    """Every row of every figures page: the citation the script builds from the row is cite.plain()'s;
    and, with the table's address made absolute (a site built with SITE_URL), it names the figure's
    full address as cite.plain() does for that site."""
    ix, pages, site = served.data, served.loaded.pages, _site()
    address = "https://example.org/ledger/"
    seen = set()
    for rel in dict.fromkeys(pages.figure_page(fid) for fid in ix.figures):
        page = open_page(cite.page_url(rel, True))
        for absolute in (False, True):
            table = page.locator("table[data-cite-site]")
            if absolute:
                page.reload()
                table.evaluate("(t, a) => t.setAttribute('data-cite-base', a + t.getAttribute('data-cite-base'))", address)
            expect(table.locator("details.cite")).to_have_count(table.locator("tbody tr").count())
            table.evaluate(_OPEN_ALL)
            expect(table.locator("samp.cite-text")).to_have_count(table.locator("tbody tr").count())
            ref = cite.Site(site.name, address) if absolute else site
            texts = table.evaluate(_TEXTS)
            assert texts and all(text == cite.plain(ix, pages, fid, ref) for fid, text in texts), \
                next((fid, text, cite.plain(ix, pages, fid, ref)) for fid, text in texts if text != cite.plain(ix, pages, fid, ref))
            seen.update(fid for fid, _ in texts)
        page.close()
    assert seen == set(ix.figures)


def test_bibtex_from_the_page_escapes_what_tex_would_read(open_page, served):
    """The script escapes as cite.py does: the row's figure replaced, in the page, by text full of
    TeX's special characters (the headline is the figure's words, then what it counts)."""
    ix = served.data
    fid = next(iter(ix.figures))
    page = open_page(figure_href(served.ctx, fid))
    row = page.locator(f'tr[id="fig-{fid}"]')
    nasty = "50% of {x} & $y_z #1 \\ ~^ }{  two  spaces"
    row.locator("span.figure").evaluate("(el, t) => { el.textContent = t; }", nasty)
    title = f"{nasty} {prose_text(ix, ix.figures[fid].measure)}"
    bib = _save(page, row, "bibtex")
    assert f"  title = {{{cite._bib(title)}}},\n" in bib
    assert parse_string(bib, "bibtex").entries[fid].fields["title"] == cite._bib(title)
    assert json.loads(_save(page, row, "csl"))["title"] == title


def test_without_the_script_the_row_shows_what_a_citation_names_and_no_button_shows(open_page, served):
    """The citation is built by the script; without it, the row still shows the figure, what it
    counts, the source's outlet, headline (or its label, with the headline as its title) and date,
    and the quote, which is what cite.plain() names besides the site and the day of last change."""
    ix = served.data
    for fid in _chosen(ix) + sharing_rows(served)[:2]:
        f, s = ix.figures[fid], ix.sources[ix.figures[fid].source]
        page = open_page(figure_href(served.ctx, fid), java_script_enabled=False)
        row = page.locator(f'tr[id="fig-{fid}"]')
        expect(row.locator("details, button, samp")).to_have_count(0)
        cells = [shown_cell(row, n) for n in range(6)]  # a shared cell is the one beside the row
        assert cells[0].inner_text() == fmt.figure_words(f)
        if "{" not in f.measure:  # a token's words are checked with the script, above
            assert cells[1].inner_text().startswith(f.measure)
        link = cells[4].query_selector("a")
        assert link.inner_text().startswith(s.publisher)
        if not s.title.startswith("["):
            shown = link.query_selector("cite, .source-what")
            assert s.title in (shown.inner_text(), shown.get_attribute("title"))
        if s.published != "unknown":
            assert link.inner_text().endswith(date_words(s.published))
        assert cells[5].query_selector("q").inner_text() == f.quote
        assert row.get_attribute("data-issued") == last_change(f)
        page.close()
