"""An Atom feed (RFC 4287) of what was added or updated in the ledger, newest first."""
from __future__ import annotations

import uuid
from urllib.parse import urljoin

from ..numerals import printable
from .html import esc as _html_esc
from .news import items as news_items


def esc(value) -> str:
    """Escaped for XML, with control and invisible characters written as visible escapes: the
    validator refuses them, and the feed stays well-formed XML even if one got through."""
    return _html_esc(printable("" if value is None else str(value)))

FEED_PATH = "feed.xml"
_NS = uuid.UUID("6f1c1f7e-3c55-4c1e-9d43-5b0d2c9a0a51")


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _page_url(page: str, directory_urls: bool) -> str:
    if page in ("", "index"):
        return "" if directory_urls else "index.html"
    return f"{page}/" if directory_urls else f"{page}.html"


def atom(index, pages, title: str, site_url: str | None = None, directory_urls: bool = True, limit: int = 50) -> str:
    """The feed.  Links are absolute when the site's URL is known, else relative to the feed
    (which sits at the site's root), as Atom allows."""
    base = (site_url.rstrip("/") + "/") if site_url else ""
    items = news_items(index, pages, limit)
    updated = _stamp(items[0][0]) if items else "1970-01-01T00:00:00Z"
    feed_id = urljoin(base, FEED_PATH) if base else f"urn:uuid:{uuid.uuid5(_NS, 'feed')}"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{esc(title)}: what's new</title>",
           f"<id>{esc(feed_id)}</id>",
           f"<updated>{updated}</updated>",
           f'<link rel="self" type="application/atom+xml" href="{esc(base + FEED_PATH)}"/>',
           f'<link rel="alternate" type="text/html" href="{esc(base + _page_url("whats-new", directory_urls)) or "whats-new/"}"/>',
           "<author><name>The ledger's editors</name></author>"]
    for day, key, title_text, summary, page, anchor in items:  # ledger/render/news.py
        href = base + _page_url(page, directory_urls) + "#" + anchor
        entry_id = f"urn:uuid:{uuid.uuid5(_NS, key)}"
        out.append("<entry>"
                   f"<title>{esc(title_text)}</title>"
                   f"<id>{esc(entry_id)}</id>"
                   f"<updated>{_stamp(day)}</updated>"
                   f'<link rel="alternate" type="text/html" href="{esc(href)}"/>'
                   f"<summary>{esc(summary)}</summary>"
                   "</entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"
