"""Reference blocks for curators (the contribute page): the catalogue of problem codes
(ledger/codes.py).  Pure functions of (Ctx, arguments); they read no ledger records."""
from __future__ import annotations

import re

from ..codes import CODES
from .html import attrs, code_digits, esc

_QUOTED = re.compile(r"'([^'\s]+)'")  # '{{', '&name', '---': literal syntax in a meaning


def _meaning(text: str) -> str:
    out, pos = [], 0
    for m in _QUOTED.finditer(text):
        out.append(code_digits(text[pos:m.start()]) + f"<code>{esc(m.group(1))}</code>")
        pos = m.end()
    return "".join(out) + code_digits(text[pos:])


def problem_codes(ctx) -> str:
    """Every code `ledger validate` can report, with its meaning; each row is a link target
    (#code-CODE) so that a report's code can be looked up."""
    rows = "".join(f'<tr{attrs(id="code-" + code)}><td><code>{esc(code)}</code></td><td>{_meaning(meaning)}</td></tr>'
                   for code, meaning in CODES.items())
    return ('<table class="data-table problem-codes"><thead><tr><th scope="col">Code</th>'
            f'<th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table>')
