"""Ledger text shown in search results stays text: a site built from a ledger full of markup (with
the validator's refusals switched off, as in tests/site/test_hostile_text.py) is searched in a
real browser, and its results show the markup as words, with no element or script of it live."""
from __future__ import annotations

import shutil

from playwright.sync_api import expect

from tests import SAMPLE
from tests.browser.browserkit import serving
from tests.site.test_hostile_text import DISABLE_TEXT_AND_URL_CHECKS, _edit, _poison_everything
from tests.sitebuild import build


def test_search_results_show_ledger_markup_as_text(browser, tmp_path):
    shutil.copytree(SAMPLE.parent, tmp_path / "ledger")
    ledger_copy = tmp_path / "ledger" / "events.yaml"
    _edit(ledger_copy, _poison_everything)
    out = tmp_path / "out"
    proc = build(ledger_copy, out, pre=DISABLE_TEXT_AND_URL_CHECKS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with serving(out) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(base)
            box = page.locator("input.md-search__input")
            box.click()
            # the poisoned actor's alias and a figure's measure hold <script>; its name holds <img>
            for query, shown in (("alert", "<script>alert('x')</script>"), ("onerror", "<img src=x onerror")):
                box.fill("")
                box.press_sequentially(query)
                # the results of this query: every word marked is the one typed
                page.wait_for_function("""q => { const m = Array.from(document.querySelectorAll('.md-search-result__list mark'));
                    return m.length > 0 && m.every(x => x.textContent.toLowerCase().includes(q)); }""", arg=query)
                expect(page.locator(".md-search-result__list")).to_contain_text(shown)
                live = page.evaluate("""() => Array.from(document.querySelectorAll('.md-search-result *'))
                    .filter(el => ['SCRIPT', 'IMG', 'IFRAME', 'B', 'SVG', 'svg'].includes(el.tagName)
                                  && !el.closest('.md-search-result__icon')
                                  || Array.from(el.attributes).some(a => /^on/i.test(a.name)))
                    .map(el => el.outerHTML.slice(0, 80))""")
                assert live == [], live
            assert dialogs == []
        finally:
            context.close()
