"""Coverage, the trace backwards: every numeral in an archive is inside a figure's quote, a {q:}
token, or an exclusion with a reason, so no number in a source is silently left out.  It runs
last, on the spans the other checks found (ledger.checks.run)."""
from collections import defaultdict

from ..archive import covering
from ..problems import Problem, format_path


def check(index, spans):
    by_source = defaultdict(list)
    for c in spans:
        by_source[c.source].append((c.start, c.end))
    for sid, archive in index.archives.items():
        covers = covering(by_source.get(sid, ()))
        spath = format_path(index.path_of[sid] + ("archive",))
        for a, b in archive.numeral_spans:
            if covers(a, b):
                continue
            line, col = archive.line_col(a)
            context = archive.text[max(0, a - 30):b + 30]
            yield Problem("coverage-number", archive.file, line, col, spath,
                          f"'{archive.text[a:b]}' is not accounted for (\"…{context}…\")",
                          f"record it as a figure of source '{sid}' with a quote containing it, "
                          "quote it in a date_basis as {q:…}, or add it to excluded_numbers with a reason")
