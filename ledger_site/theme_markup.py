"""Fix the theme's markup after rendering, where mkdocs-material's templates offer no block to
override: the search worker the pages start (fix_search_worker, below), the indentation of its
templates (compact_chrome, below), and its two toggle checkboxes (drawer and search) in base.html carry autocomplete="off",
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


# the theme's search worker in the page's configuration: "…/assets/javascripts/workers/search.<hash>.min.js"
_WORKER = re.compile(r'("search": "[^"<>]*?assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)"')


def fix_search_worker(page_html: str) -> str:
    """The page with its search worker swapped for docs/assets/javascripts/workers/pagefind-search.js,
    which answers the theme's search box from the site's Pagefind index (ledger_site/sitesearch.py)
    instead of loading the text of the whole site."""
    return _WORKER.sub(r'\1pagefind-search.js"', page_html, count=1)


# the end of a block (or a form control's text) whose text would run into the next element's in a
# text extraction, and the start of a block right after another tag
_BLOCK_END = re.compile(r"(</(?:dt|dd|td|th|tr|li|p|div|ul|ol|dl|table|figure|figcaption|caption|blockquote|h[1-6]"
                        r"|option|label|legend|button|summary)>|<br\s*/?>)(?=<)")
_BLOCK_START = re.compile(r">(?=<(?:blockquote|p|div|ul|ol|dl|table|figure|select|h[1-6])[\s>])")


def spaced_blocks(content: str) -> str:
    """A page's content with a space between a block and a tag that follows or precedes it at
    once: a text extraction joins the text of adjacent elements as it finds it (the site search,
    Pagefind, as mkdocs-material's did: "Source" ran into the next cell, "Outlet" into its value,
    a list of facts <dt>Published</dt><dd>31 March</dd> became "Published31 March").  The space
    changes nothing on screen (white space next to a block is not drawn)."""
    # a function, not the template r"\1 ": Python expands a template in Python code at each match
    return _BLOCK_START.sub("> ", _BLOCK_END.sub(lambda m: m[0] + " ", content))


# a run of white space in the theme's markup: the indentation of its templates
_RUN = re.compile(r"[ \t\r\n]{2,}")


def _one(match: re.Match) -> str:
    return "\n" if "\n" in match[0] else " "


def compact_chrome(page_html: str) -> str:
    """The page with each run of white space outside its article (the theme's header, navigation
    and footer, indented as its templates are: about 3 KB of every page, a megabyte at 10,000
    events) cut to one character, a line break if it held one.  A browser draws a run as it draws
    one space, and that part of the page holds no <pre> or <textarea>; the article (the page's own
    text, which may hold code) is left as it is."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    if start < 0 or end < start:
        return _RUN.sub(_one, page_html) if "<pre" not in page_html and "<textarea" not in page_html else page_html
    return _RUN.sub(_one, page_html[:start]) + page_html[start:end] + _RUN.sub(_one, page_html[end:])
