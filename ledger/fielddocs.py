"""The curators' manual, field by field: what each ledger field holds, examples good and bad, and
the rules the checks apply to it.

ledger/model.py attaches each entry to its field, so the JSON Schema (`ledger export --format
schema`, and the schema reference on the contribute page) carries it, and `ledger new` prints its
skeletons from it (ledger/manual.py).  A rule that a check enforces names the check's problem code
in brackets (ledger/codes.py), so that the two can be read side by side.  tests/test_manual.py checks that
every good example passes the field's type and that prose examples hold no numerals.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional


@dataclass(frozen=True)
class Doc:
    description: str                      # one line: what the field holds
    examples: list                        # good values, the first one used by the skeletons
    bad: list = field(default_factory=list)         # values that look right and are not
    guidelines: list = field(default_factory=list)  # the rules, in plain words
    placeholder: Any = None               # what a skeleton shows instead of examples[0]
    show: Optional[bool] = None           # in skeletons: None shows required fields and comments out the rest
    conditional: bool = False             # optional in the schema, but required in some cases (see guidelines)


ID_RULES = ["lower-case letters, digits and single hyphens, starting with a letter or digit, at most 120 characters [id-format]",
            "unique across sources, actors, events and figures [id-duplicate]",
            "never renamed once published: it is the record's permanent link"]
DAY = Doc("the day this record was added, YYYY-MM-DD (the what's-new page and the feed list it)",
          ["2026-11-27"], bad=["27/11/2026", "2026-11"], guidelines=["a calendar day written YYYY-MM-DD [date-invalid]"],
          placeholder="YYYY-MM-DD", show=True)
UPDATED = Doc("the day this record was last changed, YYYY-MM-DD (the what's-new page and the feed list it)",
              ["2026-11-28"], bad=["yesterday"], guidelines=["a calendar day written YYYY-MM-DD [date-invalid]"],
              placeholder="YYYY-MM-DD")
NOTES = Doc("what a reader should know that fits nowhere else: doubts, corrections, how something was identified",
            ["The outlet could not be identified from the text."],
            bad=["Deported 130 people."],
            placeholder="What a reader should know that fits nowhere else.",
            guidelines=["plain prose: numbers only as tokens, {fig:FIGURE-ID}, {date:EDTF} or {q:verbatim words} [text-numeral]"])
EDTF_RULES = ["EDTF: 2022-11-08 (a day), 2022-11 (a month), 2022 (a year); add ~ for around, ? for uncertain, % for both [date-invalid]",
              "an interval is START/END, and a side may be '..' when open: 2014/.. is since 2014 [date-invalid]",
              "quote the date in YAML when it is a bare year (published: '2022'), or it is read as a number [field-type]"]
PROSE_RULES = ["plain prose, no HTML or template syntax [text-markup, text-template]",
               "numbers only as tokens: {fig:FIGURE-ID} for a figure, {date:EDTF} for a date, {q:verbatim words} "
               "to quote the record's archived source; a numeral spelled out ('three') counts too [text-numeral]"]
LABEL_RULES = ["plain text with no digits: the site shows it as a name, where a digit would be an unsourced number [text-numeral]",
               "no HTML or template syntax [text-markup, text-template]"]

SOURCE = {
    "id": Doc("the source's id: outlet, year, month and a short slug", ["post-2022-11-kingdom-deports"],
              bad=["Post_2022/11", "post-2022-11-kingdom-deports-"], guidelines=ID_RULES,
              placeholder="outlet-yyyy-mm-short-slug"),
    "publisher": Doc("the outlet or body that published it; 'unknown' when it cannot be told, explained in notes",
                     ["The Phnom Penh Post", "General Department of Immigration", "unknown"],
                     bad=["example.org/article/123"], guidelines=LABEL_RULES, placeholder="The Outlet"),
    "title": Doc("the headline as published, or a description in [square brackets] when there is none",
                 ["Kingdom deports 130 in two days", "[press release on the deportations; not seen]"],
                 bad=["Deportations article"],
                 guidelines=["copy the headline exactly, digits included (it is shown as the source's own words)",
                             "no HTML or template syntax [text-markup, text-template]",
                             "quote it in YAML when it starts with '[' or holds ': '"],
                 placeholder="The headline as published"),
    "label": Doc("a short reader label: what the text reports, in a few words, shown after the outlet and before "
                 "the date in popovers, cards and tables (the headline stays on the sources and data pages)",
                 ["report on deportations by the immigration department", "press release on deportations of Chinese nationals"],
                 bad=["[report that Chinese nationals in Cambodia are awaiting deportation; headline unknown]",
                      "report on the deportation of three hundred people"],
                 guidelines=LABEL_RULES + ["lower case, a few words: what kind of text and what it reports; no outlet, "
                                           "no date (the site adds both)",
                                           "without it, pages show the outlet and date, and the headline when there is one"],
                 placeholder="report on …"),
    "published": Doc("when it was published, as EDTF, or 'unknown'", ["2022-11-08", "2022-11~", "unknown"],
                     bad=["8 Nov 2022", "2022-11-31"],
                     guidelines=EDTF_RULES + ["no event or figure period from this source may start after it [date-after-source]"],
                     placeholder="2022-11~"),
    "published_basis": Doc("how the publication date was established",
                           ["The text reports a press release of {q:November 8} as recent news."],
                           bad=["Published on November 8."],
                           placeholder="What the date rests on, e.g. the text's own {q:words that date it}.",
                           guidelines=["required unless published is a plain calendar day stated in the text [date-basis-missing]"]
                           + PROSE_RULES, show=True, conditional=True),
    "url": Doc("the http(s) address of the original", ["https://example.org/wire/deportations"],
               bad=["www.example.org/wire", "javascript:alert()"],
               guidelines=["http or https only, with a host and no spaces or user name [url-unsafe]",
                           "only an address you have seen; never a guessed one. Leave it out when unknown"],
               placeholder="https://…"),
    "archive": Doc("the path of the verbatim text, relative to the ledger file", ["sources/post-2022-11-kingdom-deports.txt"],
                   bad=["../elsewhere/post.txt", "/home/me/post.txt"],
                   guidelines=["inside the ledger's folder [archive-path]; the file exists [archive-missing]",
                               "plain UTF-8 text [archive-encoding], the words exactly as published",
                               "every numeral in it is part of a figure's quote, a {q:…} token, or an exclusion [coverage-number]",
                               "leave it out for a source known only second-hand; figures cannot then quote it [ref-not-archived]"],
                   placeholder="sources/outlet-yyyy-mm-short-slug.txt", show=True),
    "archive_sha256": Doc("the SHA-256 of the archive file (`sha256sum FILE`), lower-case hex",
                          ["96dddcf9a6cbe124234ce124a33c5faa8bb26e5c8aac63715ff9d49f306ed2b7"],
                          bad=["96DDDCF9A6CBE124"],
                          guidelines=["required with an archive [archive-hash-missing], and only with one [archive-missing]",
                                      "it must match the file: a changed archive is an error until the hash is updated [archive-hash-mismatch]"],
                          placeholder="<sha256sum of the archive>", show=True, conditional=True),
    "language": Doc("the language of the archived text, a language code", ["en", "km", "zh"], bad=["English", "EN"],
                    guidelines=["two or three lower-case letters, optionally followed by a subtag (zh-Hant) [field-format]"],
                    show=True),
    "cites": Doc("ids of the sources this one reports second-hand", [["gdi-2022-11-08-press-release"], []],
                 bad=["gdi-2022-11-08-press-release"],
                 guidelines=["a list (in brackets) of source ids [ref-unknown], never this source itself [ref-self]",
                             "a figure may cite only sources its own source cites, directly or through others [ref-chain]"],
                 placeholder=[], show=True),
    "claimed_by": Doc("the actor whose claim the whole document is, e.g. a ministry's press release", ["gdi"],
                      bad=["General Department of Immigration"], guidelines=["an actor id [ref-unknown]"],
                      placeholder="actor-id"),
    "outlet": Doc("the outlet that published this text, as an actor (kind media)", ["phnom-penh-post"],
                  bad=["The Phnom Penh Post"],
                  guidelines=["an actor id [ref-unknown]",
                              "required when the text republishes another outlet's story [republisher-outlet-missing]"],
                  placeholder="outlet-actor-id"),
    "republishes": Doc("for a repost of another outlet's story: that original outlet's actor id, or 'unknown'",
                       ["unknown", "reuters"], bad=["yes"],
                       guidelines=["an actor id [ref-unknown], or 'unknown' when the original outlet is not named",
                                   "the site that reposts is never a figure's claimant [claimant-republisher]"],
                       placeholder="unknown"),
    "notes": NOTES,
    "added": DAY,
    "updated": UPDATED,
}

ACTOR = {
    "id": Doc("the actor's id: a short form of its name", ["gdi", "phnom-penh-international-airport"],
              bad=["GDI"], guidelines=ID_RULES, placeholder="short-kebab-id"),
    "name": Doc("the full name as the sources use it", ["General Department of Immigration"],
                bad=["G.D.I. (2022)"], guidelines=LABEL_RULES, placeholder="Full Name As Used"),
    "kind": Doc("what sort of actor it is", ["agency"], bad=["ministry"],
                guidelines=["one of the listed kinds [field-enum]; places named by events are of kind place [ref-kind]"]),
    "parent": Doc("the actor id of the body this one belongs to", ["ministry-of-interior"],
                  bad=["Ministry of Interior"], placeholder="actor-id-of-parent-body", guidelines=["an actor id [ref-unknown]; no chain of parents may loop back [ref-cycle]"]),
    "aliases": Doc("other names, spellings and acronyms the sources use", [["GDI", "Immigration Department"]],
                   bad=[["GDI 2022"]], guidelines=LABEL_RULES, show=True,
                   placeholder=["Other Name", "Spelling Variant", "ACRONYM"]),
    "description": Doc("what it is, in your own words", ["The immigration authority within the interior ministry."],
                       bad=["Founded in 1993."], guidelines=PROSE_RULES,
                       placeholder="What it is, in your own words; no numerals outside tokens."),
    "added": DAY,
    "updated": UPDATED,
}

FIGURE = {
    "id": Doc("the figure's id: who says it, when, and what it counts", ["gdi-deported"], bad=["figure1"],
              guidelines=ID_RULES, placeholder="who-yyyy-mm-what"),
    "value": Doc("the number as stated, digits only; left out when bound is vague", [130, 8000000000, 2.5],
                 bad=["1,450", "130 people", "hundreds"],
                 guidelines=["a number, not text: no thousands separators or words; '$8 billion' is 8000000000 [field-type]",
                             "the quote states it [trace-value]",
                             "required unless bound is vague or range [field-missing]; a vague figure has none [trace-vague]"],
                 show=True, conditional=True),
    "low": Doc("with bound range only: the low end as stated ('300' in 'between 300 and 400')", [300],
               bad=["300-400"], guidelines=["a number, digits only [field-type]", "the quote states both ends [trace-range]"],
               conditional=True),
    "high": Doc("with bound range only: the high end as stated ('400' in 'between 300 and 400')", [400],
                bad=["300-400"], guidelines=["a number, digits only [field-type]", "the quote states both ends [trace-range]"],
                conditional=True),
    "unit": Doc("what the number counts", ["people"], bad=["persons"],
                guidelines=["one of the listed units [field-enum]; the quote states money as dollars and shares as percent [trace-value]"]),
    "measure": Doc("what exactly is counted", ["foreigners deported", "Chinese nationals among the deportees"],
                   bad=["130 foreigners deported"], guidelines=PROSE_RULES, placeholder="what exactly is counted"),
    "counted": Doc("the kind of count, from a closed list: what happened to whom or what is measured",
                   ["deported", "awaiting-deportation", "planned-deportation"], bad=["deportations", "people"],
                   guidelines=["one of the listed kinds [field-enum]; a plan is planned-deportation, never deported",
                               "the kind fits the unit: people deported are counted in people [meaning-unit]"],
                   placeholder="deported"),
    "place": Doc("where the counted thing happened: a place actor, usually a country", ["cambodia", "myanmar"],
                 bad=["Cambodia", "phnom-penh-post"],
                 guidelines=["an actor id [ref-unknown] of kind place [ref-kind]",
                             "required for every kind of count that happens somewhere [meaning-no-place]"],
                 placeholder="cambodia", show=True, conditional=True),
    "of_whom": Doc("the group of people counted, from a closed list", ["foreigners", "chinese-nationals"],
                   bad=["Chinese"],
                   guidelines=["one of the listed groups [field-enum]; 'unspecified' when the text does not say",
                               "required for counts of people [meaning-no-group]"],
                   placeholder="foreigners", show=True, conditional=True),
    "noun": Doc("the words a reader needs after the number", ["foreigners", "Chinese nationals", "countries and regions"],
                bad=["130 foreigners", "people (see notes)"],
                guidelines=["a short noun phrase, as the quote names what is counted; no numerals [text-numeral]"],
                placeholder="foreigners"),
    "bound": Doc("the hedge in the quote", ["exact", "nearly", "vague"], bad=["about"],
                 guidelines=["'nearly 400' is nearly, 'at least 2,700' is at-least, 'over 50' is more-than, 'up to 50' is at-most, "
                             "'about 80 percent' is approx; 'hundreds' is vague, with no value [trace-value]; "
                             "'between 300 and 400' is range, with low and high and no value [trace-range]"]),
    "period": Doc("when the count applies, as EDTF, or 'unknown'", ["2022-11-07/2022-11-08", "2014/..", "unknown"],
                  bad=["last year"],
                  guidelines=EDTF_RULES + ["it may not start after its source was published [date-after-source]",
                                           "figures linked by same_as have the same period [same-as-mismatch]"],
                  placeholder="2022-11-07/2022-11-08", show=True),
    "source": Doc("the archived source whose text holds the quote", ["post-2022-11-kingdom-deports"],
                  bad=["gdi-2022-11-08-press-release"],
                  guidelines=["a source id [ref-unknown] of a source with an archive [ref-not-archived]",
                              "one of the event's sources [ref-event-source]",
                              "a source known only second-hand goes in cites, not here"],
                  placeholder="archived-source-id"),
    "claimed_by": Doc("the actor the sentence (or its paragraph's reporting verb) credits with the figure; the outlet "
                      "when it states the number on its own authority; 'unattributed' when nobody is credited",
                      ["gdi", "unattributed"], bad=["The Phnom Penh Post"],
                      guidelines=["an actor id [ref-unknown], or 'unattributed'",
                                  "never a site that only reposts the story [claimant-republisher]"],
                      placeholder="actor-id"),
    "cites": Doc("the sources the claim passed through before reaching source", [["gdi-2022-11-08-press-release"], []],
                 bad=[["an-unrelated-source"]],
                 guidelines=["source ids [ref-unknown] that the figure's source cites, directly or through others [ref-chain]"],
                 placeholder=[], show=True),
    "quote": Doc("the words of the source's archive that state the figure, copied exactly",
                 ["Cambodia deported 130 foreigners", "nearly 400 people had been arrested"],
                 bad=["130 foreigners deported (per the Post)"],
                 guidelines=["found word for word in the archive; only white space, quote marks and dashes may differ [trace-quote]",
                             "it states the value with its unit and hedge [trace-value]",
                             "`ledger quote SOURCE-ID \"words\"` shows where the words are, or the nearest passage"],
                 placeholder="verbatim words containing the number"),
    "part_of": Doc("the id of a figure this count is a part of", ["gdi-deported"], bad=["the deportees"], placeholder="figure-id",
                   guidelines=["a figure id [ref-unknown], counting the same unit [part-unit]",
                               "a part is not larger than a whole stated exactly [part-exceeds-whole]",
                               "no chain of parts may loop back [ref-cycle]"]),
    "same_as": Doc("figures reporting the same count", [["wire-deported"]], bad=["wire-deported"], placeholder=["figure-id"],
                   guidelines=["figure ids [ref-unknown], never this figure [ref-self]",
                               "the same value, unit and period, or they are different figures [same-as-mismatch]"]),
    "disputed_by": Doc("figures that contest this one", [["wire-official-share"]], bad=["wire-official-share"], placeholder=["figure-id"],
                       guidelines=["figure ids [ref-unknown], never this figure [ref-self]",
                                   "only figures of the same kind of count, group and place over overlapping periods "
                                   "[relation-different-measure]"]),
    "differs_from": Doc("figures that look comparable but measure something else, each with the reason",
                        [[{"figure": "wire-official-share", "reason": "One counts deportees, the other complaints."}]],
                        bad=[["wire-official-share"]],
                        guidelines=["each entry names a figure [ref-unknown] and says what each of the two counts",
                                    "not for figures of the same kind of count, group and place: those are the same count "
                                    "or a contest [contrast-same-measure]"],
                        placeholder=[], show=False),
    "notes": NOTES,
    "added": replace(DAY, show=False),
    "updated": UPDATED,
}

ACTOR_ROLE = {
    "id": Doc("the actor's id", ["gdi"], bad=["General Department of Immigration"], guidelines=["an actor id [ref-unknown]"],
              placeholder="actor-id"),
    "role": Doc("what the actor did in this event, in a few words", ["deporting authority"], bad=["deported 130"],
                guidelines=LABEL_RULES, placeholder="what it did"),
}

EVENT = {
    "id": Doc("the event's id: its date, who and what", ["2022-11-07-gdi-deports-foreigners"], bad=["event-1"],
              guidelines=ID_RULES, placeholder="yyyy-mm-dd-who-does-what"),
    "date": Doc("when it happened, as EDTF, or 'unknown'", ["2022-11-07/2022-11-08", "2022-11~", "unknown"],
                bad=["November 7-8, 2022", "2022-11-07 to 2022-11-08"],
                guidelines=EDTF_RULES + ["it may not start after any of its sources was published [date-after-source]"],
                placeholder="2022-11-07/2022-11-08"),
    "date_basis": Doc("how the date was worked out from the sources",
                      ["The text gives {q:November 7 and 8}; the year is that of the press release."],
                      bad=["November 7 and 8, 2022."],
                      guidelines=["required unless the date is a plain calendar day stated in the text [date-basis-missing]"]
                      + PROSE_RULES, show=True, conditional=True,
                      placeholder="How the date was worked out, quoting the text: {q:on November 7 and 8}."),
    "title": Doc("a short, neutral title", ["Cambodia deports foreigners who entered illegally"],
                 bad=["Cambodia deports 130 foreigners"], guidelines=PROSE_RULES, placeholder="Short neutral title"),
    "summary": Doc("what happened, in neutral prose",
                   ["According to the immigration department, {fig:gdi-deported} were deported."],
                   bad=["According to the immigration department, 130 were deported."], guidelines=PROSE_RULES,
                   placeholder="Neutral prose. Numbers only as {fig:figure-id}; dates as {date:2022-11-08}."),
    "kind": Doc("what sort of event it is", ["deportation"], bad=["deportations"], guidelines=["one of the listed kinds [field-enum]"]),
    "places": Doc("where it happened: ids of actors of kind place", [["phnom-penh-international-airport"]], bad=[["gdi"]],
                  guidelines=["actor ids [ref-unknown] of kind place [ref-kind]"], show=True,
                  placeholder=["place-actor-id"]),
    "actors": Doc("who took part, each with its role", [[{"id": "gdi", "role": "deporting authority"}]],
                  bad=[["gdi"]], guidelines=["each an actor id [ref-unknown] with a role in a few words"], show=True,
                  placeholder=[{"id": "actor-id", "role": "what it did"}]),
    "sources": Doc("the sources that report it, at least one", [["post-2022-11-kingdom-deports"]], bad=[[]],
                   guidelines=["source ids [ref-unknown]; at least one [field-empty]",
                               "every figure's source is among them [ref-event-source]"],
                   placeholder=["source-id"]),
    "figures": Doc("the counts the sources give for it (see `ledger new figure`)", [[]], bad=[[130]],
                   guidelines=["each a figure, traced to a quote in its archived source"], show=True),
    "added": DAY,
    "updated": UPDATED,
}

CONTRAST = {
    "figure": Doc("the id of the other figure", ["wire-official-share"], bad=["the other count"],
                  guidelines=["a figure id [ref-unknown], never this figure [ref-self]"], placeholder="figure-id"),
    "reason": Doc("what each of the two counts, so that a reader does not set one against the other",
                  ["One counts people deported, the other complaints called false."], bad=["different"],
                  guidelines=PROSE_RULES, placeholder="what each counts"),
}

EXCLUSION = {
    "source": Doc("the archived source that holds the numeral", ["wire-2022-11-deportations"], bad=["wire"],
                  guidelines=["a source id [ref-unknown] with an archive [ref-not-archived]"]),
    "text": Doc("the words of the archive around the numeral, copied exactly", ["One official said"], bad=["one"],
                guidelines=["found word for word in the archive [trace-quote]", "it holds a numeral [exclusion-no-numeral]",
                            "enough words to tell which occurrence is meant"]),
    "reason": Doc("why the numeral is not a figure", ["A single unnamed official, not a count."], bad=["not relevant"],
                  guidelines=PROSE_RULES + ["say what the number is, so a reviewer can agree it is not a count"]),
}

LEDGER = {
    "schema_version": Doc("the version of this schema the ledger follows", [1], bad=["1", 2],
                          guidelines=["1, the only version this engine reads [schema-version]"]),
    "sources": Doc("every document the ledger quotes or cites", [[]], guidelines=["see Source"], bad=[{}]),
    "actors": Doc("every person, body and place the ledger names", [[]], guidelines=["see Actor"], bad=[{}]),
    "events": Doc("what happened, each with its sources and figures", [[]], guidelines=["see Event"], bad=[{}]),
    "excluded_numbers": Doc("numerals in archives that are not figures, each with a reason", [[]], bad=[{}],
                            guidelines=["every numeral of every archive is in a figure's quote, a {q:…} token or here [coverage-number]"]),
}

CORRECTIONS = Doc("published corrections to what this record says, each with its day and a note for readers",
                  [[{"date": "2026-12-01", "note": "The count was misread; the source gives a lower one."}]],
                  bad=[["2026-12-01"]],
                  guidelines=["a published figure whose value, hedge, unit, quote, source, claimant, period or meaning "
                              "changes needs a new entry (`ledger diff` checks it) [diff-uncorrected]",
                              "shown beside the record, on the corrections page and in the feed"])
CORRECTION = {
    "date": Doc("the day the correction was made, YYYY-MM-DD", ["2026-12-01"], bad=["December 2026"],
                guidelines=["a calendar day written YYYY-MM-DD [date-invalid]"], placeholder="YYYY-MM-DD"),
    "note": Doc("what was corrected and why, for readers", ["The count was misread; the source gives a lower one."],
                bad=["Value changed from 130 to 120."], guidelines=PROSE_RULES),
}
WITHDRAWN = {
    "id": Doc("the id of the published figure taken out", ["gdi-2022-11-deported"], bad=["Gdi Deported"],
              guidelines=["the id of a figure published before and no longer in the ledger [withdrawn-live]",
                          "a removed published figure needs this entry (`ledger diff` checks it) [diff-unwithdrawn]"]),
    "date": Doc("the day the figure was withdrawn, YYYY-MM-DD", ["2026-12-02"], bad=["2026-12"],
                guidelines=["a calendar day written YYYY-MM-DD [date-invalid]"], placeholder="YYYY-MM-DD"),
    "note": Doc("why the figure was withdrawn, for readers", ["The source retracted the report."],
                bad=["Removed."], guidelines=PROSE_RULES),
}
def _before_added(fields: dict) -> dict:
    """The fields with `corrections` placed before `added`, in the model's order."""
    out = {}
    for k, v in fields.items():
        if k == "added":
            out["corrections"] = CORRECTIONS
        out[k] = v
    return out


