"""Problem records and their reports.

Every check yields Problems; nothing raises on bad input.  A Problem names the file, the line
and column, the path of the field (``events[3].figures[0].source``), a stable code an editor can
search for, a message and, where one helps, a hint.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Optional

from .numerals import printable

# Problem codes added for issue 9 and what each means (merged into the code catalogue).


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: Optional[str] = None

    def text(self) -> str:
        """One report line (and its hint); ledger text in it is escaped (see safe())."""
        p = self.safe()
        where = f"{p.file}:{p.line}:{p.column}"
        head = f"{where}: {p.path} [{p.code}] {p.message}" if p.path else f"{where}: [{p.code}] {p.message}"
        return head + (f"\n  hint: {p.hint}" if p.hint else "")

    def safe(self) -> "Problem":
        """The same problem with control and invisible characters written as escapes: messages
        quote ledger and archive text, which must never reach a terminal raw."""
        return replace(self, file=printable(self.file), path=printable(self.path), message=printable(self.message),
                       hint=printable(self.hint) if self.hint else self.hint)


@dataclass(frozen=True)
class Covered:
    """The span [start, end) of a source's normalised archive text that a quote covers: what
    the checks find besides problems, read by the coverage check."""
    source: str
    start: int
    end: int


def format_path(path: tuple) -> str:
    """('events', 3, 'figures', 0, 'source') -> 'events[3].figures[0].source'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def sort_key(p: Problem):
    return (p.file, p.line, p.column, p.path, p.code)


def text_report(problems: Iterable[Problem], file: str) -> str:
    problems = sorted(problems, key=sort_key)
    lines = [p.text() for p in problems]
    n = len(problems)
    file = printable(file)
    lines.append(f"{n} error{'s' if n != 1 else ''} in {file}" if n else f"no problems in {file}")
    return "\n".join(lines)


def json_report(problems: Iterable[Problem], file: str) -> str:
    problems = sorted(problems, key=sort_key)
    return json.dumps({"file": printable(file), "count": len(problems), "problems": [asdict(p.safe()) for p in problems]},
                      ensure_ascii=False, indent=2)


def suggest(wrong: str, choices) -> Optional[str]:
    """'did you mean …?' for the closest of choices, or None."""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
