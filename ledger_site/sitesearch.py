"""The site search's index: Pagefind (the `pagefind` package, whose binary comes in the pinned
`pagefind-bin` wheel), fed each page's article as mkdocs makes it, and written to <site>/pagefind/
at the end of the build.

Why Pagefind: mkdocs-material's search loads one index holding the text of the whole site (over
20 MB for a 10,000-event ledger, bench/benchmark.py) before it can answer a query.  Pagefind splits its index into chunks
by word and stores each result's text in a fragment of its own, so a query loads only the chunks
of its words and the fragments of the results shown.  The theme's search box stays: its worker is
swapped for docs/assets/javascripts/workers/pagefind-search.js, which answers the theme's queries
from this index (ledger_site/theme_markup.py points the pages at it).

Pagefind keeps the position of every element with an id, so a result opens the entry that
matched: the worker finds the event, actor or source heading, or the figure's row in the figures
table, that each match falls under.  Pagefind runs as a separate process (its service mode), so it
parses pages on the second core while mkdocs makes the next ones.  Pages come from mkdocs as their
content is made (add_page); only a `--dirty` build has Pagefind read the site folder (add_site).
"""
from __future__ import annotations

import asyncio
import base64
import json
import shutil
import threading
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError

try:
    import fcntl
except ImportError:  # not POSIX: the pipe to Pagefind keeps its size (_widen)
    fcntl = None

OUTPUT_DIR = "pagefind"
PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged process (/proc/sys/fs/pipe-max-size)
ANSWER_LIMIT = 1 << 30  # bytes of one answer from Pagefind: the whole index, base64 (13 MB at 10,000 events)
# what Pagefind makes that the search here never loads (not written): its own search interfaces
# (the theme's box is used instead) and the WebAssembly for pages of no known language (all are English)
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")

# What a search result must not quote, besides what the pages mark data-pagefind-ignore (figure
# popovers: a quote is found where it is shown in full; chart drawings: their table is indexed):
# any other popover, permalink marks, drawings, the theme's buttons in the article, and the
# labels of a record's facts ("Outlet", "Published": a snippet reads "VOA Khmer, 2019", not
# "Outlet VOA Khmer Published 2019").
ROOT = "article.md-content__inner"  # a page's text: its article, not the theme's navigation
EXCLUDE = ["[role=tooltip]", ".headerlink", "svg", ".md-content__button", ".md-source-file", "dl.facts > dt"]


def _service_class():
    """Pagefind's service client, reading each answer as soon as it comes.  The package's own
    reader (pagefind.service.PagefindService._wait_for_responses) sleeps 0.1 s before reading each
    answer: 0.1 s a page, and 2,000 small records took over 200 s, where Pagefind itself needs a
    fraction of a second.  Imported only when the site has a search."""
    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def _wait_for_responses(self) -> None:
            while True:
                raw = await self._backend.stdout.readuntil(b",")
                answer = json.loads(base64.b64decode(raw[:-1]))
                if not answer:
                    continue
                payload = answer.get("payload") or {}
                pending = self._responses.get(answer.get("message_id"))
                if pending is None:  # an answer to no question: Pagefind could not read one
                    for fut in self._responses.values():
                        if not fut.done():
                            fut.set_exception(RuntimeError(payload.get("message", "no answer")))
                elif not pending.done():
                    if payload.get("type") == "Error":
                        pending.set_exception(RuntimeError(payload.get("message", "failed")))
                    else:
                        pending.set_result(payload)

        async def launch(self):
            # as the package's own, but with room for one answer that holds the whole index
            # (get_files, below) and Pagefind's messages to stderr kept out of the answers
            self._backend = await asyncio.create_subprocess_exec(
                self._bin, "--service", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.DEVNULL, limit=ANSWER_LIMIT)
            _widen(self._backend.stdin.transport)
            self._poll_task = self._loop.create_task(self._wait_for_responses())
            return self
    return Service


