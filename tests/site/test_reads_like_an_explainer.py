"""Reader pages read like an explainer (issue 14): every figure in prose stands with the noun it
counts, no reader page shows a record id, a bound keyword, 'EDTF', a hash or a placeholder
title, the home page tells the story first, and the coverage page lists the leads."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import Comment

from ledger.edtf import parse
from ledger.render import deportchart
from ledger.vocab import BOUNDS

# The pages that document the data for editors and tools, where ids, hashes and field names belong.
DATA_PAGES = ("data/", "method/", "contribute/")
# The elements ledger prose is rendered into (ledger/render/inline.py prose, explainer.story_lead).
PROSE = ".event > p:not(.event-meta), .story-lead li, .event-basis, .figure-note"
HASH = re.compile(r"\b[0-9a-f]{64}\b")


def _index(site):
    return site.index


def _reader_pages(site):
    for rel, soup in site.pages():
        if rel.startswith(DATA_PAGES) or rel == "404.html":
            continue
        art = soup.select_one("article.md-content__inner")
        if art is not None:
            yield rel, art


def _visible_text(node) -> str:
    return " ".join(t for t in node.find_all(string=True)
                    if not isinstance(t, Comment) and t.parent.name not in ("script", "style"))


def _after(ref, limit: int = 80) -> str:
    """The text that follows a figure (its popover left out), up to `limit` characters."""
    out = []
    for sib in ref.next_siblings:
        out.append(sib.get_text() if hasattr(sib, "get_text") else str(sib))
        if sum(map(len, out)) > limit:
            break
    return "".join(out)[:limit]


def _before(ref, limit: int = 80) -> str:
    out = []
    for sib in ref.previous_siblings:
        out.insert(0, sib.get_text() if hasattr(sib, "get_text") else str(sib))
        if sum(map(len, out)) > limit:
            break
    return "".join(out)[-limit:]


def test_every_figure_in_prose_stands_with_its_noun(site):
    ix = _index(site)
    seen, missing = 0, []
    for rel, soup in site.pages():
        for block in soup.select(PROSE):
            for span in block.select("span.figure"):
                f = ix.figures[span["data-figure"]]
                ref = span.find_parent(class_="figure-ref") or span
                if ref is span and span.parent.name == "a" and span.next_sibling is None:
                    ref = span.parent  # a link to the row that holds the figure alone: its noun follows it
                shown = span.get_text()
                window = " ".join((_before(ref), shown, _after(ref))).casefold()
                window = " ".join(window.split())
                seen += 1
                if f.unit == "usd" and ("$" in shown or "dollar" in shown) or f.unit in ("tier", "rank") and shown[:1].isalpha():
                    continue  # '$8 billion', 'Tier 3': the figure's own words say what it counts
                if f.noun.casefold() not in window:
                    missing.append(f"{rel}: {shown!r} ({f.id}) without {f.noun!r}: …{window[-120:]}")
    assert missing == []
    assert seen > 0


def test_no_reader_page_shows_ids_keywords_hashes_or_placeholders(site):
    ix = _index(site)
    ids = set(ix.sources) | set(ix.actors) | set(ix.events) | set(ix.figures) | {x.id for _, x in ix.leads}
    # a one-word id reads as a word ('cambodia'); kebab-case ids are what a reader must not see
    id_pattern = re.compile(r"(?<![\w/#-])(" + "|".join(sorted((re.escape(i) for i in ids if "-" in i),
                                                                  key=len, reverse=True)) + r")(?![\w/-])")
    keywords = [t.value for t in BOUNDS if "-" in t.value]
    placeholders = [s.title for s in ix.sources.values() if s.title.startswith("[")]
    bad = []
    for rel, art in _reader_pages(site):
        text = _visible_text(art)
        if m := id_pattern.search(text):
            bad.append(f"{rel}: record id {m.group(1)!r}")
        for word in keywords:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
                bad.append(f"{rel}: bound keyword {word!r}")
        if "EDTF" in text:
            bad.append(f"{rel}: 'EDTF'")
        if m := HASH.search(text):
            bad.append(f"{rel}: hash {m.group(0)[:12]}…")
        for title in placeholders:
            if title in text or title[:40] in text:
                bad.append(f"{rel}: placeholder title {title[:40]!r}")
        if "Language en" in " ".join(text.split()):
            bad.append(f"{rel}: 'Language en'")
    assert bad == []


def test_the_home_page_tells_the_story_first(real_site):
    home = real_site.page("")
    art = home.select_one("article.md-content__inner")
    lead = art.select_one("ul.story-lead")
    assert lead is not None
    # the lead comes before every other section, and before the how-to-read note
    first_h2 = art.find("h2")
    assert lead.find_all_next("h2")[0] is first_h2
    figs = lead.select("span.figure")
    assert len(figs) >= 2
    ix = _index(real_site)
    for span in figs:
        f = ix.figures[span["data-figure"]]
        assert f.counted in ("deported", "planned-deportation") and f.of_whom == "chinese-nationals"
    text = " ".join(lead.get_text(" ").split())
    assert "Since" in text and "claimed by" in text and "How current" in text
    assert lead.select_one('a[href$="coverage/"]') is not None
    assert "this ledger" not in art.get_text().casefold()


def test_the_coverage_page_lists_every_lead_newest_first(real_site):
    ix = _index(real_site)
    page = real_site.page("coverage/")
    items = page.select("ul.leads-list li.lead")
    assert [li["id"] for li in items] == [
        f"lead-{x.id}" for x in sorted((x for _, x in ix.leads), key=lambda x: (parse(x.date).sort_key, x.id), reverse=True)]
    by_id = {x.id: x for _, x in ix.leads}
    for li in items:
        lead = by_id[li["id"].removeprefix("lead-")]
        link = li.select_one("a.external")
        assert link["href"] == lead.url and link.get_text() == lead.outlet
        assert li.select_one(".lead-summary").get_text() == lead.summary
        assert li.find("time") is not None
    limits = " ".join(page.select_one(".coverage-limits").get_text(" ").split())
    assert "February 2026" in limits and "2025" in limits
    assert "not sourced figures" in " ".join(page.get_text().split())


def test_the_chronology_index_lists_each_year_with_its_events_and_the_latest_events(real_site):
    """The index names each year, how many events it has (a count the site makes, marked as such)
    and links its page; the year's pages hold every one of its events; then the latest events,
    newest first.  It does not list every event: the year pages do, and the index says so."""
    ix = _index(real_site)
    page = real_site.page("chronology/")
    art = page.select_one("article.md-content__inner")
    years = art.select("ul.year-list > li[data-filter-group]")
    assert [li["data-year"] for li in years] == list(ix.years)
    for li in years:
        key, eids = li["data-year"], ix.years[li["data-year"]]
        tally = li.select_one("data.tally")
        assert int(tally["value"]) == len(eids) and tally.get_text() == f"{len(eids):,}"
        assert urljoin("chronology/", li.select_one("a")["href"]) == f"chronology/{key}/"
        shown = [sec.find(["h2", "h3"])["id"].removeprefix("ev-") for rel, soup in real_site.pages()
                 if rel.startswith(f"chronology/{key}/") for sec in soup.select("section.event")]
        assert sorted(shown) == sorted(eids)
    latest = art.select("ul.year-events > li[data-filter-item]")
    dated = [eid for eid in ix.events if ix.event_year[eid] != "undated"]
    assert [li.select_one("a")["href"].split("#ev-")[1] for li in latest] == dated[::-1][:20]
    assert art.select("section.event") == []
    assert "Each year's page holds all the events of that year" in " ".join(art.get_text().split())


def test_the_chart_lists_its_latest_counts_not_drawn_and_links_every_one(site):
    """Under the deportations chart, the most recent counts not drawn (at most NOT_DRAWN_SHOWN),
    each with its reason; when there are more, how many more and a link to their page, which lists
    every count not drawn, each a link to its figure's row."""
    beside = [f.id for f, *_ in deportchart.deportation_figures(_index(site)).beside]
    home = site.page("").select_one("article.md-content__inner")
    listed = home.select_one(".chart-not-drawn:not(.chart-elsewhere)")
    full = site.page("not-drawn/").select_one("article.md-content__inner")
    shown_all = [a.select_one("span.figure")["data-figure"] for a in full.select("ul.chart-not-drawn-all > li > a.figure-link")]
    assert shown_all == beside
    for a in full.select("ul.chart-not-drawn-all > li > a.figure-link"):
        assert a["href"].endswith(f'#fig-{a.select_one("span.figure")["data-figure"]}') and not a.get("aria-describedby")
    if not beside:
        assert listed is None
        return
    shown = [s["data-figure"] for s in listed.select("ul > li > .figure-ref > a > span.figure")]
    assert shown == beside[-deportchart.NOT_DRAWN_SHOWN:]
    more = listed.select_one(".chart-more")
    if len(beside) > deportchart.NOT_DRAWN_SHOWN:
        assert int(more.select_one("data.tally")["value"]) == len(beside) - deportchart.NOT_DRAWN_SHOWN
        assert urljoin("", more.select_one("a")["href"]) == "not-drawn/"
    else:
        assert more is None
