#!/usr/bin/env python3
"""Scale benchmark: run by hand (`.venv/bin/python bench/benchmark.py`), never in the test suite.

For synthetic ledgers of N = 100, 1,000 and 10,000 events it prints validation time, full build
time, peak memory, the largest HTML page and the total site size, and two ratios measured side
by side in the same run:
- validation / bare parse: `ledger validate` against `yaml.load(..., CSafeLoader)` of the same
  file (the floor for any YAML ledger);
- build / static floor: `mkdocs build` of the real site against mkdocs-material building the same
  pages' article HTML pre-written as static Markdown files, without macros or hooks (the floor
  for any generator on this theme).
It then measures how long `mkdocs serve` takes to show an edit to one event of a 1,000-event
ledger, and ends with issue 13's table (serve preview, search download, build time, site size),
each row beside its floor and goal; what a search downloads is measured in headless Chromium
(search_download), for the site (Pagefind) and the floor (the theme's own one-file index).  `--validation-only` measures just validation against the bare parse, and how long a
ledger with 5,000 problems to report takes (reporting must stay linear in the problems).  Timings are the best of --repeat runs (the minimum is the least noisy estimate on a
shared machine).
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
MKDOCS = [PY, "-m", "mkdocs"]


def best_of(n, fn, clock=time.perf_counter, prepare=None):
    times = []
    for _ in range(n):
        if prepare is not None:
            prepare()  # not timed
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def run_child(cmd, env=None, cwd=ROOT):
    """Run a command; return (seconds, peak RSS in MiB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def site_size(site: Path):
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return largest, largest.stat().st_size, total, len(pages)


ARTICLE = re.compile(r'<article[^>]*>(.*)</article>', re.S)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)

FLOOR_HOOK = """
# The static floor's only hook: each page's article HTML is pre-written; put it in place.
from pathlib import Path
PRE = Path(__file__).parent / "prewritten"
def on_page_content(html, page, config, files):
    return (PRE / (page.file.src_uri + ".html")).read_text(encoding="utf-8")
"""


def _floor_nav(nav):
    """The site's nav with its pages at their built places (actors.md -> actors/index.md)."""
    out = []
    for item in nav:
        (label, target), = item.items()
        if isinstance(target, list):
            out.append({label: _floor_nav(target)})
        else:
            out.append({label: target if target.endswith("index.md") else target[:-3] + "/index.md"})
    return out


def static_floor(site: Path, work: Path, repeat: int) -> float:
    """The same pages built by mkdocs-material from pre-written HTML: each page is a stub Markdown
    file whose converted content a one-line hook replaces with the article HTML of our build.
    That is the least any generator on this theme pays (templating, navigation, search index,
    writing files), with none of our work (validation, rendering)."""
    floor = work / "floor"
    if floor.exists():
        shutil.rmtree(floor)
    docs, pre = floor / "docs", floor / "prewritten"
    for page in site.rglob("index.html"):
        rel = page.parent.relative_to(site)
        if str(rel).startswith(("search", "assets", "data", "schema")):
            continue
        text = page.read_text(encoding="utf-8")
        m = ARTICLE.search(text)
        if not m:
            continue
        src = "index.md" if str(rel) == "." else f"{rel}/index.md"
        title = re.sub(r"<[^>]+>", "", (TITLE.search(m.group(1)) or [None, "Page"])[1]).strip()
        for folder, name, body in ((docs, src, f"# {title}\n"), (pre, src + ".html", m.group(1))):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(body, encoding="utf-8")
    (floor / "hooks.py").write_text(FLOOR_HOOK)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""))
    floor_cfg = {
        "site_name": config["site_name"], "docs_dir": str(docs), "site_dir": str(floor / "site"),
        "theme": {"name": "material", "font": False, "features": config["theme"].get("features", [])},
        "plugins": ["search"], "hooks": [str(floor / "hooks.py")],
        "nav": _floor_nav(config.get("nav", [])),
        "not_in_nav": "/chronology/*/index.md\n",
    }
    cfg = floor / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(floor_cfg))
    return min(run_child(MKDOCS + ["build", "-q", "-f", str(cfg)])[0] for _ in range(repeat))


def measure(n: int, work: Path, repeat: int) -> dict:
    ledger_dir = work / f"ledger-{n}"
    subprocess.run([PY, "-m", "ledger", "synth", "--events", str(n), "--seed", "1", "--out", str(ledger_dir)],
                   check=True, capture_output=True)
    ledger_file = ledger_dir / "events.yaml"
    raw = ledger_file.read_bytes()
    from ledger.validate import forget, validate_file
    validate_file(ledger_file)  # warm-up: imports and compiled expressions are not per-ledger costs
    parse = best_of(repeat, lambda: yaml.load(raw, Loader=yaml.CSafeLoader))
    # each run as a first one: nothing remembered from the warm-up (archives, texts checked)
    validate = best_of(repeat, lambda: validate_file(ledger_file), prepare=forget)
    site = work / f"site-{n}"
    env = dict(os.environ, LEDGER_FILE=str(ledger_file))
    builds = [run_child(MKDOCS + ["build", "-q", "-d", str(site)], env=env) for _ in range(repeat)]
    build = min(b[0] for b in builds)
    peak = max(b[1] for b in builds)
    largest, largest_size, total, pages = site_size(site)
    floor = static_floor(site, work, repeat)
    floor_site = work / "floor" / "site"
    return dict(n=n, parse=parse, validate=validate, build=build, floor=floor, peak=peak,
                largest=str(largest.relative_to(site)), largest_size=largest_size, total=total, pages=pages,
                search=search_download(site), floor_search=search_download(floor_site),
                floor_total=site_size(floor_site)[2])


