"""Load, shape-check, index and cross-check a ledger file: the one entry point pages and tools use.

load (positions) -> shape (typed records) -> index (built once, frozen) -> checks (pure) -> problems.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import checks, model
from . import index as index_mod
from .archive import NotRegularFile, read_regular
from . import loaditems
from .load import MAX_BYTES, load_bytes
from .numerals import printable
from .shape import check_shape


class LedgerIOError(Exception):
    """The ledger file itself cannot be read (exit 2, not a ledger problem)."""


@dataclass(frozen=True)
class Result:
    """What validation gives: the problems, the index (whenever the YAML loaded) and the ledger
    (only when there is no problem: a ledger with problems is never published)."""
    file: str
    problems: list
    index: Optional[index_mod.LedgerIndex] = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def ledger(self) -> Optional[model.Ledger]:
        return self.index.ledger if self.ok and self.index is not None else None


def display_path(path: Path) -> str:
    """The path as an editor typed it when it is inside the working folder, else absolute."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(Path(path).resolve()) if rel.startswith("..") else rel


def validate_file(path, max_bytes: Optional[int] = None, reuse: bool = False) -> Result:
    """reuse: read the text item by item, reusing the items read before (ledger/loaditems.py), for
    a process that validates the same ledger again after each edit (`mkdocs serve`); a single
    reading is a little quicker whole."""
    path = Path(path)
    try:
        raw = read_regular(path, limit=max_bytes or MAX_BYTES, truncate=True)
    except NotRegularFile as why:
        raise LedgerIOError(f"refusing to read {printable(str(path))}: it {why}") from None
    except OSError as exc:
        raise LedgerIOError(f"cannot read {printable(str(path))}: {exc.strerror or exc}") from None
    return validate_bytes(raw, display_path(path), path.parent, max_bytes, reuse)


def validate_bytes(raw: bytes, file: str, base: Path, max_bytes: Optional[int] = None,
                   reuse: bool = False) -> Result:
    read = loaditems.read if reuse else load_bytes  # the same result either way
    loaded = read(raw, file, **({"max_bytes": max_bytes} if max_bytes else {}))
    if loaded.data is None:
        return Result(file, list(loaded.problems))
    shaped, shape_problems = check_shape(file, loaded)
    index = index_mod.build(file, Path(base), loaded, shaped)
    # a refused alias or tag leaves no value behind; its shape error would only repeat it
    refused = {p.path for p in loaded.problems}
    problems = list(loaded.problems) + [p for p in shape_problems if p.path not in refused]
    version = loaded.data.get("schema_version")
    if version is not None and type(version) is not int and version == model.SCHEMA_VERSION:
        # true and 1.0 equal 1 in Python, so the model's Literal[1] lets them through
        problems.append(index.problem("schema-version", ("schema_version",), f"schema_version {version!r} is not supported",
                                      "write schema_version: 1 (the integer)"))
    problems += checks.run(index, earlier=bool(problems))
    return Result(file, problems, index)


def forget() -> None:
    """Drop what validation remembers from one run to the next in this process (the items of the
    text read, ledger/loaditems.py; the archives read, ledger/index.py, with the quotes found in
    them; the checks of each text, ledger/checks/text.py; whether each quote states its figure,
    ledger/checks/trace.py), so that the next run pays its whole cost, as a first one does
    (bench/benchmark.py times runs that way)."""
    index_mod.forget_archives()
    loaditems.forget()
    checks.text.forget()
    checks.trace.forget()


__all__ = ["validate_file", "validate_bytes", "display_path", "forget", "Result", "LedgerIOError"]
