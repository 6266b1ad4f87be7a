"""Ledger text can never become live markup, script, links or template code on the site.

Three layers: the validator refuses markup, template syntax and non-http(s) URLs with a clear
report (the build stops); text it accepts (`onerror=`, `javascript:` as words) is shown escaped;
and with the validator's text and URL checks switched off (in the build process only), the
renderer alone still keeps everything inert."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import Site, build

SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(document.cookie)>"
JINJA = "{{ 7*7 }}"
BLOCK = "{% if true %}jinja{% endif %}"


def _edit(ledger: Path, change) -> None:
    data = yaml.safe_load(ledger.read_text())
    change(data)
    ledger.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))


def _poison_everything(data):
    s0, s1 = data["sources"][0], data["sources"][1]
    s0["publisher"] = '"><svg onload=alert(document.domain)>'
    s0["title"] = "</cite>" + SCRIPT
    s0["notes"] = JINJA + " " + BLOCK
    s1["url"] = "javascript:alert(document.cookie)"
    a0 = data["actors"][0]
    a0["name"] = IMG
    a0["aliases"] = [SCRIPT, "{{ config }}"]
    a0["description"] = '<a href="javascript:alert(1)">click</a> ' + JINJA
    e0 = data["events"][0]
    e0["title"] = "<b onmouseover=alert(1)>bold</b> " + JINJA
    e0["summary"] += " <iframe src=javascript:alert(1)></iframe>"
    e0["actors"][0]["role"] = '" autofocus onfocus="alert(1)'
    e0["figures"][0]["measure"] = SCRIPT + " foreigners deported"


def test_validator_refuses_markup_templates_and_unsafe_urls(ledger_copy, tmp_path):
    _edit(ledger_copy, _poison_everything)
    proc = build(ledger_copy, tmp_path / "out")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    for code in ("text-markup", "text-template", "url-unsafe"):
        assert f"[{code}]" in out, code
    assert "The ledger has problems" in out
    assert not (tmp_path / "out" / "index.html").exists()


def _assert_inert(site: Path):
    for f in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        rel = f.relative_to(site)
        for el in soup.find_all(True):
            for name, value in el.attrs.items():
                assert not name.lower().startswith("on"), f"{rel}: <{el.name} {name}=…> is live"
                if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                    v = value if isinstance(value, str) else " ".join(value)
                    assert not re.sub(r"[\s\x00-\x1f]", "", v).lower().startswith(("javascript:", "data:", "vbscript:")), \
                        f"{rel}: {name}={v!r}"
        for script in soup.find_all("script"):
            assert "alert" not in (script.string or ""), f"{rel}: a ledger script is live"
            src = script.get("src")
            assert src is None or src.endswith((".js",)) and "assets/" in src, f"{rel}: script src {src!r}"
        art = soup.select_one("article")
        assert not art.find_all(["iframe", "img", "b", "object", "embed"]), f"{rel}: ledger markup is live"
        # the only form is the chronology's own filter (chronology.chronology_filters), never ledger text
        assert all("chronology-filters" in (f.get("class") or []) for f in art.find_all("form")), f"{rel}: a form"
        assert not [s for s in art.find_all("svg") if s.get("onload") is not None]


def test_hostile_text_the_validator_accepts_is_shown_as_text(ledger_copy, tmp_path):
    words = 'onerror=alert(document.cookie) javascript:alert(document.cookie) " onmouseover="alert(document.cookie)" \' & ; < >'

    def change(data):
        data["actors"][0]["description"] = "Interior ministry; " + words.replace("<", "less").replace(">", "more")
        data["actors"][0]["aliases"].append("javascript:alert(document.cookie)")
        data["events"][0]["actors"][0]["role"] = '" autofocus onfocus="alert(document.cookie)'
    _edit(ledger_copy, change)
    proc = build(ledger_copy, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    _assert_inert(tmp_path / "out")
    actors = BeautifulSoup((tmp_path / "out" / "actors" / "index.html").read_text(), "html.parser")
    entry = actors.find(id="actor-ministry-of-interior").find_parent("section")
    assert "onerror=alert(document.cookie) javascript:alert(document.cookie)" in entry.get_text()
    assert "javascript:alert(document.cookie)" in entry.select(".alias")[-1].get_text()


# Run in the build process only: the validator's checks run, but its refusals of markup, template
# syntax, numerals in prose and unsafe URLs are dropped, so the hostile text reaches the renderer.
DISABLE_TEXT_AND_URL_CHECKS = """
from ledger.checks import consistency, text
def quiet(module, codes):
    original = module.check
    def check(index):
        return [p for p in original(index) if getattr(p, "code", None) not in codes]
    module.check = check
