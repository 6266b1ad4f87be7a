"""Pure rendering: checked ledger records -> HTML strings for the site's pages.

No mkdocs import: the mkdocs layer (macros/) only wires these functions to pages.  Every ledger
string is escaped here; URLs pass an http(s) allowlist; output is HTML, never Markdown or Jinja.
"""
from . import feed, fmt, html, inline, pages, site  # noqa: F401
from .inline import Ctx  # noqa: F401
from .site import LedgerInvalid, SiteData, load  # noqa: F401
