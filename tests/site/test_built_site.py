"""The rendering contract, checked on the built HTML of every site that can be built."""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlsplit

import frictionless
import jsonschema
import pytest
from bs4 import CData, Comment, NavigableString

from ledger import model
from ledger.model import Figure
from ledger.numerals import has_numeric_char
from ledger.vocab import BOUNDS
from tests.sitebuild import REPO_URL, row_cells, row_quote

# A numeral character (ledger/numerals.py: digits of any script, fractions, Roman numeral and CJK
# number characters) inside an article must stand in one of these, in a figure, or in a number of
# records the site counts (data.tally) (the rendering contract in ledger/render/inline.py).
ALLOWED_TAGS = {"time", "q", "blockquote", "cite", "code", "pre", "kbd", "samp", "svg", "sup"}
BOUND_PREFIX = {t.value: t.phrase.split("{}")[0] for t in BOUNDS if t.value != "vague"}
ERROR_MARKERS = ["Macro Rendering Error", "Traceback (most recent call last)", "UndefinedError",
                 "jinja2.exceptions", "<!--ledger-", "Error reading page", "_Macro_"]


def _article(soup):
    return soup.select_one("article.md-content__inner")


def entry(soup, anchor):
    """The entry (section) whose heading carries the permanent anchor, or None."""
    heading = soup.find(id=anchor)
    return heading.find_parent("section") if heading is not None else None


def _digit_allowed(node) -> bool:
    for parent in node.parents:
        if parent.name in ALLOWED_TAGS:
            return True
        if parent.name == "span" and "figure" in (parent.get("class") or []):
            return True
        if (parent.name == "data" and "tally" in (parent.get("class") or [])  # a number of records the
                and node == f"{int(parent['value']):,}"):                    # site counts, its value marked
            return True
        if parent.name == "script" and parent.get("type") == "application/ld+json":  # the data page's
            return True                                                             # metadata, not text
        if (parent.name == "option" and node.strip() == parent.get("value")  # a year to choose in the
                and parent.find_parent("form", class_="chronology-filters") is not None):  # chronology filter
            return True
        if parent.name == "article":
            return False
    return False


def test_no_stray_digits_in_any_article(site):
    strays = []
    for rel, soup in site.pages():
        art = _article(soup)
        assert art is not None, f"{rel} has no article"
        for text in art.find_all(string=True):
            # every character with a numeric value, as the validator reads numerals (ledger/numerals.py);
            # number words are checked in the ledger, since the site's own prose may use "one"
            if isinstance(text, Comment) or not has_numeric_char(text):
                continue
            if not _digit_allowed(text):
                strays.append(f"{rel}: {text.strip()[:60]!r} in <{text.parent.name}>")
    assert strays == []


def _expected_number(value, unit) -> list[str]:
    """Ways the value may be written: '1,450', and '$8 billion' style for large amounts."""
    out = [f"{int(value):,}" if float(value).is_integer() else f"{value:,}".rstrip("0")]
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= scale:
            q = value / scale
            out.append(f"{q:.2f}".rstrip("0").rstrip(".") + f" {word}")
            break
    return out


def _row_figure(span) -> str:
    """The figure a figure element without an id shows: the one whose row's Value cell it is in."""
    cell, row = span.find_parent("td"), span.find_parent("tr")
    assert row is not None and row.get("id", "").startswith("fig-") and cell is row.find("td"), \
        f"a figure element with no id outside a row's Value cell: {span}"
    return row["id"].removeprefix("fig-")


