"""The loader: positions, refusals, and never a traceback on any input."""
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.load import load_bytes, load_text
from ledger.validate import validate_bytes


def codes(loaded):
    return [(p.code, p.line, p.column, p.path) for p in loaded.problems]


def test_positions_are_recorded_for_values_and_keys():
    out = load_text("a:\n  - b: 1\n    c: x\n", "f.yaml")
    assert out.data == {"a": [{"b": 1, "c": "x"}]}
    assert out.pos[("a", 0, "c")] == (3, 8)
    assert out.keypos[("a", 0, "c")] == (3, 5)


def test_scalars_resolve_safely_and_dates_stay_text():
    out = load_text("d: 2022-11-07\nv: 1,450\nn: 12\nf: 1.5\nb: yes\nt: true\nz: ~\nq: '12'\n", "f.yaml")
    assert out.data == {"d": "2022-11-07", "v": "1,450", "n": 12, "f": 1.5, "b": "yes", "t": True, "z": None, "q": "12"}


def test_duplicate_keys_are_reported_at_any_depth_with_the_first_line():
    out = load_text("a:\n  b:\n    c: 1\n    c: 2\nd: 1\nd: 2\n", "f.yaml")
    assert [(p.code, p.line, p.path) for p in out.problems] == [
        ("yaml-duplicate-key", 4, "a.b.c"), ("yaml-duplicate-key", 6, "d")]
    assert "first at line 3" in out.problems[0].message
    assert out.data["a"]["b"]["c"] == 1  # reported, and never silently replaced by the last one


def test_anchors_aliases_and_tags_are_refused():
    out = load_text("a: &x 1\nb: *x\nc: !!str 3\nd: !custom z\n", "f.yaml")
    assert [c[0] for c in codes(out)] == ["yaml-anchor", "yaml-alias", "yaml-tag", "yaml-tag"]


def test_syntax_error_has_line_column_and_hint():
    out = load_text("a: 1\nb: x: y\n", "f.yaml")
    (p,) = out.problems
    assert (p.code, p.line, p.column) == ("yaml-syntax", 2, 5)
    assert "quoted" in p.hint


def test_top_level_must_be_a_mapping_and_not_empty():
    assert codes(load_text("- a\n", "f"))[0][0] == "yaml-not-mapping"
    assert codes(load_text("", "f"))[0][0] == "yaml-not-mapping"
    assert codes(load_text("# only a comment\n", "f"))[0][0] == "yaml-not-mapping"


def test_size_bound_and_encoding():
    assert codes(load_bytes(b"a: 1\n" * 100, "f", max_bytes=50))[0][0] == "yaml-too-large"
    p = load_bytes(b"a: 1\nb: caf\xe9\n", "f").problems[0]
    assert (p.code, p.line, p.column) == ("yaml-encoding", 2, 7)


def test_more_than_one_document_is_refused():
    assert codes(load_text("a: 1\n---\nb: 2\n", "f"))[0][0] == "yaml-documents"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # no timings in tests
@given(st.text())
def test_arbitrary_text_never_raises(text):
    out = load_text(text, "f.yaml")
    assert out.data is None or isinstance(out.data, dict)
    for p in out.problems:
        assert p.line >= 1 and p.column >= 1 and p.code


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(raw):
    validate_bytes(raw, "f.yaml", base=".")


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["2022-11", "gdi", "people", "exact", "https://x.org"]))
KEYS = st.sampled_from(["schema_version", "sources", "actors", "events", "figures", "id", "value", "unit",
                        "bound", "quote", "source", "date", "title", "summary", "kind", "archive", "x"])
TREES = st.recursive(SCALARS, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                      st.dictionaries(KEYS, kids, max_size=5)), max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # no timings in tests
@given(st.dictionaries(KEYS, TREES, max_size=6))
def test_arbitrary_yaml_gives_problems_never_exceptions(tree):
    raw = yaml.safe_dump(tree, allow_unicode=True).encode()
    result = validate_bytes(raw, "f.yaml", base=".")
    assert (result.ledger is None) == bool(result.problems)  # a ledger, or the problems that stop one
    for p in result.problems:
        assert p.file == "f.yaml" and p.line >= 1 and p.code and p.message
