"""What keeps the site buildable without mkdocs hooks (Zensical ignores `hooks:`): the placeholder
swap is a Python-Markdown extension, and `ledger generate` writes the generated pages, exports and
feed that the mkdocs hook adds in memory."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import markdown
import pytest
from mkdocs.exceptions import PluginError
from sitebuild import SAMPLE

from ledger.render import site as site_mod
from ledger_site import wiring


def test_the_markdown_extension_swaps_rendered_blocks_in(monkeypatch):
    monkeypatch.setattr(wiring.STATE, "nonce", "abc123")
    monkeypatch.setattr(wiring.STATE, "blocks", {})
    block = wiring.emit('<table class="t"><tr><td>1,450</td></tr></table>', True)
    inline = wiring.emit('<span class="figure">130</span>', False)
    html = markdown.markdown(f"Text with {inline} in it.\n\n{block}\n", extensions=["ledger_site.markdown"])
    assert html == '<p>Text with <span class="figure">130</span> in it.</p>\n<table class="t"><tr><td>1,450</td></tr></table>'
    assert wiring.STATE.blocks == {}


def test_a_placeholder_that_cannot_be_placed_fails(monkeypatch):
    monkeypatch.setattr(wiring.STATE, "nonce", "abc123")
    monkeypatch.setattr(wiring.STATE, "blocks", {})
    placeholder = wiring.emit("<b>x</b>", False)
    with pytest.raises(PluginError, match="could not be placed"):
        markdown.markdown(f"`{placeholder}`", extensions=["ledger_site.markdown"])


def test_ledger_generate_writes_what_the_mkdocs_hook_adds(tmp_path):
    out = tmp_path / "gen"
    proc = subprocess.run([sys.executable, "-m", "ledger", "generate", str(SAMPLE), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    loaded = site_mod.load(SAMPLE)
    pages = [f"{key}.md" for listing, _, _ in loaded.pages.listings() for key in listing.parts]
    assert pages and set(pages) <= set(written)
    assert {"data/ledger.json", "data/figures.csv", "data/events.csv", "data/datapackage.json",
            "schema/ledger.schema.json", "feed.xml"} <= set(written)
    ET.parse(out / "feed.xml")  # well-formed
    page = (out / pages[0]).read_text()
    assert page.startswith("---\n") and "{{ chronology_year(" in page