def test_every_figure_element_shows_its_ledger_value(site):
    figures = {f.id: f for f, _ in site.figures()}
    seen = 0
    for rel, soup in site.pages():
        for span in soup.select("span.figure"):
            # the figure of a row's Value cell is named by its row's id (render/inline.py figure_span)
            fid = span["data-figure"] if span.has_attr("data-figure") else _row_figure(span)
            assert fid in figures, f"{rel}: unknown figure {fid}"
            f = figures[fid]
            text = span.get_text()
            seen += 1
            if f.bound == "vague":
                assert "data-value" not in span.attrs
                assert not re.search(r"\d", text), f"{rel}: vague figure {fid} shows a number: {text!r}"
                assert text.lower() in f.quote.lower(), f"{rel}: {fid} shows {text!r}, not words of its quote"
            else:
                assert span["data-value"] == (str(int(f.value)) if float(f.value).is_integer() else str(f.value))
                assert any(n in text for n in _expected_number(f.value, f.unit)), f"{rel}: {fid} shows {text!r}, value {f.value}"
                assert text.startswith(BOUND_PREFIX[f.bound]) or (f.unit == "usd" and BOUND_PREFIX[f.bound] in text), \
                    f"{rel}: {fid} shows {text!r} without its bound {f.bound!r}"
    assert seen >= len(figures)


def test_every_ledger_figure_appears_in_the_table_and_on_its_event(site):
    for f, e in site.figures():
        row = site.element(f"fig-{f.id}", "figures/")
        assert row is not None and row.name == "tr", f.id
        assert row_cells(row)[0].select_one("span.figure:not([data-figure])") is not None
        assert row_quote(row) == (f.quote, f.source)
        section = site.entry(f"ev-{e.id}", "chronology/")
        assert section is not None, f"event {e.id} not on any chronology page"
        assert section.select_one(f'span.figure[data-figure="{f.id}"]') is not None


def test_events_actors_sources_have_permanent_anchors(site):
    led = site.ledger
    chron = {}
    for rel, soup in site.pages():
        if rel.startswith("chronology/"):
            for sec in soup.select("section.event"):
                chron[sec.find(["h2", "h3"])["id"]] = rel
    assert set(chron) == {f"ev-{e.id}" for e in led.events}
    for a in led.actors:
        e = site.entry(f"actor-{a.id}", "actors/")
        assert e is not None
        text = e.get_text(" ")
        assert a.name in text
        for alias in a.aliases:  # aliases are page text, so search finds them
            assert alias in text
    data = site.page("data/")
    for s in led.sources:
        e = site.entry(f"src-{s.id}", "sources/")
        assert e is not None
        assert s.publisher in e.find(["h2", "h3"]).get_text()
        if s.title.startswith("["):  # a description of a text whose headline is unknown: data page only
            assert s.title not in e.get_text() and (s.label or s.publisher) in e.get_text()
        else:
            assert e.find("cite").get_text() == s.title
        # the archive's file and hash are on the data page, where the entry links
        row = data.find(id=f"archive-{s.id}")
        assert row is not None and row.find("cite").get_text() == s.title
        if s.archive_sha256:
            assert s.archive_sha256 in row.get_text() and s.archive_sha256 not in e.get_text()
            assert e.select_one(f'a[href$="#archive-{s.id}"]') is not None


def test_dates_read_with_their_precision(sample_site):
    soup = sample_site.page("chronology/2022/")
    times = {t.get("data-edtf"): (t["datetime"], t.get_text()) for t in soup.select("time[data-edtf]")}
    assert times["2022-11-07/2022-11-08"] == ("2022-11-07", "7–8 November 2022")
    assert times["2022-11~"] == ("2022-11", "around November 2022")


