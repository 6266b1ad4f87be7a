"""Pure rendering: the ledger's index -> HTML strings for the site's pages.

No mkdocs import: the mkdocs layer (ledger_site/) only wires these functions to pages.  Every ledger
string is escaped here; URLs pass an http(s) allowlist; output is HTML, never Markdown or Jinja.
"""
