"""How the `mkdocs serve` process spends its time around a rebuild: how often it looks for edits
(poll_often), that it does not look while a rebuild runs (build_starts, build_ends), and when it
sweeps its memory (after a rebuild, once idle).  Only a served build calls these
(ledger_site/wiring.py); a plain `mkdocs build` runs none of it."""
from __future__ import annotations

import gc
import threading
import time

from watchdog.observers.polling import PollingEmitter

# How often `mkdocs serve` looks for edits.  mkdocs polls the watched folders every 0.5 s
# (watchdog's PollingObserver) and has no setting for it, so an edit waited 0.25 s on average, up
# to 0.5 s, before its rebuild began.  A look at the watched folders costs a few milliseconds
# (the folder of a 1,000-event ledger holds 333 archives).
POLL_SECONDS = 0.1

# The longest a look waits for a rebuild to end (a 10,000-event build takes about 20 s): past it,
# the look is taken anyway, so a rebuild that never said it ended cannot stop the watching.
PAUSE_LIMIT = 5.0


def poll_often(observer) -> None:
    """Set the polling interval of watchdog's observer (watchdog 7: `_timeout`, on the observer for
    the folders watched later and on each emitter already made; left alone if that changes), and
    make its looks wait while a rebuild runs (quieten)."""
    if observer is None or not isinstance(getattr(observer, "_timeout", None), (int, float)):
        return
    observer._timeout = POLL_SECONDS
    if getattr(observer, "_emitter_class", None) is PollingEmitter:
        observer._emitter_class = QuietEmitter
    for emitter in getattr(observer, "emitters", ()):
        if isinstance(getattr(emitter, "_timeout", None), (int, float)):
            emitter._timeout = POLL_SECONDS
        if type(emitter) is PollingEmitter:
            quieten(emitter)


class _State:
    idle = threading.Event()   # set while no rebuild runs
    sweep = None               # the timer of the next memory sweep


_STATE = _State()
_STATE.idle.set()


def quieten(emitter) -> None:
    """Make a polling emitter's looks wait while a rebuild runs.  A look walks every watched folder
    and asks the system about each file: each question lets go of Python's lock and has to wait
    for it again, so during a rebuild the looks took turns with mkdocs' thread hundreds of times a
    second, and a rebuild of a 1,000-event ledger took 0.2 to 0.3 s longer.  Nothing is missed: the
    look after the rebuild is compared with the look before it, so an edit saved meanwhile starts
    the next rebuild.  (watchdog 7 keeps the look as the emitter's `_take_snapshot`; an emitter
    without one is left as it is.)"""
    take = getattr(emitter, "_take_snapshot", None)
    if not callable(take):
        return

    def take_when_idle():
        deadline = time.monotonic() + PAUSE_LIMIT
        while not _STATE.idle.wait(0.25):
            if emitter.stopped_event.is_set() or time.monotonic() > deadline:
                break
        return take()
    emitter._take_snapshot = take_when_idle


class QuietEmitter(PollingEmitter):
    """watchdog's polling emitter, quietened (above) from the start."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quieten(self)


def build_starts() -> None:
    """A served rebuild starts: no look at the folders, and no sweep, until it ends."""
    _STATE.idle.clear()
    if _STATE.sweep is not None:
        _STATE.sweep.cancel()
        _STATE.sweep = None


def build_ends() -> None:
    """A served rebuild ended (built, or failed): looks resume, and memory is swept once idle."""
    _STATE.idle.set()
    if _STATE.sweep is not None:
        _STATE.sweep.cancel()
    _STATE.sweep = threading.Timer(IDLE_SECONDS, _sweep)
    _STATE.sweep.daemon = True
    _STATE.sweep.start()


# When a served process sweeps its memory.  Python's cycle collector walks every object the process
# keeps (the ledger's index, the pieces ledger_site/blocks.py keeps for reuse), and during a
# rebuild of a 1,000-event ledger its full passes took a tenth of a second.  So, once a preview
# has been idle a moment (the browser has reloaded the page), the process collects once and
# freezes what survives: the next rebuild's passes walk only what that rebuild makes.
IDLE_SECONDS = 1.0


def _sweep() -> None:
    # what the last sweep froze may be garbage now (the previous build's index): thaw, collect, freeze
    gc.unfreeze()
    gc.collect()
    gc.freeze()
