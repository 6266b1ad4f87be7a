"""`mkdocs serve` only: reuse the HTML of a page's pieces (ledger/render/reuse.py: an event, a
figure's row, an actor's or a source's entry) across rebuilds, keyed by a digest of what each
piece read from the ledger.

While a piece renders, its context's index is a recording view of the ledger's index: every record
or value the piece looks up is noted (a whole table when it walks one), with a digest of its
content.  A later build reuses the piece's HTML only when it is rendered for the same page, with
the same arguments, the same site, the same plan of pages and the same ids-so-far on the page, and
every value it read has the same digest in the new index; otherwise it is rendered afresh and
recorded again.  So an edit to one event re-renders the pieces that show it (its own, the rows
of its figures, the entries of its actors and sources) and no other; a preview never shows stale
text.  A plain `mkdocs build` renders every piece (ledger_site/wiring.py gives it no reuse).
"""
from __future__ import annotations

import hashlib
import inspect
import types
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from ledger.render import inline


class _All:
    """The key of a read of a whole table (iterated, counted) or of a value that is not a table."""

    def __repr__(self) -> str:
        return "<all>"


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


ALL, ABSENT = _All(), _Absent()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _RecordingMap(Mapping):
    """A table of the index that notes each key looked up, and the whole table when walked."""

    def __init__(self, table, attr: str, reads: set):
        self._table, self._attr, self._reads = table, attr, reads

    def __getitem__(self, key):
        self._reads.add((self._attr, key))
        return self._table[key]

    def get(self, key, default=None):
        self._reads.add((self._attr, key))
        return self._table.get(key, default)

    def __contains__(self, key):
        self._reads.add((self._attr, key))
        return key in self._table

    def __iter__(self):
        self._reads.add((self._attr, ALL))
        return iter(self._table)

    def __len__(self):
        self._reads.add((self._attr, ALL))
        return len(self._table)

    def keys(self):
        self._reads.add((self._attr, ALL))
        return self._table.keys()

    def items(self):
        self._reads.add((self._attr, ALL))
        return self._table.items()

    def values(self):
        self._reads.add((self._attr, ALL))
        return self._table.values()


class _RecordingIndex:
    """The ledger's index as a piece sees it: tables become recording tables, any other value is
    noted whole, and the index's own methods and properties run on this view (so what they read
    is noted too; their memo is this view's own)."""

    def __init__(self, index, reads: set):
        self._rec_index, self._rec_reads = index, reads
        self._memo = {}

    def __getattr__(self, name):
        index = self._rec_index
        static = inspect.getattr_static(type(index), name, None)
        if isinstance(static, property):
            return static.fget(self)
        if isinstance(static, types.FunctionType):
            return types.MethodType(static, self)
        value = getattr(index, name)
        if isinstance(value, Mapping):
            return _RecordingMap(value, name, self._rec_reads)
        self._rec_reads.add((name, ALL))
        return value


class Fingerprints:
    """The digest of each value of one index that a piece may read, computed once per build."""

    def __init__(self, index, pages):
        self.index = index
        self.pages = _digest(repr(pages))
        self._memo: dict = {}

    def __call__(self, read) -> bytes:
        got = self._memo.get(read)
        if got is None:
            attr, key = read
            value = getattr(self.index, attr)
            if key is ALL:
                got = _digest(repr(list(value.items())) if isinstance(value, Mapping) else repr(value))
            else:
                got = self._print(value.get(key, ABSENT))
            self._memo[read] = got
        return got

    def _print(self, value) -> bytes:
        """The digest of repr(value); for a record (a source, actor, event or figure), of the repr
        of its YAML as written, which the record is made from alone (ledger/shape.py) and is much
        quicker to write.  A record's YAML that the last build printed and that is the very same
        object now (ledger/loaditems.py hands back the values of the items an edit left as they
        were, and nothing changes them) keeps its digest without being written again."""
        if isinstance(value, BaseModel):
            rid = getattr(value, "id", None)
            path = self.index.path_of.get(rid) if isinstance(rid, str) else None
            node = self.index.loaded.data
            for step in path or ():
                node = node[step]
            if path and isinstance(node, dict) and node.get("id") == rid:
                kind = type(value).__name__
                last = _NODES.last.get(id(node))
                if last is not None and last[0] is node and last[1] == kind:
                    got = last[2]
                else:
                    got = _digest(f"{kind}{node!r}")
                _NODES.now[id(node)] = (node, kind, got)
                return got
        return _digest(repr(value))


class _Nodes:
    """The digests of records' YAML, by the identity of the YAML's value: those printed by the last
    build, and by this one (each entry holds its value, so the identity is not reused)."""
    last: dict = {}
    now: dict = {}


_NODES = _Nodes()


class Count:
    """The page's counter of unique ids (inline.Ctx.uid), whose position can be read and set."""

    def __init__(self, n: int = 1):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self) -> int:
        n = self.n
        self.n += 1
        return n


@dataclass(frozen=True)
class _Piece:
    reads: tuple     # ((attr, key), digest) for every value the piece read
    pages: bytes     # digest of the plan of pages
    html: str
    count: int       # the page's id counter after the piece


class _Store:
    seen: dict = {}    # key -> _Piece, from the last build
    fresh: dict = {}   # key -> _Piece, used or made by this build
    prints = None      # Fingerprints of this build's index
    reused = 0         # pieces this build took from the last one


STORE = _Store()


def begin(index, pages) -> None:
    """A build starts: the pieces the last one used become the ones to reuse."""
    if STORE.fresh:
        STORE.seen, STORE.fresh = STORE.fresh, {}
    if _NODES.now:
        _NODES.last, _NODES.now = _NODES.now, {}
    STORE.prints = Fingerprints(index, pages)
    STORE.reused = 0


class ReusingCtx(inline.Ctx):
    """The render context while serving: ledger.render.reuse.part asks it for each piece."""

    def reuse(self, fn, ctx, *args, **kwargs) -> str:
        prints, counter = STORE.prints, ctx.counter
        if prints is None or prints.index is not ctx.index or not isinstance(counter, Count):
            return fn(ctx, *args, **kwargs)
        key = (fn.__module__, fn.__qualname__, repr(args), repr(sorted(kwargs.items())), ctx.links,
               repr(ctx.site), counter.n)
        piece = STORE.fresh.get(key) or STORE.seen.get(key)
        if piece is not None and piece.pages == prints.pages and all(prints(r) == d for r, d in piece.reads):
            counter.n = piece.count
            STORE.fresh[key] = piece
            STORE.reused += 1
            return piece.html
        reads: set = set()
        html = fn(inline.Ctx(_RecordingIndex(ctx.index, reads), ctx.pages, ctx.links, ctx.site, counter),
                  *args, **kwargs)
        STORE.fresh[key] = _Piece(tuple((r, prints(r)) for r in reads), prints.pages, html, counter.n)
        return html
