"""The test suite, by layer: ledger/ (the domain package), render/ (HTML pieces), site/ (built
sites), browser/ (built sites in a real browser); fixtures are shared through the conftest.py files.

Paths every layer uses."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent     # the repository
CASES = ROOT / "tests" / "cases"                  # ledger cases: valid/<name>/, invalid/<name>/
SAMPLE = CASES / "valid" / "basic" / "events.yaml"  # the sample ledger the site tests build
REAL = ROOT / "data" / "events.yaml"              # the curated ledger
