"""Text: no markup or template syntax anywhere; prose holds numbers only inside tokens.

Pages are built by mkdocs-macros, which renders Jinja; ledger text is escaped and never spliced
into a template, but refusing '{{' and '<tag' here as well means a mistake is caught at the
editor's pull request, not discovered on a page.
"""
import re
from functools import lru_cache

from ..edtf import EdtfError, parse
from ..numerals import describe_char, forbidden_chars, mixed_script_words, numerals
from ..problems import Covered, suggest
from ..tokens import NOT_A_TOKEN, TOKEN

HTML = re.compile(r"<\s*[A-Za-z/!?]|&#?\w+;")
TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
NUMERAL_HINT = ("write a number as a figure token {fig:FIGURE-ID}, a date as {date:YYYY-MM-DD}, "
                "or quote the source's words as {q:…}; spell nothing out ('three' is a numeral too)")


def _walk(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, path + (i,))


def _readable(index, ids):
    """The archived sources among ids, and whether every archive they should have was read
    (when one was not, a quote missing from the others is not reported: it may be in that one)."""
    found = [i for i in ids if i in index.archives]
    complete = all(i in index.archives or (i in index.sources and not index.sources[i].archive) for i in ids)
    return found, complete


def _labels(index):
    for sid, s in index.sources.items():
        yield index.path_of[sid] + ("publisher",), s.publisher
        if s.label:
            yield index.path_of[sid] + ("label",), s.label
    for aid, a in index.actors.items():
        path = index.path_of[aid]
        yield path + ("name",), a.name
        for k, alias in enumerate(a.aliases):
            yield path + ("aliases", k), alias
    for eid, e in index.events.items():
        for k, role in enumerate(e.actors):
            yield index.path_of[eid] + ("actors", k, "role"), role.role
        for j, f in enumerate(e.figures):
            yield index.path_of[eid] + ("figures", j, "noun"), f.noun


def _prose(index):
    """(path, text, archived source ids its {q:} tokens may quote, whether those are complete)."""
    every = (list(index.archives), True)
    for sid, s in index.sources.items():
        path = index.path_of[sid]
        citing = [sid] if s.archive else list(index.source_cited_by.get(sid, ()))
        for field in ("published_basis", "notes"):
            if getattr(s, field):
                yield (path + (field,), getattr(s, field), *_readable(index, citing))
        for k, c in enumerate(s.corrections):
            yield (path + ("corrections", k, "note"), c.note, *_readable(index, citing))
    for aid, a in index.actors.items():
        yield (index.path_of[aid] + ("description",), a.description, *every)
    for eid, e in index.events.items():
        path = index.path_of[eid]
        mine = _readable(index, e.sources)
        for field in ("title", "summary", "date_basis"):
            if getattr(e, field):
                yield (path + (field,), getattr(e, field), *mine)
        for k, c in enumerate(e.corrections):
            yield (path + ("corrections", k, "note"), c.note, *mine)
        for j, f in enumerate(e.figures):
            for field in ("measure", "notes"):
                if getattr(f, field):
                    yield (path + ("figures", j, field), getattr(f, field), *_readable(index, [f.source]))
            for k, c in enumerate(f.differs_from):
                yield (path + ("figures", j, "differs_from", k, "reason"), c.reason, *_readable(index, [f.source]))
            for k, c in enumerate(f.corrections):
                yield (path + ("figures", j, "corrections", k, "note"), c.note, *_readable(index, [f.source]))
    for path, w in index.withdrawn:
        yield (path + ("note",), w.note, *every)
    for path, x in index.exclusions:
        yield (path + ("reason",), x.reason, *_readable(index, [x.source]))


@lru_cache(maxsize=1 << 18)
def _text_findings(value: str) -> tuple:
    """(forbidden characters, mixed-script words, template syntax?, markup?) of one text: each
    depends on the text alone, so `mkdocs serve`, validating again after an edit, looks up the
    texts the edit left as they were instead of reading them again."""
    return (tuple(forbidden_chars(value)), tuple(mixed_script_words(value)),
            bool(TEMPLATE.search(value)), bool(HTML.search(value)))


