"""Fixtures shared by every layer of the tests: the sites built from the sample ledger and from
data/events.yaml, each built once per session (tests/site and tests/browser read them)."""
from __future__ import annotations

import pytest

from tests import REAL, SAMPLE
from tests.sitebuild import Site, build_site, real_ok


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Site:
    """The site built from the sample ledger (tests/cases/valid/basic)."""
    return build_site(tmp_path_factory.mktemp("sample") / "site", SAMPLE)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The site built from data/events.yaml (skipped when it does not exist or validate)."""
    if not real_ok():
        pytest.skip("data/events.yaml does not exist yet or does not validate")
    return build_site(tmp_path_factory.mktemp("real") / "site", REAL)
