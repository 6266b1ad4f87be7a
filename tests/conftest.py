"""Fixtures shared by every layer of the tests: the sites built from the sample ledger and from
data/events.yaml, each built once per session (tests/site and tests/browser read them); and the
property tests' settings."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests import REAL, SAMPLE
from tests.sitebuild import Site, build_site, real_ok

# No timings in tests: a property test fails on a wrong answer, never on a busy machine (Hypothesis
# would otherwise fail an example slower than 200 ms, or a strategy it finds slow to draw from).
settings.register_profile("no-timings", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no-timings")


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
