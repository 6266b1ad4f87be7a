"""What a `mkdocs serve` rebuild does not do again: the digest of a record the edit left as it was
(ledger_site/blocks.py), the cycle collector's walk over what earlier builds left
(ledger_site/preview.py, sweep_when_idle); and how the search index's process is spoken to
(ledger_site/sitesearch.py) when it fails."""
from __future__ import annotations

import gc

import pytest
from mkdocs.exceptions import PluginError

from ledger.validate import validate_file
from ledger_site import blocks, preview
from ledger_site.sitesearch import Indexer
from tests import CASES


def _edited(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_record_the_edit_left_keeps_its_digest_without_being_written_again(tmp_path, monkeypatch):
    monkeypatch.setattr("ledger.loaditems.MIN_LINES", 0)  # item by item, as a large ledger is read
    ledger = tmp_path / "events.yaml"
    ledger.write_text((CASES / "valid" / "basic" / "events.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for src in (CASES / "valid" / "basic").iterdir():
        if src.is_dir():
            (tmp_path / src.name).symlink_to(src, target_is_directory=True)
    first = validate_file(ledger, reuse=True).index
    assert first is not None
    blocks.begin(first, "plan")
    before = {key: blocks.STORE.prints(("events", key)) for key in first.events}
    edited = next(key for key, event in first.events.items() if event.title == "Arrests reported")
    _edited(ledger, "title: Arrests reported", "title: Arrests reported by the provincial police")
    second = validate_file(ledger, reuse=True).index
    written, digest = [], blocks._digest
    monkeypatch.setattr(blocks, "_digest", lambda text: written.append(text) or digest(text))
    blocks.begin(second, "plan")
    after = {key: blocks.STORE.prints(("events", key)) for key in second.events}
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {edited}, "the edited event's digest did not change, or another one did"
    records = [text for text in written if text.startswith("Event")]
    assert len(records) == 1 < len(after), "records the edit left were written again"


def test_a_served_build_sweeps_memory_once_idle_and_not_during_the_next(monkeypatch):
    monkeypatch.setattr(preview, "IDLE_SECONDS", 0)
    try:
        preview.sweep_when_idle()
        preview._SWEEP.timer.join(30)
        assert gc.get_freeze_count() > 0, "what survived the sweep was not frozen"
        monkeypatch.setattr(preview, "IDLE_SECONDS", 600)
        preview.sweep_when_idle()
        waiting = preview._SWEEP.timer
        preview.hold_sweep()  # a build starts
        assert waiting.finished.is_set() and preview._SWEEP.timer is None
    finally:
        preview.hold_sweep()
        gc.unfreeze()


def test_a_search_process_that_dies_is_said_in_one_line_not_waited_for(tmp_path):
    indexer = Indexer()
    indexer.add_page("<h1>One</h1><p>a page</p>", "One", "one/")
    indexer._service._proc.kill()
    indexer._service._proc.wait(30)
    indexer.add_page("<h1>Two</h1><p>another page</p>", "Two", "two/")
    with pytest.raises(PluginError, match=r"^the site search index \(Pagefind\) could not be written: "):
        indexer.finish(str(tmp_path / "pagefind"))
