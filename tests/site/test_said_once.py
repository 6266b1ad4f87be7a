"""Lighter pages (issue 13), by saying a thing once: a source's entry does not repeat what its
heading says (outlet, headline) nor, entry after entry, what its archived text is for (said once
above the entries); a figure's row gives its event's date only when the Period cell does not show
the same; and the sections of a listing's records are not named regions (thousands of them would
flood a screen reader's list of landmarks)."""
from __future__ import annotations

from urllib.parse import urljoin

from ledger.edtf import parse_or_none
from ledger.render.inline import placeholder_title
from tests.sitebuild import row_cells


def _terms(entry) -> dict:
    return {dt.get_text(): dt.find_next_sibling("dd") for dt in entry.select("dl.facts > dt")}


def _entries(site):
    """(page, source id, entry) of every source entry."""
    for rel, soup in site.pages("sources/"):
        for sec in soup.select("section.source"):
            yield rel, sec.find("h2")["id"].removeprefix("src-"), sec


def test_a_source_entry_names_its_outlet_and_headline_once(site):
    """The heading gives the outlet, and the headline unless the source has a label (shown in its
    place): the facts list gives the headline only then, and never the outlet again."""
    seen = 0
    for _, sid, entry in _entries(site):
        s = site.index.sources[sid]
        heading, terms = entry.find("h2"), _terms(entry)
        assert heading.get_text().startswith(s.publisher), sid
        assert "Outlet" not in terms, sid
        known = not placeholder_title(s.title)
        in_heading = heading.find("cite")
        assert (in_heading is not None and in_heading.get_text() == s.title) == (known and not s.label), sid
        assert ("Headline" in terms) == bool(known and s.label), sid
        if "Headline" in terms:
            assert terms["Headline"].get_text() == s.title, sid
        assert entry.get_text().count(s.title) == known, sid
        seen += 1
    assert seen == len(site.index.sources)


def test_what_archived_text_is_is_said_once_a_page_and_each_entry_links_its_copy(site):
    archived = 0
    for rel, soup in site.pages("sources/"):
        entries = soup.select("section.source")
        said = soup.select("p.bibliography-archive")
        assert len(said) == (1 if entries else 0), rel
        if entries:
            assert "verbatim copy" in said[0].get_text() and "checked against it" in said[0].get_text(), rel
    for rel, sid, entry in _entries(site):
        dd = _terms(entry)["Archived text"]
        assert "verbatim" not in dd.get_text(), sid
        if sid not in site.index.archives:
            assert dd.get_text().startswith("none: known only second-hand"), sid
            continue
        links = dd.find_all("a")
        assert len(links) == 1 and dd.get_text() == links[0].get_text() == "file and fingerprint", sid
        target = urljoin(rel, links[0]["href"])
        assert target.split("#")[1] == f"archive-{sid}" and f"archive-{sid}" in site.ids(target.split("#")[0]), sid
        archived += 1
    assert archived >= 1


def test_a_source_entry_lists_events_only_when_its_figures_do_not_reach_them(site):
    """The events of the entry's figures are linked from their rows (test_light_pages.py); a term
    for events is there only when it lists others, and says "Other" when figures reach some."""
    ix = site.index
    for _, sid, entry in _entries(site):
        reached = {ix.event_of[f].id for f in ix.source_figures.get(sid, [])}
        citing = ix.source_events.get(sid, [])
        others = [eid for eid in citing if eid not in reached]
        terms = _terms(entry)
        term = "Other events citing it" if reached & set(citing) else "Events citing it"
        assert not ({"Events citing it", "Other events citing it"} - {term}) & set(terms), sid
        assert (term in terms) == bool(others), sid
        if others:
            linked = [a["href"].split("#ev-", 1)[1] for a in terms[term].select("a[href*='#ev-']")]
            assert linked == others, sid
        assert "those of the figures above" not in entry.get_text(), sid


def test_a_figure_row_dates_its_event_only_when_the_period_does_not_show_that_date(site):
    """The Event cell gives the event's date when it differs from the figure's period; either way
    the column sorts by the event's earliest day (the cell's data-sort, else its <time>)."""
    ix = site.index
    dropped = kept = 0
    for _, soup in site.pages("figures/"):
        for row in soup.select("table.figures-table tbody tr[id]"):
            f = ix.figures[row["id"].removeprefix("fig-")]
            e = ix.event_of[f.id]
            cell = row_cells(row)[6]
            link = cell.select_one("a[href*='#ev-']")
            assert link["href"].endswith(f"#ev-{e.id}"), f.id
            d = parse_or_none(e.date)
            if f.period == e.date:
                assert cell.find("time") is None and cell.get_text() == link.get_text(), f.id
                dropped += 1
            else:
                assert cell.find("time") is not None or d is None, f.id
                kept += 1
            if d is not None:
                key = cell.get("data-sort") or cell.find("time")["datetime"]
                assert key == (d.lower or d.upper).isoformat() or key == d.datetime_attr(), f.id
    assert dropped + kept == len(ix.figures) and dropped >= 1


def test_a_listings_records_are_not_named_regions(site):
    """An event, a source's or an actor's entry is a <section> with a heading, but no name: a named
    section is a region landmark, and a page holds hundreds of them."""
    count = 0
    for rel, soup in site.pages():
        for sec in soup.select("section.event, section.source, section.actor"):
            assert not {"aria-labelledby", "aria-label", "role"} & set(sec.attrs), rel
            assert sec.find(["h2", "h3"], id=True) is not None, rel
            count += 1
    assert count >= len(site.index.events) + len(site.index.sources)
