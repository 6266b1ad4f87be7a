"""`ledger archive`: a saved web page -> the article's main text, written as the source's archive
(data/sources/ID.txt), and a source record to paste, with the archive's SHA-256 and what the
page's metadata says about its publisher, headline and date.

The main text is extracted with trafilatura (navigation, footers, comments left out); the date
comes from htmldate, which reads the page's metadata (and, when given, its address).  The text is
written the way the engine reads archives (ledger/archive.py): UTF-8, each paragraph on one line
with its whitespace collapsed, paragraphs apart by a blank line.  Quotes and dashes keep their
typography: the engine normalises those when it matches a quote, not in the file.

Never overwrites an archive and never edits the ledger; page text printed to the terminal is
escaped (ledger.corrections.shown).
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from .corrections import shown
from .model import ID_PATTERN

MAX_PAGE_BYTES = 20 * 1024 * 1024
_SPACE = re.compile(r"\s+")


def safe_url(url) -> Optional[str]:
    """The URL when it is an absolute http(s) address with a host and no whitespace or control
    characters, else None (the url-unsafe check in ledger/checks/consistency.py asks the same)."""
    if not isinstance(url, str) or not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class ArchiveError(Exception):
    """The page cannot be read or archived (exit 2), or holds no main text (exit 1)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Archived:
    path: Path            # the archive written
    rel: str              # its path relative to the ledger's folder
    sha256: str
    text: str
    url: Optional[str]
    url_basis: str        # where the URL came from
    publisher: Optional[str]
    title: Optional[str]
    published: Optional[str]
    published_basis: Optional[str]
    language: Optional[str]


def normalise(text: str) -> str:
    """Extracted text as the archive file holds it (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = [_SPACE.sub(" ", p).strip() for p in text.split("\n")]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def fetch(url: str, timeout: float = 30) -> bytes:
    """Download a page (http or https only), at most MAX_PAGE_BYTES."""
    if safe_url(url) is None:
        raise ArchiveError(f"'{shown(url)}' is not an http(s) address")
    request = urllib.request.Request(url, headers={"User-Agent": "ledger-archive (a sourced ledger's archiving tool)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            data = response.read(MAX_PAGE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"cannot download {shown(url)}: {shown(str(exc))}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise ArchiveError(f"{shown(url)} is larger than {MAX_PAGE_BYTES:,} bytes")
    return data


def _main_text(page: bytes) -> str:
    import trafilatura  # here, not at the top: importing trafilatura and htmldate takes about 0.5 s, which every other `ledger` command would pay
    text = trafilatura.extract(page, output_format="txt", include_comments=False, include_tables=True,
                               include_links=False, include_images=False, favor_precision=True, deduplicate=False)
    return text or ""


def _metadata(page: bytes, url: Optional[str]) -> dict:
    import htmldate  # here, not at the top: see _main_text
    import trafilatura
    meta = trafilatura.extract_metadata(page)
    out = {"publisher": None, "title": None, "language": None, "canonical": None,
           "published": None, "published_basis": None}
    if meta is not None:
        out.update(publisher=meta.sitename or None, title=meta.title or None,
                   canonical=meta.url or None)
    lang = re.search(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", page[:4096], re.IGNORECASE)
    out["language"] = lang.group(1).decode("ascii").lower() if lang else None
    found = htmldate.find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    if found:
        out["published"] = found
        out["published_basis"] = ("Taken from the publication date in the saved page's metadata, read by htmldate; "
                                  "check it against the article.")
    elif url:
        found = htmldate.find_date(page, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
        if found:
            out["published"] = found
            out["published_basis"] = "Taken from the date in the page's address, read by htmldate; check it against the article."
    return out


def archive_page(page: bytes, source_id: str, ledger: Path, url: Optional[str] = None) -> Archived:
    """Write the page's main text to sources/<source_id>.txt beside the ledger file."""
    if not re.match(ID_PATTERN, source_id) or len(source_id) > 120:
        raise ArchiveError(f"'{shown(source_id)}' is not a kebab-case id (e.g. outlet-2026-02-short-slug)")
    if url is not None and safe_url(url) is None:
        raise ArchiveError(f"'{shown(url)}' is not an http(s) address")
    text = _main_text(page)
    if not text.strip():
        raise ArchiveError("no article text was found in the page; save the article's own page, not an index or a "
                           "page that loads its text with scripts", code=1)
    text = normalise(text)
    meta = _metadata(page, url)
    url_basis = "given"
    if url is None and meta["canonical"] and safe_url(meta["canonical"]):
        url, url_basis = meta["canonical"], "the page's canonical link"
    rel = f"sources/{source_id}.txt"
    path = Path(ledger).parent / rel
    data = text.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as fh:  # 'x': never overwrite an archive
            fh.write(data)
    except FileExistsError:
        raise ArchiveError(f"{path} already exists; an archive is never overwritten (choose another id, "
                           "or remove the file yourself if it is wrong)") from None
    except OSError as exc:
        raise ArchiveError(f"cannot write {path}: {exc.strerror or exc}") from None
    return Archived(path, rel, hashlib.sha256(data).hexdigest(), text, url, url_basis, meta["publisher"],
                    meta["title"], meta["published"], meta["published_basis"], meta["language"])


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar that is also safe on a terminal: JSON's escaping, and every
    other non-printable character as \\uXXXX."""
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in quoted)


def record(a: Archived, source_id: str, today: Optional[str] = None) -> str:
    """The source record to paste under `sources:`."""
    today = today or datetime.date.today().isoformat()
    lines = [f"  - id: {source_id}"]
    lines.append(f"    publisher: {_scalar(a.publisher)}" if a.publisher
                 else "    publisher: unknown                    # not in the page's metadata: name it, or explain in notes")
    lines.append(f"    title: {_scalar(a.title)}" if a.title
                 else '    title: "[describe the text; headline unknown]"   # not in the page\'s metadata')
    if a.published:
        lines.append(f"    published: {a.published}")
        lines.append(f"    published_basis: {_scalar(a.published_basis)}")
    else:
        lines.append("    published: unknown                    # no date in the page's metadata; see ledger new source")
    if a.url:
        lines.append(f"    url: {_scalar(a.url)}" + ("" if a.url_basis == "given" else f"   # from {a.url_basis}"))
    else:
        lines.append("    # url: https://…                      # only if known; never invented")
    lines += [f"    archive: {a.rel}", f"    archive_sha256: {a.sha256}",
              f"    language: {a.language or 'en'}" + ("" if a.language else "   # check"),
              "    cites: []", f"    added: {today}"]
    return "\n".join(lines) + "\n"


__all__ = ["ArchiveError", "Archived", "archive_page", "fetch", "normalise", "record", "MAX_PAGE_BYTES"]
