"""How the generated files (exports, feed) reach the site folder.  A build writes the exports and
the feed at its end (add_later: mkdocs is told of them first).  While serving, this module keeps
the generated files an edit left as they were on disk across rebuilds, instead of deleting and
writing them all each time.

Every build first empties the site folder (mkdocs' clean), then writes every file again: the
exports of a 10,000-event ledger are over 20 MB (and when each figure had two citation files,
writing them was most of a preview's time).  While serving, this module moves the folders that hold only generated files aside before
the clean (into a folder whose name starts with a dot, which the clean leaves alone), moves them
back after it, and writes only the files whose bytes differ from the last build's, deleting the
ones the ledger no longer produces.  Correctness never rests on the trick: it knows the bytes of
every file it wrote, keeps a file only when the new bytes are equal, and forgets a folder that
did not come back (a clean that removed it, a failed build) so that everything in it is written
afresh.  A plain `mkdocs build` writes every file the usual way.
"""
from __future__ import annotations

import os
import shutil

from mkdocs.structure.files import File

ASIDE = ".ledger-preview-kept"  # in the site folder; mkdocs' clean skips names that start with "."


class _Kept:
    site_dir = None      # the site folder the record is about
    written: dict = {}   # dest ("data/figures.csv") -> the bytes this module wrote there
    tops: set = set()    # first path parts (folders, or files at the root) holding only written files
    moved: set = set()   # those moved aside before this build's clean


KEPT = _Kept()


class _InPlace(File):
    """A generated file this module has already written where it belongs: mkdocs copies nothing."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _top(dest: str) -> str:
    return dest.split("/", 1)[0]


def before_clean(site_dir: str) -> None:
    """Move the folders holding only generated files aside, out of reach of the clean."""
    if KEPT.site_dir != site_dir:
        KEPT.site_dir, KEPT.written, KEPT.tops = site_dir, {}, set()
    aside = os.path.join(site_dir, ASIDE)
    KEPT.moved = set()
    for top in KEPT.tops:
        src, dst = os.path.join(site_dir, top), os.path.join(aside, top)
        if os.path.lexists(dst):  # left aside by a build that failed before putting it back
            if not os.path.lexists(src):
                KEPT.moved.add(top)
                continue
            _remove(dst)
        if os.path.lexists(src):
            os.makedirs(aside, exist_ok=True)
            os.rename(src, dst)
            KEPT.moved.add(top)


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _ours(content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else bytes(content)


def add_files(files, config, generated: dict, serving: bool) -> None:
    """Add the generated files (dest -> str or bytes) to the build.  While serving, each file whose
    bytes are those already on disk stays as it is; the others are written here, and mkdocs is
    told the file is in place."""
    if not serving:
        for dest, content in generated.items():
            files.append(File.generated(config, dest, content=content))
        return
    site_dir = config.site_dir
    aside = os.path.join(site_dir, ASIDE)
    if KEPT.site_dir != site_dir:  # before_clean did not run for this folder
        KEPT.site_dir, KEPT.written, KEPT.tops, KEPT.moved = site_dir, {}, set(), set()
    restored = set()
    for top in KEPT.moved:
        src, dst = os.path.join(aside, top), os.path.join(site_dir, top)
        if os.path.lexists(src) and not os.path.lexists(dst):
            os.rename(src, dst)
            restored.add(top)
    if os.path.lexists(aside):
        shutil.rmtree(aside, ignore_errors=True)
    # what is on disk now: the files written into a folder that came back, nothing else
    on_disk = {d: b for d, b in KEPT.written.items() if _top(d) in restored}
    KEPT.written = {}
    new = {dest: _ours(content) for dest, content in generated.items()}
    for top in restored:  # what the ledger no longer produces, or this module did not write, goes
        _prune(site_dir, top, new)
    # a folder (or root file) is kept next time only when nothing but these files lands in it
    others = {_top(f.dest_uri) for f in files}
    for dest, data in new.items():
        path = os.path.join(site_dir, *dest.split("/"))
        if on_disk.get(dest) != data:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(data)
        KEPT.written[dest] = data
        files.append(_InPlace.generated(config, dest, abs_src_path=path))
    KEPT.tops = {_top(d) for d in new} - others


def add_later(files, config, dests) -> None:
    """Tell mkdocs of files the build writes itself at its end (ledger_site/wiring.py on_post_build),
    so that links to them are known; mkdocs copies nothing for them."""
    for dest in dests:
        files.append(_InPlace.generated(config, dest, abs_src_path=os.path.join(config.site_dir, *dest.split("/"))))


def _prune(site_dir: str, top: str, keep: dict) -> None:
    """Delete what lies in a restored folder beyond the files this module writes there."""
    root = os.path.join(site_dir, top)
    if not os.path.isdir(root):
        if top not in keep:
            _remove(root)
        return
    for folder, dirs, names in os.walk(root):
        rel = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        for name in names:
            if f"{rel}/{name}" not in keep:
                os.unlink(os.path.join(folder, name))
