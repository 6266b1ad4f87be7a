"""Hostile files and arguments (issue 9): no file outside the ledger's folder is read or printed,
no FIFO or device hangs the check, no input ends in a traceback, and no export or feed carries a
formula or a control character."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ledger.archive import Archive, normalize
from ledger.export import FIGURE_FIELDS, defuse, to_csv


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "ledger", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


WIRE = "sources/wire-2022-11-deportations.txt"


def _secret(tmp_path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-print-me 130 foreigners were deported this month\n")
    return secret


@pytest.mark.parametrize("how", ["symlink-file", "symlink-folder", "hard-path-outside"])
def test_an_archive_outside_the_folder_is_refused_and_never_printed(basic_case, tmp_path, how):
    secret = _secret(tmp_path)
    target = basic_case / WIRE
    target.unlink()
    if how == "symlink-file":
        target.symlink_to(secret)
    elif how == "symlink-folder":   # a folder link: the file itself is regular, its real place is not inside
        (basic_case / "sources" / "outside").symlink_to(tmp_path, target_is_directory=True)
        y = basic_case / "events.yaml"
        y.write_text(y.read_text().replace(f"archive: {WIRE}", "archive: sources/outside/secret.txt"))
    else:
        y = basic_case / "events.yaml"
        y.write_text(y.read_text().replace(f"archive: {WIRE}", f"archive: {secret}"))
    for args in (("validate", "events.yaml"), ("quote", "wire-2022-11-deportations", "TOKEN=", "--ledger", "events.yaml")):
        r = run(*args, cwd=basic_case)
        assert r.returncode in (1, 2) and "do-not-print-me" not in r.stdout + r.stderr, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
    assert "[archive-not-regular]" in run("validate", "events.yaml", cwd=basic_case).stdout or how == "hard-path-outside"


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_an_archive_or_ledger_that_is_not_a_regular_file_is_refused_without_hanging(basic_case, kind):
    target = basic_case / WIRE
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to("/dev/zero")
    else:
        target.mkdir()
    r = run("validate", "events.yaml", cwd=basic_case)
    assert r.returncode == 1 and "[archive-not-regular]" in r.stdout, r.stdout + r.stderr
    r = run("validate", env={"LEDGER_FILE": str(target)}, cwd=basic_case)
    assert r.returncode == 2 and "refusing to read" in r.stderr and "Traceback" not in r.stderr


def test_a_symlinked_ledger_is_refused(basic_case, tmp_path):
    link = tmp_path / "events.yaml"
    link.symlink_to(basic_case / "events.yaml")
    r = run("validate", str(link))
    assert r.returncode == 2 and "symbolic link" in r.stderr
    r = run("validate", "/dev/zero")  # an endless device: refused at once, not read into memory
    assert r.returncode == 2 and "not a regular file" in r.stderr


def test_a_terminal_escape_in_the_ledger_is_never_printed_raw(basic_case):
    y = basic_case / "events.yaml"
    y.write_text(y.read_text().replace("    name: A rights group", '    name: "A rights \\e]0;owned\\a\\e[2Jgroup"')
                 .replace("bound: nearly", 'bound: "nearly\\e[31m"'))
    for fmt in ("text", "json"):
        r = run("validate", "events.yaml", "--format", fmt, cwd=basic_case)
        assert r.returncode == 1 and "[text-control]" in r.stdout or '"text-control"' in r.stdout
        assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout


@pytest.mark.parametrize("args", [
    ("synth", "--events", "-3", "--out", "x"),
    ("synth", "--events", "0", "--out", "x"),
    ("synth", "--events", "many", "--out", "x"),
    ("synth", "--events", "3", "--out", "/proc/no/such/folder"),
    ("export", "--format", "json", "--out", "/proc/no/such/file.json"),
    ("export", "--format", "csv", "--out", "."),
    ("export", "--format", "datapackage", "--out", "/proc/no/such/folder"),
])
def test_usage_and_io_errors_exit_2_without_a_traceback(basic_case, args):
    r = run(*args, env={"LEDGER_FILE": "events.yaml"}, cwd=basic_case)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr


def test_csv_cells_that_a_spreadsheet_would_run_are_defused():
    for cell in ("=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert defuse(cell) == "'" + cell
    assert defuse("nearly 400 people") == "nearly 400 people"
    rows = list(csv.DictReader(io.StringIO(to_csv([{"id": "f", "value": "5", "quote": "=1+1", "measure": "@x"}], FIGURE_FIELDS))))
    assert rows[0]["quote"] == "'=1+1" and rows[0]["measure"] == "'@x" and rows[0]["value"] == "5"


def test_the_feed_stays_well_formed_with_control_characters():
    from ledger.render.feed import esc  # the feed's own escaping
    text = "a\x00b\x1b[31m\x0bc\ufffe\u202e<d>&"
    root = ET.fromstring(f"<t>{esc(text)}</t>")
    assert root.text.startswith("a\\u0000b\\u001b")


def test_reporting_many_places_builds_the_offset_map_once(monkeypatch):
    """Reporting N places in an archive costs O(N), not N times the archive (issue 9: 4,000
    unaccounted numbers took a minute).  Counted, not timed."""
    import ledger.archive as archive_mod
    calls = []
    real = archive_mod._offset_map
    monkeypatch.setattr(archive_mod, "_offset_map", lambda raw: calls.append(1) or real(raw))
    raw = "word 1\n" * 3000
    a = Archive("s", "s.txt", raw, normalize(raw))
    places = [a.line_col(i) for i in range(0, len(a.text), 7)]
    assert places[1] == (2, 1) and len(calls) == 1
