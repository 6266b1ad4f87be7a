"""The sourced ledger: load, check and export `data/events.yaml` (no mkdocs in here)."""
