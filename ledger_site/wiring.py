"""The mkdocs side of the site: load the ledger once per build, add the generated pages and data
files, and swap the macros' placeholders for the HTML that ledger.render built.

Why placeholders: a macro's output goes back into the page's Markdown, which Markdown then
converts.  Ledger text must never reach Jinja or Markdown (a `{{ 7*7 }}` in a YAML string stays
literal; Markdown conversion of large generated blocks is slow and can mangle them).  So a macro
stores its HTML here and returns only an HTML comment `<!--ledger-NONCE-b12-->`; after Markdown
conversion, the Markdown extension in ledger_site/markdown.py puts the HTML in its place.  The nonce is new for every build.

This module is reloaded (with the ledger package) by ledger_site/hooks.py when their source changes.
"""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ledger.render import cite, feed, figures, generated, html, inline, jsonld
from ledger.render import site as site_mod
from ledger.validate import LedgerIOError

from .blocks import Count, ReusingCtx
from .blocks import begin as begin_reuse
from .preview import add_files as add_generated_files
from .macros import RENDERERS
from .prefetch import settle as settle_prefetch
from .prefetch import start as start_prefetch
from .preview import add_later, before_clean
from .serving import build_ends, build_starts, poll_often
from .sitesearch import OUTPUT_DIR as SEARCH_DIR
from .sitesearch import Indexer, drop_unused_theme_files, skip_theme_index_pass
from .templatecache import CACHE as TEMPLATE_CACHE

DEFAULT_LEDGER = Path("data") / "events.yaml"


class _State:
    index = None         # ledger.index.LedgerIndex of this build
    pages = None         # ledger.render.site.Pages: the page of every record
    path = None          # the ledger file
    stamp = None         # (path, mtime, size) of the ledger and its archives when it was read
    nonce = ""
    blocks: dict = {}    # placeholder key -> HTML
    page_key = None      # src_uri of the page whose macros are running
    ctx = None           # its render context
    exports: tuple = (None, {})  # (index, {dest: bytes})
    config = None        # the mkdocs config of this build (the site's name and address)
    indexer = None       # ledger_site/sitesearch.Indexer of this build (None: no site search)
    serving = False      # `mkdocs serve`: rebuilds reuse what the last one made (ledger_site/preview.py, blocks.py)
    dirty = False        # `--dirty`: mkdocs writes only the pages whose source changed
    late: tuple = ()     # generated files a build writes at its end (on_files, on_post_build)
    files = None         # while serving: this build's files, and the generated files made early,
    early: dict = {}     # placed with the late ones (ledger_site/preview.py add_files)


STATE = _State()


# -- the ledger --------------------------------------------------------------------------------------
def ledger_path(config) -> Path:
    """$LEDGER_FILE (relative to the working directory, as for the `ledger` command), else
    data/events.yaml beside mkdocs.yml."""
    env = os.environ.get("LEDGER_FILE")
    return Path(env) if env else Path(config.config_file_path).resolve().parent / DEFAULT_LEDGER


def _stamp(paths) -> tuple:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)


def _archive_paths(index) -> list:
    return [(index.base / s.archive).resolve() for s in index.sources.values() if s.archive]


def load(config):
    """Validate, index and plan the ledger; `mkdocs serve` rebuilds reuse the last result while
    neither the ledger nor any of its archives changed.  A ledger with problems stops the build
    with the engine's report."""
    path = ledger_path(config)
    if STATE.index is not None and STATE.path == path.resolve() \
            and _stamp([STATE.path] + _archive_paths(STATE.index)) == STATE.stamp:
        return STATE.index
    before = _stamp([path.resolve()])  # taken before reading, so an edit made meanwhile is seen
    STATE.index = None
    if not STATE.serving:  # the archives' numbers are found meanwhile (ledger_site/prefetch.py)
        start_prefetch(path)
    try:
        loaded = site_mod.load(path, reuse=STATE.serving)
    except LedgerIOError as exc:
        hint = "" if os.environ.get("LEDGER_FILE") else (
            " (set LEDGER_FILE to build from another ledger, e.g. "
            "LEDGER_FILE=tests/cases/valid/basic/events.yaml mkdocs build)")
        raise PluginError(f"The site is built from the ledger, which could not be read: {exc}{hint}") from None
    except site_mod.LedgerInvalid as exc:
        raise PluginError("The ledger has problems; the site is not built until they are fixed.\n"
                          f"{exc.report}\nRun `ledger validate` for the same report.") from None
    finally:
        settle_prefetch()
    STATE.index, STATE.pages, STATE.path = loaded.index, loaded.pages, path.resolve()
    STATE.stamp = before + _stamp(_archive_paths(loaded.index))
    return STATE.index


