"""Leads: later developments reported elsewhere that no event covers yet.  A lead is a pointer
(date, outlet, address, one line in the editor's words), never a figure: its summary and
outlet hold no numerals at all, its address is http(s) by the same rule as a source's, its date is EDTF,
and a lead whose `covered_by` event exists is reported so that the editor drops it."""
from ..edtf import EdtfError, parse
from ..numerals import numerals
from ..problems import suggest
from .consistency import url_problem
from .text import TEMPLATE


def check(index):
    for path, lead in index.leads:
        try:
            parse(lead.date)
        except EdtfError as exc:
            yield index.problem("date-invalid", path + ("date",), str(exc),
                                "write an EDTF date such as 2026-01-07, 2025-07 or 2025")
        why = url_problem(lead.url)
        if why:
            yield index.problem("url-unsafe", path + ("url",), f"url {why}",
                                "the http(s) address of the report you read")
        found = numerals(lead.summary)
        if found and not TEMPLATE.search(lead.summary):
            yield index.problem("text-numeral", path + ("summary",),
                                f"a lead's summary contains numerals: {', '.join(sorted(found))}",
                                "a lead is a pointer, not a sourced figure: say what happened in words without "
                                "numbers; the figure belongs in an event once its source is archived")
        # the outlet is shown as a link's words, where a digit would read as an unsourced number
        found = numerals(lead.outlet)
        if found and not TEMPLATE.search(lead.outlet):
            yield index.problem("text-numeral", path + ("outlet",),
                                f"'{lead.outlet}' contains numerals ({', '.join(sorted(found))}), which the site "
                                "would show as an unsourced number",
                                "name the outlet without numerals (for a wire story reposted by a site whose name "
                                "holds a digit, name the wire: the address still leads to the repost)")
        if lead.covered_by:
            if lead.covered_by in index.events:
                yield index.problem("lead-covered", path + ("covered_by",),
                                    f"lead '{lead.id}' is covered by event '{lead.covered_by}'",
                                    "drop this lead from leads: the event now tells the story with its sources")
            elif lead.covered_by not in index.broken_ids:
                yield index.problem("ref-unknown", path + ("covered_by",),
                                    f"event '{lead.covered_by}' does not exist", suggest(lead.covered_by, index.events))
