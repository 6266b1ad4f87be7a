"""ledger/render unit tests: escaping, the URL allowlist, number words, links, tokens."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from bs4 import BeautifulSoup

from ledger.model import Figure
from ledger.render import (
    actors,
    chronology,
    explainer,
    figures,
    fmt,
    html,
    inline,
    method,
    reference,
    sources,
    whatsnew,
)
from ledger.render import site as site_mod
from tests import SAMPLE


def ctx(loaded, url="figures/"):
    return inline.Ctx(loaded.index, loaded.pages, html.Links(url))


def _fig(**kw):
    base = dict(id="x", value=1450, unit="people", measure="m", bound="exact", source="s", claimed_by="a", quote="q")
    base.update(kw)
    return Figure.model_construct(**base)


@pytest.mark.parametrize("kw, words", [
    ({}, "1,450"),
    ({"value": 400, "bound": "nearly"}, "nearly 400"),
    ({"value": 2700, "bound": "at-least"}, "at least 2,700"),
    ({"value": 5000, "bound": "more-than"}, "more than 5,000"),
    ({"value": 1000, "bound": "approx"}, "around 1,000"),
    ({"value": 100, "bound": "at-most"}, "at most 100"),
    ({"value": 8000000000, "unit": "usd"}, "$8 billion"),
    ({"value": 1500000, "unit": "usd", "bound": "more-than"}, "more than $1.5 million"),
    ({"value": 12345, "unit": "usd"}, "$12,345"),
    ({"value": 80, "unit": "percent", "bound": "approx"}, "around 80 percent"),
    ({"value": 3, "unit": "years"}, "3 years"),
    ({"value": 1, "unit": "years"}, "1 year"),
    ({"value": 3, "unit": "tier"}, "Tier 3"),
    ({"value": 2.5, "unit": "other"}, "2.5"),
    ({"value": None, "bound": "vague", "quote": "a rights group said “hundreds” more were held"}, "hundreds"),
    ({"value": None, "bound": "vague", "quote": "tens of thousands of workers"}, "tens of thousands"),
])
def test_figure_words(kw, words):
    assert fmt.figure_words(_fig(**kw)) == words


def test_escape_and_attrs():
    evil = '"><script>alert(1)</script>&'
    assert html.esc(evil) == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"
    assert html.attrs(data_x=evil, class_="a", skip=None) == f' data-x="{html.esc(evil)}" class="a"'


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example", False),
    ("/relative", False), ("https://", False), ("https://exa mple.org", False), (None, False), ("", False),
])
def test_safe_url(url, ok):
    assert (html.safe_url(url) is not None) is ok


def test_external_link_refuses_and_marks():
    assert html.external_link("javascript:alert(1)", "x") == "x"
    assert html.external_link("https://e.org", "x") == '<a class="external" href="https://e.org" rel="noopener noreferrer">x</a>'


def test_text_fragment_encoding():
    assert html.text_fragment("https://e.org/a#old", "nearly 400 people, a-b & c") == \
        "https://e.org/a#:~:text=nearly%20400%20people%2C%20a%2Db%20%26%20c"
    long = " ".join(f"w{i}" for i in range(20))
    assert html.text_fragment("https://e.org", long) == "https://e.org#:~:text=w0%20w1%20w2%20w3%20w4,w15%20w16%20w17%20w18%20w19"
    assert html.text_fragment("javascript:x", "a") is None


@pytest.mark.parametrize("current, name, expected", [
    ("", "figures", "figures/"), ("figures/", "figures", ""), ("chronology/2022/", "figures", "../../figures/"),
    ("chronology/2022/", "", "../../"), ("chronology/", "chronology/2023", "../chronology/2023/"),
    ("chronology/2022/", "chronology/index", "../../chronology/"),
])
def test_links(current, name, expected):
    assert html.Links(current).page(name) == expected


def test_links_without_directory_urls():
    assert html.Links("chronology/2022.html", directory_urls=False).page("figures") == "../figures.html"
    assert html.Links("figures.html", directory_urls=False).page("") == "index.html"
    assert html.Links("index.html", directory_urls=False).anchor("", "x") == "#x"


def test_code_digits_sets_numerals_and_tokens_in_code():
    out = html.code_digits("'nearly 400' is nearly; {fig:ID} <b>")
    assert out == "&#x27;nearly <code>400</code>&#x27; is nearly; <code>{fig:ID}</code> &lt;b&gt;"


def test_prose_tokens_and_escaping(loaded):
    c = ctx(loaded, "chronology/2022/")
    out = inline.prose(c, "Said <b>{fig:post-arrested}</b> on {date:2022-11-08}, {q:November 7 and 8} {{ 7*7 }}",
                       ["post-2022-11-kingdom-deports"])
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("b") is None and "<b>" in soup.get_text()
    assert "{{ 7*7 }}" in soup.get_text()
    assert soup.select_one("a.figure-link")["href"] == "../../figures/#fig-post-arrested"
    assert soup.select_one("span.figure").get_text() == "nearly 400"
    day = soup.select_one('time[datetime="2022-11-08"]')  # a plain day: datetime says all of it
    assert day is not None and not day.has_attr("data-edtf")
    q = soup.select_one("a.quote-link > q")
    assert q["data-source"] == "post-2022-11-kingdom-deports" and q.get_text() == "November 7 and 8"
    assert q.parent["href"] == "../../sources/#src-post-2022-11-kingdom-deports"


def test_plain_prose_has_no_links(loaded):
    out = inline.prose(ctx(loaded), "x {fig:gdi-deported} y", plain=True)
    assert "<a" not in out and 'data-figure="gdi-deported"' in out


def test_a_block_holds_each_popover_once_and_ids_stay_unique_on_the_page(loaded):
    c = ctx(loaded).block()
    a, b = inline.figure(c, "gdi-deported"), inline.figure(c, "gdi-deported")
    ida = re.search(r'aria-describedby="([^"]+)"', a).group(1)
    idb = re.search(r'aria-describedby="([^"]+)"', b).group(1)
    assert ida == idb and f'id="{ida}"' in a and 'role="tooltip"' in a
    assert "figure-tip" not in b and 'id="' not in b  # the second link names the first one's popover
    d = inline.figure(c.block(), "gdi-deported")  # another block of the same page: a popover of its own
    idd = re.search(r'aria-describedby="([^"]+)"', d).group(1)
    assert idd != ida and f'id="{idd}"' in d


def test_unknown_figure_raises(loaded):
    with pytest.raises(KeyError, match="no-such"):
        inline.figure(ctx(loaded), "no-such")


def test_dates():
    assert inline.date("2014/..") == '<time datetime="2014" data-edtf="2014/..">2014 onwards</time>'
    assert inline.date("2022-10~").endswith(">around October 2022</time>")
    assert "date unknown" in inline.date("unknown")


def test_site_index(loaded):
    index = loaded.index
    assert list(index.years) == ["2022"]
    assert loaded.pages.event_page("2022-11-arrests") == "chronology/2022"
    assert index.actor_events["gdi"] == ("2022-11-07-gdi-deports-foreigners",)
    assert set(index.source_figures["gdi-2022-11-08-press-release"]) == {"gdi-deported"}
    contested = [c for c in index.clusters if c.contested]
    assert [set(c.figures) for c in contested] == [{"wire-chinese-share", "wire-official-share"}]
    assert index.figure_related["gdi-women"]["part_of"] == ("gdi-deported",)
    assert "gdi-women" in index.figure_related["gdi-deported"]["parts"]


def test_original_words_come_from_the_archive(loaded):
    # the ledger's straight quotes match the archive's curly ones; the fragment uses the archive's
    assert loaded.index.original_words("post-2022-11-kingdom-deports", 'a rights group said "hundreds" more') == \
        "a rights group said “hundreds” more"


def test_serve_reuses_the_index_until_the_ledger_or_an_archive_changes(tmp_path, monkeypatch):
    from ledger_site import wiring
    shutil.copytree(SAMPLE.parent, tmp_path / "l")
    path = tmp_path / "l" / "events.yaml"
    monkeypatch.setenv("LEDGER_FILE", str(path))
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml")})()
    first = wiring.load(config)
    assert wiring.load(config) is first
    archive = tmp_path / "l" / "sources" / "wire-2022-11-deportations.txt"
    later = time.time() + 5
    os.utime(archive, (later, later))
    second = wiring.load(config)
    assert second is not first
    assert wiring.load(config) is second
    os.utime(path, (later + 5, later + 5))
    assert wiring.load(config) is not second


def test_invalid_ledger_raises_with_report(tmp_path):
    shutil.copytree(SAMPLE.parent, tmp_path / "l")
    path = tmp_path / "l" / "events.yaml"
    path.write_text(path.read_text().replace("value: 130\n", "value: 131\n", 1))
    with pytest.raises(site_mod.LedgerInvalid) as exc:
        site_mod.load(path)
    assert "[trace-value]" in exc.value.report and " errors in " in exc.value.report


def test_pages_render_without_mkdocs(loaded):
    c = ctx(loaded, "")
    for fn in (chronology.chronology_index, actors.actors_page, figures.figures_table, sources.sources_page,
               whatsnew.whats_new, explainer.scale_overview, reference.schema_reference, method.date_examples):
        out = fn(c)
        assert out and "{fig:" not in re.sub(r"<code>.*?</code>", "", out, flags=re.S)


IMPORTS = """
import importlib, pkgutil, sys
import ledger.render
for m in pkgutil.iter_modules(ledger.render.__path__):
    importlib.import_module("ledger.render." + m.name)
print(sorted({n.split(".")[0] for n in sys.modules if n.split(".")[0] in ("mkdocs", "mkdocs_macros", "material")}))
"""


def test_the_renderer_does_not_import_mkdocs():
    proc = subprocess.run([sys.executable, "-c", IMPORTS], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_undated_events_get_their_own_page(tmp_path):
    shutil.copytree(SAMPLE.parent, tmp_path / "l")
    path = tmp_path / "l" / "events.yaml"
    path.write_text(path.read_text().replace("    date: 2022-11~\n", "    date: unknown\n", 1))
    s = site_mod.load(path)
    assert list(s.index.years) == ["2022", "undated"]
    assert s.pages.event_page("2022-11-arrests") == "chronology/undated"
    out = BeautifulSoup(chronology.chronology_year(inline.Ctx(s.index, s.pages, html.Links("chronology/undated/")), "undated"), "html.parser")
    assert out.find("h1").get_text() == "Undated events"
    assert "date unknown" in out.find(id="ev-2022-11-arrests").find_parent("section").get_text()
    assert out.select_one('a[rel="prev"]')["href"] == "../../chronology/2022/"