SEARCH_WORDS = ("deported", "police", "Cambodia")  # words of every synthetic event


def search_files(site: Path) -> list:
    """The files the site's search may load: Pagefind's index and script, or the theme's index,
    and the search worker."""
    out = [p for p in (site / "pagefind").rglob("*") if p.is_file()] if (site / "pagefind").is_dir() else []
    out += [p for p in (site / "search").glob("search_index.json")]
    out += [p for p in (site / "assets" / "javascripts" / "workers").glob("*.js")]
    return out


def search_download(site: Path) -> tuple[int, int]:
    """(bytes of the largest file the site's search may load, most bytes a one-word query loads
    in all), the second measured in headless Chromium: the home page is opened, each of
    SEARCH_WORDS typed into the search box a key at a time, as a reader does, and the bytes the
    server sent for the search (its index, script and worker) added up, per word."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright
    largest = max((p.stat().st_size for p in search_files(site)), default=0)
    sent = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_file() and ("/pagefind/" in self.path or "/search/" in self.path or "/workers/" in self.path):
                sent.append(path.stat().st_size)
            return super().send_head()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    most = 0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for word in SEARCH_WORDS:
                context = browser.new_context()  # nothing cached from the last word
                page = context.new_page()
                sent.clear()  # from the page's opening: the theme's search fetches its index then
                page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/")
                box = page.locator("input.md-search__input")
                box.click()
                box.press_sequentially(word)
                page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)",
                                       timeout=120_000)
                page.wait_for_load_state("networkidle")
                most = max(most, sum(sent))
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return largest, most


def validation_only(n: int, work: Path, repeat: int) -> tuple[float, float]:
    """(validate, bare parse) seconds for an n-event ledger, without building the site."""
    ledger_dir = work / f"ledger-{n}"
    if not (ledger_dir / "events.yaml").exists():
        subprocess.run([PY, "-m", "ledger", "synth", "--events", str(n), "--seed", "1", "--out", str(ledger_dir)],
                       check=True, capture_output=True)
    ledger_file = ledger_dir / "events.yaml"
    raw = ledger_file.read_bytes()
    from ledger.validate import forget, validate_file
    validate_file(ledger_file)  # warm-up
    # CPU time of this process: on a shared machine, wall time mostly measures the neighbours
    parse = best_of(repeat, lambda: yaml.load(raw, Loader=yaml.CSafeLoader), time.process_time)
    validate = best_of(repeat, lambda: validate_file(ledger_file), time.process_time, prepare=forget)
    return validate, parse


def many_problems(work: Path, problems: int = 5000) -> tuple[int, float]:
    """(problems reported, seconds to validate and format the report) for a small ledger whose one
    archive holds `problems` numerals no figure accounts for (issue 9: reporting was quadratic)."""
    import hashlib

    from ledger.problems import text_report
    from ledger.validate import validate_file
    ledger_dir = work / "many-problems"
    subprocess.run([PY, "-m", "ledger", "synth", "--events", "30", "--seed", "3", "--out", str(ledger_dir)],
                   check=True, capture_output=True)
    archive = ledger_dir / "sources" / "synth-source-0.txt"
    old = archive.read_bytes()
    extra = "".join(f"Officials counted {1000 + i} more on line {i}.\n" for i in range(problems // 2))
    new = old + extra.encode()
    archive.write_bytes(new)
    ledger_file = ledger_dir / "events.yaml"
    ledger_file.write_text(ledger_file.read_text().replace(hashlib.sha256(old).hexdigest(),
                                                           hashlib.sha256(new).hexdigest()))
    t = time.process_time()
    result = validate_file(ledger_file)
    text_report(result.problems, result.file)
    return len(result.problems), time.process_time() - t


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_latency(work: Path, n: int = 1000, search: bool = True, edits: int = 5) -> list:
    """Seconds from saving an edit to one event until `mkdocs serve` serves the changed page, for
    `edits` edits in a row (each to another event, 3 s apart, as an editor saves), in one server.
    The caller reports their median and range: one edit alone says little on a shared machine."""
    ledger_dir = work / f"serve-{n}"
    if ledger_dir.exists():
        shutil.rmtree(ledger_dir)
    subprocess.run([PY, "-m", "ledger", "synth", "--events", str(n), "--seed", "2", "--out", str(ledger_dir)],
                   check=True, capture_output=True)
    ledger_file = ledger_dir / "events.yaml"
    port = free_port()
    env = dict(os.environ, LEDGER_FILE=str(ledger_file), SITE_SEARCH=str(search).lower())
    proc = subprocess.Popen(MKDOCS + ["serve", "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        text = ledger_file.read_text()
        url = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        seconds = []
        for k in range(edits):
            time.sleep(3)  # the watcher settles after the last build; an editor reads before saving again
            titles = list(re.finditer(r'^    title: "Synthetic deportation event"$', text, re.M))
            m = titles[(k * 37) % len(titles)]  # events spread over the years
            year = re.findall(r'^  - id: "[^"]+"\n    date: "(\d{4})', text[:m.start()], re.M)[-1]
            page = f"{url}chronology/{year}/"
            marker = f"Edited synthetic deportation event {'abcdefghij'[k % 10]}"
            edited = text[:m.start()] + f'    title: "{marker}"' + text[m.end():]
            start = time.perf_counter()
            ledger_file.write_text(edited)
            while time.perf_counter() - start < 600:
                try:
                    if marker in urllib.request.urlopen(page, timeout=5).read().decode():
                        seconds.append(time.perf_counter() - start)
                        break
                except OSError:
                    pass
                time.sleep(0.1)
            else:
                seconds.append(float("nan"))
            text = edited
        return seconds
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _spread(seconds: list) -> str:
    """'1.4 s (5 edits: 1.2–1.7 s)': the median, and the range."""
    return (f"{statistics.median(seconds):.1f} s ({len(seconds)} edits: "
            f"{min(seconds):.1f}–{max(seconds):.1f} s)")


def goals_table(results: list, serve) -> str:
    """Issue 13's table, each row beside its floor and goal: the serve preview against the same
    preview without a search index; the search download, build time and site size of the largest
    ledger measured against the static floor's (mkdocs-material's own index and pages for the
    same article HTML)."""
    rows = ["| | measured | floor | goal |", "|---|---|---|---|"]
    if serve:
        rows.append(f"| `mkdocs serve`: an edit of a 1,000-event ledger shows after (median) | {_spread(serve[0])} "
                    f"| {_spread(serve[1])} (search off) | ≤ 2 s with search on |")
    if results:
        r = results[-1]
        mb = 1e6
        rows.append(f"| largest file a reader downloads to search a {r['n']:,}-event site | {r['search'][0] / mb:.1f} MB "
                    f"| {r['floor_search'][0] / mb:.1f} MB | ≤ 1 MB |")
        rows.append(f"| a one-word query loads in all ({r['n']:,} events) | {r['search'][1] / mb:.1f} MB "
                    f"| {r['floor_search'][1] / mb:.1f} MB | ≤ 1.5 MB |")
        rows.append(f"| {r['n']:,}-event build vs the static floor | {r['build'] / r['floor']:.2f}x ({r['build']:.0f} s) "
                    f"| 1.00x ({r['floor']:.0f} s) | ≤ 1.3x |")
        rows.append(f"| {r['n']:,}-event site on disk | {r['total'] / mb:.0f} MB ({r['pages']:,} pages, largest "
                    f"{r['largest_size'] / 1024:.0f} KB) | {r['floor_total'] / mb:.0f} MB | ≤ 60 MB |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-serve", action="store_true")
    ap.add_argument("--validation-only", action="store_true",
                    help="only validation against the bare parse, and a ledger with 5,000 problems to report")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    if args.validation_only:
        print("| events | validate s (CPU) | parse s (CPU) | validate/parse |")
        print("|---|---|---|---|")
        for n in [int(x) for x in args.sizes.split(",") if x]:
            v, p = validation_only(n, work, args.repeat)
            print(f"| {n:,} | {v:.2f} | {p:.2f} | {v / p:.2f} |", flush=True)
        count, seconds = many_problems(work)
        print(f"\n{count:,} problems (unaccounted numerals in one archive) validated and reported in {seconds:.2f} s")
        shutil.rmtree(work, ignore_errors=True)
        return
    print(f"measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}")
    print()
    head = ("| events | validate s | parse s | validate/parse | build s | static floor s | build/floor "
            "| peak MiB | pages | largest page | largest KB | site MB |")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    results = []
    for n in [int(x) for x in args.sizes.split(",") if x]:
        r = measure(n, work, args.repeat)
        results.append(r)
        print(f"| {r['n']:,} | {r['validate']:.2f} | {r['parse']:.2f} | {r['validate'] / r['parse']:.2f} "
              f"| {r['build']:.1f} | {r['floor']:.1f} | {r['build'] / r['floor']:.2f} | {r['peak']:.0f} "
              f"| {r['pages']:,} | {r['largest']} | {r['largest_size'] / 1024:.0f} | {r['total'] / 1e6:.1f} |", flush=True)
    serve = (serve_latency(work), serve_latency(work, search=False)) if not args.no_serve else None
    if serve:
        print()
        print(f"mkdocs serve: an edit to one event of a 1,000-event ledger shows after {_spread(serve[0])}"
              f" ({_spread(serve[1])} with SITE_SEARCH=false, no search index)")
    if results or serve:
        print()
        print(goals_table(results, serve))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
