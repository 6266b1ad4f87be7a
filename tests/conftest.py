"""Fixtures shared by every layer of the tests: the sites built from the sample ledger, from
data/events.yaml and from a synthetic ledger whose listings are all split, each built once per
session (tests/site and tests/browser read them); and the property tests' settings."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from ledger.synth import synthesize
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


# Past what splits the actors listing, the last to split (ledger/render/paging.py budgets; about
# 1,000 events with this seed): every listing splits, and the chronology's years have parts.
SPLIT_EVENTS = 1000


@pytest.fixture(scope="session")
def split_site(tmp_path_factory) -> Site:
    """A synthetic ledger large enough that the figures, actors and sources listings and the
    chronology's years are split into several pages (ledger/render/paging.py)."""
    out = tmp_path_factory.mktemp("split-ledger")
    synthesize(SPLIT_EVENTS, seed=3, out=out, years=2)
    return build_site(tmp_path_factory.mktemp("split") / "site", out / "events.yaml")
