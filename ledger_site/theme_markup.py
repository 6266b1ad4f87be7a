"""Fix the theme's markup after rendering, where mkdocs-material's templates offer no block to
override: its two toggle checkboxes (drawer and search) in base.html carry autocomplete="off",
which HTML allows only on text-like inputs (the Nu Html Checker reports it on every page).

The attribute is there so that a browser does not restore a toggle's state (an open drawer or
search) when the page is reloaded or revisited.  A control's form owner carries the same setting:
so each toggle is tied, by the `form` attribute, to an empty hidden form with autocomplete="off",
and stays where it is (the theme's CSS finds the toggles as siblings of the page's content).
Overriding base.html instead would mean copying the whole template; this edits two known tags.
"""
from __future__ import annotations

import re

FORM_ID = "__md-toggles"
_FORM = f'<form id="{FORM_ID}" autocomplete="off" hidden></form>'
# an <input> of the theme's toggles: class "md-toggle", type checkbox, autocomplete="off"
_TOGGLE = re.compile(r'<input class="md-toggle"(?=[^<>]*\stype="checkbox")([^<>]*?)\sautocomplete="off"([^<>]*)>')


def fix_toggles(page_html: str) -> str:
    """The page with the toggles' autocomplete="off" moved to a form they belong to (the page
    unchanged when it has no such toggle)."""
    fixed, count = _TOGGLE.subn(rf'<input class="md-toggle"\1 form="{FORM_ID}"\2>', page_html)
    if not count:
        return page_html
    first = _TOGGLE.search(page_html).start()
    return fixed[:first] + _FORM + fixed[first:]
