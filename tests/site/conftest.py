"""Fixtures of the built-site tests: every site that can be built (`site`: the sample's, the real
ledger's and, marked slow, the split synthetic one's, tests/conftest.py), and writable copies of
the sample ledger and of the project to build variants from."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import ROOT, SAMPLE
from tests.sitebuild import Site


@pytest.fixture(scope="session", params=["sample", "real", pytest.param("split", marks=pytest.mark.slow)])
def site(request) -> Site:
    """Every site that can be built: the sample ledger's, data/events.yaml's (when it validates),
    and the split synthetic one's; each built once per session (tests/conftest.py)."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture
def ledger_copy(tmp_path) -> Path:
    """A writable copy of the sample ledger and its archives; returns the events.yaml path."""
    dest = tmp_path / "ledger"
    shutil.copytree(SAMPLE.parent, dest)
    return dest / "events.yaml"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the site's own files (mkdocs.yml, docs/, ledger_site/, overrides/), with ledger/ and data/ linked,
    to build variants of the pages without touching the real ones; returns the project folder."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "ledger_site", dest / "ledger_site", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "ledger").symlink_to(ROOT / "ledger", target_is_directory=True)
    (dest / "data").symlink_to(ROOT / "data", target_is_directory=True)
    return dest
