"""Reading a ledger item by item (ledger/loaditems.py, used by `mkdocs serve`) gives what reading it
whole (ledger/load.py) gives: the same values, positions and problems, on every ledger in the
tests, on a synthetic ledger after edits, and on broken variants of it; and it reuses the items
an edit left as they were."""
from __future__ import annotations

import glob
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger import loaditems
from ledger.load import load_bytes
from ledger.synth import synthesize
from tests import CASES, ROOT


@pytest.fixture(autouse=True)
def every_size(monkeypatch):
    monkeypatch.setattr(loaditems, "MIN_LINES", 0)  # small texts are read whole otherwise
    loaditems.forget()
    yield
    loaditems.forget()


def _same(raw: bytes) -> bool:
    whole, items = load_bytes(raw, "f.yaml"), loaditems.read(raw, "f.yaml")
    return (whole.data, dict(whole.pos), dict(whole.keypos), [repr(p) for p in whole.problems]) == \
        (items.data, dict(items.pos), dict(items.keypos), [repr(p) for p in items.problems])


def _by_items(text: str) -> bool:
    return loaditems._by_items(text, "f.yaml") is not None


def test_every_ledger_in_the_tests_reads_the_same():
    files = glob.glob(str(CASES / "**" / "*.yaml"), recursive=True) + [str(ROOT / "data" / "events.yaml")]
    assert len(files) > 50
    for f in files:
        with open(f, "rb") as fh:
            assert _same(fh.read()), f
    with open(ROOT / "data" / "events.yaml", encoding="utf-8") as fh:
        assert _by_items(fh.read())  # the real ledger is laid out as the item reader expects


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("synth")
    synthesize(60, 5, out)
    return (out / "events.yaml").read_text(encoding="utf-8")


def _items(text):
    return [m.start() for m in re.finditer(r"^  - ", text, re.M)] + [len(text)]


EDITS = {
    "title": lambda t, a, b: t[:a] + t[a:b].replace('title: "', 'title: "Edited ', 1) + t[b:],
    "deleted": lambda t, a, b: t[:a] + t[b:],
    "twice": lambda t, a, b: t[:a] + t[a:b] + t[a:b] + t[b:],
    "comment": lambda t, a, b: t[:a] + t[a:b].replace("\n", "\n    # a note\n\n", 1) + t[b:],
    "blank lines": lambda t, a, b: t[:a] + t[a:b].rstrip("\n") + "\n\n\n" + t[b:],
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edited_ledger_reads_the_same_and_reuses_the_other_items(synthetic, edit):
    assert _same(synthetic.encode())
    spans = _items(synthetic)
    k = len(spans) // 2
    edited = EDITS[edit](synthetic, spans[k], spans[k + 1])
    cached = len(loaditems._CACHE)
    assert cached > len(spans) // 2  # the items read first were kept
    assert _by_items(edited) and _same(edited.encode())
    assert len(loaditems._CACHE) - cached <= 2  # only what the edit changed was read again


BROKEN = [
    "  - id: a\n    id: b\n",                       # a duplicate key inside an item
    "    title: x: y\n",                            # a syntax error
    "  - &anchor\n    id: z\n", "  - *anchor\n",    # an anchor, an alias
    "    summary: |+\n      kept\n\n",              # a block kept with its trailing lines
    "events: []\n", "sources:\n",                   # a top-level key again
    "---\n", "...\n", "%YAML 1.2\n",                # document markers, a directive
    " - id: out\n", "   - id: odd\n", "  -  id: wide\n", "\tid: tab\n",
    '    quote: "a line\n  - that goes on"\n',      # a quoted value running over a dash
    "    value: 1234567890123456789012345678901234567890\n",
    "    note: \u2028\n", "x: 1\r\n",
]


@pytest.mark.parametrize("line", BROKEN)
def test_a_broken_ledger_reads_the_same(synthetic, line):
    lines = synthetic.split("\n")
    for at in (5, len(lines) // 2, len(lines) - 3):
        text = "\n".join(lines[:at] + [line.rstrip("\n")] + lines[at:])
        assert _same(text.encode()), (line, at)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
    ["", "#", "  # c", "  - id: x", "    - y", "    k: v", "k: v", "      z", "  -", '    q: "a', ' b"',
     "    t: >-", "  - - x", "    x: [1,", "      2]", "x:", "  y: 1"])), max_size=4),
       st.booleans())
def test_any_edit_of_lines_reads_the_same(synthetic, inserts, trailing):
    lines = synthetic.split("\n")
    for at, line in inserts:
        lines.insert(at % len(lines), line)
    text = "\n".join(lines) + ("\n\n" if trailing else "")
    assert _same(text.encode())