quiet(text, {"text-markup", "text-template", "text-numeral"})
quiet(consistency, {"url-unsafe"})
"""


def _poison_a_named_actor(data):
    """The name of an actor that takes part in an event (so the chronology filters offer it)."""
    aid = data["events"][0]["actors"][0]["id"]
    next(a for a in data["actors"] if a["id"] == aid)["name"] = '";alert(1);"</script>' + SCRIPT + " Sihanoukville é"


def test_renderer_keeps_hostile_text_inert_even_past_the_validator(ledger_copy, tmp_path):
    _edit(ledger_copy, _poison_everything)
    _edit(ledger_copy, _poison_a_named_actor)
    out = tmp_path / "out"
    proc = build(ledger_copy, out, pre=DISABLE_TEXT_AND_URL_CHECKS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    _assert_inert(out)

    actors = BeautifulSoup((out / "actors" / "index.html").read_text(), "html.parser")
    entry = actors.find(id="actor-ministry-of-interior").find_parent("section")
    text = entry.get_text()
    assert IMG in text and SCRIPT in text and "{{ config }}" in text
    assert '<a href="javascript:alert(1)">click</a> ' + JINJA in text  # literal, not a link
    assert "49" not in actors.select_one("article").get_text()  # {{ 7*7 }} never ran

    sources = BeautifulSoup((out / "sources" / "index.html").read_text(), "html.parser")
    src = sources.find(id="src-post-2022-11-kingdom-deports").find_parent("section")
    assert src.find("cite").get_text() == "</cite>" + SCRIPT
    assert JINJA + " " + BLOCK in src.get_text()
    wire = sources.find(id="src-wire-2022-11-deportations").find_parent("section")
    assert "javascript:alert(document.cookie)" in wire.get_text()
    assert not [a for a in wire.find_all("a") if "javascript" in a.get("href", "")]

    chron = BeautifulSoup((out / "chronology" / "2022" / "index.html").read_text(), "html.parser")
    ev = chron.find(id="ev-2022-11-07-gdi-deports-foreigners").find_parent("section")
    assert "<b onmouseover=alert(1)>bold</b> " + JINJA in ev.find("h2").get_text()
    assert '" autofocus onfocus="alert(1)' in ev.select_one("small").get_text()  # the actor's role

    # the chronology filters' actors: one file of data (JSON in a script, every character outside
    # ASCII escaped), whose names are the ledger's text, which site.js adds as text
    js = (out / "assets" / "filter-actors.js").read_text(encoding="ascii")
    m = re.fullmatch(r"window\.ledgerFilterActors = (\[.*\]);\n", js, re.S)
    assert m is not None, js[:200]
    names = {a["id"]: a["name"] for a in yaml.safe_load(ledger_copy.read_text(encoding="utf-8"))["actors"]}
    listed = json.loads(m.group(1))
    assert listed and all(name == names[aid] for aid, name in listed)
    # the hostile name is a string in the data (its quotes escaped), not code
    assert any(SCRIPT in name for _, name in listed) and '\\";alert(1);\\"' in js and "é" not in js

    # the search index holds the text as data (shown escaped: tests/browser/test_hostile_search.py);
    # the feed carries it escaped
    records = Site(out, ledger_copy, "").search_records()
    assert any(SCRIPT in r["content"] for r in records.values())
    ET.parse(out / "feed.xml")  # well-formed: the markup in titles is escaped
    assert "<script" not in (out / "feed.xml").read_text()
