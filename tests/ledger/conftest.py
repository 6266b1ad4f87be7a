"""Fixtures of the domain-package tests: a writable copy of the sample ledger, and the curated
ledger's validation result."""
from __future__ import annotations

import shutil

import pytest

from ledger.validate import validate_file
from tests import CASES, REAL


@pytest.fixture
def basic_case(tmp_path):
    """A writable copy of the valid sample ledger (tests/cases/valid/basic) and its archives."""
    dest = tmp_path / "ledger"
    shutil.copytree(CASES / "valid" / "basic", dest)
    return dest


@pytest.fixture(scope="session")
def curated():
    """data/events.yaml, validated once."""
    return validate_file(REAL)
