"""YAML text -> plain Python values, with the line and column of every node.

We build values straight from libyaml's event stream instead of using PyYAML's constructors:
- PyYAML keeps the last of two duplicate keys silently (an editor's data would vanish); here
  every duplicate is a problem.
- Anchors, aliases and tags are refused: a ledger must read the same to a person as to a program.
- Scalars resolve to str, int, float, bool or None only.  Dates stay text (they are EDTF, which
  YAML's timestamp type would mangle) and "yes"/"no" stay text (YAML 1.1's booleans surprise people).
- The event stream is produced in C (libyaml) when available, which keeps this near the cost of a
  bare `yaml.load(..., CSafeLoader)`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

try:  # libyaml's C parser; the pure-Python one is used where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

from .problems import Problem, format_path

MAX_BYTES = 64 * 1024 * 1024
# A ledger is five levels deep; libyaml and this builder would recurse until Python's stack ends.
MAX_DEPTH = 64
# The longest integer read as a number (Python refuses to convert beyond 4,300 digits, and no
# count has more than a few dozen).
MAX_INT_DIGITS = 30

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
# the first characters of a plain scalar that _resolve may read as other than text
_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNtTfF")
_SCALAR, _ALIAS = ev.ScalarEvent, ev.AliasEvent
_SEQUENCE, _SEQUENCE_END = ev.SequenceStartEvent, ev.SequenceEndEvent
_MAPPING, _MAPPING_END = ev.MappingStartEvent, ev.MappingEndEvent
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass
class Loaded:
    data: Any = None
    # path tuple -> (line, column) of the value, and of the key for mapping entries (1-based)
    pos: dict = field(default_factory=dict)
    keypos: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def locate(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """(line, column) of the value at path (of its key, with key=True), or of the nearest
        enclosing value that has one: a missing field is reported where its mapping starts."""
        table = self.keypos if key else self.pos
        probe = tuple(path)
        while probe and probe not in table:
            probe = probe[:-1]
        return table.get(probe) or self.pos.get(probe) or (1, 1)


def _resolve(value: str, plain: bool):
    if not plain:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


class _TooDeep(Exception):
    """Raised once the depth problem is reported: the document is not used."""


class _Builder:
    def __init__(self, file: str, out: Loaded):
        self.file = file
        self.out = out

    def problem(self, code, mark, path, message, hint=None):
        self.out.problems.append(Problem(code, self.file, mark.line + 1, mark.column + 1,
                                         format_path(path), message, hint))

    def refuse_extras(self, event, path):
        if getattr(event, "anchor", None):
            self.problem("yaml-anchor", event.start_mark, path,
                         f"anchor '&{event.anchor}' is not allowed",
                         "write the value out in full; anchors and aliases hide repeated data from readers")
        tag = getattr(event, "tag", None)
        if tag:
            self.problem("yaml-tag", event.start_mark, path, f"tag '{tag}' is not allowed",
                         "remove the tag; quote the value if it should be text")

    def skip(self, events, event):
        """Consume the events of the node that starts with `event`, without recursion."""
        depth = 1 if isinstance(event, (ev.SequenceStartEvent, ev.MappingStartEvent)) else 0
        while depth:
            e = next(events)
            if isinstance(e, (ev.SequenceStartEvent, ev.MappingStartEvent)):
                depth += 1
            elif isinstance(e, (ev.SequenceEndEvent, ev.MappingEndEvent)):
                depth -= 1

    def scalar(self, event, path):
        value = event.value
        if not (event.implicit[0] and event.tag is None):
            return value  # quoted or tagged: text as written
        if value and value[0] not in _MAYBE_NOT_TEXT:
            return value  # plain, and starts as no null, boolean or number does
        if _INT.match(value) and len(value.lstrip("+-")) > MAX_INT_DIGITS:
            self.problem("yaml-number", event.start_mark, path,
                         f"a number of {len(value.lstrip('+-')):,} digits is beyond any count",
                         "write the number as the source states it; quote it if it is text")
            return None
        value = _resolve(value, True)
        if isinstance(value, float) and not math.isfinite(value):
            self.problem("yaml-number", event.start_mark, path, f"'{event.value[:40]}' is too large to be a number",
                         "write the number as the source states it; quote it if it is text")
            return None
        return value

    def node(self, events, event, path):
        """Build the value that starts with `event`; consumes events up to its end.  (The most
        common events are tested first, by exact type: this runs once per value of the ledger.)"""
        mark = event.start_mark
        self.out.pos[path] = (mark.line + 1, mark.column + 1)
        if len(path) > MAX_DEPTH:
            self.problem("yaml-too-deep", mark, path[:8],
                         f"the data nests deeper than {MAX_DEPTH} levels",
                         "a ledger entry is a few levels deep; check the brackets and indentation")
            self.skip(events, event)
            raise _TooDeep()
        kind = type(event)
        if kind is _ALIAS:
            self.problem("yaml-alias", mark, path, f"alias '*{event.anchor}' is not allowed",
                         "write the value out in full; anchors and aliases hide repeated data from readers")
            return None
        if event.anchor or event.tag:
            self.refuse_extras(event, path)
        if kind is _SCALAR:
            # implicit[0]: a plain (unquoted, untagged) scalar, whose type YAML resolves
            return self.scalar(event, path)
        if kind is _SEQUENCE:
            items = []
            for e in events:
                if type(e) is _SEQUENCE_END:
                    return items
                items.append(self.node(events, e, path + (len(items),)))
        if kind is _MAPPING:
            result = {}
            keypos = self.out.keypos
            key_path = path + ("<key>",)
            for e in events:
                if type(e) is _MAPPING_END:
                    return result
                key_mark = e.start_mark
                key = self.node(events, e, key_path)
                value_event = next(events)
                if type(key) is not str:
                    self.problem("yaml-key", key_mark, path, f"key {key!r} is not text",
                                 "keys are field names such as 'id' or 'title'")
                    self.node(events, value_event, key_path)
                    continue
                child = path + (key,)
                if key in result:
                    first = keypos[child]
                    self.problem("yaml-duplicate-key", key_mark, child,
                                 f"duplicate key '{key}' (first at line {first[0]})",
                                 "merge the two entries; YAML keeps only one of them, so one would be lost")
                    self.node(events, value_event, path + ("<dup>",))
                    continue
                keypos[child] = (key_mark.line + 1, key_mark.column + 1)
                result[key] = self.node(events, value_event, child)
        raise ValueError(f"unexpected YAML event {event!r}")  # pragma: no cover - libyaml guarantees order


# Characters YAML reads as line breaks (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR): inside a value
# they are folded to a space or split it, so the text checks would never see them.  Refused here,
# where they still stand in the file, rather than silently changed.
_YAML_BREAKS = re.compile("[\u0085\u2028\u2029]")


def _breaks(text: str, file: str) -> list:
    out = []
    for m in _YAML_BREAKS.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        out.append(Problem("text-control", file, line, col, "",
                           f"the file holds U+{ord(m.group()):04X}, which YAML reads as a line break: it would "
                           "vanish from the text or split it",
                           "delete it; end the line with an ordinary line break if one is meant"))
    return out


def load_text(text: str, file: str) -> Loaded:
    """Parse ledger text.  Never raises on bad input: problems are collected in the result."""
    out = Loaded()
    out.problems.extend(_breaks(text, file))
    builder = _Builder(file, out)
    try:
        stream = iter(yaml.parse(text, Loader=_Loader))
        documents = 0
        for event in stream:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                first = next(stream)
                if documents > 1:
                    builder.problem("yaml-documents", event.start_mark, (),
                                    "the file holds more than one YAML document", "remove the '---' separator and what follows it, or merge it into the first")
                    builder.node(stream, first, ("<extra>",))
                else:
                    out.data = builder.node(stream, first, ())
    except _TooDeep:
        out.data = None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops the builder long before this
        out.problems.append(Problem("yaml-too-deep", file, 1, 1, "", "the data nests too deep", None))
        out.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context}" + (f" at line {exc.context_mark.line + 1})" if exc.context_mark else ")")
        out.problems.append(Problem("yaml-syntax", file, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                    "", what, _syntax_hint(what)))
        out.data = None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are marked in practice
        out.problems.append(Problem("yaml-syntax", file, 1, 1, "", str(exc), None))
        out.data = None
    if out.data is None and not out.problems:
        out.problems.append(Problem("yaml-not-mapping", file, 1, 1, "", "the file is empty",
                                    "a ledger starts with 'schema_version: 1' and the lists sources, actors and events"))
    elif out.data is not None and not isinstance(out.data, dict):
        line, col = out.pos.get((), (1, 1))
        out.problems.append(Problem("yaml-not-mapping", file, line, col, "",
                                    f"the top level is a {_kind(out.data)}, not a mapping",
                                    "a ledger starts with 'schema_version: 1' and the lists sources, actors and events"))
        out.data = None
    return out


def load_bytes(raw: bytes, file: str, max_bytes: int = MAX_BYTES) -> Loaded:
    if len(raw) > max_bytes:
        out = Loaded()
        out.problems.append(Problem("yaml-too-large", file, 1, 1, "",
                                    f"the file is {len(raw):,} bytes; the limit is {max_bytes:,}",
                                    "split long text into archives, or raise the limit deliberately in ledger/load.py"))
        return out
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        out = Loaded()
        out.problems.append(Problem("yaml-encoding", file, line, column, "",
                                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                                    "save the file as UTF-8"))
        return out
    return load_text(text, file)


def _kind(value) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "boolean"}.get(type(value), type(value).__name__)


def _syntax_hint(what: str) -> str | None:
    if "mapping values are not allowed" in what:
        return "a value containing ': ' must be quoted, e.g. title: \"Cambodia: deportations\""
    if "found character '\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "did not find expected key" in what:
        return "check that every quote on this line or the one above is closed, and the indentation"
    if "expected <block end>" in what or "expected <document start>" in what:
        return "check the indentation of this line against the lines above it"
    if "found undefined alias" in what or "found unacceptable character" in what:
        return None
    if "while scanning a quoted scalar" in what or "found unexpected end of stream" in what:
        return "a quoted string is not closed"
    return None
