"""HTML building blocks: escaping, the URL allowlist, links relative to the current page.

Every string that comes from the ledger goes through `esc` (text and attribute values alike)
before it is joined into markup; nothing here trusts its input.  No mkdocs import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

_CODE_RUNS = re.compile(r"\{[^{}\s]*(?:\s[^{}]*)?\}|[\w$%-]*\d(?:[\w$%-]|[.,:/](?=\w))*")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def esc(value) -> str:
    """Escape text for an HTML text node or a double- or single-quoted attribute value (what
    html.escape(text, quote=True) gives, written out: a page calls this hundreds of thousands of times)."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


_NAMES: dict = {}  # keyword -> attribute name (data_figure -> data-figure)


def attrs(**pairs) -> str:
    """' a="1" b="2"' from keyword pairs (trailing '_' stripped, '_' -> '-'); None and False are
    left out, and True gives a bare boolean attribute (' selected'), which takes no value in HTML."""
    out = []
    for key, value in pairs.items():
        if value is None or value is False:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


def safe_url(url) -> str | None:
    """The URL when it is an absolute http(s) address with a host and no spaces or control
    characters; None otherwise (javascript:, data:, relative, protocol-relative, …)."""
    if not isinstance(url, str) or not url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def external_link(url, inner_html: str, cls: str = "external") -> str:
    """An external link (rel="noopener noreferrer"), or the bare inner HTML when the URL is not
    allowed: a refused URL never becomes a live link."""
    good = safe_url(url)
    if good is None:
        return inner_html
    return f'<a{attrs(class_=cls, href=good, rel="noopener noreferrer")}>{inner_html}</a>'


def code_digits(text: str) -> str:
    """Escape technical text (not ledger prose) and set every run holding a digit, and every
    {token} example, in <code>, so that they read as literal syntax."""
    out, pos = [], 0
    for m in _CODE_RUNS.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append(f"<code>{esc(m.group(0))}</code>")
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def text_fragment(url: str, quote_text: str) -> str | None:
    """The URL with a text fragment (#:~:text=…) that opens the original at the quoted words;
    long quotes use textStart,textEnd.  None when the URL is not allowed."""
    good = safe_url(url)
    if good is None:
        return None
    words = quote_text.split()
    if not words:
        return good

    def enc(s: str) -> str:
        # '-', ',' and '&' are syntax inside a text directive: percent-encode them as well
        return quote(s, safe="").replace("-", "%2D")

    if len(words) > 12:
        directive = enc(" ".join(words[:5])) + "," + enc(" ".join(words[-5:]))
    else:
        directive = enc(" ".join(words))
    base = good.split("#", 1)[0]
    return f"{base}#:~:text={directive}"


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page being rendered (its mkdocs `url`, e.g. 'chronology/2022/')."""
    current: str = ""
    directory_urls: bool = True

    @property
    def root(self) -> str:
        return "../" * self.current.count("/")

    def page(self, name: str) -> str:
        """URL of a page named like its source without '.md' ('' is the home page, 'figures',
        'chronology/2022', 'chronology/index')."""
        if name in ("", "index"):
            target = "" if self.directory_urls else "index.html"
        elif name.endswith("/index"):
            stem = name[: -len("/index")]
            target = f"{stem}/" if self.directory_urls else f"{stem}/index.html"
        else:
            target = f"{name}/" if self.directory_urls else f"{name}.html"
        if target == self.current:
            return ""
        return self.root + target if target else (self.root or "./")

    def file(self, path: str) -> str:
        """URL of a file published with the site (e.g. 'data/ledger.json')."""
        return self.root + path

    def anchor(self, page: str, anchor: str) -> str:
        return f"{self.page(page)}#{anchor}"


def headerlink(anchor: str, label: str = "Permanent link") -> str:
    return f'<a class="headerlink"{attrs(href="#" + anchor, aria_label=label)}>&para;</a>'


def ul(items, cls: str | None = None) -> str:
    items = list(items)
    if not items:
        return ""
    return f"<ul{attrs(class_=cls)}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def dl(pairs) -> str:
    pairs = [(k, v) for k, v in pairs if v]
    if not pairs:
        return ""
    return '<dl class="facts">' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"
