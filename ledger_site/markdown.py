"""A Python-Markdown extension (`ledger_site.markdown` in mkdocs.yml) that puts the HTML each
ledger macro rendered where its placeholder stands, once Markdown conversion is done.

Both mkdocs and Zensical run Python-Markdown with the extensions a config lists, while Zensical
ignores mkdocs `hooks:`; doing the swap here keeps it working under either builder.  Why
placeholders at all: ledger_site/wiring.py.
"""
from __future__ import annotations

import importlib

from markdown import Extension
from markdown.postprocessors import Postprocessor


class _SwapBlocks(Postprocessor):
    def run(self, text: str) -> str:
        # looked up on every page, not imported once: `mkdocs serve` re-imports ledger_site.wiring
        # when its code changes (ledger_site/hooks.py), and the blocks live in the fresh module
        return importlib.import_module("ledger_site.wiring").substitute(text)


class LedgerBlocks(Extension):
    def extendMarkdown(self, md):
        # after the raw-HTML postprocessor (priority 30), which restores the placeholder comments
        md.postprocessors.register(_SwapBlocks(md), "ledger_blocks", 5)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return LedgerBlocks(**kwargs)
