"""Helpers for the built-site tests (tests/site, tests/browser): run `mkdocs build --strict`, and
read a built site with BeautifulSoup (a real HTML parser).  The fixtures that build each site once
per session are in tests/conftest.py and tests/site/conftest.py."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from ledger.validate import validate_file
from tests import REAL, ROOT

REPO_URL = "https://github.com/example-org/example-repo"


def build(ledger: Path | None, out: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict | None = None,
          pre: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (optionally after Python code `pre`, run in the same process)."""
    e = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=REPO_URL)
    e.pop("SITE_URL", None)
    if ledger is not None:
        e["LEDGER_FILE"] = str(ledger)
    e.update(env or {})
    args = ["build", "--strict", "--config-file", str(config), "--site-dir", str(out)]
    if pre:
        code = pre + "\nimport sys\nfrom mkdocs.__main__ import cli\ncli(" + repr(args) + ")\n"
        cmd = [sys.executable, "-c", code]
    else:
        cmd = [sys.executable, "-m", "mkdocs", *args]
    return subprocess.run(cmd, cwd=ROOT, env=e, capture_output=True, text=True, timeout=600)


@dataclass
class Site:
    """A built site: its folder, the ledger it came from, and parsed pages on demand."""
    root: Path
    ledger_file: Path
    log: str
    _pages: dict = field(default_factory=dict)
    _ids_of: dict = field(default_factory=dict)

    @property
    def ledger(self):
        return self.index.ledger

    @property
    def index(self):
        """The ledger's index, validated once per site."""
        if not hasattr(self, "_index"):
            self._index = validate_file(self.ledger_file).index
        return self._index

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def page(self, rel: str) -> BeautifulSoup:
        """Parsed page by its URL path ('figures/' or 'figures/index.html')."""
        rel = rel + "index.html" if rel.endswith("/") or rel == "" else rel
        if rel not in self._pages:
            self._pages[rel] = BeautifulSoup((self.root / rel).read_text(encoding="utf-8"), "html.parser")
        return self._pages[rel]

    def pages(self, under: str = ""):
        """(path, parsed page) of every page, or of those under a folder ('figures/')."""
        for f in self.html_files():
            rel = f.relative_to(self.root).as_posix()
            if rel.startswith(under):
                yield rel, self.page(rel)

    def ids(self, rel: str) -> dict:
        """{id: [elements]} of one page, indexed once (a per-link soup.find(id=…) walks the page)."""
        rel = rel + "index.html" if rel.endswith("/") or rel == "" else rel
        if rel not in self._ids_of:
            index: dict = {}
            for el in self.page(rel).find_all(id=True):
                index.setdefault(el["id"], []).append(el)
            self._ids_of[rel] = index
        return self._ids_of[rel]

    def element(self, ident: str, prefix: str = ""):
        """The element with this id on the first page whose path starts with prefix ('figures/',
        'chronology/'): a listing may be split over several pages (ledger/render/paging.py)."""
        if "_ids" not in self.__dict__:
            self._ids = {}
            for rel, _ in self.pages():
                for ident_, els in self.ids(rel).items():
                    self._ids.setdefault(ident_, []).extend((rel, el) for el in els)
        return next((el for rel, el in self._ids.get(ident, []) if rel.startswith(prefix)), None)

    def entry(self, anchor: str, prefix: str = ""):
        """The entry (section) whose heading carries the permanent anchor, on any page under prefix."""
        heading = self.element(anchor, prefix)
        return heading.find_parent("section") if heading is not None else None

    def search_records(self) -> dict:
        """{address: record} of the site search's index (Pagefind's fragments, ledger_site/sitesearch.py):
        one record per page and per figure, each with its url, content (the text searched and
        quoted), meta (its title) and anchors (the headings with ids, at word positions)."""
        if "_records" not in self.__dict__:
            self._records = {}
            for f in sorted((self.root / "pagefind" / "fragment").glob("*.pf_fragment")):
                raw = gzip.decompress(f.read_bytes())
                assert raw.startswith(b"pagefind_dcd"), f.name
                record = json.loads(raw[len(b"pagefind_dcd"):])
                self._records[record["url"].lstrip("/")] = record
        return self._records

    def search_section(self, address: str) -> str:
        """The searched text of one entry ('actors/#actor-x'): its page's record from the entry's
        heading to the next heading with an id."""
        page, _, anchor = address.partition("#")
        record = self.search_records()[page]
        words = record["content"].split()
        starts = sorted(a["location"] for a in record["anchors"])
        at = next(a["location"] for a in record["anchors"] if a["id"] == anchor)
        end = next((s for s in starts if s > at), len(words))
        return " ".join(words[at:end])

    def figures(self):
        for e in self.ledger.events:
            for f in e.figures:
                yield f, e


_GRIDS: dict = {}  # id of a table body -> (the body, {id of a row: its cells as laid out})


def row_cells(row) -> list:
    """A table row's cells, column by column, as a reader sees them: a cell of a row above that
    spans this one (rowspan: the figures table's shared cells, ledger/render/figures.py) is in
    its column, as a browser lays it out.  Each table body is laid out once."""
    body = row.parent
    if _GRIDS.get(id(body), (None,))[0] is not body:
        above: dict = {}  # column -> [cell, rows it still spans]
        grid = {}
        for tr in body.find_all("tr", recursive=False):
            own = iter(tr.find_all(["td", "th"], recursive=False))
            width = len(tr.find_all(["td", "th"], recursive=False)) + sum(1 for _, left in above.values() if left > 0)
            out = []
            for col in range(width):
                if above.get(col, (None, 0))[1] > 0:
                    above[col][1] -= 1
                    out.append(above[col][0])
                    continue
                cell = next(own)
                out.append(cell)
                above[col] = [cell, int(cell.get("rowspan", 1)) - 1]
            grid[id(tr)] = out
        _GRIDS[id(body)] = (body, grid)
    return _GRIDS[id(body)][1][id(row)]


def row_quote(row) -> tuple[str, str]:
    """A figure's row in the figures table: the words of its quote (the Quote cell's first <q>) and
    the id of the source whose entry the row links to, its Source cell's first link ('' when that
    links to no source entry)."""
    cells = row_cells(row)
    link = cells[4].find("a")
    href = link.get("href", "") if link else ""
    return cells[5].find("q").get_text(), href.split("#src-", 1)[1] if "#src-" in href else ""


def build_site(out: Path, ledger: Path) -> Site:
    """Build the site of a ledger into out; fail the test with mkdocs' output if the build fails."""
    proc = build(ledger, out)
    assert proc.returncode == 0, f"mkdocs build failed for {ledger}:\n{proc.stdout}\n{proc.stderr}"
    return Site(out, ledger, proc.stdout + proc.stderr)


def real_ok() -> bool:
    """Whether data/events.yaml exists and validates (its site can be built)."""
    if not REAL.exists():
        return False
    return validate_file(REAL).ok
