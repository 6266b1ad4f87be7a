"""Helpers and fixtures for the built-site tests: run `mkdocs build --strict`, and read a built
site with BeautifulSoup (a real HTML parser).  Each site is built once per test session into a
temporary folder, from the sample ledger and (when it exists and validates) data/events.yaml.

The fixtures live here, imported by the test modules that use them, rather than in a conftest.py:
a second module named `conftest` would shadow tests/conftest.py for `from conftest import …`."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "cases" / "valid" / "basic" / "events.yaml"
REAL = ROOT / "data" / "events.yaml"
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

    @property
    def ledger(self):
        from ledger.validate import validate_file
        if not hasattr(self, "_ledger"):
            self._ledger = validate_file(self.ledger_file).ledger
        return self._ledger

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def page(self, rel: str) -> BeautifulSoup:
        """Parsed page by its URL path ('figures/' or 'figures/index.html')."""
        rel = rel + "index.html" if rel.endswith("/") or rel == "" else rel
        if rel not in self._pages:
            self._pages[rel] = BeautifulSoup((self.root / rel).read_text(encoding="utf-8"), "html.parser")
        return self._pages[rel]

    def pages(self):
        for f in self.html_files():
            yield f.relative_to(self.root).as_posix(), self.page(f.relative_to(self.root).as_posix())

    def element(self, ident: str, prefix: str = ""):
        """The element with this id on the first page whose path starts with prefix ('figures/',
        'chronology/'): a listing may be split over several pages (ledger/render/paging.py)."""
        if "_ids" not in self.__dict__:
            self._ids = {}
            for rel, soup in self.pages():
                for el in soup.find_all(id=True):
                    self._ids.setdefault(el["id"], []).append((rel, el))
        return next((el for rel, el in self._ids.get(ident, []) if rel.startswith(prefix)), None)

    def entry(self, anchor: str, prefix: str = ""):
        """The entry (section) whose heading carries the permanent anchor, on any page under prefix."""
        heading = self.element(anchor, prefix)
        return heading.find_parent("section") if heading is not None else None

    def figures(self):
        for e in self.ledger.events:
            for f in e.figures:
                yield f, e


_BUILT: dict = {}  # (name, ledger) -> Site: a fixture imported into several modules builds once


def _build_site(tmp_path_factory, name: str, ledger: Path) -> Site:
    if (name, ledger) in _BUILT:
        return _BUILT[(name, ledger)]
    out = tmp_path_factory.mktemp(name) / "site"
    proc = build(ledger, out)
    assert proc.returncode == 0, f"mkdocs build failed for {ledger}:\n{proc.stdout}\n{proc.stderr}"
    _BUILT[(name, ledger)] = Site(out, ledger, proc.stdout + proc.stderr)
    return _BUILT[(name, ledger)]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Site:
    return _build_site(tmp_path_factory, "sample", SAMPLE)


def _real_ok() -> bool:
    if not REAL.exists():
        return False
    from ledger.validate import validate_file
    return validate_file(REAL).ok


SITES = ["sample", "real", "split"]
SPLIT_EVENTS = 400  # over two years: every listing splits, and each year of the chronology has parts


def _split_site(tmp_path_factory) -> Site:
    """A synthetic ledger large enough that the figures, actors and sources listings and the
    chronology's years are split into several pages (ledger/render/paging.py)."""
    from ledger.synth import synthesize
    if ("split", None) not in _BUILT:
        out = tmp_path_factory.mktemp("split-ledger")
        synthesize(SPLIT_EVENTS, seed=3, out=out, years=2)
        _BUILT[("split", None)] = _build_site(tmp_path_factory, "split", out / "events.yaml")
    return _BUILT[("split", None)]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The site built from data/events.yaml (skipped when it does not exist or validate)."""
    if not _real_ok():
        pytest.skip("data/events.yaml does not exist yet or does not validate")
    return _build_site(tmp_path_factory, "real", REAL)


@pytest.fixture(scope="session", params=SITES)
def site(request, tmp_path_factory) -> Site:
    """Every site that can be built: the sample ledger, and data/events.yaml when it validates."""
    if request.param == "sample":
        return request.getfixturevalue("sample_site")
    if request.param == "split":
        return _split_site(tmp_path_factory)
    if not _real_ok():
        pytest.skip("data/events.yaml does not exist yet or does not validate")
    return _build_site(tmp_path_factory, "real", REAL)  # built once: shared with real_site


@pytest.fixture(scope="session")
def split_site(tmp_path_factory) -> Site:
    return _split_site(tmp_path_factory)


@pytest.fixture
def ledger_copy(tmp_path) -> Path:
    """A writable copy of the sample ledger and its archives; returns the events.yaml path."""
    dest = tmp_path / "ledger"
    shutil.copytree(SAMPLE.parent, dest)
    return dest / "events.yaml"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the site's own files (mkdocs.yml, docs/, ledger_site/, overrides/), with ledger/ and data/ linked,
    to build variants of the pages without touching the real ones; returns the project folder."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "ledger_site", dest / "ledger_site", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "ledger").symlink_to(ROOT / "ledger", target_is_directory=True)
    (dest / "data").symlink_to(ROOT / "data", target_is_directory=True)
    return dest
