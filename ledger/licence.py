"""The licence of the ledger's own data, stated once: the data package, the exports' LICENCE.txt
and the data page all read it from here."""
from __future__ import annotations

NAME = "CC-BY-4.0"
TITLE = "Creative Commons Attribution 4.0 International"
URL = "https://creativecommons.org/licenses/by/4.0/"

# what the licence covers, and what it does not (the quotes); {licence} is the licence's name
_COVERS = ("The ledger's own data (its records, ids, dates, figures as recorded, notes and the tables made "
           "from them) is licensed under {licence}: reuse it with attribution.")
_EXCEPT = ("Quotes, headlines and archived source texts remain their publishers' and are reproduced only to "
           "cite them; they are not covered by this licence.")
STATEMENT = _COVERS.format(licence=f"{TITLE} ({NAME}, {URL})") + " " + _EXCEPT


def statement_html(esc, link) -> str:
    """The statement as HTML: the licence's title as a <cite> linked to it, its id as <code>.
    `esc` escapes text, `link(url, inner_html)` makes a safe external link (ledger/render/html.py)."""
    name = link(URL, f"<cite>{esc(TITLE)}</cite>") + f" (<code>{esc(NAME)}</code>)"
    before, after = _COVERS.split("{licence}")
    return f"{esc(before)}{name}{esc(after)} {esc(_EXCEPT)}"


def package_licence() -> dict:
    """The entry for a Frictionless data package's `licenses`."""
    return {"name": NAME, "title": TITLE, "path": URL}


def text() -> str:
    """LICENCE.txt, written with every export."""
    return STATEMENT + "\n"
