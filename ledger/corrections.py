"""Corrections: every published correction and withdrawal of the ledger, newest first, and
`ledger diff`, which compares the ledger at a git revision with the working copy and refuses a
published figure that changed (or vanished) without saying so.

What a figure says is the fields in GUARDED: a change to any of them needs a new `corrections`
entry on the figure (or, for a removed figure, a `withdrawn` entry).  Every Figure field is
either GUARDED or UNGUARDED; tests/test_corrections.py fails when a new field is neither, so that
adding a field to model.Figure means deciding here whether changing it changes the figure.

The old ledger is read with `git show` (an argument list, never a shell) and parsed as data
(ledger.load, ledger.shape); nothing from either ledger runs, and ledger text printed to the
terminal goes through `shown` (non-printable characters escaped).
"""
from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple, Optional

from .codes import CODES
from .load import load_bytes
from .numerals import printable
from .problems import Problem, format_path
from .shape import check_shape

# Figure fields whose change changes what the figure says.  `low`/`high` (a range) and the
# meaning fields are read with getattr, so they are guarded as soon as model.Figure has them.
GUARDED = ("value", "low", "high", "bound", "unit", "measure", "period", "quote", "source", "claimed_by",
           "cites", "counted", "of_whom", "place", "noun")
# Figure fields that do not: its id, its links to other figures, notes and bookkeeping.
UNGUARDED = ("id", "part_of", "same_as", "disputed_by", "differs_from", "notes", "corrections", "added", "updated")
# fields short enough to show old -> new on one line
_SHOWN = {"value", "low", "high", "bound", "unit", "period", "source", "claimed_by"}

# the codes this module reports, with their meanings (the catalogue is ledger/codes.py)
NEW_CODES = {code: CODES[code] for code in ("withdrawn-live", "diff-uncorrected", "diff-unwithdrawn")}


# -- corrections as published ---------------------------------------------------------------------
class Entry(NamedTuple):
    """One correction or withdrawal: its day, what it is about ("figure", "event", "source",
    "withdrawn"), the record's id, and the note (ledger prose, with tokens)."""
    date: str
    kind: str
    rid: str
    note: str
    number: int      # its place among the record's corrections (0 for a withdrawal)


def entries(ix) -> list[Entry]:
    """Every correction and withdrawal in the ledger, newest first."""
    out = []
    for s in ix.sources.values():
        out += [Entry(c.date, "source", s.id, c.note, k) for k, c in enumerate(s.corrections)]
    for e in ix.events.values():
        out += [Entry(c.date, "event", e.id, c.note, k) for k, c in enumerate(e.corrections)]
        for f in e.figures:
            if ix.event_of.get(f.id) is e:
                out += [Entry(c.date, "figure", f.id, c.note, k) for k, c in enumerate(f.corrections)]
    out += [Entry(w.date, "withdrawn", w.id, w.note, 0) for _, w in ix.withdrawn]
    out.sort(key=lambda x: (x.date, x.kind, x.rid, x.number), reverse=True)
    return out


def last_change(record) -> Optional[str]:
    """The latest of a record's added, updated and correction days (YYYY-MM-DD), or None."""
    days = [d for d in (getattr(record, "added", None), getattr(record, "updated", None)) if d]
    days += [c.date for c in getattr(record, "corrections", ())]
    return max(days) if days else None


def check(index):
    """Check family: a withdrawn id must not still name a figure (the figure would be both
    published and withdrawn)."""
    for path, w in index.withdrawn:
        if w.id in index.figures:
            yield index.problem("withdrawn-live", path + ("id",), f"figure '{w.id}' is withdrawn but still in the ledger",
                                "remove the figure from its event, or remove this withdrawn entry")


# -- showing ledger text on a terminal ---------------------------------------------------------------
def shown(value) -> str:
    """Text safe for a terminal: control, invisible and bidi characters written as escapes by the
    one escaper every report uses (numerals.printable), e.g. '\\u001b', '\\u202e'."""
    return printable(value if isinstance(value, str) else repr(value))


