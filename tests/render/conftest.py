"""Fixtures of the render tests: the sample ledger, loaded for rendering (its index and pages)."""
from __future__ import annotations

import pytest

from ledger.render import site as site_mod
from tests import SAMPLE


@pytest.fixture(scope="session")
def loaded():
    """ledger.render.site.load() of the sample ledger (tests/cases/valid/basic): .index, .pages."""
    return site_mod.load(SAMPLE)
