"""The pages' own prose holds no numerals (numbers and dates come from the ledger through
macros), and `mkdocs serve` rebuilds pick up changed code, ledger and archives."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from sitebuild import ROOT, ledger_copy, project_copy  # noqa: F401 (fixtures)


def _prose(md: str) -> str:
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)          # front matter
    md = re.sub(r"^(```|~~~).*?^\1", "", md, flags=re.S | re.M)     # fenced code
    md = re.sub(r"`[^`]*`", "", md)                                 # code spans
    md = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", md, flags=re.S)       # macro calls
    md = re.sub(r"^\s*\d+\.\s", "", md, flags=re.M)                 # ordered list markers
    return md


def test_docs_prose_holds_no_numerals():
    offenders = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for n, line in enumerate(_prose(path.read_text(encoding="utf-8")).splitlines(), 1):
            if re.search(r"\d", line):
                offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []


def test_mkdocs_config_fails_on_macro_errors_and_watches_the_data():
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: None)
    cfg = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    macros = next(p["macros"] for p in cfg["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["on_error_fail"] is True and macros["on_undefined"] == "strict"
    assert {"data", "ledger", "ledger_site"} <= set(cfg["watch"])
    assert cfg["theme"]["font"] is False
    assert "ledger_site/hooks.py" in cfg["hooks"]


RELOAD = textwrap.dedent("""
    import os, sys, time
    from mkdocs.config import load_config

    def rebuild():  # what `mkdocs serve` does on every change: a fresh config, then on_config
        cfg = load_config(config_file=sys.argv[1])
        return cfg.plugins.on_config(cfg)

    rebuild()
    fmt, wiring = sys.modules["ledger.render.fmt"], sys.modules["ledger_site.wiring"]
    site = wiring.STATE.index
    rebuild()
    assert sys.modules["ledger.render.fmt"] is fmt and sys.modules["ledger_site.wiring"] is wiring
    assert wiring.STATE.index is site, "unchanged ledger: the checked ledger is reused"

    later = time.time() + 5
    os.utime(sys.argv[3], (later, later))  # an archive changes
    rebuild()
    assert sys.modules["ledger_site.wiring"].STATE.index is not site, "changed archive: the ledger is checked again"

    os.utime(sys.argv[2], (later, later))  # code changes
    rebuild()
    assert sys.modules["ledger.render.fmt"] is not fmt, "ledger package not reloaded"
    assert sys.modules["ledger_site.wiring"] is not wiring, "macros not reloaded"
    print("reloaded")
""")


def test_serve_rebuilds_reload_code_and_ledger(project_copy, ledger_copy):
    import os
    archive = ledger_copy.parent / "sources" / "wire-2022-11-deportations.txt"
    env = dict(os.environ, LEDGER_FILE=str(ledger_copy), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-c", RELOAD, str(project_copy / "mkdocs.yml"),
                           str(project_copy / "ledger_site" / "wiring.py"), str(archive)],
                          cwd=project_copy, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "reloaded" in proc.stdout
