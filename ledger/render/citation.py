"""A figure's "Cite" block on its row in the figures table: a citation to copy (in <samp>:
generated text to copy as it is, dates and address included) and the CSL-JSON and BibTeX files
(ledger/render/cite.py).  The popover's citation and the corrections are in inline.py."""
from __future__ import annotations

from . import cite
from .html import attrs, esc
from .inline import corrections_html  # noqa: F401 - the row shows them too (render/figures.py)


def cite_block(ctx, fid: str) -> str:
    """The row's "Cite" disclosure: a citation to copy and the CSL-JSON and BibTeX files."""
    text = cite.plain(ctx.index, ctx.pages, fid, cite.site_of(ctx))
    j, b = cite.paths(fid)
    return (f'<details class="cite"><summary>Cite</summary>'
            f'<p><samp class="cite-text"{attrs(data_cite=fid)}>{esc(text)}</samp></p>'
            f'<p class="cite-files"><a{attrs(href=ctx.links.file(j), type="application/vnd.citationstyles.csl+json", download="")}>CSL-JSON</a>'
            f' · <a{attrs(href=ctx.links.file(b), type="application/x-bibtex", download="")}>BibTeX</a></p></details>')
