"""Tests of built sites (`mkdocs build --strict`), read with a real HTML parser."""
