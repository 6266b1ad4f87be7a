"""Citing one figure: a CSL-JSON item, a BibTeX entry and a plain-text citation.  The figure's row
shows the citation (render/citation.py) and the page's script builds the two files from it when a
reader saves one (docs/assets/cite.js); the functions here are the reference the tests hold that
script to (tests/browser/test_citations.py), so that no file per figure need be written.

The item names the figure (its words and what it counts), its permanent address on the site, the
day it last changed (added, updated or corrected) and, in a note, the original source it quotes.
Ledger text is plain text here; BibTeX's special characters are escaped (`_bib`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from ..corrections import last_change
from . import fmt
from .words import date_words, prose_text

@dataclass(frozen=True)
class Site:
    """The site a figure is cited on: its name, its address when known, its URL style."""
    name: str
    url: Optional[str] = None
    directory_urls: bool = True


def site_of(ctx) -> Site:
    """The site a render context (ledger/render/inline.py Ctx) cites; a neutral name when the
    context names none (a page rendered outside a build)."""
    return getattr(ctx, "site", None) or Site("Cambodia's deportations of Chinese nationals")


def page_url(page: str, directory_urls: bool) -> str:
    """A page's address relative to the site's root ('figures/', 'figures.html')."""
    if page in ("", "index"):
        return "" if directory_urls else "index.html"
    return f"{page}/" if directory_urls else f"{page}.html"


def permalink(pages, fid: str, site: Site) -> str:
    """The figure's row in the figures table; absolute when the site's address is known."""
    rel = page_url(pages.figure_page(fid), site.directory_urls) + f"#fig-{fid}"
    return (site.url.rstrip("/") + "/" + rel) if site.url else rel


def headline(ix, f) -> str:
    """The figure in words: '312 Chinese nationals deported on a special flight'."""
    return f"{fmt.figure_words(f)} {prose_text(ix, f.measure)}".strip()


def source_words(ix, f) -> str:
    """'The Outlet, "Headline", 8 February 2026' (plain text)."""
    s = ix.sources.get(f.source)
    if s is None:
        return f.source
    return source_line(s)


def source_line(s) -> str:
    """A source in words; an unknown publisher is left out rather than named 'unknown'; a title
    in [square brackets] (no headline known) gives way to the source's short label."""
    who = "" if s.publisher == "unknown" else s.publisher
    when = f", {date_words(s.published)}" if s.published != "unknown" else ""
    what = (s.label or "") if s.title.startswith("[") else f"\u201c{s.title}\u201d"
    return (", ".join(p for p in (who, what) if p) or "a text whose outlet is not known") + when


def note(ix, f) -> str:
    return f"Original source: {source_words(ix, f)}. Quote: \u201c{f.quote}\u201d"


def _issued(day: Optional[str]) -> Optional[dict]:
    if not day:
        return None
    y, m, d = (int(x) for x in day.split("-"))
    return {"date-parts": [[y, m, d]]}


def csl(ix, pages, fid: str, site: Site) -> dict:
    """The figure as a CSL-JSON item (the citation format of Zotero, Pandoc and citeproc)."""
    f = ix.figure(fid)
    item = {"id": fid, "type": "dataset", "title": headline(ix, f), "container-title": site.name,
            "publisher": site.name, "URL": permalink(pages, fid, site), "note": note(ix, f)}
    issued = _issued(last_change(f))
    if issued:
        item["issued"] = issued
    return item


_BIB = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
        "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    """Text for a BibTeX field in braces: TeX's special characters escaped; a brace becomes a
    command (BibTeX counts even an escaped brace, so '\\}' could end the field early), so every
    brace in the field is one this module put there, balanced; line breaks become spaces."""
    return "".join(_BIB.get(ch, ch) for ch in " ".join(str(text).split()))


def _bib_url(url: str) -> str:
    """A URL as BibTeX's url field keeps it (verbatim); braces, backslashes and spaces, which
    neither a site address nor a kebab-case id holds, are percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(ix, pages, fid: str, site: Site) -> str:
    """The figure as a BibTeX @misc entry; its key is the figure's id (kebab-case, BibTeX-safe)."""
    f = ix.figure(fid)
    fields = [("title", "{" + _bib(headline(ix, f)) + "}"), ("organization", "{" + _bib(site.name) + "}"),
              ("howpublished", "{" + _bib(site.name) + "}"), ("url", "{" + _bib_url(permalink(pages, fid, site)) + "}")]
    day = last_change(f)
    if day:
        y, m, d = day.split("-")
        fields += [("year", "{" + y + "}"), ("month", _MONTHS[int(m) - 1]), ("day", "{" + str(int(d)) + "}")]
    fields.append(("note", "{" + _bib(note(ix, f)) + "}"))
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@misc{{{fid},\n{body}\n}}\n"


def address(pages, fid: str, site: Site) -> str:
    """' https://…/figures/#fig-ID.' in a text citation; nothing when the site's address is not
    known (a relative address means nothing once copied)."""
    return f" {permalink(pages, fid, site)}." if site.url else ""


def plain(ix, pages, fid: str, site: Site) -> str:
    """A citation to copy: site, figure, day of last change, address, original source."""
    f = ix.figure(fid)
    day = last_change(f)
    when = f" Last changed {date_words(day)}." if day else ""
    return f"{site.name}. \u201c{headline(ix, f)}.\u201d{when}{address(pages, fid, site)} {note(ix, f)}."


def csl_json(ix, pages, fid: str, site: Site) -> str:
    """The CSL-JSON file of a figure, as the page's script writes it."""
    return json.dumps(csl(ix, pages, fid, site), ensure_ascii=False, indent=2) + "\n"


__all__ = ["Site", "permalink", "headline", "note", "address", "csl", "csl_json", "bibtex", "plain", "site_of", "page_url"]
