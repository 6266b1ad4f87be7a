"""A ledger's text read item by item, reusing the items an edit left as they were.

`mkdocs serve` validates the whole ledger again after every edit, and reading a 1,000-event
file's YAML was a quarter of a second of each preview, though an edit changes one item.  Here
the text is cut where a top-level key or a list item (`  - `) starts; each piece is read on its
own by ledger/load.py's builder and remembered by its text, with positions relative to it, so
the next reading builds only the pieces that changed and moves the others to their lines.

The result must be the one ledger/load.py gives for the whole text, or this path is not taken:
- only a text laid out as ledgers are (top-level keys at the first column; list items two spaces
  in, their lines four or more; comments and blank lines anywhere) is cut, and no document
  markers or directives;
- a piece that has any problem (a syntax error, a duplicate key, an anchor, a number too long), a
  key repeated at the top level, a piece nested near MAX_DEPTH, or a character YAML reads as a
  line break sends the whole text to ledger/load.py, which reports it in its own words;
- the values read are shared between readings: nothing downstream changes them (the shape check
  and the index build models and maps of their own).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import yaml
from yaml import events as ev

from .load import _YAML_BREAKS, MAX_BYTES, MAX_DEPTH, Loaded, _Builder, _Loader, load_bytes, load_text

_HEADER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*:")
_CACHE: dict = {}     # (piece kind, text) -> (value, pos, keypos), positions relative to the piece
_CACHE_LIMIT = 1 << 16
MIN_LINES = 2000      # a smaller text is read whole: there is little to save


def read(raw: bytes, file: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """As ledger/load.py load_bytes, reusing the pieces read before when the text allows."""
    if len(raw) <= max_bytes:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            out = _by_items(text, file)
            return out if out is not None else load_text(text, file)
    return load_bytes(raw, file, max_bytes)


def forget() -> None:
    _CACHE.clear()


def _pieces(text: str):
    """[(top-level key, its line, [(first line, last line + 1), ...] for a list or None, (first
    line, last line + 1) of the block)] or None when the text is not laid out as a ledger is.
    Lines are counted from 0; a comment or blank line belongs to the piece it follows."""
    lines = text.split("\n")
    if len(lines) < MIN_LINES:
        return None
    blocks, block, item = [], None, None
    for n, line in enumerate(lines):
        if not line.strip() or line.lstrip(" ").startswith("#"):
            continue
        if line[0] != " ":
            if line.startswith(("---", "...", "%")) or not _HEADER.match(line):
                return None
            key = line[:line.index(":")]
            rest = line[len(key) + 1:].strip()
            block, item = [key, n, [] if not rest or rest.startswith("#") else None, [n, None]], None
            if blocks:
                blocks[-1][3][1] = n
            blocks.append(block)
            continue
        if block is None:
            return None
        if block[2] is None:  # a value on the key's line, and lines indented after it
            continue
        if line.startswith("  - ") and not line.startswith("  -  "):
            if item is not None:
                item[1] = n
            item = [n, None]
            block[2].append(item)
        elif item is None or not line.startswith("    "):
            return None
    if not blocks:
        return None
    blocks[-1][3][1] = len(lines)
    for key, n, items, span in blocks:
        for k, it in enumerate(items or ()):
            it[1] = items[k + 1][0] if k + 1 < len(items) else span[1]
    return blocks


def _read_piece(kind: str, text: str, file: str):
    """(value, pos, keypos) of one piece, relative to it, or None when it has a problem."""
    key = (kind, text)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    out = Loaded()
    builder = _Builder(file, out)
    try:
        stream = iter(yaml.parse(text, Loader=_Loader))
        kinds = [type(next(stream)), type(next(stream))]  # the stream's and the document's start
        first = next(stream)
        if kinds != [ev.StreamStartEvent, ev.DocumentStartEvent]:
            return None
        if kind == "item":  # a list of one item: the item is read at path ()
            if type(first) is not ev.SequenceStartEvent or first.anchor or first.tag:
                return None
            value = builder.node(stream, next(stream), ())
            if type(next(stream)) is not ev.SequenceEndEvent:
                return None
        else:
            value = builder.node(stream, first, ())
        if [type(e) for e in stream] != [ev.DocumentEndEvent, ev.StreamEndEvent]:
            return None
    except Exception:  # noqa: BLE001 - any failure: the whole text is read by ledger/load.py
        return None
    if out.problems or any(len(p) >= MAX_DEPTH - 2 for p in out.pos):
        return None
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = (value, out.pos, out.keypos)
    return _CACHE[key]


def _by_items(text: str, file: str):
    if _YAML_BREAKS.search(text) or "\r" in text:
        return None
    blocks = _pieces(text)
    if not blocks:
        return None
    starts = [0]  # where each line starts in the text
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def cut(first, end):  # the lines [first, end) as they stand in the text, line ends included
        return text[starts[first]:min(starts[end], len(text))]

    data, pos, keypos = {}, [], []  # parts of the positions: (path prefix, line offset, table)
    for key, line, items, (first, end) in blocks:
        if key in data:
            return None
        # as the builder does: ("<key>",) is where the last key read starts
        pos.append(((), 0, {("<key>",): (line + 1, 1)}))
        if items is None:  # `key: value` (and what follows it): a mapping of one key
            piece = _read_piece("mapping", cut(first, end), file)
            if piece is None or not isinstance(piece[0], dict) or list(piece[0]) != [key]:
                return None
            value, ppos, pkeypos = piece
            data[key] = value[key]
            pos.append(((), line, {path: at for path, at in ppos.items() if path}))
            keypos.append(((), line, pkeypos))
            continue
        if not items:
            return None  # `key:` with nothing under it: null, read by ledger/load.py
        values = []
        # the list starts at its first item's dash
        keypos.append(((), 0, {(key,): (line + 1, 1)}))
        pos.append(((), 0, {(key,): (items[0][0] + 1, 3)}))
        for i, (start, stop) in enumerate(items):
            piece = _read_piece("item", cut(start, stop), file)
            if piece is None:
                return None
            value, ppos, pkeypos = piece
            values.append(value)
            pos.append(((key, i), start, ppos))
            keypos.append(((key, i), start, pkeypos))
        data[key] = values
    pos.append(((), 0, {(): (blocks[0][1] + 1, 1)}))
    return Loaded(data=data, pos=_Positions(pos), keypos=_Positions(keypos))


class _Positions(Mapping):
    """Path -> (line, column), put together from the pieces' tables when first asked for: only a
    problem's report asks, and most readings have none."""

    def __init__(self, parts):
        self._parts, self._table = parts, None

    def _all(self) -> dict:
        if self._table is None:
            table = {}
            for prefix, offset, part in self._parts:
                for path, (line, col) in part.items():
                    table[prefix + path] = (line + offset, col)
            self._table, self._parts = table, None
        return self._table

    def __getitem__(self, path):
        return self._all()[path]

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())


__all__ = ["read", "forget", "MIN_LINES"]
