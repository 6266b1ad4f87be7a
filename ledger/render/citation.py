"""A figure's "Cite" block on its row in the figures table: a citation to copy (in <samp>:
generated text to copy as it is, dates and address included), marked up so that the page's script
(docs/assets/site.js, citations) builds the figure's CSL-JSON and BibTeX from it for download,
the same as ledger/render/cite.py's csl() and bibtex() (tests/browser/test_citations.py compares
them).  The popover's corrections are in inline.py."""
from __future__ import annotations

from ..corrections import last_change
from . import cite
from .html import attrs, esc
from .inline import corrections_html  # noqa: F401 - the row shows them too (render/figures.py)
from .words import date_words


def table_attrs(ctx, fids) -> str:
    """The figures table's attributes for its citations: the site's name and the address of the
    table's page (each row adds #fig-ID), absolute when the site's address is known."""
    site = cite.site_of(ctx)
    first = next(iter(fids), None)
    base = cite.permalink(ctx.pages, first, site).split("#")[0] if first else None
    return attrs(data_cite_site=site.name, data_cite_base=base)


def cite_text(ctx, fid: str) -> str:
    """cite.plain()'s text, with the parts a citation file is built from marked: the headline
    (.cite-title), the day of last change (data-issued) and the note on the source (.cite-note); the
figure's id is the row's (data-figure-row)."""
    ix, site = ctx.index, cite.site_of(ctx)
    f = ix.figure(fid)
    day = last_change(f)
    when = f" Last changed {esc(date_words(day))}." if day else ""
    return (f'<samp{attrs(class_="cite-text", data_issued=day or None)}>{esc(site.name)}. '
            f'\u201c<span class="cite-title">{esc(cite.headline(ix, f))}</span>.\u201d{when}'
            f'{esc(cite.address(ctx.pages, fid, site))} <span class="cite-note">{esc(cite.note(ix, f))}</span>.</samp>')


def cite_block(ctx, fid: str) -> str:
    """The row's "Cite" disclosure: a citation to copy; the page's script adds the buttons that save
    it as CSL-JSON or BibTeX (it builds the files; without it the text is there to copy)."""
    return f'<details class="cite"><summary>Cite</summary><p>{cite_text(ctx, fid)}</p></details>'
