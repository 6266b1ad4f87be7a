"""The JSON Schema is the curators' manual (ledger/fielddocs.py, read back by ledger/manual.py):
every field is described with examples, bad examples and guidelines that agree with the checks,
and the `ledger new` skeletons built from it paste into a ledger."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pydantic import ConfigDict, TypeAdapter, ValidationError

from ledger import codes, manual, model, vocab
from ledger.fielddocs import MANUAL
from ledger.load import load_text
from ledger.numbers import numeral_spans
from ledger.shape import check_shape
from ledger.tokens import TOKEN

CASES = Path(__file__).resolve().parent / "cases"
MODELS = {name: getattr(model, name) for name in MANUAL}
FIELDS = [(m, f) for m, cls in MODELS.items() for f in cls.model_fields]
# The fields the text check (ledger/checks/text.py) reads as prose, and as names shown bare.
PROSE = {("Source", "published_basis"), ("Source", "notes"), ("Actor", "description"), ("Event", "title"),
         ("Event", "summary"), ("Event", "date_basis"), ("Figure", "measure"), ("Figure", "notes"), ("Exclusion", "reason")}
LABELS = {("Source", "publisher"), ("Actor", "name"), ("Actor", "aliases"), ("ActorRole", "role")}


def test_the_manual_and_the_model_have_the_same_fields():
    assert set(MANUAL) == {name for name, _ in manual.models()}
    for name, cls in MODELS.items():
        assert list(MANUAL[name]) == list(cls.model_fields), name


@pytest.mark.parametrize("model_name,name", FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
def test_each_schema_field_has_description_examples_bad_examples_and_guidelines(model_name, name):
    schema = dict(manual.models())[model_name]
    prop = schema["properties"][name]
    assert prop["description"].strip()
    assert prop["examples"] and prop["examples_bad"] and prop["guidelines"]
    assert prop["requirement"] in ("required", "conditional", "optional")
    assert (prop["requirement"] == "required") == (name in schema.get("required", []))


@pytest.mark.parametrize("model_name,name", FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
def test_good_examples_pass_the_fields_type(model_name, name):
    info = MODELS[model_name].model_fields[name]
    adapter = TypeAdapter(info.rebuild_annotation(), config=ConfigDict(strict=True))
    for example in MANUAL[model_name][name].examples:
        if isinstance(example, list) and example and isinstance(example[0], dict) and name != "actors":
            continue  # lists of records are documented by their own model
        adapter.validate_python(example)
        if (model_name, name) in PROSE:
            assert not numeral_spans(TOKEN.sub("", example)), f"{model_name}.{name}: {example!r} has a numeral"
        if (model_name, name) in LABELS:
            assert not any(c.isdigit() for c in str(example)), f"{model_name}.{name}: {example!r} has a digit"


def test_a_bad_example_of_a_closed_or_typed_field_fails_its_type():
    for model_name, name in [("Figure", "value"), ("Figure", "unit"), ("Figure", "bound"), ("Actor", "kind"),
                             ("Event", "kind"), ("Source", "language"), ("Source", "archive_sha256"), ("Event", "sources")]:
        info = MODELS[model_name].model_fields[name]
        adapter = TypeAdapter(info.rebuild_annotation(), config=ConfigDict(strict=True))
        for bad in MANUAL[model_name][name].bad:
            with pytest.raises(ValidationError):
                adapter.validate_python(bad)


def test_guidelines_name_only_real_problem_codes_and_closed_sets_explain_each_value():
    for name, d in manual.models():
        for f in manual.fields(name):
            for g in f.guidelines:
                if g.endswith("]") and "[" in g:
                    for code in g[g.rindex("[") + 1:-1].split(","):
                        assert code.strip() in codes.CODES, f"{name}.{f.name}: {code}"
    unit = next(f for f in manual.fields("Figure") if f.name == "unit")
    assert unit.allowed == vocab.UNITS.values
    assert all(any(g.startswith(f"{t.value}: ") for g in unit.guidelines) for t in vocab.UNITS)


@pytest.mark.parametrize("kind", sorted(manual.KINDS))
def test_a_skeleton_is_yaml_in_schema_order_with_allowed_values_as_comments(kind):
    text = manual.skeleton(kind)
    (entry,) = yaml.safe_load(text)
    name = manual.KINDS[kind][0]
    order = list(MODELS[name].model_fields)
    assert list(entry) == [f for f in order if f in entry]
    assert set(MODELS[name].model_json_schema().get("required", [])) <= set(entry)
    for f in manual.fields(name):
        if f.allowed:
            assert " | ".join(f.allowed) in text


def test_ledger_new_figure_filled_into_the_valid_case_shapes_without_errors():
    out = subprocess.run([sys.executable, "-m", "ledger", "new", "figure"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("# paste under")
    assert len(yaml.safe_load(out)) == 1
    ledger = (CASES / "valid" / "basic" / "events.yaml").read_text()
    anchor = "    figures:\n"
    assert anchor in ledger
    filled = ledger.replace(anchor, anchor + out, 1)
    loaded = load_text(filled, "events.yaml")
    assert not loaded.problems
    _, problems = check_shape("events.yaml", loaded)
    assert [p.text() for p in problems] == []
    figures = loaded.data["events"][0]["figures"]
    assert figures[0]["id"] == "who-yyyy-mm-what" and len(figures) == 8


def test_skeletons_still_ask_for_what_only_an_editor_can_fill_in():
    """A source pasted unfilled fails the shape check on its placeholders, never silently passes."""
    text = manual.skeleton("source")
    loaded = load_text("schema_version: 1\nsources:\n" + text + "actors: []\nevents: []\n", "events.yaml")
    _, problems = check_shape("events.yaml", loaded)
    assert {p.path for p in problems} == {"sources[0].archive_sha256", "sources[0].added"}
