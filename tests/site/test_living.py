"""A living ledger on the built site: every figure's row holds what its citation is built from, corrections
show on the figure's row, in its popover, on the Corrections page and in the feed, and each feed
entry carries its own record's date."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from ledger import corrections
from ledger.render import cite, fmt
from ledger.render import site as site_mod
from ledger.render.words import date_words
from tests.sitebuild import row_cells

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _index(site):
    return site.index


def test_every_row_holds_what_its_citation_is_built_from(site):
    """No citation is written into the page (the page's script builds it on demand, and
    tests/browser/test_citations.py holds it to cite.plain(), csl() and bibtex()): every row shows
    the parts it is built from, the figure, what it counts, the source's outlet, headline (or its
    label, the headline as its title) and date and the quote, and carries its figure's id and day
    of last change; the table, the site's name and the row's address.  No file per figure."""
    ix = _index(site)
    rendered = site_mod.load(site.ledger_file)
    ref = cite.Site("Cambodia's deportations of Chinese nationals")
    assert not (site.root / "cite").exists()
    for fid, f in ix.figures.items():
        page = rendered.pages.figure_page(fid)
        row = site.element(f"fig-{fid}", f"{page}/")
        cells = row_cells(row)
        s = ix.sources[f.source]
        assert row.select("details, samp") == []
        assert row["id"] == f"fig-{fid}"  # the script names the files by the row's figure
        assert row.get("data-issued") == corrections.last_change(f)
        assert cells[0].select_one("span.figure").get_text() == fmt.figure_words(f)
        link = cells[4].find("a")  # the script reads the outlet as the link's first text
        assert str(link.contents[0]) in (s.publisher, s.publisher + ", ")
        what = link.select_one("cite, .source-what")
        if s.title.startswith("["):
            assert (what.get_text() if what else None) == (s.label or None)
        else:
            assert s.title in (what.get_text(), what.get("title"))
        if s.published != "unknown":
            assert link.select_one("time").get_text() == date_words(s.published)
        assert cells[5].find("q").get_text() == f.quote  # the cell's first quote
        table = row.find_parent("table")
        assert table["data-cite-site"] == ref.name
        assert table["data-cite-base"] + f"#fig-{fid}" == cite.permalink(rendered.pages, fid, ref)


def test_a_correction_shows_on_the_row_the_popover_the_page_and_the_feed(sample_site):
    note = "What is counted now says deportees, as the source does; it read foreigners before."
    row = sample_site.element("fig-gdi-chinese", "figures/")
    fix = row.select_one(".corrections .correction")
    assert fix.get_text(" ", strip=True).startswith("Corrected 1 December 2026 :") or \
        fix.get_text().startswith("Corrected 1 December 2026: ")
    assert fix.find("time")["datetime"] == "2026-12-01" and note in fix.get_text()
    tips = [t for _, soup in sample_site.pages() for t in soup.select('.figure-ref .figure-tip')
            if t.find_previous_sibling("a") and t.find_previous_sibling("a").select_one('[data-figure="gdi-chinese"]')]
    assert tips and all(note in t.select_one(".corrections").get_text() for t in tips)
    assert not any(t.select_one("samp, details") for t in tips)  # how to cite it is on the row the link opens
    page = sample_site.page("corrections/")
    items = page.select("ol.corrections-list > li")
    assert [li["id"] for li in items] == ["withdrawn-gdi-children", "correction-figure-gdi-chinese-0"]
    assert note in items[1].get_text()
    entries = ET.parse(sample_site.root / "feed.xml").getroot().findall("a:entry", ATOM)
    fixes = [e for e in entries if e.find("a:title", ATOM).text.startswith("Correction: ")]
    assert [e.find("a:title", ATOM).text for e in fixes] == [
        "Correction: 110 Chinese nationals among the deportees, 7\u20138 November 2022"]
    assert fixes[0].find("a:updated", ATOM).text == "2026-12-01T00:00:00Z"
    assert fixes[0].find("a:summary", ATOM).text == note


def _record_days(ix, anchor: str) -> set:
    kind, _, rid = anchor.partition("-")
    if kind == "withdrawn":
        return {w.date for _, w in ix.withdrawn if w.id == rid}
    record = {"fig": ix.figures, "ev": ix.events, "src": ix.sources, "actor": ix.actors}[kind].get(rid)
    if record is None:
        return set()
    return {d for d in (record.added, getattr(record, "updated", None)) if d} | {c.date for c in getattr(record, "corrections", ())}


def test_feed_entries_carry_their_records_dates_and_read_as_news(site):
    ix = _index(site)
    entries = ET.parse(site.root / "feed.xml").getroot().findall("a:entry", ATOM)
    assert entries
    for e in entries:
        anchor = urlsplit(e.find("a:link", ATOM).get("href")).fragment
        day = e.find("a:updated", ATOM).text[:10]
        assert day in _record_days(ix, anchor), (anchor, day)
        title = e.find("a:title", ATOM).text
        assert not title.startswith(("Added ", "Updated figure", "Updated event", "Updated source")), title
        assert "[report" not in title.split(":")[0]
    updated = [e.find("a:updated", ATOM).text for e in entries]
    assert updated == sorted(updated, reverse=True)
    figure_entries = [e for e in entries if "#fig-" in e.find("a:link", ATOM).get("href")
                      and not e.find("a:title", ATOM).text.startswith("Correction")]
    for e in figure_entries[:20]:
        fid = e.find("a:link", ATOM).get("href").rsplit("#fig-", 1)[1]
        from ledger.render import fmt
        assert fmt.figure_words(ix.figures[fid]) in e.find("a:title", ATOM).text


def test_licence_on_the_data_page_and_in_the_exports(sample_site):
    text = sample_site.page("data/").select_one("p.licence").get_text(" ", strip=True)
    assert "CC-BY-4.0" in text and "remain their publishers'" in text
    assert "CC-BY-4.0" in (sample_site.root / "data" / "LICENCE.txt").read_text(encoding="utf-8")
    package = json.loads((sample_site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "remain their publishers'" in package["description"]
