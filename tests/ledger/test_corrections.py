"""Corrections: `ledger diff` against a git revision refuses a published figure changed or removed
without a correction (or withdrawal), and lists what changed; the corrections of a ledger, newest
first; every Figure field is classified as guarded or not."""
import re
import shutil
import subprocess
import sys

import pytest

from ledger import corrections, model
from ledger.validate import validate_file
from tests import CASES

BASIC = CASES / "valid" / "basic"
GIT = ["git", "-c", "user.email=editor@example.org", "-c", "user.name=Editor", "-c", "commit.gpgsign=false"]


def ledger(*args, cwd):
    return subprocess.run([sys.executable, "-m", "ledger", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    """A git repository whose first commit holds the sample ledger under data/."""
    shutil.copytree(BASIC, tmp_path / "data")
    subprocess.run(GIT + ["init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(GIT + ["add", "-A"], cwd=tmp_path, check=True)
    subprocess.run(GIT + ["commit", "-qm", "base"], cwd=tmp_path, check=True)
    return tmp_path


def edit(repo, old, new):
    path = repo / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGE = ("        value: 110\n", "        value: 111\n")
QUOTE = ("110 of the deportees were Chinese nationals\n", "111 of the deportees were Chinese nationals\n")
# the sample's figure gdi-chinese already carries one correction (tests/cases/valid/basic)
ANCHOR = "            note: What is counted now says deportees, as the source does; it read foreigners before.\n"


def test_unchanged_ledger_passes(repo):
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("0 change(s)")


def test_changed_figure_without_correction_fails(repo):
    edit(repo, *CHANGE)
    edit(repo, *QUOTE)
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "changed figure gdi-chinese: value 110 -> 111; quote" in done.stdout
    assert re.search(r"data/events\.yaml:\d+:\d+: events\[0\]\.figures\[2\] \[diff-uncorrected\]", done.stdout)
    assert "hint: add to the figure: corrections:" in done.stdout


def test_changed_figure_with_new_correction_passes(repo):
    edit(repo, *CHANGE)
    edit(repo, *QUOTE)
    edit(repo, ANCHOR, ANCHOR + "          - {date: 2026-12-05, note: The count was misread.}\n")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "changed figure gdi-chinese: value 110 -> 111; quote (correction 2026-12-05)" in done.stdout


def test_an_old_correction_does_not_cover_a_new_change(repo):
    # gdi-chinese's correction of 2026-12-01 is in the base revision: a new change needs a new one
    edit(repo, *CHANGE)
    edit(repo, ANCHOR, ANCHOR.replace("before.", "before, and more."))
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 1 and "[diff-uncorrected]" in done.stdout


def test_every_guarded_field_needs_a_correction(repo):
    for old, new in [("        measure: Chinese nationals among the deportees\n", "        measure: Chinese among the deportees\n"),
                     ("        bound: exact\n        period: 2022-11-07/2022-11-08\n        source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n        quote: 110",
                      "        bound: exact\n        period: 2022-11-07/2022-11-08\n        source: post-2022-11-kingdom-deports\n        claimed_by: wire-agency\n        quote: 110")]:
        edit(repo, old, new)
        done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
        assert done.returncode == 1, (old, done.stdout)
        subprocess.run(GIT + ["checkout", "-q", "data/events.yaml"], cwd=repo, check=True)


def test_notes_and_links_change_freely(repo):
    edit(repo, "        part_of: gdi-deported\n", "        part_of: gdi-deported\n        notes: Checked against the release.\n")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 0, done.stdout
    assert "changed figure gdi-women: notes" in done.stdout or "changed figure gdi-chinese: notes" in done.stdout


def _remove_ban(repo):
    path = repo / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"      - id: gdi-ban\n(?:        .*\n)+", "", text)
    assert n == 1
    path.write_text(text.replace(" they are barred for {fig:gdi-ban}.", " they are barred from returning."),
                    encoding="utf-8")


def test_removed_figure_needs_a_withdrawn_entry(repo):
    _remove_ban(repo)
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "removed figure gdi-ban\n" in done.stdout and "[diff-unwithdrawn]" in done.stdout
    with (repo / "data" / "events.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - {id: gdi-ban, date: 2026-12-03, note: The ban was reported by no other source.}\n")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "removed figure gdi-ban (withdrawn 2026-12-03)" in done.stdout


def test_added_records_are_listed(repo):
    edit(repo, "excluded_numbers:\n", "excluded_numbers:\n")  # no change
    edit(repo, "        quote: 110 of the deportees were Chinese nationals\n",
         "        quote: 110 of the deportees were Chinese nationals\n"
         "      - id: gdi-chinese-again\n        value: 110\n        unit: people\n        measure: Chinese nationals\n"
         "        counted: deported\n        place: cambodia\n        of_whom: chinese-nationals\n        noun: Chinese nationals\n"
         "        bound: exact\n        source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n"
         "        quote: 110 of the deportees were Chinese nationals\n")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "added figure gdi-chinese-again" in done.stdout


def test_changed_archive_is_listed(repo):
    archive = next((repo / "data" / "sources").glob("*.txt"))
    archive.write_text(archive.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert "changed archive of source" in done.stdout


def test_usage_errors_exit_2(repo, tmp_path_factory):
    done = ledger("diff", "--base", "no-such-revision", "data/events.yaml", cwd=repo)
    assert done.returncode == 2 and "unknown revision 'no-such-revision'" in done.stderr
    assert "Traceback" not in done.stderr
    done = ledger("diff", "--base=--output=/tmp/x", "data/events.yaml", cwd=repo)
    assert done.returncode == 2 and "is not a revision" in done.stderr
    elsewhere = tmp_path_factory.mktemp("not-a-repo")
    shutil.copytree(BASIC, elsewhere / "data")
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=elsewhere)
    assert done.returncode == 2 and "not in a git repository" in done.stderr


def test_ledger_text_reaches_the_terminal_escaped(repo):
    edit(repo, "        period: 2022-11-07/2022-11-08\n        source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n        quote: 110",
         '        period: "2022-11-07\\e[2J\\u202e"\n        source: post-2022-11-kingdom-deports\n        claimed_by: gdi\n        quote: 110')
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 1
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "period 2022-11-07/2022-11-08 -> 2022-11-07\\u001b[2J\\u202e" in done.stdout
    # a working copy that does not pass the shape check: its report is escaped too
    edit(repo, "        claimed_by: gdi\n        quote: 110", '        claimed_by: "gdi\\e[2J"\n        quote: 110')
    done = ledger("diff", "--base", "HEAD", "data/events.yaml", cwd=repo)
    assert done.returncode == 1 and "[id-format]" in done.stdout
    assert "\x1b" not in done.stdout and "gdi\\u001b[2J" in done.stdout


def test_shown_escapes_non_printables():
    assert corrections.shown("a\x1b[2Jb\nc\u202e") == "a\\u001b[2Jb\\u000ac\\u202e"
    assert corrections.shown(130) == "130"


def test_every_figure_field_is_classified():
    fields = set(model.Figure.model_fields)
    unclassified = fields - set(corrections.GUARDED) - set(corrections.UNGUARDED)
    assert not unclassified, (f"add {sorted(unclassified)} to GUARDED (a change alters what the figure says) "
                              "or UNGUARDED in ledger/corrections.py")
    assert {"value", "bound", "unit", "quote", "source", "claimed_by", "period", "measure"} <= set(corrections.GUARDED)


def test_entries_newest_first_with_withdrawals():
    ix = validate_file(BASIC / "events.yaml").index
    got = [(x.date, x.kind, x.rid) for x in corrections.entries(ix)]
    assert got == [("2026-12-02", "withdrawn", "gdi-children"), ("2026-12-01", "figure", "gdi-chinese")]
    assert corrections.last_change(ix.figures["gdi-chinese"]) == "2026-12-01"


def test_new_codes_have_meanings():
    assert set(corrections.NEW_CODES) == {"withdrawn-live", "diff-uncorrected", "diff-unwithdrawn"}
    assert all(corrections.NEW_CODES.values())
