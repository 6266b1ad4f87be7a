"""mkdocs-macros entry point (`modules: [ledger_site]` in mkdocs.yml): thin wiring only.

Each macro calls a pure renderer in ledger.render with the current page's context and returns a
placeholder; ledger_site/wiring.py swaps the placeholder for the HTML after Markdown conversion.
"""
from . import wiring


def define_env(env):
    wiring.site(env.conf)  # loaded by the on_config hook; loads here if the hook did not run
    for name, (fn, block) in wiring.MACROS.items():
        env.macro(wiring.macro(fn, env, block, name), name)