class Indexer:
    """One build's Pagefind index.  Pages are sent to the Pagefind process as they come (the
    calls return at once); finish() waits for them all and writes the index."""

    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._service = self._index = None
        self._pending = []
        self._files = None  # the index's files, once sealed
        try:
            self._index = self._wait(self._start())
        except Exception as exc:  # noqa: BLE001 - the binary missing or refusing to start
            self.close()
            raise PluginError(f"the site search index (Pagefind) could not start: {exc}") from None

    async def _start(self):
        self._service = await _service_class()().launch()  # made in the loop: it keeps the loop
        return await self._service.create_index({"root_selector": ROOT, "exclude_selectors": EXCLUDE,
                                                 "force_language": "en"})

    def _wait(self, coro, timeout=600):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _send(self, coro):
        self._pending.append(asyncio.run_coroutine_threadsafe(coro, self._loop))

    def add_page(self, content: str, title: str, url: str) -> None:
        """A page's content (mkdocs' page.content), at its address relative to the site's root
        ('chronology/2022/'), sent as soon as it is made: Pagefind indexes it on the other core
        while mkdocs makes the next pages.  It is wrapped as the theme will write it, in the
        article, under the page's title as <h1> when the content has none (the theme's
        partials/content.html does the same; the buttons and source-file dates the theme also
        puts in the article are left out by EXCLUDE)."""
        heading = "" if "<h1" in content else f"<h1>{escape(title)}</h1>"
        article = f'<article class="md-content__inner md-typeset">{heading}{content}</article>'
        self._send(self._index.add_html_file(content=f"<html><body>{article}</body></html>", url="/" + url))

    def add_site(self, site_dir: str, glob: str) -> None:
        """The pages already written under site_dir that match glob (for a build that writes only
        the pages that changed, `--dirty`: the others are read from the last build)."""
        self._send(self._index.add_directory(str(Path(site_dir).resolve()), glob=glob))

    def seal(self) -> None:
        """No more pages come: Pagefind builds the index now (a fifth of a second at 1,000 events),
        while mkdocs renders the theme around the pages, rather than after.  Idempotent."""
        if self._files is None:
            self._files = asyncio.run_coroutine_threadsafe(self._all_files(list(self._pending)), self._loop)

    async def _all_files(self, pending):
        for fut in pending:  # every page in, or its error, before the index is asked for
            await asyncio.wrap_future(fut)
        return await self._index.get_files()

    def finish(self, out_dir: str) -> None:
        """Wait for the index, then write its files to out_dir.  The files are asked for and
        written here: Pagefind's own writing answered "written" before it had finished, and
        ending the process then could leave a file empty (pagefind-entry.json was seen so)."""
        try:
            self.seal()
            files = self._files.result(600)
            out = Path(out_dir).resolve()
            # a rebuild into the same folder (mkdocs serve) leaves no file of the last index behind:
            # Pagefind names its files by their contents
            shutil.rmtree(out, ignore_errors=True)
            for f in files:
                path = (out / f["path"]).resolve()
                if path.name in UNUSED:
                    continue
                if out not in path.parents:
                    raise ValueError(f"a file outside the index folder: {f['path']!r}")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(f["content"])
            json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001 - Pagefind's own failure, said in one line
            raise PluginError(f"the site search index (Pagefind) could not be written: {exc}") from None
        finally:
            self.close()

    def close(self) -> None:
        if self._service is not None:
            try:
                self._wait(self._service.close(), timeout=30)
            except Exception:  # noqa: BLE001 - closing a process that already ended
                pass
            self._service = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)


def _widen(transport) -> None:
    """Make the pipe to Pagefind hold 1 MiB (Linux; 64 KiB by default).  Pages are written to it
    by the event loop's thread, which waits for Python's lock between each pipeful while mkdocs
    renders: through 64 KiB, the pages of a 1,000-event site (9 MB) reached Pagefind a second
    late.  Where the size cannot be set, the pipe stays as it is."""
    try:
        fcntl.fcntl(transport.get_extra_info("pipe").fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):  # no fcntl (not POSIX), no F_SETPIPE_SZ (not Linux), refused
        pass


def skip_theme_index_pass(config) -> None:
    """Take the theme search plugin's per-page step (on_page_context) off mkdocs' list of events.
    That step adds the page to the plugin's own index, which every page is excluded from
    (ledger_site/wiring.py on_page_markdown), then deletes `data-search-…` attributes, which no page here has, with a
    regular expression that tries every position of the page: a quarter of a second at 1,000
    events, in every build and every preview.  The plugin stays for the search box."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    events = getattr(config.plugins, "events", {}).get("page_context")
    if plugin is not None and events is not None:
        events[:] = [e for e in events if getattr(e, "__self__", None) is not plugin]