# -- reading a revision -------------------------------------------------------------------------------
class DiffUsageError(Exception):
    """Not a git repository, an unknown revision, a path outside the repository (exit 2)."""


def _git(args: list, cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise DiffUsageError(f"cannot run git: {exc.strerror or exc}") from None


@dataclass
class Revision:
    top: Path        # the repository's top folder
    commit: str      # the revision, resolved to a commit id

    def read(self, rel: PurePosixPath) -> Optional[bytes]:
        """The bytes of a file at this revision, or None when it does not exist there."""
        done = _git(["cat-file", "blob", f"{self.commit}:{rel.as_posix()}"], self.top)
        return done.stdout if done.returncode == 0 else None


def open_revision(rev: str, where: Path) -> Revision:
    if not rev or rev.startswith("-"):
        raise DiffUsageError(f"'{shown(rev)}' is not a revision")
    done = _git(["rev-parse", "--show-toplevel"], where)
    if done.returncode != 0:
        raise DiffUsageError(f"{where} is not in a git repository (ledger diff compares with a git revision)")
    top = Path(done.stdout.decode("utf-8", "replace").strip())
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if done.returncode != 0:
        raise DiffUsageError(f"unknown revision '{shown(rev)}'")
    return Revision(top, done.stdout.decode("ascii").strip())


# -- comparing ------------------------------------------------------------------------------------------
@dataclass
class Side:
    """One ledger's records by id (shape-checked only: a diff needs the records, not the checks)."""
    loaded: object
    problems: list
    sources: dict
    actors: dict
    events: dict
    figures: dict         # id -> (model.Figure, path)
    withdrawn: dict       # id -> model.Withdrawn
    archives: dict        # source id -> SHA-256 of its archive's bytes (None: unreadable)


def read_side(raw: Optional[bytes], file: str, archive_bytes) -> Side:
    """Parse a ledger's bytes; archive_bytes(rel) gives an archive's bytes (or None)."""
    if raw is None:
        return Side(None, [], {}, {}, {}, {}, {}, {})
    loaded = load_bytes(raw, file)
    if loaded.data is None:
        return Side(loaded, list(loaded.problems), {}, {}, {}, {}, {}, {})
    shaped, problems = check_shape(file, loaded)
    figures = {}
    for i, e in shaped.events:
        for j, f in enumerate(e.figures):
            figures.setdefault(f.id, (f, ("events", i, "figures", j)))
    sources = {s.id: s for _, s in shaped.sources}
    archives = {}
    for sid, s in sources.items():
        rel = PurePosixPath(s.archive) if s.archive else None
        if rel is None or rel.is_absolute() or ".." in rel.parts:
            continue
        data = archive_bytes(rel)
        archives[sid] = hashlib.sha256(data).hexdigest() if data is not None else None
    return Side(loaded, list(loaded.problems) + problems, sources, {a.id: a for _, a in shaped.actors},
                {e.id: e for _, e in shaped.events}, figures, {w.id: w for _, w in shaped.withdrawn}, archives)


def _changed_fields(old, new, skip=()) -> list:
    names = [n for n in type(new).model_fields if n not in skip]
    return [n for n in names if getattr(old, n, None) != getattr(new, n, None)]


def _corrections(record) -> set:
    return {(c.date, c.note) for c in getattr(record, "corrections", ())}


@dataclass
class DiffReport:
    lines: list        # what changed, one line each
    problems: list     # Problems: unguarded changes to published figures

    @property
    def ok(self) -> bool:
        return not self.problems


def compare(old: Side, new: Side, file: str) -> DiffReport:
    lines, problems = [], []

    def records(kind, a: dict, b: dict, skip=()):
        for rid in b:
            if rid not in a:
                lines.append(f"added {kind} {shown(rid)}")
        for rid, rec in b.items():
            if rid in a:
                fields = _changed_fields(a[rid], rec, skip)
                if fields:
                    lines.append(f"changed {kind} {shown(rid)}: {', '.join(fields)}")
        for rid in a:
            if rid not in b:
                lines.append(f"removed {kind} {shown(rid)}")

    records("source", old.sources, new.sources)
    for sid, digest in new.archives.items():
        if sid in old.archives and old.archives[sid] != digest:
            lines.append(f"changed archive of source {shown(sid)}")
    records("actor", old.actors, new.actors)
    records("event", old.events, new.events, skip=("figures",))
    for fid, (f, path) in new.figures.items():
        if fid not in old.figures:
            lines.append(f"added figure {shown(fid)}")
            continue
        before = old.figures[fid][0]
        fields = _changed_fields(before, f, skip=("corrections", "added", "updated"))
        if not fields:
            continue
        guarded = [n for n in fields if n in GUARDED]
        details = [f"{n} {shown(getattr(before, n, None))} -> {shown(getattr(f, n, None))}" if n in _SHOWN else n
                   for n in fields]
        # new entries, and more of them than before: rewording an old correction is not a new one
        fresh = sorted(_corrections(f) - _corrections(before)) if len(f.corrections) > len(before.corrections) else []
        note = f" (correction {fresh[-1][0]})" if fresh and guarded else ""
        lines.append(f"changed figure {shown(fid)}: {'; '.join(details)}{note}")
        if guarded and not fresh:
            line, col = new.loaded.locate(path)
            problems.append(Problem(
                "diff-uncorrected", file, line, col, format_path(path),
                f"published figure '{shown(fid)}' changed ({', '.join(guarded)}) without a new correction",
                "add to the figure: corrections: [{date: YYYY-MM-DD, note: what changed and why}] "
                "(the site and the feed show it to readers)"))
    for fid in old.figures:
        if fid in new.figures:
            continue
        w = new.withdrawn.get(fid)
        lines.append(f"removed figure {shown(fid)}" + (f" (withdrawn {w.date})" if w else ""))
        if w is None:
            problems.append(Problem(
                "diff-unwithdrawn", file, 1, 1, "withdrawn",
                f"published figure '{shown(fid)}' was removed without a withdrawn entry",
                f"add to the ledger's top level: withdrawn: [{{id: {fid}, date: YYYY-MM-DD, note: why it was withdrawn}}]"))
    return DiffReport(lines, problems)


def diff(rev: str, path: Path, file: str) -> DiffReport:
    """Compare the ledger at `path` (shown as `file`) as of git revision `rev` with the working
    copy.  Raises DiffUsageError; the working copy's load and shape problems come back as the
    report's problems (a ledger that does not parse cannot be compared)."""
    path = Path(path).resolve()
    if not path.is_file():
        raise DiffUsageError(f"cannot read {file}: no such file")
    repo = open_revision(rev, path.parent)
    try:
        rel = PurePosixPath(path.relative_to(repo.top.resolve()).as_posix())
    except ValueError:
        raise DiffUsageError(f"{file} is not inside the repository at {repo.top}") from None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DiffUsageError(f"cannot read {file}: {exc.strerror or exc}") from None

    def here(a: PurePosixPath):
        try:
            return (path.parent / a).read_bytes()
        except OSError:
            return None

    new = read_side(raw, file, here)
    if new.problems:
        return DiffReport([], new.problems)
    old = read_side(repo.read(rel), f"{rev}:{rel}", lambda a: repo.read(rel.parent / a))
    report = compare(old, new, file)
    if old.problems:
        report.lines.insert(0, f"note: the ledger at {shown(rev)} has {len(old.problems)} shape problem(s); "
                               "records with problems there are compared as if absent")
    return report


__all__ = ["GUARDED", "UNGUARDED", "NEW_CODES", "Entry", "entries", "last_change", "check", "shown",
           "DiffUsageError", "DiffReport", "diff", "compare", "read_side"]
