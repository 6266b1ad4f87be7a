"""Helpers of the real-browser tests (their fixtures are in tests/browser/conftest.py): a server
for the built site, the Chromium to drive, and a watch on what the pages do.

Every page opened through the `open_page` fixture is watched: a request to any host but the
loopback one is refused and recorded, and so is every console error and uncaught exception; the
test fails at teardown if there was any (the site works offline: no CDN fonts, scripts or images).

The browser is the one $CHROMIUM names (CI points it at the runner's Google Chrome); without it,
Debian's chromium at /usr/bin/chromium, else Playwright's own build when one was installed.  With
none, the tests fail and say how to install one: they are never skipped (scripts/ensure-chromium
installs Debian's chromium, as root, where apt-get exists)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ledger.render import html, inline
from tests import ROOT

OUTPUT = ROOT / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
CHROMIUM_SET = bool(os.environ.get("CHROMIUM"))  # named explicitly: that browser or none
CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
# The background-networking flags keep Chromium from calling its vendor's services, which a closed
# network refuses (and which would count as requests to another host).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


# -- the site, served ------------------------------------------------------------------------------
class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; paths in `extra` (set per server) are served from memory."""
    extra: dict = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        body = self.extra.get(unquote(urlsplit(self.path).path))
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serving(root: Path, extra: dict | None = None):
    """Serve the folder root on a free loopback port for the duration; yields the base URL."""
    handler = functools.partial(type("SiteHandler", (Handler,), {"extra": {} if extra is None else extra}), directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Served:
    site: object           # sitebuild.Site
    base: str              # http://127.0.0.1:PORT/
    extra: dict            # path -> bytes, served from memory (test pages)
    loaded: object = None  # ledger.render.site.Site (index and pages) of the ledger it was built from

    def url(self, rel: str) -> str:
        return urljoin(self.base, rel)

    @property
    def ctx(self):
        """A render context at the site's root: ledger links (figure_href, …) as site paths."""
        return inline.Ctx(self.loaded.index, self.loaded.pages, html.Links(""))

    @property
    def data(self):
        """The ledger's index (ledger.index.LedgerIndex)."""
        return self.loaded.index

    def pages(self) -> list[str]:
        """Every page of the site, as a path from its root ('', 'figures/', '404.html')."""
        out = []
        for f in sorted(self.site.root.rglob("*.html")):
            rel = f.relative_to(self.site.root).as_posix()
            out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return out


# -- the browser -----------------------------------------------------------------------------------
def chromium_executable(playwright) -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    if CHROMIUM_SET:
        pytest.fail(f"CHROMIUM names {CHROMIUM}, which does not exist: set it to a Chromium or Chrome "
                    "binary, or unset it to use Debian's chromium at /usr/bin/chromium.", pytrace=False)
    try:
        own = Path(playwright.chromium.executable_path)
    except Exception:  # noqa: BLE001 - no browser of its own
        own = None
    if own is not None and own.exists():
        return str(own)
    pytest.fail(
        f"The browser tests need Chromium, and {CHROMIUM} is missing (nor is there a browser installed "
        "by Playwright). Install Debian's chromium package: run `scripts/ensure-chromium` (as root it "
        "runs `apt-get install -y chromium`), or `sudo apt-get install chromium`, or set CHROMIUM to "
        "a Chromium binary.", pytrace=False)


@dataclass
class Watch:
    """What the pages of a test did that they must not: requests to other hosts, console errors."""
    foreign: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"requested another host: {u}" for u in self.foreign]
                + [f"console error: {e}" for e in self.errors])


def watched_context(browser, watch: Watch, **options):
    context = browser.new_context(**options)

    def route(r):
        url = r.request.url
        if urlsplit(url).hostname in LOOPBACK:
            r.continue_()
        else:
            watch.foreign.append(url)
            r.abort()
    context.route("**/*", route)

    def on_page(page):
        page.on("console", lambda m: watch.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: watch.errors.append(f"{page.url}: uncaught {exc}"))
    context.on("page", on_page)
    return context


def visible(page, selector: str, attribute: str) -> list[str]:
    """`attribute` of the elements matching selector that are shown (not hidden by a filter)."""
    return page.eval_on_selector_all(
        selector, "(els, a) => els.filter(e => e.getClientRects().length > 0).map(e => e.getAttribute(a))", attribute)


def shown_events(page, selector: str = "section.event") -> list[str]:
    """The ids of the events (their heading's anchor without 'ev-') of the page that are shown."""
    return [i.removeprefix("ev-") for i in visible(page, f"{selector} > :is(h2, h3)", "id")]


# The cell a reader sees in a column of a table's row: the row's own, or a cell of a row above it
# that spans it (rowspan: the figures table's shared cells).  Found where the browser draws it, at
# the middle of the column's heading and just below the row's top, with the row in view.
_SHOWN_CELL = """(row, column) => {
  row.scrollIntoView({ block: "center" });
  const head = row.closest("table").tHead.rows[0].cells[column].getBoundingClientRect();
  const top = row.getBoundingClientRect().top;
  const at = document.elementFromPoint(head.left + head.width / 2, top + 8);
  const cell = at && at.closest("td, th");
  return cell && cell.parentNode.parentNode === row.parentNode ? cell : null;
}"""


def shown_cell(row, column: int):
    """The ElementHandle of the cell shown in `column` (from 0) of the row, a Playwright Locator of
    one <tr>; also without the page's script (Playwright evaluates in its own world)."""
    return row.evaluate_handle(_SHOWN_CELL, column).as_element()


def sharing_rows(served: Served) -> list[str]:
    """The figures whose row in the built figures table shows a cell of a row above it (it has
    fewer cells of its own than the table has columns), in the table's order."""
    out = []
    for rel in served.pages():
        if rel.startswith("figures/"):
            for table in served.site.page(rel).select("table.figures-table"):
                width = len(table.select("thead th"))
                out += [tr["id"].removeprefix("fig-") for tr in table.select("tbody > tr[id]")
                        if len(tr.find_all("td", recursive=False)) < width]
    return out


def site_path(served: Served, href: str) -> tuple[str, str]:
    """(path, fragment) of an href relative to the site's root or absolute on the test server."""
    parts = urlsplit(urljoin(served.base, href))
    return parts.path, unquote(parts.fragment)
