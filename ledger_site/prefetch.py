"""A plain build's head start on the archives: while this process reads the ledger's YAML, a child
process reads the archived texts beside it, normalises them and finds the numbers in each
(ledger/numbers.py scan: 1.7 s of a 10,000-event build, on a core that is otherwise idle until
the pages are made), and hands them to ledger/archive.py, which uses a normalised text only for
the very bytes it was made from and a scan only for the very text.

The child only reads: it is forked before the YAML is read, from a process running no other
thread (a child of a threaded process may inherit a lock a thread held), on Linux only, and sends
its texts and scans back through a pipe, pickled by this same code; it ends without running any
exit handler.  Anything else (another system, a thread, a failing child) means each text is
normalised and scanned in this process, as without it.  `mkdocs serve` does not use it: its
rebuilds keep the archives they have read.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
from pathlib import Path

from ledger.archive import NotRegularFile, normalize, offer_scans, read_regular, withdraw_scans
from ledger.numbers import scan

MAX_FILES = 100_000   # the texts looked at, at most (archives are `.txt` files under the ledger's folder)
MIN_FILES = 200       # fewer texts are scanned here: a child costs more than it saves
_last_child = None    # the process id of the last child (for the tests)


def _texts(folder: Path):
    """The `.txt` files under folder, not following links to folders (nor, when read, to files)."""
    count = 0
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                yield Path(root, name)
                count += 1
                if count >= MAX_FILES:
                    return


def _scans(folder: Path) -> list:
    out = []
    for path in _texts(folder):
        try:  # as ledger/index.py reads an archive: a regular file inside the ledger's folder
            raw = read_regular(path, inside=folder)
            text = normalize(raw.decode("utf-8-sig"))
        except (OSError, NotRegularFile, UnicodeDecodeError):
            continue
        out.append((hashlib.sha256(raw).hexdigest(), text, scan(text)))
    return out


def start(ledger_file: Path) -> None:
    """Offer ledger/archive.py the scans of the texts under the ledger's folder, made by a child."""
    folder = Path(ledger_file).resolve().parent
    if sys.platform != "linux" or threading.active_count() != 1:
        return
    try:
        if sum(1 for _ in zip(range(MIN_FILES), _texts(folder))) < MIN_FILES:
            return
    except OSError:
        return
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(_scans(folder), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    global _last_child
    _last_child = pid

    def fetch():
        with os.fdopen(read, "rb") as got:
            data = got.read()
        if os.waitpid(pid, 0)[1] != 0 or not data:
            return []
        return pickle.loads(data)
    offer_scans(fetch)


def settle() -> None:
    """The ledger is read: end the offer, and wait for a child whose scans were not taken (no
    archive was checked), so that none is left behind."""
    fetch = withdraw_scans()
    if fetch is not None:
        fetch()
