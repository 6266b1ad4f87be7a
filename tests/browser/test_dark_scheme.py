"""Accessibility in both colour schemes at a desktop's and a phone's width: axe-core on every page
with the reader's system set to dark (mkdocs-material's `slate` scheme) and to light.  The light
scheme at desktop width is checked, with its report, in test_browser_pages.py."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.browser.browserkit import DESKTOP, PHONE

SERIOUS = {"serious", "critical"}
SCHEME = {"dark": "slate", "light": "default"}  # the reader's preference -> the theme's scheme


@pytest.mark.parametrize("scheme, viewport", [("dark", DESKTOP), ("dark", PHONE), ("light", PHONE)],
                         ids=["dark-1280", "dark-390", "light-390"])
def test_every_page_passes_axe_in_this_scheme_and_width(open_page, served, scheme, viewport):
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    page = open_page("", viewport=viewport, color_scheme=scheme)
    failures, seen = [], Counter()
    for rel in served.pages():
        page.goto(served.url(rel))
        # the theme picked the scheme from the reader's preference (mkdocs.yml, palette: media)
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEME[scheme], rel
        for v in axe.run(page).response["violations"]:
            seen[v["impact"]] += len(v["nodes"])
            if v["impact"] in SERIOUS:
                failures += [f"{rel or '/'}: {v['id']} ({v['impact']}): {n['html'][:120]}: "
                             + "; ".join(c.get("message", "") for c in n.get("any", []))[:200]
                             for n in v["nodes"]]
    assert failures == [], f"{len(failures)} serious or critical nodes ({dict(seen)}):\n" + "\n".join(failures)


def test_links_in_the_dark_scheme_are_legible_on_code_and_page(open_page, served):
    # the colour axe found too faint (a link's <code> on slate's code background): computed here
    # from the page itself, so that a change of theme or stylesheet that brings it back fails
    page = open_page("data/", color_scheme="dark")
    ratio = page.evaluate("""() => {
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const code = document.querySelector("article a[href] code");
        const page = getComputedStyle(document.body).backgroundColor;
        return [contrast(rgb(getComputedStyle(code).color), rgb(getComputedStyle(code).backgroundColor)),
                contrast(rgb(getComputedStyle(code.closest("a")).color), rgb(page))];
    }""")
    assert min(ratio) >= 4.5, ratio
