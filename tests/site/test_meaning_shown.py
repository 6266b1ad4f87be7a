"""What each figure means is shown wherever the figure is: its caveat (notes) on its row, in every
popover of it and on its event; the explainer's headline counts for Cambodia are counts whose
place is Cambodia (other countries' counts apart, labelled); the exports carry the new fields."""
from __future__ import annotations

import csv
import io
import json
import re

from ledger import vocab
from ledger.edtf import parse
from tests.sitebuild import row_cells


def _words(text: str) -> str:
    """A note as a reader sees it: tokens as their words, quotation marks and white space aside."""
    def sub(m):
        kind, arg = m.group(1), m.group(2)
        return parse(arg).words() if kind == "date" else arg
    plain = re.sub(r"\{(fig|date|q):([^{}]*)\}", sub, text)
    return re.sub(r"\s+", "", plain.replace("\u201c", "").replace("\u201d", ""))


def _seen(el) -> str:
    return re.sub(r"\s+", "", el.get_text(" ").replace("\u201c", "").replace("\u201d", ""))


def _popovers(site):
    """figure id -> every popover (role=tooltip) of that figure on the site."""
    out = {}
    for _, soup in site.pages():
        for ref in soup.select("span.figure-ref"):
            span = ref.select_one("a.figure-link span.figure")
            tip = ref.select_one('[role="tooltip"]')
            if span is not None and tip is not None:
                out.setdefault(span["data-figure"], []).append(tip)
    return out


def test_every_note_is_on_its_row_in_each_of_its_popovers_and_on_its_event(site):
    tips = _popovers(site)
    noted = 0
    for f, e in site.figures():
        row = site.element(f"fig-{f.id}", "figures/")
        section = site.entry(f"ev-{e.id}", "chronology/")
        places = [("row", row), ("event", section)] + [("popover", t) for t in tips.get(f.id, [])]
        for where, el in places:
            notes = el.select(f'.figure-note[data-note-for="{f.id}"]')
            if where != "popover":  # the row or event itself, not the popovers inside it
                notes = [n for n in notes if n.find_parent(attrs={"role": "tooltip"}) is None]
            if not f.notes:
                assert notes == [], f"{f.id}: a note shown in its {where}, but it has none"
                continue
            assert len(notes) == 1, f"{f.id}: its note is not in its {where}"
            assert _words(f.notes) in _seen(notes[0]), f"{f.id}: the {where} shows another note"
        noted += bool(f.notes)
    assert noted >= 1


def test_unattributed_figures_say_so_and_name_no_claimant(sample_site):
    f = next(f for f, _ in sample_site.figures() if f.claimed_by == vocab.UNATTRIBUTED)
    row = sample_site.element(f"fig-{f.id}", "figures/")
    assert vocab.UNATTRIBUTED_WORDS in row.get_text(" ")
    assert "unattributed" not in row.get_text(" ").replace(vocab.UNATTRIBUTED_WORDS, "")


def _place_ok(site, fid: str) -> bool:
    actors = {a.id: a for a in site.ledger.actors}
    f = next(f for f, _ in site.figures() if f.id == fid)
    return vocab.within(actors, f.place)


def test_the_home_headline_holds_only_counts_in_cambodia_and_the_region_is_apart(site):
    home = site.page("")
    headline = home.select_one('[data-headline="home"]')
    assert headline is not None
    figures = {f.id: f for f, _ in site.figures()}
    rows = headline.select("tr[data-figure-row]")
    assert rows
    for tr in rows:
        ids = {s["data-figure"] for s in tr.select("span.figure[data-figure]")}
        assert ids == {tr["data-figure-row"]}
        f = figures[tr["data-figure-row"]]
        assert _place_ok(site, f.id), f"{f.id} (place {f.place}) is in the Cambodian headline"
        assert f.counted == tr["data-counted"] and f.unit == "people"
        # the largest of its kind in Cambodia
        same = [g for g in figures.values() if g.counted == f.counted and g.unit == "people" and g.value is not None
                and g.bound != "vague" and _place_ok(site, g.id)]
        assert f.value == max(g.value for g in same)
    regional = home.select_one('[data-headline="regional"]')
    elsewhere = [f for f in figures.values() if f.counted in vocab.HEADLINE_COUNTED and f.unit == "people"
                 and not _place_ok(site, f.id)]
    if elsewhere:
        assert regional is not None and "Regional context" in regional.select_one("caption").get_text()
        shown = {s["data-figure"] for s in regional.select("span.figure[data-figure]")}
        assert shown == {f.id for f in elsewhere}
    else:
        assert regional is None


def test_contested_section_shows_contests_and_different_measures_apart(site):
    home = site.page("")
    contests = {c["data-figure-card"] for s in home.select('section.figure-compare[data-contested="true"]')
                for c in s.select(".figure-card")}
    differs = {c["data-figure-card"] for s in home.select('section.figure-differs') for c in s.select(".figure-card")}
    figures = {f.id: f for f, _ in site.figures()}
    assert contests == {fid for fid, f in figures.items() if f.disputed_by
                        or any(fid in g.disputed_by for g in figures.values())}
    assert differs == {fid for fid, f in figures.items() if f.differs_from
                       or any(c.figure == fid for g in figures.values() for c in g.differs_from)}


def test_exports_carry_meaning_and_notes(site):
    data = site.root / "data"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((data / "figures.csv").read_text()))}
    ledger = json.loads((data / "ledger.json").read_text())
    in_json = {f["id"]: f for e in ledger["events"] for f in e.get("figures", [])}
    for f, _ in site.figures():
        r = rows[f.id]
        assert (r["counted"], r["place"], r["of_whom"], r["noun"], r["notes"], r["claimed_by"]) == \
            (f.counted, f.place or "", f.of_whom or "", f.noun, f.notes or "", f.claimed_by)
        assert in_json[f.id]["counted"] == f.counted and in_json[f.id].get("notes") == f.notes


def test_every_figure_row_says_what_its_number_counts_in(site):
    """A row of the figures table says its figure's unit: in its Value cell ('around 6 percent',
    'Tier 3'), in what is counted ('people deported'), or, only when neither does, on a line of
    its own ('counted in US dollars'); the unit 'other' is said by the measure."""
    names = {t.value: (t.one, t.many) for t in vocab.UNITS}
    for _, soup in site.pages("figures/"):
        for row in soup.select("table.figures-table tbody > tr[id]"):
            f = site.index.figures[row["id"].removeprefix("fig-")]
            value, counted = row_cells(row)[:2]
            line = [s.get_text() for s in counted.select("small") if s.get_text().startswith("counted in ")]
            said = f"{value.get_text(' ')} {counted.get_text(' ')}".casefold()
            for text in line:
                said = said.replace(text.casefold(), "")
            needed = f.unit != "other" and not any(n.casefold() in said for n in names[f.unit])
            assert line == ([f"counted in {names[f.unit][1]}"] if needed else []), (f.id, f.unit, line)
