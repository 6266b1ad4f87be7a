"""The built site against checkers this project did not write: the W3C's Nu Html Checker (vnu.jar,
fetched at a pinned version by scripts/ensure-vnu) on every page, a real feed parser (feedparser)
on the Atom feed, and the sitemap against the pages that were built."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests import ROOT, SAMPLE
from tests.sitebuild import build

VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".venv" / "vnu" / "vnu.jar"))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://example.org/ledger/"  # a reserved example domain: only the URLs' shape matters


# -- the Nu Html Checker -------------------------------------------------------------------------------
def vnu(target: Path) -> list[dict]:
    """The checker's messages (errors and warnings) for every HTML file under target."""
    java = os.environ.get("JAVA") or shutil.which("java")
    if not VNU_JAR.exists() or not java:
        pytest.fail(f"The HTML checker needs {VNU_JAR} (run `scripts/ensure-vnu`, which fetches the pinned "
                    "vnu.jar from the npm registry; `make test` runs it) and Java 17 or later (`java` on "
                    "the PATH or $JAVA).", pytrace=False)
    proc = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(target)],
                          capture_output=True, text=True, timeout=600)
    try:
        return json.loads(proc.stderr)["messages"]  # vnu writes its report to stderr
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar did not give a report (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def test_every_built_page_passes_the_nu_html_checker(site):
    messages = vnu(site.root)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    root = site.root.as_uri()
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(
        f"{m.get('url', '').replace(root, '')}:{m.get('lastLine', '?')}: {m.get('message', '')} "
        f"[{m.get('extract', '')[:100]!r}]" for m in errors[:40])
    assert len(site.html_files()) > 5


def test_the_html_checker_finds_the_errors_this_site_once_had(tmp_path):
    # written here: the two faults the checker found on the site before (issue 15): a value on a
    # boolean attribute, and autocomplete on a checkbox; and the form the site now uses instead
    bad = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
           '<input type="checkbox" id="t" autocomplete="off"><label for="t">toggle</label>'
           '<select aria-label="year"><option value="a" selected="True">a</option></select></body></html>')
    good = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
            '<form id="f" autocomplete="off" hidden></form>'
            '<input type="checkbox" id="t" form="f"><label for="t">toggle</label>'
            '<select aria-label="year"><option value="a" selected>a</option></select></body></html>')
    (tmp_path / "bad").mkdir()
    (tmp_path / "good").mkdir()
    (tmp_path / "bad" / "page.html").write_text(bad, encoding="utf-8")
    (tmp_path / "good" / "page.html").write_text(good, encoding="utf-8")
    found = sorted(m["message"] for m in vnu(tmp_path / "bad") if m["type"] == "error")
    assert len(found) == 2 and "autocomplete" in found[0] and "selected" in found[1], found
    assert [m for m in vnu(tmp_path / "good") if m["type"] == "error"] == []


def test_theme_toggles_keep_autocomplete_off_through_their_form(site):
    from ledger_site.theme_markup import FORM_ID
    for rel in ("index.html", "404.html", "figures/index.html"):
        soup = site.page(rel)
        toggles = soup.select("input.md-toggle[data-md-toggle]")
        assert {t["data-md-toggle"] for t in toggles} == {"drawer", "search"}, rel
        assert all(t.get("form") == FORM_ID and not t.has_attr("autocomplete") for t in toggles), rel
        form = soup.find("form", id=FORM_ID)
        assert form is not None and form["autocomplete"] == "off" and form.has_attr("hidden"), rel
        # the toggles stay siblings of the page's container: the theme's CSS finds them so
        assert all(t.find_next_sibling(class_="md-container") is not None for t in toggles), rel


