"""The build refuses what it cannot publish: a broken macro call, an unknown name, a ledger with
problems, a ledger that cannot be read.  Each makes `mkdocs build --strict` exit non-zero."""
from __future__ import annotations

import pytest

from ledger.validate import validate_file
from tests import SAMPLE
from tests.sitebuild import build


def _page(project, text):
    (project / "docs" / "broken.md").write_text("---\ntitle: Broken\n---\n\n# Broken\n\n" + text + "\n")


@pytest.mark.parametrize("markdown,named", [
    ("{{ no_such_macro() }}", "no_such_macro"),            # an unknown macro
    ("Total: {{ no_such_variable }}", "no_such_variable"),  # an unknown name
    ('See {{ fig("no-such-figure") }}.', "no-such-figure"),  # a macro that raises
], ids=["unknown-macro", "unknown-variable", "macro-raises"])
def test_a_broken_macro_call_fails_the_build(project_copy, tmp_path, markdown, named):
    _page(project_copy, markdown)
    proc = build(SAMPLE, tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode != 0
    assert named in proc.stdout + proc.stderr


def test_the_project_copy_builds_without_the_broken_page(project_copy, tmp_path):
    """Control for the broken-call tests above: the copy itself is fine."""
    _page(project_copy, 'See {{ fig("gdi-deported") }}.')
    proc = build(SAMPLE, tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode == 0, proc.stderr
    assert 'data-figure="gdi-deported"' in (tmp_path / "out" / "broken" / "index.html").read_text()


def test_invalid_ledger_fails_with_the_engines_report(ledger_copy, tmp_path):
    text = ledger_copy.read_text()
    ledger_copy.write_text(text.replace("quote: Cambodia deported 130 foreigners", "quote: Cambodia deported 131 foreigners")
                           .replace("source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n        quote: three",
                                    "source: post-2022-11-kingdom-deport\n        claimed_by: gdi\n        quote: three"))
    expected = validate_file(ledger_copy).problems
    assert expected, "the edit should make the ledger invalid"
    proc = build(ledger_copy, tmp_path / "out")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "The ledger has problems" in out
    for p in expected:
        assert f"[{p.code}] {p.message}" in out
        if p.hint:
            assert p.hint in out
    assert f"{len(expected)} error" in out
    assert not (tmp_path / "out" / "index.html").exists()


def test_missing_ledger_fails_clearly(tmp_path):
    proc = build(tmp_path / "nowhere" / "events.yaml", tmp_path / "out")
    assert proc.returncode != 0
    assert "could not be read" in proc.stdout + proc.stderr


def test_macro_inside_code_fails_instead_of_vanishing(project_copy, tmp_path):
    _page(project_copy, 'Inline code: `{{ fig("gdi-deported") }}`')
    proc = build(SAMPLE, tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode != 0
    assert "could not be placed" in proc.stdout + proc.stderr
