"""The theme's markup as the hooks leave it (ledger_site/theme_markup.py): its templates'
indentation cut outside the article, the article as the ledger's renderers made it."""
from __future__ import annotations

import re

from ledger_site.theme_markup import compact_chrome


def test_pages_carry_no_template_indentation_outside_their_article(site):
    for path in site.html_files():
        text = path.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.rfind("</article>")
        outside = text[:start] + text[end:] if start >= 0 else text
        runs = re.findall(r"[ \t\r\n]{2,}", outside)
        assert not runs, f"{path.relative_to(site.root)}: {len(runs)} runs of white space outside the article"


def test_cutting_indentation_changes_no_text_and_leaves_the_article_alone():
    page = ("<html>\n  <body>\n    <nav>  <a href='/'>Home</a>\n\n  </nav>\n"
            "<article><pre>  keep\n    this</pre>  and  this</article>\n  <footer>  end  </footer>\n</html>")
    compact = compact_chrome(page)
    assert "<article><pre>  keep\n    this</pre>  and  this</article>" in compact
    assert compact.startswith("<html>\n<body>\n<nav> <a href='/'>Home</a>\n</nav>\n<article>")
    assert re.sub(r"\s+", " ", compact) == re.sub(r"\s+", " ", page)
    no_article = "<p>a  b</p>\n   <pre>  x  </pre>"
    assert compact_chrome(no_article) == no_article  # a <pre> outside any article: left as it is


def test_the_theme_files_no_page_loads_are_not_written_and_those_pages_load_are(site):
    from urllib.parse import urljoin

    from ledger_site.sitesearch import THEME_UNUSED

    written = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()}
    assert not [w for w in written if THEME_UNUSED.fullmatch(w)]
    for rel, page in site.pages():
        base = "/" + rel
        for tag, attr in (("script", "src"), ("link", "href")):
            for el in page.find_all(tag, attrs={attr: True}):
                url = urljoin(base, el[attr]).split("?")[0].split("#")[0]
                if url.startswith("/") and not url.startswith("//") and "." in url.rsplit("/", 1)[-1]:
                    assert url[1:] in written, f"{rel}: <{tag} {attr}={el[attr]!r}> is not in the site"
