"""mkdocs hooks (`hooks:` in mkdocs.yml): a shim over ledger_site/wiring.py (and, for each
rendered page, ledger_site/theme_markup.py).

mkdocs imports this file once per process, so it holds no logic of its own.  Before each build it
checks whether any source file of the ledger or ledger_site packages changed since the last build
(`mkdocs serve`); if so it drops those modules so that they, and the macros, are imported afresh.
"""
from __future__ import annotations

import importlib
import os
import sys

from mkdocs.plugins import event_priority

PACKAGES = ("ledger", "ledger_site")
_snapshot = None
_serving = False  # `mkdocs serve` (rebuilds reuse what the last build computed; wiring.on_config)
_dirty = False    # `--dirty`: mkdocs writes only the pages whose source changed (wiring.on_pre_build)


def _project(config) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def _sources(project: str) -> dict:
    out = {}
    for pkg in PACKAGES:
        for root, dirs, files in os.walk(os.path.join(project, pkg)):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(root, name)
                    try:
                        out[path] = os.stat(path).st_mtime_ns
                    except OSError:
                        pass
    return out


def _wiring():
    return importlib.import_module("ledger_site.wiring")


@event_priority(100)  # before the macros plugin's on_config, which imports the macros module
def on_config(config):
    global _snapshot
    project = _project(config)
    if project not in sys.path:
        sys.path.insert(0, project)
    snap = _sources(project)
    if _snapshot is not None and snap != _snapshot:
        for name in list(sys.modules):
            if name.split(".")[0] in PACKAGES:
                del sys.modules[name]
        importlib.invalidate_caches()
    _snapshot = snap
    return _wiring().on_config(config, _serving)


def on_startup(command, dirty):
    global _serving, _dirty
    _serving, _dirty = command == "serve", bool(dirty)


def on_pre_build(config):
    return _wiring().on_pre_build(config, _dirty)


def on_page_markdown(markdown, page, config, files):
    return _wiring().on_page_markdown(markdown, page, config)


def on_files(files, config):
    return _wiring().on_files(files, config)


def on_env(env, config, files):
    return _wiring().on_env(env)


def on_page_context(context, page, config, nav):
    return _wiring().on_page_context(context, page, config, nav)


def on_page_content(html, page, config, files):
    spaced = importlib.import_module("ledger_site.theme_markup").spaced_blocks(html)
    return _wiring().on_page_content(spaced, page, config)


def on_post_page(output, page, config):
    markup = importlib.import_module("ledger_site.theme_markup")
    return markup.compact_chrome(markup.fix_search_worker(markup.fix_toggles(output)))


def on_post_template(output_content, template_name, config):  # 404.html
    markup = importlib.import_module("ledger_site.theme_markup")
    return markup.compact_chrome(markup.fix_search_worker(markup.fix_toggles(output_content)))


def on_post_build(config):
    return _wiring().on_post_build(config)


def on_build_error(error):
    return _wiring().on_build_error(error)


def on_serve(server, config, builder):
    return _wiring().on_serve(server, config, builder)
