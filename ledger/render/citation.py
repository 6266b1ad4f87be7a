"""What a figure's row in the figures table gives the page's script (docs/assets/cite.js)
to build the figure's citation on demand: the day it last changed (the row's data-issued) and, on
the table, the site's name and the address of its page; the rest is what the row shows (its figure,
what it counts, its outlet, headline and date, its quote), so a reader without the script can cite
it by hand.  The script's text and files are ledger/render/cite.py's plain(), csl() and bibtex()
(tests/browser/test_citations.py compares them).  The popover's corrections are in inline.py."""
from __future__ import annotations

from ..corrections import last_change
from . import cite
from .html import attrs, esc
from .inline import corrections_html  # noqa: F401 - the row shows them too (render/figures.py)
from .inline import date, placeholder_title, source_href, source_link


def table_attrs(ctx, fids) -> str:
    """The figures table's attributes for its citations: the site's name and the address of the
    table's page (each row adds #fig-ID), absolute when the site's address is known."""
    site = cite.site_of(ctx)
    first = next(iter(fids), None)
    base = cite.permalink(ctx.pages, first, site).split("#")[0] if first else None
    return attrs(data_cite_site=site.name, data_cite_base=base)


def issued(f) -> str | None:
    """The row's data-issued: the figure's day of last change (YYYY-MM-DD), which the row does
    not show and its citation names."""
    return last_change(f)


def row_source_link(ctx, sid: str) -> str:
    """The source in a figure's row, the Source cell's first link, as inline.source_link shows it:
    'Outlet, headline or label, date', the outlet as the link's first text (the script reads it
    there); when it shows the source's label where a citation names its headline
    (cite.source_line), the headline is the label's title (shown on hover, and read by the script)."""
    s = ctx.index.sources.get(sid)
    if s is None or not s.label or placeholder_title(s.title):
        return source_link(ctx, sid)
    label = (f'{esc(s.publisher)}, '
             f'<span{attrs(class_="source-what", title=s.title)}>{esc(s.label)}</span>, {date(s.published)}')
    return f'<a{attrs(href=source_href(ctx, sid))}>{label}</a>'
