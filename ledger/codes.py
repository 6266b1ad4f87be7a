"""The catalogue of problem codes: every code the checker can report, with what it means.

`ledger codes` prints it and the contribute page lists it.  tests/test_codes.py keeps it true:
every code the engine's source reports is here, every code here is reported somewhere, and each
has a case in tests/cases/invalid/ whose expected report holds it.
"""
from __future__ import annotations

# code -> one line: what is wrong, in the editor's terms.  Grouped as the checks run: the YAML
# file, the shape of each record, then the checks across records.
CODES: dict[str, str] = {
    # reading the file (ledger/load.py)
    "yaml-too-large": "the ledger file is larger than the engine reads",
    "yaml-encoding": "the ledger file is not UTF-8 text",
    "yaml-syntax": "the file is not valid YAML (often an unquoted ': ' or an unclosed quote)",
    "yaml-documents": "the file holds more than one YAML document ('---')",
    "yaml-not-mapping": "the file is empty, or its top level is not a mapping of fields",
    "yaml-duplicate-key": "a key appears twice in one mapping (YAML would keep only the last)",
    "yaml-key": "a key is not text (a number, a date or a list used as a key)",
    "yaml-anchor": "a YAML anchor ('&name'): write values out in full",
    "yaml-alias": "a YAML alias ('*name'): write values out in full",
    "yaml-tag": "a YAML tag ('!tag'): quote the value instead",
    # the shape of each record (ledger/shape.py, from ledger/model.py)
    "schema-version": "schema_version is not one this engine reads",
    "field-missing": "a required field is missing (or value, which only a vague figure may leave out)",
    "field-unknown": "a field the schema does not know (often a typo)",
    "field-type": "a field holds the wrong kind of value (text for a number, a number for text)",
    "field-enum": "a value outside the field's closed list (kind, unit, bound)",
    "field-empty": "a field or list that must hold something is empty",
    "field-format": "a value does not have the form the field requires (a hash, a language code) or is too long",
    "id-format": "an id is not lower-case kebab-case",
    "id-duplicate": "an id is used twice; ids are unique across the whole ledger",
    # dates (ledger/checks/dates.py)
    "date-invalid": "a date is not EDTF (or added/updated is not a calendar day)",
    "date-basis-missing": "an inferred date (approximate, uncertain, coarser than a day, an interval or unknown) does not say how it was worked out",
    "date-after-source": "an event or a figure's period starts after its source was published",
    # text (ledger/checks/text.py, ledger/checks/consistency.py)
    "url-unsafe": "a url is not a plain http(s) address",
    "text-markup": "text contains HTML",
    "text-template": "text contains template syntax ('{{', '{%', '{#')",
    "text-numeral": "a number in prose or a name outside a token",
    "token-unknown": "a {fig:…} token names no figure",
    "token-date": "a {date:…} token does not hold an EDTF date",
    "token-quote": "a {q:…} token's words are not in the record's archived sources",
    "token-invalid": "something shaped like a token that is not one of {fig:}, {date:}, {q:}",
    # references (ledger/checks/refs.py, ledger/checks/consistency.py)
    "ref-unknown": "an id points at no record",
    "ref-kind": "an event's place is an actor of another kind than place",
    "ref-self": "a source cites itself, or a figure refers to itself",
    "ref-cycle": "a parent or part_of chain loops back on itself",
    "ref-chain": "a figure cites a source its own source does not cite",
    "ref-not-archived": "a figure or exclusion points at a source without an archive",
    "ref-event-source": "a figure's source is not among its event's sources",
    # archives (ledger/archive.py)
    "archive-path": "an archive path leaves the ledger's folder",
    "archive-missing": "an archive file does not exist, or a hash is recorded without an archive",
    "archive-hash-missing": "an archive's SHA-256 is not recorded",
    "archive-hash-mismatch": "an archive's SHA-256 differs from the recorded one (the file changed)",
    "archive-encoding": "an archive is not UTF-8 text",
    # the trace (ledger/checks/trace.py)
    "trace-quote": "a figure's quote, or an excluded text, is not found verbatim in the source's archive",
    "trace-value": "the quote does not state the figure's value with its unit and bound",
    "trace-vague": "a vague figure has a value",
    "coverage-number": "a numeral in an archive is in no figure's quote, {q:…} token or exclusion",
    "exclusion-no-numeral": "an excluded text holds no numeral",
    # figures against each other (ledger/checks/consistency.py)
    "same-as-mismatch": "figures linked by same_as differ in value, unit or period",
    "part-unit": "a part counts another unit than its whole",
    "part-exceeds-whole": "a part is larger than its whole",
    # what a figure means (ledger/checks/meaning.py)
    "claimant-republisher": "a figure is credited to a site that only reposts another outlet's story",
    "republisher-outlet-missing": "a source says it republishes another outlet's story but does not name the site that reposts it",
    "id-reserved": "an actor takes an id that is a reserved word (unattributed, unknown)",
    "meaning-unit": "the kind of count does not fit the figure's unit (people deported counted in dollars)",
    "meaning-no-place": "a count of something that happens somewhere (deportations, arrests) names no place",
    "meaning-no-group": "a count of people does not say of whom (of_whom)",
    "relation-different-measure": "same_as or disputed_by links figures that count different things, groups, places or periods",
    "contrast-same-measure": "differs_from links figures that count the same thing (a contest or the same count instead)",
    # what no file, character or number may smuggle in
    "text-control": "a text field holds an invisible, bidirectional or control character",
    "text-lookalike": "a word mixes Latin letters with Cyrillic or Greek look-alikes",
    "archive-not-regular": "an archive is a symlink, device, pipe or folder, or lies outside the ledger's folder",
    "trace-quote-cut": "a quote starts or ends inside a word, or cuts a number from its hedge or unit in the archive",
    "trace-range": "a range figure lacks low or high or gives a value, or another bound gives low or high",
    "yaml-number": "a number is too long or too large to be a count (thousands of digits, or infinite)",
    "yaml-too-deep": "the data nests deeper than any ledger entry can",
    # leads: later developments no event covers yet (ledger/checks/leads.py)
    "lead-covered": "a lead's covered_by event exists: the lead is covered and should be dropped",
    # corrections (ledger/corrections.py: a check, and `ledger diff` against a git revision)
    "withdrawn-live": "a withdrawn entry names a figure that is still in the ledger",
    "diff-uncorrected": "`ledger diff`: a published figure's value, bound, unit, quote, source, claimant, meaning or period changed without a new correction",
    "diff-unwithdrawn": "`ledger diff`: a published figure was removed without a withdrawn entry",
}


def catalogue() -> str:
    """One code a line, code first, then its meaning."""
    width = max(map(len, CODES))
    return "\n".join(f"{code:<{width}}  {meaning}" for code, meaning in CODES.items()) + "\n"
