"""Tests of the HTML pieces (ledger/render/) without building a site: escaping, links, charts, paging."""
