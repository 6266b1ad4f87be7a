from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def basic_case(tmp_path):
    """A writable copy of the valid sample ledger."""
    import shutil
    dest = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", dest)
    return dest
