"""Paging: small listings stay one page; large ones split by group, then into numbered parts."""
from ledger.render.paging import cut, grouped


def test_cut_respects_the_budget_and_keeps_order():
    runs = cut(list(range(10)), lambda i: 3, 10)
    assert runs == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert cut(["big", "a"], lambda i: 50 if i == "big" else 1, 10) == [["big"], ["a"]]
    assert cut([], lambda i: 1, 10) == []


def test_small_listing_is_one_page():
    listing = grouped("figures", {"2022": ["a", "b"], "2024": ["c"]}, lambda i: 1, 10)
    assert not listing.split and listing.parts == {}
    assert listing.page_of == {"a": "figures", "b": "figures", "c": "figures"}


def test_large_listing_splits_by_group_then_into_parts():
    ids = [f"f{i}" for i in range(25)]
    listing = grouped("figures", {"2022": ids[:22], "2024": ids[22:]}, lambda i: 1, 10)
    assert listing.split
    assert list(listing.parts) == ["figures/2022", "figures/2022/2", "figures/2022/3", "figures/2024"]
    assert listing.page_of["f0"] == "figures/2022" and listing.page_of["f21"] == "figures/2022/3"
    part = listing.parts["figures/2022/3"]
    assert (part.group, part.number, part.of, part.ids) == ("2022", 3, 3, ["f20", "f21"])
    assert sorted(listing.page_of) == sorted(ids)


def test_chronology_style_listing_always_splits_by_group():
    listing = grouped("chronology", {"2022": ["e1"]}, lambda i: 1, 10, always_split=True)
    assert listing.page_of == {"e1": "chronology/2022"}
