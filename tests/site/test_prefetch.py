"""A plain build's head start on the archives (ledger_site/prefetch.py): a child process finds the
numbers in the archived texts while the ledger's YAML is read, and validation uses its scans only
for the very texts they were made from."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child process is made on Linux only")

PROBE = """
import os, sys
from pathlib import Path
import ledger.archive as archive
from ledger.validate import validate_file
from ledger_site import prefetch

ledger, case = Path(sys.argv[1]), sys.argv[2]
scanned, normalised = [], []
real = archive.scan
archive.scan = lambda text: scanned.append(1) or real(text)
import ledger.index as index_mod
real_normalize = index_mod.normalize
index_mod.normalize = lambda text: normalised.append(1) or real_normalize(text)
if case == "child fails":
    prefetch._scans = lambda folder: 1 / 0
if case != "no prefetch":
    prefetch.start(ledger)
result = validate_file(ledger)
prefetch.settle()
if case == "unused":
    prefetch.start(ledger)
    child = prefetch._last_child
    prefetch.settle()
    try:
        os.waitpid(child, os.WNOHANG)
        print("left behind")
    except ChildProcessError:
        print("reaped")
    sys.exit()
print(len(scanned), len(result.problems), len(result.index.sources), len(normalised))
"""


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory):
    out = tmp_path_factory.mktemp("prefetch")
    subprocess.run([sys.executable, "-m", "ledger", "synth", "--events", "700", "--seed", "3", "--out", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    return out / "events.yaml"


def _probe(ledger, case) -> list:
    done = subprocess.run([sys.executable, "-c", PROBE, str(ledger), case], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


def test_validation_takes_the_childs_scans_and_finds_the_same(big_ledger):
    alone = _probe(big_ledger, "no prefetch")
    helped = _probe(big_ledger, "prefetch")
    assert int(alone[0]) == int(alone[2]) == int(alone[3]) > 200  # every archive normalised and scanned here
    assert int(helped[0]) == int(helped[3]) == 0, "archives were normalised or scanned here after the child had"
    assert helped[1:3] == alone[1:3]  # the same problems (none) and sources


def test_a_failing_child_means_every_text_is_scanned_here(big_ledger):
    got = _probe(big_ledger, "child fails")
    assert int(got[0]) == int(got[2]) == int(got[3]) and got[1] == "0"


def test_a_child_whose_scans_were_not_taken_is_reaped(big_ledger):
    assert _probe(big_ledger, "unused") == ["reaped"]


def test_the_child_reads_no_linked_or_outside_file(tmp_path):
    from ledger_site.prefetch import _scans

    folder, outside = tmp_path / "ledger", tmp_path / "secret.txt"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "a.txt").write_text("Police said 40 people were held.", encoding="utf-8")
    outside.write_text("an outside text, 99 of them", encoding="utf-8")
    (folder / "sources" / "link.txt").symlink_to(outside)
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    texts = [text for _, text, _ in _scans(folder)]
    assert texts == ["Police said 40 people were held."]