def site(config=None):
    """The index of this build (loading it if the on_config hook did not run)."""
    if STATE.index is None:
        if config is None:
            raise PluginError("the ledger is not loaded (is ledger_site/hooks.py listed under hooks: in mkdocs.yml?)")
        load(config)
    return STATE.index


def on_config(config, serving: bool = False):
    skip_theme_index_pass(config)
    STATE.serving = serving
    if serving:  # before mkdocs empties the site folder
        build_starts()
        before_clean(config.site_dir)
    STATE.nonce = secrets.token_hex(8)
    STATE.blocks = {}
    STATE.page_key = STATE.ctx = None
    STATE.config = config
    if not config.repo_url:
        config.edit_uri = None  # no repository known (REPO_URL unset): no "edit" links at all
    load(config)
    if serving:
        begin_reuse(STATE.index, STATE.pages)
    return config


# -- macros -------------------------------------------------------------------------------------------
def page_ctx(page, config) -> inline.Ctx:
    """The render context of the page being rendered (ids unique per page, links relative)."""
    key = page.file.src_uri if page is not None else None
    if key != STATE.page_key or STATE.ctx is None:
        url = page.url if page is not None else ""
        STATE.page_key = key
        links = html.Links(url, bool(config.use_directory_urls))
        if STATE.serving:  # pieces of the page may reuse the last build's HTML (ledger_site/blocks.py)
            STATE.ctx = ReusingCtx(site(config), STATE.pages, links, cite_site(config), Count())
        else:
            STATE.ctx = inline.Ctx(site(config), STATE.pages, links, cite_site(config))
    return STATE.ctx


def emit(markup: str, block: bool) -> str:
    key = f"{'b' if block else 'i'}{len(STATE.blocks)}"
    STATE.blocks[key] = markup
    return f"<!--ledger-{STATE.nonce}-{key}-->"


def macro(fn, env, block: bool, name: str):
    """Wrap a renderer fn(ctx, *args) as a macro returning a placeholder."""
    def run(*args, **kwargs):
        # each call's output is whole: the popovers its figures point at are in it (Ctx.block)
        return emit(fn(page_ctx(env.page, env.conf).block(), *args, **kwargs), block)
    run.__name__ = name
    run.__doc__ = fn.__doc__
    return run


def substitute(output: str) -> str:
    """Put each macro's HTML where its placeholder is (a block's enclosing <p> goes too).  Run by
    the Markdown extension in ledger_site/markdown.py after a page's Markdown is converted."""
    if not STATE.nonce or STATE.nonce not in output:
        return output
    nonce = re.escape(STATE.nonce)
    pattern = re.compile(rf"<p>\s*<!--ledger-{nonce}-(b\d+)-->\s*</p>|<!--ledger-{nonce}-([bi]\d+)-->")
    page = STATE.page_key or "a page"

    def sub(m):
        key = m.group(1) or m.group(2)
        try:
            return STATE.blocks.pop(key)
        except KeyError:
            raise PluginError(f"page {page}: generated block {key} is missing") from None
    output = pattern.sub(sub, output)
    if STATE.nonce in output:  # e.g. a macro called inside a code span: its placeholder was escaped
        raise PluginError(f"page {page}: a macro's output could not be placed "
                          "(is the macro call inside code or an attribute?)")
    return output


# -- generated files ----------------------------------------------------------------------------------
def _exports(index) -> dict:
    cached, files = STATE.exports
    if cached is not index:
        STATE.exports = (index, generated.export_files(index))
    return STATE.exports[1]


def cite_site(config) -> cite.Site:
    """The site as a citation names it (ledger/render/cite.py)."""
    return cite.Site(config.site_name, config.site_url or None, bool(config.use_directory_urls))


def on_files(files, config):
    index = site(config)
    drop_unused_theme_files(files, config)
    for dest, content in generated.listing_pages(STATE.pages).items():
        files.append(File.generated(config, dest, content=content))
    out = dict(generated.filter_actors_file(index))
    # the exports and the feed are made at the end of the build (on_post_build), while Pagefind
    # finishes the search index in its own process
    STATE.late = tuple(generated.export_dests()) + (feed.FEED_PATH,)
    if STATE.serving:  # ledger_site/preview.py places them all then, keeping what did not change
        STATE.files, STATE.early = files, out
        return files
    add_later(files, config, STATE.late)
    add_generated_files(files, config, out, False)
    return files


def _late_files(config) -> dict:
    """The exports and the feed: 0.8 s of a 10,000-event build."""
    out = dict(_exports(site(config)))
    out.update(generated.feed_file(site(config), STATE.pages, config.site_name, config.site_url,
                                   bool(config.use_directory_urls)))
    return out


