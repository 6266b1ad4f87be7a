"""`mkdocs serve` rebuilds reuse the search entries of pages that did not change
(ledger_site/wiring.py on_pre_build): an edit to the ledger still shows at once, on its page and in
the search index, and the index equals the one a fresh build of the edited ledger writes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests import CASES, ROOT
from tests.sitebuild import build

# two builds in one process, as `mkdocs serve` runs them, with an edit to the ledger in between
SERVE = """
import json, sys
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
wiring = sys.modules["ledger_site.wiring"]
print(json.dumps({"cached_pages": len(wiring.STATE.search_entries)}))
"""

OLD, NEW = "title: Arrests reported", "title: Arrests reported by the provincial police"


def _entries(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted(json.dumps(d, sort_keys=True) for d in docs)


def test_an_edit_shows_on_its_page_and_in_search_while_serving(tmp_path):
    case = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", case)
    served = tmp_path / "served"
    proc = subprocess.run([sys.executable, "-c", SERVE, str(case / "events.yaml"), str(served), OLD, NEW],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "LEDGER_FILE": str(case / "events.yaml"),
                               "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1])["cached_pages"] > 0
    new_title = NEW.split(": ", 1)[1]
    pages = [p for p in served.rglob("*.html") if new_title in p.read_text(encoding="utf-8")]
    assert pages, "the edited title is on no served page"
    assert any(new_title in d for d in _entries(served)), "the search index still has the old title"
    fresh = tmp_path / "fresh"
    done = build(case / "events.yaml", fresh)
    assert done.returncode == 0, done.stderr[-3000:]
    assert _entries(served) == _entries(fresh)