@lru_cache(maxsize=1 << 18)
def _numerals(value: str) -> tuple:
    return tuple(numerals(value))


def forget() -> None:
    """Forget the texts checked so far (ledger/validate.py forget)."""
    _text_findings.cache_clear()
    _numerals.cache_clear()


def _any_findings(data) -> bool:
    """Whether any text in data has a finding: the quick pass over a ledger with none (the usual
    case), which builds no paths."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str:
            bad, mixed, template, markup = _text_findings(value)
            if bad or mixed or template or markup:
                return True
        elif kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
    return False


def check(index):
    texts = _walk(index.loaded.data, ()) if _any_findings(index.loaded.data) else ()
    for path, value in texts:
        bad, mixed, template, markup = _text_findings(value)
        if bad:
            yield index.problem("text-control", path, "text contains invisible or control characters: "
                                + ", ".join(describe_char(ch) for ch in bad),
                                "delete them (retype the words if unsure); they hide words from the checks and can "
                                "change what a terminal, feed or spreadsheet shows")
        if mixed:
            yield index.problem("text-lookalike", path, "words mix Latin with Cyrillic or Greek letters: " + ", ".join(mixed),
                                "retype the words in one alphabet; look-alike letters hide words from the checks")
        if template:
            yield index.problem("text-template", path, "text contains template syntax ('{{', '{%' or '{#')",
                                "the site shows ledger text literally; remove the braces (tokens use single braces: {fig:ID})")
        if markup:
            yield index.problem("text-markup", path, "text contains HTML ('<tag' or an '&entity;')",
                                "write plain text; the site does the formatting and escapes what it shows")
    # Names, roles and outlets are shown as plain text too, where a numeral would be an unsourced
    # number on the page (headlines are exempt: they render as the source's words, in <cite>).
    for path, value in _labels(index):
        found = _numerals(value)
        if found:
            yield index.problem("text-numeral", path, f"'{value}' contains numerals ({', '.join(found)}), which the "
                                "site would show as an unsourced number",
                                "spell the name as the sources do without numerals, or raise it with the maintainers")
    for path, value, quotable, complete in _prose(index):
        rest, pos = [], 0
        for m in TOKEN.finditer(value):
            rest.append(value[pos:m.start()])
            pos = m.end()
            kind, arg = m.group(1), m.group(2)
            if kind == "fig" and arg not in index.figures and arg not in index.broken_ids:
                yield index.problem("token-unknown", path, f"{{fig:{arg}}} names no figure", suggest(arg, index.figures))
            elif kind == "date":
                try:
                    parse(arg)
                except EdtfError as exc:
                    yield index.problem("token-date", path, f"{{date:{arg}}}: {exc}",
                                        "write an EDTF date such as {date:2022-11-08}")
            elif kind == "q":
                found = False
                for sid in quotable:
                    spans = index.archives[sid].find_all(arg)
                    found = found or bool(spans)
                    yield from (Covered(sid, a, b) for a, b in spans)
                if not found and complete:
                    where = ", ".join(quotable) if quotable else "no archived source of this record"
                    yield index.problem("token-quote", path, f"{{q:{arg}}} is not found in {where}",
                                        "a {q:…} token quotes the record's own archived sources word for word; "
                                        "`ledger quote SOURCE-ID \"words\"` shows the nearest passage")
        rest.append(value[pos:])
        plain = "".join(rest)
        # `plain` is the text with its valid tokens taken out: any `{word:` left is not a token
        bad = NOT_A_TOKEN.search(plain)
        if bad:
            bad = bad.group(0)
            yield index.problem("token-invalid", path, f"'{bad}' is not a token",
                                "tokens are {fig:FIGURE-ID}, {date:EDTF} and {q:verbatim words}")
        found = _numerals(plain)
        if found:
            words = ", ".join(sorted(found))
            yield index.problem("text-numeral", path, f"prose contains numerals outside tokens: {words}", NUMERAL_HINT)
