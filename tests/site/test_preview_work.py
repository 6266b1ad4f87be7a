"""What a `mkdocs serve` rebuild does not do again, or does not do while it runs: the digest of a
record the edit left as it was (ledger_site/blocks.py), the cycle collector's walk over what
earlier builds left and the watcher's looks at the folders (ledger_site/serving.py); and how the
search index's process is spoken to (ledger_site/sitesearch.py) when it fails."""
from __future__ import annotations

import gc

import pytest
from mkdocs.exceptions import PluginError

from ledger.validate import validate_file
from ledger_site import blocks, serving
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
    monkeypatch.setattr(serving, "IDLE_SECONDS", 0)
    try:
        serving.build_ends()
        serving._STATE.sweep.join(30)
        assert gc.get_freeze_count() > 0, "what survived the sweep was not frozen"
        monkeypatch.setattr(serving, "IDLE_SECONDS", 600)
        serving.build_ends()
        waiting = serving._STATE.sweep
        serving.build_starts()
        assert waiting.finished.is_set() and serving._STATE.sweep is None
    finally:
        serving.build_starts()
        serving._STATE.idle.set()
        gc.unfreeze()


def test_the_watcher_does_not_look_while_a_rebuild_runs_and_sees_edits_made_meanwhile(tmp_path):
    """A file saved during a rebuild is seen by an ordinary watcher (watchdog's own, polling as
    often) but not by the served one until the rebuild ends; then it is.  Waits on the watchers'
    events, never on time."""
    import queue

    from mkdocs.livereload import LiveReloadServer
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers.polling import PollingObserver

    def seen_by(observer):
        seen = queue.SimpleQueue()
        handler = FileSystemEventHandler()
        handler.on_any_event = lambda event: seen.put(str(event.src_path))
        observer.schedule(handler, str(watched), recursive=True)
        return seen

    def wait_for(seen, name):
        while not seen.get(timeout=60).endswith(name):
            pass

    watched = tmp_path / "watched"
    watched.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(watched))  # before the hook, as mkdocs watches docs/ (recursive)
    serving.poll_often(server.observer)
    served = seen_by(server.observer)  # the same watch: its emitter, made before the hook
    assert len(server.observer.emitters) == 1
    assert server.observer._emitter_class is serving.QuietEmitter  # for folders watched after the hook
    plain = PollingObserver(timeout=serving.POLL_SECONDS)
    ordinary = seen_by(plain)
    server.observer.start()
    plain.start()
    try:
        (watched / "warm").write_text("both watchers have looked")
        wait_for(served, "warm")
        wait_for(ordinary, "warm")
        serving.build_starts()
        (watched / "edit").write_text("saved while the rebuild runs")
        wait_for(ordinary, "edit")  # an ordinary look has been taken since the save
        early = []
        while not served.empty():
            early.append(served.get())
        assert not [path for path in early if path.endswith("edit")], "the served watcher looked while the rebuild ran"
        serving.build_ends()
        wait_for(served, "edit")
    finally:
        serving.build_starts()  # no sweep left waiting
        serving._STATE.idle.set()
        for observer in (server.observer, plain):
            observer.stop()
            observer.join(30)


def test_a_search_process_that_dies_is_said_in_one_line_not_waited_for(tmp_path):
    indexer = Indexer()
    indexer.add_page("<h1>One</h1><p>a page</p>", "One", "one/")
    indexer._service._proc.kill()
    indexer._service._proc.wait(30)
    indexer.add_page("<h1>Two</h1><p>another page</p>", "Two", "two/")
    assert indexer._pending[-1].exception(60) is not None  # answered with the error, not left waiting
    indexer.add_page("<h1>Three</h1><p>asked once Pagefind is known to be gone</p>", "Three", "three/")
    assert indexer._pending[-1].done(), "a question asked of a dead Pagefind was left waiting"
    with pytest.raises(PluginError, match=r"^the site search index \(Pagefind\) could not be written: "):
        indexer.finish(str(tmp_path / "pagefind"))
