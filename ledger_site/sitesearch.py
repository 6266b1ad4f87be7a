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
content is made (add_page); only a `--dirty` build reads the site folder (add_written).
"""
from __future__ import annotations

import base64
import json
import queue
import re
import shutil
import subprocess
import threading
from concurrent.futures import Future, wait
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError

try:
    import fcntl
except ImportError:  # not POSIX: the pipe to Pagefind keeps its size (_widen)
    fcntl = None

OUTPUT_DIR = "pagefind"
PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged process (/proc/sys/fs/pipe-max-size)
# what Pagefind makes that the search here never loads (not written): its own search interfaces
# (the theme's box is used instead) and the WebAssembly for pages of no known language (all are English)
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")

# What a search result must not quote, besides what the pages mark data-pagefind-ignore (figure
# popovers: a quote is found where it is shown in full; chart drawings: their table is indexed):
# any other popover, permalink marks, drawings, the theme's buttons in the article, and the
# labels of a record's facts ("Outlet", "Published": a snippet reads "VOA Khmer, 2019", not
# "Outlet VOA Khmer Published 2019").  Nor what repeats another page's text to link it: a
# source entry's list of its figures (a figure is found in its row, with its quote) and an
# actor's year-by-year links to the pages of its events (dates of pages); at 10,000 events they
# were a ninth of the index.
ROOT = "article.md-content__inner"  # a page's text: its article, not the theme's navigation
EXCLUDE = ["[role=tooltip]", ".headerlink", "svg", ".md-content__button", ".md-source-file", "dl.facts > dt",
           "ul.cited-figures", "p.by-year"]


class _Service:
    """Pagefind's service mode (`pagefind --service`): questions go to its standard input and
    answers come from its standard output, each a base64-encoded JSON message ending in a comma.

    The `pagefind` package's own client runs an asyncio event loop in a thread of this process.
    Each page handed to it woke that loop, and mkdocs' thread then waited for Python's lock while
    the loop encoded and wrote pages: a tenth of a second or more of every preview of a
    1,000-event ledger.  Here the question is encoded where it is asked, one thread only writes
    to the pipe (a write that waits for Pagefind lets go of Python's lock) and one only reads the
    answers, so asking returns at once.  (The package's reader also slept 0.1 s before reading
    each answer.)  The package is used only to find the binary (`pagefind-bin`), and is imported
    only when the site has a search.  Once Pagefind has ended or stopped reading, every question
    asked or still waiting gets that error at once."""

    def __init__(self):
        from pagefind.service import get_executable  # imported only when the site has a search

        binary = get_executable()
        if binary is None:
            raise RuntimeError("its binary was not found (the pagefind-bin package)")
        self._proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        _widen(self._proc.stdin)
        self._lock = threading.Lock()
        self._asked: dict = {}   # message id -> Future of its answer's payload
        self._last_id = 0
        self._dead = None        # why Pagefind can answer no more, once it cannot
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._write, name="pagefind-in", daemon=True).start()
        threading.Thread(target=self._read, name="pagefind-out", daemon=True).start()

    def ask(self, payload: dict) -> Future:
        """Send one question; its Future gets the answer's payload, or an error."""
        answer: Future = Future()
        with self._lock:
            if self._dead is not None:
                answer.set_exception(RuntimeError(self._dead))
                return answer
            self._last_id += 1
            self._asked[self._last_id] = answer
            message = {"message_id": self._last_id, "payload": payload}
        self._outbox.put(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return answer

    def _write(self) -> None:
        pipe = self._proc.stdin
        while (message := self._outbox.get()) is not None:
            try:
                pipe.write(message)
                pipe.flush()
            except (OSError, ValueError) as exc:  # Pagefind ended, or the pipe was closed
                self._fail(f"it stopped reading ({exc})")
                return

    def _read(self) -> None:
        pipe, pending, start = self._proc.stdout, bytearray(), 0
        while chunk := pipe.read1(PIPE_BYTES):
            pending += chunk
            while (end := pending.find(b",", start)) >= 0:  # base64 has no comma
                self._answer(bytes(pending[:end]))
                del pending[:end + 1]
                start = 0
            start = len(pending)
        self._fail("it ended")

    def _answer(self, raw: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(raw)) if raw else None
        except ValueError:
            answer = {"payload": {"type": "Error", "message": "an answer that could not be read"}}
        if not answer:
            return
        payload = answer.get("payload") or {}
        with self._lock:
            asked = self._asked.pop(answer.get("message_id"), None)
        if asked is None:  # an answer to no question: Pagefind could not read one
            self._fail(payload.get("message", "no answer"))
        elif payload.get("type") == "Error":
            asked.set_exception(RuntimeError(payload.get("message", "failed")))
        else:
            asked.set_result(payload)

    def _fail(self, why: str) -> None:
        with self._lock:
            asked, self._asked = self._asked, {}
            self._dead = self._dead or why
        for answer in asked.values():
            if not answer.done():
                answer.set_exception(RuntimeError(why))

    def close(self) -> None:
        self._outbox.put(None)
        self._proc.terminate()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
        self._fail("the index was closed")


class Indexer:
    """One build's Pagefind index.  Pages are sent to the Pagefind process as they come (the
    calls return at once); finish() waits for them all and writes the index."""

    def __init__(self):
        self._service = None
        self._pending = []
        self._files = None  # the index's files, once sealed
        try:
            self._service = _Service()
            self._index_id = self._service.ask(
                {"type": "NewIndex", "config": {"root_selector": ROOT, "exclude_selectors": EXCLUDE,
                                                "force_language": "en"}}).result(600)["index_id"]
        except Exception as exc:  # noqa: BLE001 - the binary missing or refusing to start
            self.close()
            raise PluginError(f"the site search index (Pagefind) could not start: {exc}") from None

    def add_page(self, content: str, title: str, url: str) -> None:
        """A page's content (mkdocs' page.content), at its address relative to the site's root
        ('chronology/2022/'), sent as soon as it is made: Pagefind indexes it on the other core
        while mkdocs makes the next pages.  It is wrapped as the theme will write it, in the
        article, under the page's title as <h1> when the content has none (the theme's
        partials/content.html does the same; the buttons and source-file dates the theme also
        puts in the article are left out by EXCLUDE)."""
        heading = "" if "<h1" in content else f"<h1>{escape(title)}</h1>"
        article = f'<article class="md-content__inner md-typeset">{heading}{content}</article>'
        self._pending.append(self._service.ask(
            {"type": "AddFile", "index_id": self._index_id, "url": "/" + url, "file_path": None,
             "file_contents": f"<html><body>{article}</body></html>"}))

    def add_written(self, site_dir: str, glob: str, transform) -> None:
        """The pages already written under site_dir that match glob (for a build that writes only
        the pages that changed, `--dirty`: the others are read from the last build), each as
        transform(text) gives it back."""
        root = Path(site_dir).resolve()
        for path in sorted(root.glob(glob)):
            rel = path.relative_to(root).as_posix()
            url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            self._pending.append(self._service.ask(
                {"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None,
                 "file_contents": transform(path.read_text(encoding="utf-8"))}))

    def seal(self) -> None:
        """No more pages come: Pagefind builds the index now (a fifth of a second at 1,000 events),
        while mkdocs renders the theme around the pages, rather than after.  The index is asked
        for once every page is in (or has failed: finish() says so).  Idempotent."""
        if self._files is None:
            self._files = Future()
            threading.Thread(target=self._ask_for_files, args=(list(self._pending),), name="pagefind-seal",
                             daemon=True).start()

    def _ask_for_files(self, pending) -> None:
        wait(pending)
        try:
            self._files.set_result(self._service.ask({"type": "GetFiles", "index_id": self._index_id}).result(600))
        except Exception as exc:  # noqa: BLE001 - Pagefind failed, or the index was closed meanwhile
            self._files.set_exception(exc)

    def finish(self, out_dir: str) -> None:
        """Wait for the index, then write its files to out_dir.  The files are asked for and
        written here: Pagefind's own writing answered "written" before it had finished, and
        ending the process then could leave a file empty (pagefind-entry.json was seen so)."""
        try:
            self.seal()
            for page in self._pending:
                page.result(600)  # a page Pagefind could not read is said, not skipped
            files = self._files.result(600)["files"]
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
                path.write_bytes(base64.b64decode(f["content"]))
            json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001 - Pagefind's own failure, said in one line
            raise PluginError(f"the site search index (Pagefind) could not be written: {exc}") from None
        finally:
            self.close()

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None


def _widen(pipe) -> None:
    """Make the pipe to Pagefind hold 1 MiB (Linux; 64 KiB by default), so that pages wait in the
    pipe rather than in this process while Pagefind reads the ones before.  Where the size
    cannot be set, the pipe stays as it is."""
    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
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


# The theme's files that no page loads, not written: its search worker (swapped for Pagefind's by
# ledger_site/theme_markup.py fix_search_worker) and the lunr.js language files only that worker
# loads; and the source maps of its minified scripts and styles, which only a developer's tools
# fetch.  2.1 MB of every site (mkdocs-material 9.8).
THEME_UNUSED = re.compile(r"assets/javascripts/lunr/.+|assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"
                          r"|assets/.+\.map")


def drop_unused_theme_files(files, config) -> None:
    """Take the theme's unused files (THEME_UNUSED) off mkdocs' list of files to write; the
    project's own (docs/) stay whatever their names."""
    docs = Path(config.docs_dir).resolve()
    for f in [f for f in files if THEME_UNUSED.fullmatch(f.src_uri)]:
        if f.abs_src_path is None or docs not in Path(f.abs_src_path).resolve().parents:
            files.remove(f)