# -- the feed and the sitemap -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory):
    """The sample ledger's site built with a site URL (as CI builds it): absolute feed links, and a
    sitemap (mkdocs writes an empty one when it does not know the site's address)."""
    out = tmp_path_factory.mktemp("with-url") / "site"
    proc = build(SAMPLE, out, env={"SITE_URL": SITE_URL})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _check_atom(path: Path, ledger_dated: int):
    import feedparser
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"feedparser: {parsed.get('bozo_exception')!r}"
    assert parsed.version == "atom10"
    assert len(parsed.entries) == min(ledger_dated, 50) and parsed.entries
    # RFC 4287 section 4.1: the feed has exactly one id, title and updated, and an author (which
    # its entries then inherit); each entry has exactly one id, title and updated, and, having no
    # content, an alternate link and a summary
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{tag}")) == 1, tag
    assert feed.find(f"{ATOM}author/{ATOM}name").text.strip()
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "summary"):
            found = entry.findall(f"{ATOM}{tag}")
            assert len(found) == 1 and (found[0].text or "").strip(), (tag, ET.tostring(entry)[:200])
        assert entry.find(f"{ATOM}content") is None
        assert [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
    for e in parsed.entries:
        assert e.id and e.title and e.updated_parsed and e.link, e


def _dated(ledger) -> int:
    """What the feed lists: each record's added and updated days, and each correction and withdrawal."""
    from ledger import corrections
    from ledger.render.changes import changes
    from ledger.render.site import load
    loaded = load(ledger)
    return len(changes(*loaded)) + len(corrections.entries(loaded.index))


def test_the_atom_feed_parses_without_error_and_has_rfc4287s_required_elements(site, site_with_url):
    _check_atom(site.root / "feed.xml", _dated(site.ledger_file))
    _check_atom(site_with_url / "feed.xml", _dated(SAMPLE))
    import feedparser
    parsed = feedparser.parse((site_with_url / "feed.xml").read_bytes())
    assert all(e.link.startswith(SITE_URL) for e in parsed.entries)


def test_the_sitemap_parses_and_lists_every_page(site_with_url):
    root = ET.parse(site_with_url / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    listed = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    pages = []
    for f in sorted(site_with_url.rglob("*.html")):
        rel = f.relative_to(site_with_url).as_posix()
        if rel != "404.html":  # not a page: the server's answer for a missing one
            pages.append(SITE_URL + rel.removesuffix("index.html"))
    assert sorted(listed) == sorted(pages) and len(pages) > 5


# -- dataset metadata (schema.org Dataset, JSON-LD) on the data page ----------------------------------
def _site_name() -> str:
    import yaml

    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV tags read as nothing
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["site_name"]


def _dataset(root: Path) -> dict:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((root / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def _edtf_bounds(texts):
    from ledger.edtf import parse
    dates = [parse(t) for t in texts if t and t != "unknown"]
    return min(d.lower for d in dates if d.lower), max(d.upper for d in dates if d.upper)


def test_the_data_page_describes_the_published_files_as_a_schema_org_dataset(site):
    import csv
    import io
    from urllib.parse import urljoin
    meta = _dataset(site.root)
    data = site.root / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["@context"] == "https://schema.org" and meta["@type"] == "Dataset"
    # the same names and the same licence as the data package beside the files
    assert meta["name"] == package["title"] and meta["description"] == package["description"]
    assert [meta["license"]] == [lic["path"] for lic in package["licenses"]]
    assert meta["creator"] == {"@type": "Organization", "name": _site_name()}
    assert meta["spatialCoverage"] == {"@type": "Place", "name": "Cambodia"}
    # a distribution entry for each published file, at an address that holds it, in its format
    files = {d["name"]: d for d in meta["distribution"]}
    assert sorted(files) == ["datapackage.json", "events.csv", "figures.csv", "ledger.json"]
    media = {r["path"]: r["mediatype"] for r in package["resources"]}
    for name, d in files.items():
        assert d["@type"] == "DataDownload"
        target = urljoin("https://site.invalid/data/", d["contentUrl"]).removeprefix("https://site.invalid/")
        text = (site.root / target).read_text(encoding="utf-8")
        if name.endswith(".csv"):
            assert d["encodingFormat"] == "text/csv" == media[name]
            assert next(csv.reader(io.StringIO(text)))[0] == "id"
        else:
            assert d["encodingFormat"] == "application/json" and json.loads(text)
    # the dates it covers are those of the ledger's events, read back from the published events.csv
    events = list(csv.DictReader(io.StringIO((data / "events.csv").read_text(encoding="utf-8"))))
    first, last = _edtf_bounds(e["date"] for e in events)
    start, _, end = meta["temporalCoverage"].partition("/")
    assert _edtf_bounds([start])[0] == first and _edtf_bounds([end or start])[1] == last, meta["temporalCoverage"]
    # last modified: the latest day any record of the published ledger was added or updated
    def days(node):
        if isinstance(node, dict):
            yield from (v for k, v in node.items() if k in ("added", "updated"))
            yield from (d for v in node.values() for d in days(v))
        elif isinstance(node, list):
            yield from (d for v in node for d in days(v))
    assert meta["dateModified"] == max(days(json.loads((data / "ledger.json").read_text(encoding="utf-8"))))


def test_with_the_site_url_the_dataset_gives_absolute_addresses(site_with_url):
    meta = _dataset(site_with_url)
    assert meta["url"] == SITE_URL + "data/"
    assert {d["contentUrl"] for d in meta["distribution"]} == {
        SITE_URL + "data/" + n for n in ("ledger.json", "figures.csv", "events.csv", "datapackage.json")}


def test_json_ld_cannot_close_its_script_element():
    from bs4 import BeautifulSoup

    from ledger.render import jsonld
    hostile = "A & B </script><script>alert(1)</script> <!-- x --> \u2028"
    out = jsonld.script({"@type": "Dataset", "name": hostile})
    inner = out.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert not any(c in inner for c in "<>&"), inner
    scripts = BeautifulSoup(f"<body>{out}<p>after</p></body>", "html.parser").find_all("script")
    assert len(scripts) == 1 and json.loads(scripts[0].string)["name"] == hostile
