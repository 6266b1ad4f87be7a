"""The token grammar of ledger prose: {fig:FIGURE-ID}, {date:EDTF} and {q:verbatim words}.

The text check (ledger/checks/text.py) and the renderer (ledger/render/inline.py) read prose with
these same expressions, so what the check accepts is exactly what a page shows.
"""
import re

KINDS = ("fig", "date", "q")
TOKEN = re.compile(r"\{(" + "|".join(KINDS) + r"):([^{}]*)\}")
# What is left of prose once its tokens are taken out: anything still shaped like `{word:` is a
# broken or unknown token.
NOT_A_TOKEN = re.compile(r"\{\w+:[^}]*\}?")
