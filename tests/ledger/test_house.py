"""The house rules that code review alone would let slip: the flow of imports runs one way (no
cycles; the engine never imports its renderers' or the command line's modules), no module of
the domain package grows past about 400 lines, and nothing refers to files outside the project."""
from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from tests import ROOT

PACKAGES = ("ledger", "ledger_site")
MAX_LINES = 400
# What points outside the repository: the folder CI lays beside a clone, the design notes kept
# there, and this machine's paths.  Written in parts so that this test does not match itself.
OUTSIDE = ("../" + "shared", "design" + ".md", "/" + "work/")


def _modules() -> dict:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, known) -> set:
    """Modules of the project that `name` imports, at any depth of its code."""
    is_pkg = path.name == "__init__.py"
    base = name.split(".") if is_pkg else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            stem = ".".join(base[:len(base) - node.level + 1]) if node.level else ""
            mod = ".".join(p for p in (stem, node.module or "") if p)
            targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
        else:
            continue
        out.update(t for t in targets if t in known and t != name)
    return out


def test_no_import_cycles_and_the_engine_imports_no_renderer_or_cli():
    mods = _modules()
    graph = {m: _imports(m, p, mods) for m, p in mods.items()}
    assert graph["ledger.validate"] and graph["ledger_site.wiring"]  # the scan sees imports at all
    engine = [m for m in graph if m.startswith("ledger.")
              and not m.startswith(("ledger.render", "ledger.cli", "ledger.__main__"))]
    for m in engine:
        bad = {t for t in graph[m] if t.startswith(("ledger.render", "ledger.cli", "ledger_site"))}
        assert not bad, f"{m} imports {bad}"
    for m in graph:
        if m.startswith("ledger.render"):
            assert not {t for t in graph[m] if t.startswith(("ledger.cli", "ledger_site"))}, m

    # a cycle among modules (package __init__ re-exports count as edges too)
    state, stack = {}, []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == "open":
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(t):] + [t]))
            if t not in state:
                visit(t)
        stack.pop()
        state[m] = "done"
    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_no_module_of_the_domain_package_is_over_the_limit():
    long = {m: n for m, p in _modules().items() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules in two: {long}"


def test_nothing_refers_to_files_outside_the_project():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert tracked
    offenders = []
    for rel in tracked:
        if not rel.endswith((".py", ".sh", ".yml", ".yaml", ".toml", ".cfg", ".md")) and rel not in ("Makefile", ".ci/run"):
            continue
        if rel.startswith("tests/cases/"):
            continue
        text = (ROOT / rel).read_text(encoding="utf-8", errors="replace")
        if any(ref in text for ref in OUTSIDE):
            offenders.append(rel)
    assert offenders == []
