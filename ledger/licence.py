"""The licence of the ledger's own data, stated once: the data package, the exports' LICENCE.txt
and the data page all read it from here."""
from __future__ import annotations

NAME = "CC-BY-4.0"
TITLE = "Creative Commons Attribution 4.0 International"
URL = "https://creativecommons.org/licenses/by/4.0/"

# what the licence covers, and what it does not (the quotes)
STATEMENT = (
    f"The ledger's own data (its records, ids, dates, figures as recorded, notes and the tables made "
    f"from them) is licensed under {TITLE} ({NAME}, {URL}): reuse it with attribution. "
    "Quotes, headlines and archived source texts remain their publishers' and are reproduced only to "
    "cite them; they are not covered by this licence."
)


def package_licence() -> dict:
    """The entry for a Frictionless data package's `licenses`."""
    return {"name": NAME, "title": TITLE, "path": URL}


def text() -> str:
    """LICENCE.txt, written with every export."""
    return STATEMENT + "\n"
