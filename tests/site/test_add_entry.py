"""Adding one source (with its archive), one actor, one event and one figure to the ledger makes
them appear on the chronology, figures, sources and actors pages, with no code change."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from bs4 import BeautifulSoup

from tests.sitebuild import build, row_quote

# The day the entry is added: today (UTC), since an added date may not lie after the build date.
TODAY = datetime.now(timezone.utc).date().isoformat()

ARCHIVE = ("Provincial police said they detained 45 foreign nationals in a raid on a compound "
           "in Sihanoukville, most of them Chinese.\n")

NEW_SOURCE = """\
  - id: test-weekly-2023-05-raid
    publisher: Test Coast Weekly
    title: Police raid compound in Sihanoukville
    published: 2023-05-03
    published_basis: The outlet's page gives the day of publication.
    url: https://news.example.net/raid-report
    archive: sources/test-weekly-2023-05-raid.txt
    archive_sha256: {sha}
    added: ADDED-DAY
"""
NEW_ACTOR = """\
  - id: sihanoukville-police
    name: Preah Sihanouk Provincial Police
    kind: agency
    parent: ministry-of-interior
    aliases: [Sihanoukville police, Preah Sihanouk police]
    description: The provincial police of Preah Sihanouk, whose capital is Sihanoukville.
    added: ADDED-DAY
"""
NEW_EVENT = """\
  - id: 2023-05-sihanoukville-raid
    date: 2023-05~
    date_basis: Reported by the weekly as a recent raid.
    title: Police raid a compound in Sihanoukville
    summary: Provincial police said they detained {fig:test-weekly-detained} foreign nationals.
    kind: raid
    actors: [{id: sihanoukville-police, role: raiding police}]
    sources: [test-weekly-2023-05-raid]
    added: ADDED-DAY
    figures:
      - id: test-weekly-detained
        value: 45
        unit: people
        measure: foreign nationals detained in the raid
        counted: detained
        place: cambodia
        of_whom: foreigners
        noun: foreign nationals
        bound: exact
        period: 2023-05~
        source: test-weekly-2023-05-raid
        claimed_by: sihanoukville-police
        quote: they detained 45 foreign nationals
        added: ADDED-DAY
"""


def _insert(text: str, before: str, block: str) -> str:
    assert before in text
    return text.replace(before, block + before, 1)


def test_new_source_event_and_figure_appear_everywhere(ledger_copy, tmp_path):
    archive = ledger_copy.parent / "sources" / "test-weekly-2023-05-raid.txt"
    archive.write_text(ARCHIVE, encoding="utf-8")
    sha = hashlib.sha256(archive.read_bytes()).hexdigest()
    text = ledger_copy.read_text()
    text = _insert(text, "actors:\n", NEW_SOURCE.format(sha=sha).replace("ADDED-DAY", TODAY))
    text = _insert(text, "events:\n", NEW_ACTOR.replace("ADDED-DAY", TODAY))
    text = _insert(text, "excluded_numbers:\n", NEW_EVENT.replace("ADDED-DAY", TODAY))
    ledger_copy.write_text(text)

    out = tmp_path / "site"
    proc = build(ledger_copy, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    def page(rel):
        return BeautifulSoup((out / rel / "index.html").read_text(encoding="utf-8"), "html.parser")

    # chronology: a new year page, linked from the index, with the event and its figure
    chron = page("chronology/2023")
    event = chron.find(id="ev-2023-05-sihanoukville-raid").find_parent("section")
    assert event is not None
    assert event.find("time")["datetime"] == "2023-05" and event.find("time").get_text() == "around May 2023"
    fig = event.select_one('span.figure[data-figure="test-weekly-detained"]')
    assert fig.get_text() == "45" and fig["data-value"] == "45"
    assert event.select_one('a[href="../../actors/#actor-sihanoukville-police"]') is not None
    assert event.select_one('a[href="../../sources/#src-test-weekly-2023-05-raid"]') is not None
    assert page("chronology").select_one('a[href="../chronology/2023/"]') is not None

    # figures: its row, with quote, source and claimant
    row = page("figures").find(id="fig-test-weekly-detained")
    assert row is not None
    assert row_quote(row) == ("they detained 45 foreign nationals", "test-weekly-2023-05-raid")
    assert "Preah Sihanouk Provincial Police" in row.get_text()
    ext = row.select_one("a.external")
    assert ext["href"] == "https://news.example.net/raid-report#:~:text=they%20detained%2045%20foreign%20nationals"

    # sources: the entry with headline, and the figure citing it (whose row links the event, so the
    # entry does not link it again); the hash on the data page
    src = page("sources").find(id="src-test-weekly-2023-05-raid").find_parent("section")
    assert src.find("cite").get_text() == "Police raid compound in Sihanoukville"
    assert sha in page("data").find(id="archive-test-weekly-2023-05-raid").get_text()
    assert src.select_one('span.figure[data-figure="test-weekly-detained"]') is not None
    assert src.select_one('a[href*="#ev-2023-05-sihanoukville-raid"]') is None
    assert row.select_one('a[href="../chronology/2023/#ev-2023-05-sihanoukville-raid"]') is not None

    # actors: the new agency, its aliases, parent, event and figure; and the parent lists it
    actors = page("actors")
    actor = actors.find(id="actor-sihanoukville-police").find_parent("section")
    assert actor is not None and "Sihanoukville police" in actor.get_text()
    assert actor.select_one('a[href="#actor-ministry-of-interior"]') is not None
    assert actor.select_one('a[href="../chronology/2023/#ev-2023-05-sihanoukville-raid"]') is not None
    assert actor.select_one('span.figure[data-figure="test-weekly-detained"]') is not None
    assert actors.find(id="actor-ministry-of-interior").find_parent("section").select_one('a[href="#actor-sihanoukville-police"]') is not None

    # what's new and the published data
    assert page("whats-new").find("time")["datetime"] == TODAY
    assert "test-weekly-detained" in (out / "data" / "figures.csv").read_text()
    assert "2023-05-sihanoukville-raid" in (out / "feed.xml").read_text()
