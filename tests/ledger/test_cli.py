"""The `ledger` command as an editor runs it: exit codes, reports, JSON, exports."""
import json
import os
import subprocess
import sys

import jsonschema
import pytest
import yaml

from ledger.export import _number


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "ledger", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def test_validate_clean_ledger_exits_0(basic_case):
    r = run("validate", "events.yaml", cwd=basic_case)
    assert r.returncode == 0, r.stdout
    assert r.stdout.strip() == "no problems in events.yaml"


def test_validate_reports_problems_with_file_line_path_code_hint_and_count(basic_case):
    p = basic_case / "events.yaml"
    p.write_text(p.read_text().replace("        source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n        quote: three",
                                       "        source: post-2022-11-kingdom-deport\n        claimed_by: gdi\n        quote: three"))
    r = run("validate", "events.yaml", cwd=basic_case)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith("events.yaml:") and "events[0].figures[1].source [ref-unknown] source 'post-2022-11-kingdom-deport' does not exist" in lines[0]
    assert lines[1] == "  hint: did you mean 'post-2022-11-kingdom-deports'?"
    assert lines[-1].endswith("in events.yaml") and lines[-1][0].isdigit()
    assert "Traceback" not in r.stdout + r.stderr


def test_validate_json_gives_the_same_records(basic_case):
    p = basic_case / "events.yaml"
    p.write_text(p.read_text().replace("bound: nearly", "bound: nearley"))
    r = run("validate", "events.yaml", "--format", "json", cwd=basic_case)
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["count"] == len(report["problems"]) == 1
    prob = report["problems"][0]
    assert prob["code"] == "field-enum" and prob["path"] == "events[1].figures[0].bound"
    assert prob["hint"] == "did you mean 'nearly'?" and prob["line"] > 1 and prob["file"] == "events.yaml"


def test_missing_file_and_bad_usage_exit_2(tmp_path):
    r = run("validate", str(tmp_path / "nope.yaml"))
    assert r.returncode == 2 and "cannot read" in r.stderr and "Traceback" not in r.stderr
    assert run("validate", "--format", "xml").returncode == 2
    assert run("frobnicate").returncode == 2


def test_ledger_file_environment_variable_names_the_default(basic_case):
    env = dict(os.environ, LEDGER_FILE=str(basic_case / "events.yaml"))
    assert run("validate", env=env).returncode == 0


def test_quote_finds_words_or_shows_the_nearest_passage(basic_case):
    r = run("quote", "post-2022-11-kingdom-deports", "three  of them women", "--ledger", "events.yaml", cwd=basic_case)
    assert r.returncode == 0 and r.stdout.strip() == "sources/post-2022-11-kingdom-deports.txt:1:35: found"
    r = run("quote", "post-2022-11-kingdom-deports", "Cambodia deported 131 foreigners", "--ledger", "events.yaml", cwd=basic_case)
    assert r.returncode == 1
    assert 'nearest passage: "Cambodia deported 130 foreigners"' in r.stdout
    assert "first difference at character 21" in r.stdout
    assert run("quote", "no-such-source", "x", "--ledger", "events.yaml", cwd=basic_case).returncode == 2


@pytest.mark.parametrize("kind", ["event", "source", "actor", "figure"])
def test_new_prints_a_skeleton_and_touches_nothing(basic_case, kind):
    before = (basic_case / "events.yaml").read_bytes()
    r = run("new", kind, cwd=basic_case)
    assert r.returncode == 0 and "id:" in r.stdout
    assert (basic_case / "events.yaml").read_bytes() == before


def test_stats(basic_case):
    r = run("stats", "events.yaml", cwd=basic_case)
    assert r.returncode == 0
    assert "sources: 3 (2 archived, 1 cited second-hand)" in r.stdout
    assert "figures: 9" in r.stdout


def test_exports(basic_case, tmp_path):
    r = run("export", "events.yaml", "--format", "json", cwd=basic_case)
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["events"][0]["figures"][0]["value"] == 130
    schema = json.loads(run("export", "--format", "schema").stdout)
    assert schema["$schema"].endswith("2020-12/schema") and "events" in schema["properties"]
    r = run("export", "events.yaml", "--format", "csv", cwd=basic_case)
    assert r.stdout.splitlines()[0].startswith("id,event,value,unit,bound")
    out = tmp_path / "dp"
    assert run("export", "events.yaml", "--format", "datapackage", "--out", str(out), cwd=basic_case).returncode == 0
    assert {p.name for p in out.iterdir()} == {"ledger.json", "figures.csv", "events.csv", "datapackage.json", "ledger.schema.json", "LICENCE.txt"}


def test_export_refuses_an_invalid_ledger(basic_case):
    p = basic_case / "events.yaml"
    p.write_text(p.read_text().replace("value: 110", "value: 111"))
    r = run("export", "events.yaml", "--format", "json", cwd=basic_case)
    assert r.returncode == 1 and r.stdout == "" and "trace-value" in r.stderr


def test_schema_validates_the_sample_ledger(basic_case):
    schema = json.loads(run("export", "--format", "schema").stdout)
    data = yaml.safe_load((basic_case / "events.yaml").read_text())
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_csv_numbers_are_never_rounded_or_in_exponent_notation():
    assert [_number(v) for v in (8000000000.0, 8000000000, 1234567.5, 0.1, None)] == \
        ["8000000000", "8000000000", "1234567.5", "0.1", ""]


def test_the_exports_are_the_files_a_build_promises_before_making_them():
    """ledger_site/wiring.py tells mkdocs of the exports (generated.export_dests) before it makes
    them, at the end of the build: the names must be those the exports have."""
    from ledger.render import generated
    from ledger.render import site as site_mod
    from tests import SAMPLE

    made = generated.export_files(site_mod.load(SAMPLE).index)
    assert list(made) == generated.export_dests() and len(made) == 6
