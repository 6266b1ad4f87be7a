"""A figure's "Cite" block and its corrections, as HTML: shown on the figure's row in the figures
table and in its popover wherever the figure appears (ledger/render/inline.py).  A citation is
set in <samp>: generated text to copy as it is, dates and address included."""
from __future__ import annotations

from .. import cite
from .html import attrs, esc
from .inline import date, prose


def site_of(ctx) -> cite.Site:
    """The site the render context cites (a neutral one when the context names none)."""
    return getattr(ctx, "site", None) or cite.Site("Cambodia's deportations of Chinese nationals")


def corrections_html(ctx, f, plain: bool = False) -> str:
    """'Corrected 1 December 2026: …' for each correction of the figure, oldest first; the note
    is ledger prose, rendered with its tokens (`plain`: without links, for a popover)."""
    if not f.corrections:
        return ""
    items = "".join(
        f'<span class="correction">Corrected {date(c.date)}: {prose(ctx, c.note, [f.source], plain=plain)}</span> '
        for c in sorted(f.corrections, key=lambda c: c.date))
    return f'<span class="corrections">{items.strip()}</span>'


def cite_block(ctx, fid: str) -> str:
    """The row's "Cite" disclosure: a citation to copy and the CSL-JSON and BibTeX files."""
    ix = ctx.index
    text = cite.plain(ix, ctx.pages, fid, site_of(ctx))
    j, b = cite.paths(fid)
    return (f'<details class="cite"><summary>Cite</summary>'
            f'<p><samp class="cite-text"{attrs(data_cite=fid)}>{esc(text)}</samp></p>'
            f'<p class="cite-files"><a{attrs(href=ctx.links.file(j), type="application/vnd.citationstyles.csl+json", download="")}>CSL-JSON</a>'
            f' · <a{attrs(href=ctx.links.file(b), type="application/x-bibtex", download="")}>BibTeX</a></p></details>')


def cite_tip(ctx, f) -> str:
    """The popover's short citation (plain text: a popover holds no links)."""
    return f'<span class="figure-tip-cite">Cite: <samp>{esc(cite.short(ctx.index, ctx.pages, f.id, site_of(ctx)))}</samp></span>'
