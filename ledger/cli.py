"""`ledger` command line: validate, quote, new, stats, export, generate, codes, diff, archive.

Exit codes: 0 clean, 1 the ledger has problems (or a quote is not found), 2 usage or I/O errors.
No command writes to the ledger: `new` prints a skeleton for the editor to paste, and `archive`
writes only a new archive file (never over an existing one) and prints the record to paste.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from . import archiving, codes, corrections, export, manual, synth
from .archive import normalize
from .numerals import printable
from .problems import json_report, text_report
from .render import generated
from .render import site as site_mod
from .validate import LedgerIOError, validate_file

DEFAULT = "data/events.yaml"


def default_path() -> str:
    return os.environ.get("LEDGER_FILE") or DEFAULT


def _validated(args):
    return validate_file(args.path or default_path())


def cmd_validate(args) -> int:
    result = _validated(args)
    if args.format == "json":
        print(json_report(result.problems, result.file))
    else:
        print(text_report(result.problems, result.file))
    return 0 if result.ok else 1


def cmd_quote(args) -> int:
    result = validate_file(args.ledger or default_path())
    index = result.index
    if index is None or args.source not in index.sources:
        known = ", ".join(sorted(index.sources)) if index else "(the ledger did not load)"
        print(printable(f"source '{args.source}' is not in {result.file}; sources: {known}"), file=sys.stderr)
        return 2
    archive = index.archives.get(args.source)
    if archive is None:
        print(printable(f"source '{args.source}' has no readable archive (`ledger validate` says why)"), file=sys.stderr)
        return 2
    spans = archive.find_all(args.text)
    if spans:
        for a, _ in spans:
            line, col = archive.line_col(a)
            print(printable(f"{archive.file}:{line}:{col}: found"))
        return 0
    near = archive.nearest(args.text)
    print(printable(f"not found in {archive.file}"))
    if near:
        print(printable(f"nearest passage: \"{near}\""))
        q = normalize(args.text)
        first = next((i for i, (x, y) in enumerate(zip(q, near)) if x != y), None)
        if first is not None:
            print(printable(f"first difference at character {first + 1}: yours '{q[first:first + 20]}', "
                            f"archive '{near[first:first + 20]}'"))
    return 1


def cmd_new(args) -> int:
    print(manual.paste_hint(args.kind))
    print(manual.skeleton(args.kind), end="")
    return 0


def cmd_stats(args) -> int:
    result = _validated(args)
    index = result.index
    if index is None:
        print(text_report(result.problems, result.file))
        return 1
    figures = list(index.figures.values())
    archived = sum(1 for s in index.sources.values() if s.archive)
    lines = [
        f"ledger: {result.file}",
        f"sources: {len(index.sources)} ({archived} archived, {len(index.sources) - archived} cited second-hand)",
        f"actors: {len(index.actors)} (" + ", ".join(f"{k} {n}" for k, n in sorted(Counter(a.kind for a in index.actors.values()).items())) + ")",
        f"events: {len(index.events)} (" + ", ".join(f"{k} {n}" for k, n in sorted(Counter(e.kind for e in index.events.values()).items())) + ")",
        f"figures: {len(figures)} (" + ", ".join(f"{k} {n}" for k, n in sorted(Counter(f.bound for f in figures).items())) + ")",
        f"links: same_as {sum(len(f.same_as) for f in figures)}, part_of {sum(1 for f in figures if f.part_of)}, "
        f"disputed_by {sum(len(f.disputed_by) for f in figures)}",
        f"excluded numbers: {len(index.exclusions)}",
        f"problems: {len(result.problems)}",
    ]
    print("\n".join(lines))
    return 0 if result.ok else 1


def cmd_export(args) -> int:
    if args.format == "schema":
        text = export.schema_json()
    else:
        result = _validated(args)
        if not result.ok:
            print(text_report(result.problems, result.file), file=sys.stderr)
            return 1
        if args.format == "json":
            text = export.ledger_json(result.ledger)
        elif args.format == "datapackage":
            if not args.out:
                print("--format datapackage writes several files: give --out DIR", file=sys.stderr)
                return 2
            try:
                written = export.write_all(result.ledger, Path(args.out))
            except OSError as exc:
                return _cannot_write(args.out, exc)
            for p in written:
                print(printable(str(p)))
            return 0
        else:
            rows = export.event_rows(result.ledger) if args.table == "events" else export.figure_rows(result.ledger)
            fields = export.EVENT_FIELDS if args.table == "events" else export.FIGURE_FIELDS
            text = export.to_csv(rows, fields)
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            return _cannot_write(args.out, exc)
    else:
        sys.stdout.write(text)
    return 0


def _cannot_write(where, exc: OSError) -> int:
    print(printable(f"ledger: cannot write {where}: {exc.strerror or exc}"), file=sys.stderr)
    return 2


def cmd_diff(args) -> int:
    path = Path(args.path or default_path())
    try:
        report = corrections.diff(args.base, path, str(args.path or default_path()))
    except corrections.DiffUsageError as exc:
        print(f"ledger diff: {exc}", file=sys.stderr)
        return 2
    for line in report.lines:
        print(line)
    if report.problems:
        print("\n".join(corrections.shown(line) for line in text_report(report.problems, str(path)).splitlines()))
        return 1
    print(f"{len(report.lines)} change(s); every changed published figure carries its correction")
    return 0


def cmd_archive(args) -> int:
    if bool(args.page) == bool(args.fetch):
        print("ledger archive: give either a saved page or --fetch URL", file=sys.stderr)
        return 2
    url = args.url or args.fetch
    try:
        if args.fetch:
            page = archiving.fetch(args.fetch)
        else:
            try:
                page = Path(args.page).read_bytes()
            except OSError as exc:
                print(f"ledger archive: cannot read {args.page}: {exc.strerror or exc}", file=sys.stderr)
                return 2
            if len(page) > archiving.MAX_PAGE_BYTES:
                print(f"ledger archive: {args.page} is larger than {archiving.MAX_PAGE_BYTES:,} bytes", file=sys.stderr)
                return 2
        done = archiving.archive_page(page, args.id, Path(args.ledger or default_path()), url)
    except archiving.ArchiveError as exc:
        print(f"ledger archive: {exc}", file=sys.stderr)
        return exc.code
    print(f"# wrote {corrections.shown(str(done.path))} ({len(done.text):,} characters). Read it against the page, "
          "then paste this under 'sources:' and run: ledger validate")
    print(archiving.record(done, args.id), end="")
    return 0


def cmd_generate(args) -> int:
    """Write the site's generated pages, exports and feed under --out, for a builder that runs no
    mkdocs hooks; the mkdocs build adds the same files itself."""
    try:
        loaded = site_mod.load(args.path or default_path())
    except site_mod.LedgerInvalid as exc:
        print(exc.report, file=sys.stderr)
        return 1
    files = dict(generated.listing_pages(loaded.pages))
    files.update(generated.export_files(loaded.index))
    files.update(generated.filter_actors_file(loaded.index))
    files.update(generated.feed_file(loaded.index, loaded.pages, args.site_name, args.site_url, True))
    out = Path(args.out)
    try:
        for rel, content in files.items():
            dest = out / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    except OSError as exc:
        return _cannot_write(args.out, exc)
    print(printable(f"wrote {len(files)} files under {out}"))
    return 0


def cmd_codes(args) -> int:
    sys.stdout.write(codes.catalogue())
    return 0


def cmd_synth(args) -> int:
    try:
        counts = synth.synthesize(args.events, args.seed, Path(args.out))
    except OSError as exc:
        return _cannot_write(args.out, exc)
    print(f"wrote {Path(args.out) / 'events.yaml'}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


MAX_SYNTH_EVENTS = 1_000_000


def _event_count(text: str) -> int:
    """--events: a whole number of events from 1 to MAX_SYNTH_EVENTS (argparse reports others)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{printable(text)}' is not a whole number") from None
    if not 1 <= n <= MAX_SYNTH_EVENTS:
        raise argparse.ArgumentTypeError(f"{n} is not between 1 and {MAX_SYNTH_EVENTS:,}")
    return n


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ledger", description="Check and explain the sourced ledger (data/events.yaml).")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="report every problem in the ledger")
    v.add_argument("path", nargs="?", help=f"ledger file (default: $LEDGER_FILE or {DEFAULT})")
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.set_defaults(func=cmd_validate)
    q = sub.add_parser("quote", help="is this text in that source's archive? where, or the nearest passage")
    q.add_argument("source")
    q.add_argument("text")
    q.add_argument("--ledger", help=f"ledger file (default: $LEDGER_FILE or {DEFAULT})")
    q.set_defaults(func=cmd_quote)
    n = sub.add_parser("new", help="print a commented skeleton to paste into the ledger")
    n.add_argument("kind", choices=sorted(manual.KINDS))
    n.set_defaults(func=cmd_new)
    s = sub.add_parser("stats", help="counts of what the ledger holds")
    s.add_argument("path", nargs="?")
    s.set_defaults(func=cmd_stats)
    e = sub.add_parser("export", help="JSON, CSV, Frictionless data package or JSON Schema")
    e.add_argument("path", nargs="?")
    e.add_argument("--format", choices=["json", "csv", "datapackage", "schema"], required=True)
    e.add_argument("--table", choices=["figures", "events"], default="figures", help="with --format csv")
    e.add_argument("--out", help="file (json, csv, schema) or folder (datapackage); default: standard output")
    e.set_defaults(func=cmd_export)
    d = sub.add_parser("diff", help="what changed since a git revision; fails on a figure changed without a correction")
    d.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main")
    d.add_argument("path", nargs="?", help=f"ledger file (default: $LEDGER_FILE or {DEFAULT})")
    d.set_defaults(func=cmd_diff)
    a = sub.add_parser("archive", help="save a web page's article text as a source's archive; print the record to paste")
    a.add_argument("page", nargs="?", help="the saved HTML page (omit with --fetch)")
    a.add_argument("--id", required=True, help="the new source's id (kebab-case); the archive is sources/ID.txt")
    a.add_argument("--url", help="the page's address (http or https), when known")
    a.add_argument("--fetch", metavar="URL", help="download the page from this address first (needs the network)")
    a.add_argument("--ledger", help=f"ledger file beside which sources/ is (default: $LEDGER_FILE or {DEFAULT})")
    a.set_defaults(func=cmd_archive)
    g = sub.add_parser("generate", help="write the site's generated pages, exports and feed (for builders without mkdocs hooks)")
    g.add_argument("path", nargs="?", help=f"ledger file (default: $LEDGER_FILE or {DEFAULT})")
    g.add_argument("--out", required=True, help="folder to write into (e.g. the docs folder of a Zensical build)")
    g.add_argument("--site-name", default="Cambodia's deportations of Chinese nationals", help="the feed's title")
    g.add_argument("--site-url", default=None, help="the site's address, for absolute feed links")
    g.set_defaults(func=cmd_generate)
    c = sub.add_parser("codes", help="list every problem code with its meaning")
    c.set_defaults(func=cmd_codes)
    y = sub.add_parser("synth", help="write a deterministic synthetic ledger (for benchmarks)")
    y.add_argument("--events", type=_event_count, required=True, help=f"1 to {MAX_SYNTH_EVENTS:,}")
    y.add_argument("--seed", type=int, default=1)
    y.add_argument("--out", required=True, help="folder for events.yaml and sources/")
    y.set_defaults(func=cmd_synth)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except LedgerIOError as exc:
        print(printable(f"ledger: {exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `ledger export --format json | head`
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(printable(f"ledger: internal error ({type(exc).__name__}: {exc}); please report it with the ledger "
                        "that caused it"), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
