"""`mkdocs serve` rebuilds reuse what the last one made (ledger_site/preview.py keeps unchanged
generated files on disk; ledger_site/blocks.py reuses the HTML of a page's pieces by the digest of
what they read from the ledger): after every
edit, the served site is byte for byte the site a fresh `mkdocs build` of the edited ledger writes,
so a preview never shows stale content, on any page or in any file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests import CASES, ROOT
from tests.sitebuild import REPO_URL, build

# builds in one process, as `mkdocs serve` runs them, with an edit to the ledger before each
# rebuild; after each build the served folder is copied to OUT/<n> for comparison
SERVE = """
import json, shutil, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
ledger, site, out, edits = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), json.loads(sys.argv[4])
def once(n):
    cfg = load_config("mkdocs.yml", site_dir=site)
    cfg.plugins.on_startup(command="serve", dirty=False)
    build(cfg, serve_url="http://127.0.0.1:8000/")
    shutil.copytree(site, out / str(n), ignore=shutil.ignore_patterns(".*"))
    print(json.dumps({"build": n, "reused": sys.modules["ledger_site.blocks"].STORE.reused}))
once(0)
for n, pairs in enumerate(edits, 1):
    text = ledger.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    ledger.write_text(text, encoding="utf-8")
    once(n)
"""

# 1: a source's headline (in its entry, its figures' rows and popovers, the exports, the search
# index); 2: an event's title (in its chronology entry, its figures' rows, its actors' and
# sources' entries, the feed); 3: a figure's id (its row's address changes; the figure it disputes
# names it); 4: all three undone
HEADLINE = ("title: Kingdom deports 130 in two days", "title: Kingdom deports 130 in two days, police say")
EVENT = ("title: Arrests reported\n", "title: Arrests reported by the provincial police\n")
RENAMED = ("wire-official-share", "wire-official-claim")
EDITS = [[HEADLINE], [EVENT], [RENAMED], [HEADLINE[::-1], EVENT[::-1], RENAMED[::-1]]]

# what a build writes differently each time it runs, whatever the ledger says
VARIES = {"sitemap.xml.gz"}


def test_every_served_rebuild_equals_a_fresh_build(tmp_path):
    case = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", case)
    ledger = case / "events.yaml"
    original = ledger.read_text(encoding="utf-8")
    served, snapshots = tmp_path / "served", tmp_path / "snapshots"
    env = {**os.environ, "LEDGER_FILE": str(ledger), "NO_MKDOCS_2_WARNING": "1", "REPO_URL": REPO_URL}
    env.pop("SITE_URL", None)
    proc = subprocess.run([sys.executable, "-c", SERVE, str(ledger), str(served), str(snapshots), json.dumps(EDITS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert ledger.read_text(encoding="utf-8") == original  # the last edit undid the others
    reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith('{"build"')]
    assert [r["build"] for r in reports] == list(range(len(EDITS) + 1))
    # edits 1 and 2 leave every record on its page: most pieces are reused (3 renames a figure,
    # which changes the plan of pages, so every piece is rendered afresh)
    assert reports[0]["reused"] == 0 and reports[1]["reused"] > 0 and reports[2]["reused"] > 0, reports

    text = original
    for n, pairs in enumerate([[]] + EDITS):
        for old, new in pairs:
            text = text.replace(old, new)
        variant = tmp_path / f"ledger-{n}"
        shutil.copytree(case, variant)
        (variant / "events.yaml").write_text(text, encoding="utf-8")
        fresh = tmp_path / f"fresh-{n}"
        done = build(variant / "events.yaml", fresh)
        assert done.returncode == 0, done.stderr[-3000:]
        snapshot = snapshots / str(n)
        assert (snapshot / "index.html").is_file(), "nothing was served"
        differences = []
        for f in sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()):
            mine = snapshot / f
            if f.name in VARIES:
                continue
            if not mine.is_file():
                differences.append(f"{f}: missing from the served site")
            elif mine.read_bytes() != (fresh / f).read_bytes():
                differences.append(f"{f}: differs")
        differences += [f"{p.relative_to(snapshot)}: only in the served site"
                        for p in snapshot.rglob("*") if p.is_file() and not (fresh / p.relative_to(snapshot)).exists()]
        assert not differences, f"after edit {n}: " + "; ".join(differences[:20])
    # the edits reached the pages and files that show them
    def pages(n):
        return "".join(p.read_text(encoding="utf-8") for p in (snapshots / str(n)).rglob("*.html"))
    assert "police say" in pages(1) and "by the provincial police" in pages(2)
    assert 'id="fig-wire-official-claim"' in pages(3) and 'id="fig-wire-official-share"' not in pages(3)
    assert 'id="fig-wire-official-share"' in pages(4)
    # the search index was written afresh by every build (compared with a fresh build's above)
    assert all((snapshots / str(n) / "pagefind" / "pagefind-entry.json").is_file() for n in range(len(EDITS) + 1))
