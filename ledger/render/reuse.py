"""The one place where rendering may reuse HTML made by an earlier build: `part(ctx, fn, *args)`
renders fn(ctx, *args), the piece of a page that shows one record (an event on its chronology page,
a figure's row, an actor's or a source's entry).

A plain build renders every piece.  While `mkdocs serve` rebuilds after an edit, the mkdocs layer
gives the context a `reuse` function (ledger_site/blocks.py) that returns the piece's earlier HTML
when nothing it read from the ledger changed, and renders it afresh otherwise.
"""
from __future__ import annotations


def part(ctx, fn, *args, **kwargs) -> str:
    reuse = getattr(ctx, "reuse", None)
    if reuse is None:
        return fn(ctx, *args, **kwargs)
    return reuse(fn, ctx, *args, **kwargs)


__all__ = ["part"]
