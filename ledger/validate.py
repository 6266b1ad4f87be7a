"""Load, shape-check and cross-check a ledger file: the one entry point pages and tools use."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import model
from .archive import Archive, NotRegularFile, read_archive, read_regular
from .load import MAX_BYTES, load_bytes
from .numerals import printable
from .problems import Problem, format_path
from .shape import check_shape


class LedgerIOError(Exception):
    """The ledger file itself cannot be read (exit 2, not a ledger problem)."""


@dataclass
class Context:
    """What every check family needs: the records with their paths, and a way to report."""
    file: str
    base: Path
    loaded: object
    sources: dict = field(default_factory=dict)   # id -> (path, Source)
    actors: dict = field(default_factory=dict)    # id -> (path, Actor)
    events: dict = field(default_factory=dict)    # id -> (path, Event)
    figures: dict = field(default_factory=dict)   # id -> (path, Figure, Event)
    exclusions: list = field(default_factory=list)  # (path, Exclusion)
    broken_ids: set = field(default_factory=set)
    archives: dict = field(default_factory=dict)  # source id -> Archive (only those that read)
    # source id -> [(start, end)] spans of its normalised archive text that the ledger quotes
    covered: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def add(self, code: str, path: tuple, message: str, hint: Optional[str] = None, key: bool = False):
        table = self.loaded.keypos if key else self.loaded.pos
        probe = path
        while probe and probe not in table:
            probe = probe[:-1]
        line, col = table.get(probe) or self.loaded.pos.get(probe) or (1, 1)
        self.problems.append(Problem(code, self.file, line, col, format_path(path), message, hint))

    def add_at(self, code: str, file: str, line: int, col: int, path: tuple, message: str, hint=None):
        self.problems.append(Problem(code, file, line, col, format_path(path), message, hint))

    def suggest(self, wrong: str, choices) -> Optional[str]:
        close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else None


@dataclass
class Result:
    file: str
    problems: list
    ledger: Optional[model.Ledger] = None
    context: Optional[Context] = None

    @property
    def ok(self) -> bool:
        return not self.problems


def display_path(path: Path) -> str:
    """The path as an editor typed it when it is inside the working folder, else absolute."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(Path(path).resolve()) if rel.startswith("..") else rel


def validate_file(path, max_bytes: Optional[int] = None) -> Result:
    path = Path(path)
    try:
        raw = read_regular(path, limit=max_bytes or MAX_BYTES, truncate=True)
    except NotRegularFile as why:
        raise LedgerIOError(f"refusing to read {printable(str(path))}: it {why}") from None
    except OSError as exc:
        raise LedgerIOError(f"cannot read {printable(str(path))}: {exc.strerror or exc}") from None
    return validate_bytes(raw, display_path(path), path.parent, max_bytes)


def validate_bytes(raw: bytes, file: str, base: Path, max_bytes: Optional[int] = None) -> Result:
    from .checks import run_all  # the check families import Context from here

    loaded = load_bytes(raw, file, **({"max_bytes": max_bytes} if max_bytes else {}))
    if loaded.data is None:
        return Result(file, loaded.problems)
    shaped, shape_problems = check_shape(file, loaded)
    ctx = Context(file=file, base=Path(base), loaded=loaded, broken_ids=shaped.broken_ids)
    ctx.problems.extend(loaded.problems)
    version = loaded.data.get("schema_version")
    if version is not None and type(version) is not int and version == model.SCHEMA_VERSION:
        # true and 1.0 equal 1 in Python, so the model's Literal[1] lets them through
        ctx.add("schema-version", ("schema_version",), f"schema_version {version!r} is not supported",
                "write schema_version: 1 (the integer)")
    # a refused alias or tag leaves no value behind; its shape error would only repeat it
    refused = {p.path for p in loaded.problems}
    ctx.problems.extend(p for p in shape_problems if p.path not in refused)
    for i, s in shaped.sources:
        ctx.sources.setdefault(s.id, (("sources", i), s))
    for i, a in shaped.actors:
        ctx.actors.setdefault(a.id, (("actors", i), a))
    for i, e in shaped.events:
        ctx.events.setdefault(e.id, (("events", i), e))
        for j, f in enumerate(e.figures):
            ctx.figures.setdefault(f.id, (("events", i, "figures", j), f, e))
    ctx.exclusions = [(("excluded_numbers", i), x) for i, x in shaped.excluded_numbers]
    for sid, (spath, s) in ctx.sources.items():
        if s.archive:
            archive = read_archive(ctx, spath, s)
            if archive is not None:
                ctx.archives[sid] = archive
    run_all(ctx)
    ledger = None
    if not ctx.problems:
        ledger = model.Ledger.model_construct(
            schema_version=loaded.data["schema_version"],
            sources=[s for _, s in shaped.sources], actors=[a for _, a in shaped.actors],
            events=[e for _, e in shaped.events], excluded_numbers=[x for _, x in shaped.excluded_numbers])
    return Result(file, ctx.problems, ledger, ctx)


__all__ = ["validate_file", "validate_bytes", "Result", "Context", "LedgerIOError", "Archive"]
