"""`ledger archive`: a saved page's main text becomes sources/ID.txt (no navigation, sidebar or
footer), and the printed record carries the file's SHA-256 and the page's publisher, headline,
date and address.  The pages are written for these tests (tests/ledger/pages/), not copied news."""
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.archive import Archive, normalize

PAGES = Path(__file__).resolve().parent / "pages"


def archive(*args, cwd):
    return subprocess.run([sys.executable, "-m", "ledger", "archive", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "events.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    return tmp_path


def test_writes_the_main_text_and_prints_the_record(folder):
    done = archive(str(PAGES / "article.html"), "--id", "gazette-2026-02-ferry", "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 0, done.stderr
    path = folder / "sources" / "gazette-2026-02-ferry.txt"
    text = path.read_text(encoding="utf-8")
    assert "The harbour authority said on Sunday that the morning ferry will leave at a later hour from next week" in text
    assert "remain valid until the end of the season." in text
    for chrome in ("menu", "Footer text", "footer link", "Sidebar story", "Related stories", "Subscribe"):
        assert chrome not in text, chrome
    # as the engine reads archives: a paragraph a line, whitespace collapsed, typography kept
    assert "after passengers asked" in text and "\u201cnearly 400\u201d" in text
    assert text.endswith("\n") and "\n\n\n" not in text and "  " not in text
    assert Archive("x", str(path), text, normalize(text)).find_all("312 passengers used the early crossing")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = done.stdout
    assert f"    archive_sha256: {digest}\n" in out
    assert "    archive: sources/gazette-2026-02-ferry.txt\n" in out
    assert '    publisher: "The Example Gazette"\n' in out
    assert '    title: "Harbour ferry timetable changes for the winter"\n' in out
    assert "    published: 2026-02-08\n" in out
    assert re.search(r'    published_basis: ".*metadata.*htmldate', out)
    assert '    url: "https://news.example.org/2026/02/harbour-ferry-timetable"   # from the page\'s canonical link\n' in out
    assert "    language: en\n" in out


def test_refuses_to_overwrite_an_archive(folder):
    args = (str(PAGES / "article.html"), "--id", "gazette-2026-02-ferry", "--ledger", "events.yaml")
    assert archive(*args, cwd=folder).returncode == 0
    path = folder / "sources" / "gazette-2026-02-ferry.txt"
    path.write_text("kept\n", encoding="utf-8")
    done = archive(*args, cwd=folder)
    assert done.returncode == 2 and "already exists" in done.stderr
    assert path.read_text(encoding="utf-8") == "kept\n"


def test_a_given_url_wins_and_usage_errors_exit_2(folder):
    done = archive(str(PAGES / "article.html"), "--id", "gazette-ferry", "--url", "https://example.org/ferry",
                   "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 0 and '    url: "https://example.org/ferry"\n' in done.stdout
    for args, words in [(("--id", "Bad_Id"), "not a kebab-case id"),
                        (("--id", "x", "--url", "javascript:alert(1)"), "not an http(s) address"),
                        (("--id", "y", "--fetch", "file:///etc/passwd"), None)]:
        page = () if "--fetch" in args else (str(PAGES / "article.html"),)
        done = archive(*page, *args, "--ledger", "events.yaml", cwd=folder)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        if words:
            assert words in done.stderr
    done = archive("--id", "z", "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 2 and "either a saved page or --fetch" in done.stderr
    done = archive(str(folder / "missing.html"), "--id", "z", "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 2 and "cannot read" in done.stderr


def test_a_page_without_article_text_exits_1(folder, tmp_path):
    page = tmp_path / "empty.html"
    # a page whose article a script would load: nothing to archive
    page.write_text("<html><head><title>Loading</title></head><body><div id='app'></div>"
                    "<script>load('/api/article')</script></body></html>", encoding="utf-8")
    done = archive(str(page), "--id", "empty-page", "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 1 and "no article text" in done.stderr
    assert not (folder / "sources" / "empty-page.txt").exists()


def test_hostile_metadata_reaches_the_terminal_escaped(folder, tmp_path):
    html = (PAGES / "article.html").read_text(encoding="utf-8")
    html = html.replace('content="The Example Gazette"', 'content="The Gazette&#x1b;[2J&#x202e;"')
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    done = archive(str(page), "--id", "hostile-page", "--ledger", "events.yaml", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "publisher:" in done.stdout