SOURCE, FIGURE, EVENT = _before_added(SOURCE), _before_added(FIGURE), _before_added(EVENT)
LEDGER["withdrawn"] = Doc("published figures taken out of the ledger, each with its id, day and why", [[]], bad=[{}],
                          guidelines=["see Withdrawn"])

LEAD = {
    "id": Doc("the lead's own id (kebab-case); digits are fine in an id", ["prince-group-founder-extradited-to-china-2026-01"],
              bad=["Prince Group lead"], guidelines=ID_RULES),
    "date": Doc("when the development happened (or was reported), as EDTF", ["2026-01-07", "2025-07"],
                bad=["January 2026", "07/01/2026"], guidelines=["an EDTF date: YYYY, YYYY-MM or YYYY-MM-DD, ~ or ? allowed [date-invalid]"]),
    "outlet": Doc("the outlet that reported it, spelled as the outlet spells itself", ["The Phnom Penh Post"],
                  bad=["phnompenhpost.com/national"],
                  guidelines=LABEL_RULES + ["the outlet's own name, with the wire it carries in brackets: "
                                            "'Cebu Daily News (Associated Press)'"]),
    "url": Doc("the http(s) address of the report", ["https://example.org/news/extradition"],
               bad=["www.example.org/news", "javascript:alert()"],
               guidelines=["http or https only, with a host and no spaces or user name [url-unsafe]",
                           "only an address you have seen; never a guessed one"], placeholder="https://…"),
    "summary": Doc("one line in your own words: what the report says happened; no numbers and no copied text",
                   ["Cambodia handed the founder of a conglomerate to China, a report said."],
                   bad=["Cambodia deported 312 men."],
                   guidelines=["plain prose with no numerals at all: a lead is a pointer, not a sourced figure [text-numeral]",
                               "no HTML or template syntax [text-markup, text-template]"]),
    "covered_by": Doc("the event that now covers this development, once one does", ["2026-02-08-gdi-deports-chinese-scam-suspects"],
                      bad=["yes"], guidelines=["an event id [ref-unknown]",
                                               "a lead whose event exists is reported so that it is dropped [lead-covered]"]),
}
LEDGER["leads"] = Doc("later developments reported elsewhere that no event covers yet: pointers for editors, never figures",
                      [[]], bad=[{}], guidelines=["see Lead"])

MANUAL = {"Lead": LEAD, "Source": SOURCE, "Actor": ACTOR, "Figure": FIGURE, "Contrast": CONTRAST, "ActorRole": ACTOR_ROLE, "Event": EVENT,
          "Exclusion": EXCLUSION, "Ledger": LEDGER, "Correction": CORRECTION, "Withdrawn": WITHDRAWN}