def test_figures_carry_their_quote_outlet_and_date_accessibly(site):
    """Every figure shown as a link gives its quote, outlet and date: in a popover the link names
    (aria-describedby), or one click away, in the row of the figures table it links to."""
    figures = {f.id: f for f, _ in site.figures()}
    publishers = {s.id: s.publisher for s in site.ledger.sources}
    linked, rows = set(), {}
    for rel, soup in site.pages():
        ids = site.ids(rel)  # each page's ids, indexed once
        dupes = {i for i, els in ids.items() if len(els) > 1}
        assert not dupes, f"{rel}: duplicate ids {sorted(dupes)[:5]}"
        for span in soup.select("a > span.figure"):
            link, fid = span.parent, span["data-figure"]
            f = figures[fid]
            assert link["href"].split("#")[1] == f"fig-{fid}", rel
            linked.add(fid)
            if link.get("aria-describedby"):
                (tip,) = ids.get(link["aria-describedby"], [None])
                assert tip is not None and tip.get("role") == "tooltip", rel
                assert tip.find("q").get_text() == f.quote
                assert tip.select_one(".outlet") is not None
                assert tip.find("time") is not None or "date unknown" in tip.get_text()
                continue
            target = urljoin(rel, link["href"]).split("#")[0]
            if target not in rows:
                rows[target] = {tr["id"]: tr for tr in site.page(target).select("table.figures-table tr[id]")}
            row = rows[target].get(f"fig-{fid}")
            assert row is not None, f"{rel}: {fid} links to {target}, which has no row for it"
            assert row_quote(row) == (f.quote, f.source)
            cell = row_cells(row)[4]
            assert cell.find("a").get_text().startswith(publishers[f.source])  # its outlet
            assert cell.find("time") is not None or "date unknown" in cell.get_text()
    assert linked == set(figures), f"figures never linked: {sorted(set(figures) - linked)[:5]}"


def test_quotes_link_to_sources_and_originals_open_at_the_words(sample_site):
    soup = sample_site.page("figures/")
    row = soup.find(id="fig-wire-chinese-share")
    assert row_quote(row) == ("about 80 percent of them Chinese", "wire-2022-11-deportations")
    # the source's entry is the Source cell's link; the Quote cell links the original at the words
    assert row_cells(row)[4].find("a")["href"] == "../sources/#src-wire-2022-11-deportations"
    assert row_cells(row)[5].select_one('a[href*="#src-"]') is None
    ext = row.select_one("a.external")
    assert ext["href"] == "https://example.org/wire/deportations#:~:text=about%2080%20percent%20of%20them%20Chinese"
    assert set(ext["rel"]) >= {"noopener", "noreferrer"}


def test_repeated_and_contested_figures_side_by_side(sample_site):
    soup = sample_site.page("figures/")
    contested = [s for s in soup.select("section.figure-compare") if s["data-contested"] == "true"]
    assert contested
    cards = {c["data-figure-card"] for c in contested[0].select(".figure-card")}
    assert cards == {"wire-chinese-share", "wire-official-share"}
    same = [s for s in soup.select("section.figure-compare") if s["data-contested"] == "false"]
    assert {c["data-figure-card"] for c in same[0].select(".figure-card")} == {"gdi-deported", "wire-deported"}
    # the explainer shows the contested pair too
    home = sample_site.page("")
    assert home.select_one('section.figure-compare[data-contested="true"]') is not None


def test_figures_table_is_sortable_with_a_vendored_script(site):
    soup = next(soup for rel, soup in site.pages()
                if rel.startswith("figures/") and soup.select_one("table.figures-table"))
    table = soup.select_one("table.figures-table.sortable")
    assert table is not None
    assert len(table.select("thead th button.sort-button")) == len(table.select("thead th"))
    scripts = [s.get("src") for s in soup.select("script[src]")]
    assert any(s.endswith("assets/site.js") for s in scripts)
    assert any(s.endswith("assets/cite.js") for s in scripts)  # the rows' citations
    assert "aria-sort" in (site.root / "assets" / "site.js").read_text()