def _write_late(config) -> None:
    """Write the files on_files promised (while serving, ledger_site/preview.py places them, and
    the files on_files kept back, keeping on disk those an edit left as they were)."""
    if not STATE.late:
        return
    made = _late_files(config)
    if set(made) != set(STATE.late):
        raise PluginError(f"the generated files {sorted(set(made) ^ set(STATE.late))} were not promised or not made")
    if STATE.serving:
        add_generated_files(STATE.files, config, {**STATE.early, **made}, True)
        STATE.late, STATE.files, STATE.early = (), None, {}
        return
    for dest in STATE.late:
        path = Path(config.site_dir, *dest.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        data = made[dest]
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    STATE.late = ()


# -- pages ----------------------------------------------------------------------------------------------
def ledger_edit_url(config) -> str | None:
    if not config.repo_url:
        return None
    path = (config.extra or {}).get("ledger_edit_path", "edit/main/data/events.yaml")
    return urljoin(config.repo_url.rstrip("/") + "/", path)


def on_page_context(context, page, config, nav):
    if page.meta.get(generated.GENERATED_META):
        page.edit_url = ledger_edit_url(config)
    return context


def on_env(env):
    """Every page's content is made (mkdocs calls this between making the pages' content and
    rendering the theme around them): the search index can be built.  Compiled theme templates
    are reused from the last build (ledger_site/templatecache.py)."""
    if STATE.indexer is not None and not STATE.dirty:
        STATE.indexer.seal()
    env.bytecode_cache = TEMPLATE_CACHE
    return env


# -- site search ---------------------------------------------------------------------------------------
def search_enabled(config) -> bool:
    """Whether this build has a site search (SITE_SEARCH=false turns it off, see mkdocs.yml)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return plugin is not None and bool(getattr(plugin.config, "enabled", True))


def on_pre_build(config, dirty: bool = False):
    """Start this build's Pagefind index (ledger_site/sitesearch.py) when the site has a search.
    `dirty`: mkdocs writes only the pages whose source changed (`--dirty`)."""
    _close_indexer()
    STATE.dirty = dirty
    if search_enabled(config):
        STATE.indexer = Indexer()


def on_page_markdown(markdown, page, config):
    """The theme's own search indexes no page: Pagefind does (on_page_content).  The theme's search
    plugin stays for its search box, and writes an index with no pages in it."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_page_content(html_text, page, config):
    """Give the page's content to the search index as soon as it is made (mkdocs makes every
    page's content before it renders the theme around any of them), then cut from it what only
    the index reads: the figures table's spanned cells (ledger/render/figures.py, shared_cells),
    which a `--dirty` build, whose index reads the written pages, does not find."""
    if STATE.indexer is not None and not STATE.dirty:
        STATE.indexer.add_page(html_text, page.title or config.site_name, page.url)
    return figures.for_readers(html_text)


def on_post_build(config):
    """Write the search index to <site>/pagefind/ once every page is in it (with `--dirty`, read
    from the site folder, where the pages this build did not write are still)."""
    indexer, STATE.indexer = STATE.indexer, None
    _write_late(config)  # while Pagefind builds the index, in its own process (sealed in on_env)
    if indexer is not None:
        if STATE.dirty:  # the pages (the theme's 404.html is not one, with directory URLs)
            indexer.add_written(config.site_dir, "**/index.html" if config.use_directory_urls else "**/*.html",
                                figures.shared_back)
        indexer.finish(str(Path(config.site_dir) / SEARCH_DIR))
    if STATE.serving:
        build_ends()


def _close_indexer():
    indexer, STATE.indexer = STATE.indexer, None
    if indexer is not None:
        indexer.close()


def on_build_error(error):
    _close_indexer()
    if STATE.serving:
        build_ends()


def on_serve(server, config, builder):
    # the ledger and its archives may live outside the folders listed under watch:
    server.watch(str(ledger_path(config).resolve().parent))
    poll_often(getattr(server, "observer", None))
    return server


def dataset_jsonld(ctx) -> str:
    """The data page's schema.org Dataset (ledger/render/jsonld.py): the site's name as creator; the
    files' and the page's addresses absolute when the site's URL is known, else relative."""
    base = STATE.config.site_url
    url = (lambda path: urljoin(base, path)) if base else ctx.links.file
    page = urljoin(base, ctx.links.current) if base else None
    return jsonld.script(jsonld.dataset(ctx.index, STATE.config.site_name, url, page))


# the macros each page may call: name -> (renderer, is it a block?)
MACROS = {**RENDERERS, "dataset_jsonld": (dataset_jsonld, True)}
