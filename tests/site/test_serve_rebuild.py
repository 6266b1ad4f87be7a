"""`mkdocs serve` rebuilds after an edit to the ledger show the edit at once, on its page and in
the site search (ledger_site/wiring.py: the ledger is read again when its file changed; the search
index is written afresh by every build), and the index equals the one a fresh build of the edited
ledger writes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests import CASES, ROOT
from tests.sitebuild import Site, build

# two builds in one process, as `mkdocs serve` runs them, with an edit to the ledger in between
SERVE = """
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
ledger, site, old, new = sys.argv[1:]
def once():
    cfg = load_config("mkdocs.yml", site_dir=site)
    cfg.plugins.on_startup(command="serve", dirty=False)
    build(cfg, serve_url="http://127.0.0.1:8000/")
once()
path = Path(ledger)
text = path.read_text(encoding="utf-8")
assert text.count(old) == 1
path.write_text(text.replace(old, new), encoding="utf-8")
once()
"""

OLD, NEW = "title: Arrests reported", "title: Arrests reported by the provincial police"


def _records(site, ledger):
    return sorted(json.dumps(r, sort_keys=True) for r in Site(site, ledger, "").search_records().values())


def test_an_edit_shows_on_its_page_and_in_search_while_serving(tmp_path):
    case = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", case)
    served = tmp_path / "served"
    proc = subprocess.run([sys.executable, "-c", SERVE, str(case / "events.yaml"), str(served), OLD, NEW],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "LEDGER_FILE": str(case / "events.yaml"),
                               "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    new_title = NEW.split(": ", 1)[1]
    pages = [p for p in served.rglob("*.html") if new_title in p.read_text(encoding="utf-8")]
    assert pages, "the edited title is on no served page"
    served_records = _records(served, case / "events.yaml")
    headings = {a["text"] for r in Site(served, case / "events.yaml", "").search_records().values() for a in r["anchors"]}
    assert new_title in headings and OLD.split(": ", 1)[1] not in headings, "the search index still has the old title"
    fresh = tmp_path / "fresh"
    done = build(case / "events.yaml", fresh)
    assert done.returncode == 0, done.stderr[-3000:]
    assert served_records == _records(fresh, case / "events.yaml")


def test_a_dirty_build_indexes_every_page_not_only_those_it_wrote(tmp_path):
    """`--dirty` writes only the pages whose source changed; the search index still holds every
    page (read from the site folder), as a full build's does."""
    case = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", case)
    full, dirty = tmp_path / "full", tmp_path / "dirty"
    assert build(case / "events.yaml", full).returncode == 0
    shutil.copytree(full, dirty)
    shutil.rmtree(dirty / "pagefind")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-d", str(dirty)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "LEDGER_FILE": str(case / "events.yaml"), "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _records(dirty, case / "events.yaml") == _records(full, case / "events.yaml")


def test_serve_looks_for_edits_every_tenth_of_a_second(tmp_path):
    """mkdocs polls the watched folders every 0.5 s; the hooks make it 0.1 s, for the folders
    watched before the hook runs (docs, mkdocs.yml) and after it (`watch:` in mkdocs.yml)."""
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    from ledger_site import serving, wiring

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    config = load_config(str(ROOT / "mkdocs.yml"))
    server.watch(str(ROOT / "docs"))
    assert {e.timeout for e in server.observer.emitters} == {0.5}  # mkdocs' own interval
    assert wiring.on_serve(server, config, None) is server
    server.watch(str(ROOT / "ledger"))
    assert len(server.observer.emitters) == 3  # docs, the ledger's folder, ledger/
    assert {e.timeout for e in server.observer.emitters} == {serving.POLL_SECONDS} == {0.1}