def _targets(site, rel: str, href: str):
    """(file, fragment) a relative href on page rel points to, or None for external ones."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return None
    path = unquote(parts.path)
    base = posixpath.dirname(rel)
    if path.startswith("/"):  # the 404 page links from the site's root (site served at /)
        base, path = "", path.lstrip("/") or "./"
    target = posixpath.normpath(posixpath.join(base, path)) if path else rel
    if path.endswith("/") or path == "" and rel.endswith("index.html") and not parts.fragment:
        target = posixpath.join(target, "index.html") if path else target
    if (site.root / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    broken, anchors = [], {}
    for rel, soup in site.pages():
        for el in soup.select("a[href], link[href], script[src], img[src]"):
            href = el.get("href") or el.get("src")
            if href.startswith(("mailto:", "data:")):
                continue
            t = _targets(site, rel, href)
            if t is None:
                continue
            target, frag = t
            if target == ".":
                target = "index.html"
            if not (site.root / target).exists():
                broken.append(f"{rel}: {href} -> {target} missing")
                continue
            if frag and target.endswith(".html"):
                if target not in anchors:  # one pass a page, not one search a link
                    soup = site.page(target)
                    anchors[target] = {el["id"] for el in soup.find_all(id=True)} | {
                        el["name"] for el in soup.find_all(attrs={"name": True})}
                if frag not in anchors[target]:
                    broken.append(f"{rel}: {href} -> #{frag} missing in {target}")
    assert broken == []


def test_external_links_are_http_and_noopener(site):
    external = 0
    for rel, soup in site.pages():
        art = _article(soup)
        for a in art.select("a[href]"):
            href = a["href"]
            scheme = urlsplit(href).scheme.lower()
            assert scheme in ("", "http", "https"), f"{rel}: {href}"
            if scheme and not href.startswith(REPO_URL):
                assert {"noopener", "noreferrer"} <= set(a.get("rel") or []), f"{rel}: {href}"
                external += 1
    assert external >= sum(1 for s in site.ledger.sources if s.url)  # each source's original, at least


def test_works_offline_no_cdn(site):
    for rel, soup in site.pages():
        for el in soup.select("script[src], link[rel~=stylesheet], link[rel~=preconnect], img[src], iframe"):
            ref = el.get("src") or el.get("href") or ""
            assert not urlsplit(ref).scheme and not ref.startswith("//"), f"{rel} loads {ref}"
        text = (site.root / rel).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, rel


def test_no_macro_error_text_or_leftovers(site):
    for f in list(site.root.rglob("*.html")) + [site.root / "feed.xml"]:
        text = f.read_text(encoding="utf-8")
        for marker in ERROR_MARKERS:
            assert marker not in text, f"{f.relative_to(site.root)} contains {marker!r}"
    for url, record in site.search_records().items():
        for marker in ERROR_MARKERS:
            assert marker not in record["content"], f"the search record of {url} contains {marker!r}"
    for rel, soup in site.pages():
        art = "".join(t for t in _article(soup).find_all(string=True)  # the text get_text() reads, but
                      if type(t) in (NavigableString, CData)          # examples of the syntax are
                      and t.find_parent(["code", "pre"]) is None)     # shown as code
        assert "{{" not in art and "{%" not in art, rel
        assert not re.search(r"\{(fig|date|q):", art), f"{rel} shows an unrendered token"


def test_edit_links_on_generated_pages_point_at_the_ledger(site):
    for rel in ["chronology/", "actors/", "figures/", "sources/", "whats-new/"]:
        edit = site.page(rel).select_one('a[title="Edit this page"]')
        assert edit is not None and edit["href"] == f"{REPO_URL}/edit/main/data/events.yaml", rel
    for rel, soup in site.pages():
        if rel.startswith("chronology/") and rel != "chronology/index.html":
            assert soup.select_one('a[title="Edit this page"]')["href"].endswith("/data/events.yaml")
    method = site.page("method/").select_one('a[title="Edit this page"]')
    assert method["href"].endswith("/docs/method.md")


def test_chronology_is_split_by_year_and_kept_out_of_the_nav(site):
    years = sorted({p.parent.name for p in (site.root / "chronology").glob("*/index.html")})
    assert years, "no year pages"
    index = site.page("chronology/")
    linked = {t[0] for a in index.select("a[href]") if (t := _targets(site, "chronology/index.html", a["href"]))}
    nav = site.page("").select_one("nav.md-nav--primary")
    for y in years:
        assert f"chronology/{y}/index.html" in linked
        assert nav.select_one(f'a[href$="chronology/{y}/"]') is None


def test_published_data_files(site, tmp_path):
    data = site.root / "data"
    ledger = json.loads((data / "ledger.json").read_text())
    schema = json.loads((site.root / "schema" / "ledger.schema.json").read_text())
    jsonschema.validate(ledger, schema)
    # an empty list is left out, as the ledger's YAML leaves it out; read back, it is the same ledger
    assert "[]" not in (data / "ledger.json").read_text()
    assert model.Ledger.model_validate_json((data / "ledger.json").read_text()) == site.ledger
    rows = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text())))
    assert {r["id"] for r in rows} == {f.id for f, _ in site.figures()}
    events = list(csv.DictReader(io.StringIO((data / "events.csv").read_text())))
    assert {r["id"] for r in events} == {e.id for e in site.ledger.events}
    package = json.loads((data / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} == {"figures.csv", "events.csv"}
    # the downloads page links every file
    links = {_targets(site, "data/index.html", a["href"])[0] for a in site.page("data/").select("ul.downloads a[href]")}
    assert links == {"data/ledger.json", "data/figures.csv", "data/events.csv", "data/datapackage.json",
                     "schema/ledger.schema.json", "data/LICENCE.txt"}


def test_datapackage_is_valid_frictionless(site):
    report = frictionless.validate(str(site.root / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_atom_feed(site):
    tree = ET.parse(site.root / "feed.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = tree.getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("title", "id", "updated"):
        assert feed.find(f"a:{tag}", ns) is not None
    entries = feed.findall("a:entry", ns)
    dated = [r for r in list(site.ledger.sources) + list(site.ledger.actors) + list(site.ledger.events)
             if getattr(r, "added", None) or getattr(r, "updated", None)]
    assert len(entries) >= min(len(dated), 1)
    ids = [e.find("a:id", ns).text for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        href = e.find("a:link", ns).get("href")
        target, frag = _targets(site, "index.html", href)
        assert site.page(target).find(id=frag) is not None, href
    # autodiscovery on every page
    assert site.page("").select_one('link[rel="alternate"][type="application/atom+xml"]')["href"] == "feed.xml"


def test_whats_new_lists_dated_entries(sample_site):
    soup = sample_site.page("whats-new/")
    days = soup.select("section.changes-day")
    assert days and days[0].find("time")["datetime"] == "2026-11-27"
    assert soup.select_one('a[href="../chronology/2022/#ev-2022-11-arrests"]') is not None


def test_schema_reference_is_generated(sample_site):
    soup = sample_site.page("contribute/")
    table = soup.find(id="schema-figure").find_next("table")
    fields = {tr.find("code").get_text() for tr in table.select("tbody tr")}
    assert fields == set(Figure.model_fields)


def test_home_states_the_guarantee_and_uses_ledger_numbers(sample_site):
    soup = sample_site.page("")
    art = _article(soup)
    assert "How to read this site" in art.get_text()
    assert art.select_one("span.figure") is not None and art.select_one("time") is not None


@pytest.mark.slow
def test_large_listings_are_split_into_bounded_pages(split_site):
    """At scale every listing is split (paging.py), each split page is linked from its listing,
    none is in the nav, and no page grows past a megabyte."""
    root = split_site.root
    for listing in ("figures", "actors", "sources"):
        index = split_site.page(f"{listing}/index.html")
        parts = index.select("ul.listing-parts a[href]")
        assert len(parts) >= 2, f"{listing} was not split"
        linked = {_targets(split_site, f"{listing}/index.html", a["href"])[0] for a in parts}
        split_pages = {p.relative_to(root).as_posix() for p in root.glob(f"{listing}/*/**/index.html")}
        assert linked == split_pages, f"{listing}: linked {sorted(linked)[:5]}, on disk {sorted(split_pages)[:5]}"
    assert any(p.name == "index.html" and p.parent.name.isdigit() and p.parent.parent.parent.name == "chronology"
               for p in root.glob("chronology/*/*/index.html")), "no year of the chronology has parts"
    nav = split_site.page("index.html").select_one("nav.md-nav--primary")
    assert not nav.select('a[href*="figures/20"], a[href*="chronology/20"], a[href*="actors/agency"]')
    largest = max((p.stat().st_size, str(p.relative_to(root))) for p in root.rglob("*.html"))
    assert largest[0] < 1_000_000, largest
