"""HTML articles: the main text as blocks, plus title and publication date.

Why resiliparse's DOM with our own rules (figures in ``benchmarks/RESULTS.md``): its
lexbor parser is the fastest we measured and stays fast on hostile markup (100k-deep
nesting parses in milliseconds where selectolax's lexbor build needs seconds), while our
rules keep what the claim pipeline needs and generic extractors flatten: a bullet list of
trusts stays one ``- item`` per line and a table row becomes ``cell | cell``, also when the
page built its table from ``<div>`` cells (:mod:`.celltables`). Boilerplate
(navigation, cookie banners, related stories, comments, donation appeals) is recognised
from tags, ARIA roles, class/id words and a few tell-tale phrases.

The walk over the tree is iterative and capped, so deep or gigantic pages cost bounded
time and no recursion.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from resiliparse.parse.html import DOMNode, HTMLTree, NodeType

from ..dates import iso_from_match
from ..errors import ErrorCode, SourceError
from .base import Reading
from .celltables import flattened_tables
from .chrome import INLINE_LABEL
from .text import looks_binary, normalise_text

MAX_NODES = 250_000
"""Walk at most this many DOM nodes (a long article has ~20k); a page past it is refused
as too large rather than silently truncated."""

_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
    "select", "textarea", "input", "nav", "aside", "footer", "object", "embed", "video", "audio",
    "picture", "img", "map", "dialog", "head", "menu",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "blockquote", "pre", "address", "dl", "dt",
    "dd", "figure", "figcaption", "center", "details", "summary", "hr", "ul", "ol", "table",
    "caption", "thead", "tbody", "tfoot", "body", "html", "fieldset", "legend",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOX_TAGS = frozenset({"div", "section", "aside", "article", "blockquote", "details"})
_DROP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar",
})
_BOILER_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent",
    "gdpr", "related", "recommended", "recommendations", "readmore", "trending", "popular", "mostread",
    "comment", "comments", "disqus", "share", "sharing", "social", "newsletter", "subscribe",
    "subscription", "signup", "donate", "donation", "donations", "promo", "advert", "advertisement",
    "ad", "ads", "sponsor", "sponsored", "sidebar", "footer", "masthead", "paywall", "modal", "popup",
    "skip", "tags", "topics", "outbrain", "taboola", "byline", "author", "feedback", "rating",
})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_RELATED_HEADING = re.compile(
    r"^(related|read more|more on this|more from|more stories|most read|most popular|latest news"
    r"|you may also like|you might also like|see also|recommended|further reading|comments?\b)",
    re.I,
)
_APPEAL = re.compile(
    r"^(dear reader|support (our|independent|quality) journalism|please (consider )?(donate|support)"
    r"|we use cookies|this (web)?site uses cookies|accept (all )?cookies|sign up to|subscribe to our"
    r"|become a (member|subscriber|supporter)|is this page useful|\d+ (people|users) found this)",
    re.I,
)
_TEASER_CHARS = 320  # a teaser paragraph is a label and a headline
_BR = "\u2028"  # stands for <br> while runs of whitespace are collapsed
_APPEAL_BOX_CHARS = 800
_SPACES = re.compile(r"(?:[^\S\u2028]|\u200b)+")  # any Unicode space but our <br> mark
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "article.published",
)
_TITLE_META = ("og:title", "twitter:title", "dc.title")


def sniff_charset(data: bytes, declared: str = "") -> str:
    """The encoding to try first: BOM, then the HTTP/WARC declaration, then ``<meta charset>``.

    Pages labelled latin-1/ASCII are decoded as cp1252, as browsers do (WHATWG Encoding).
    Returns "" when nothing is declared.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    candidate = declared
    if not candidate:
        match = _META_CHARSET.search(data[:8192])
        candidate = match.group(1).decode("ascii", "ignore") if match else ""
    try:
        name = codecs.lookup(candidate).name if candidate else ""
    except LookupError:
        return ""
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return name


def _utf16_without_bom(data: bytes) -> str:
    """Spot BOM-less UTF-16 from its NULs between ASCII letters; "" when it is not that."""
    head = data[:4096]
    if len(head) < 8:
        return ""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 4 and even < len(head) // 40:
        return "utf-16-le"
    if even > len(head) // 4 and odd < len(head) // 40:
        return "utf-16-be"
    return ""


def decode_html(data: bytes, declared: str = "") -> str:
    """Decode a page honestly: declared charset if it works, else UTF-8, else cp1252."""
    if not data.strip():
        raise SourceError(ErrorCode.EMPTY)
    first = sniff_charset(data, declared) or _utf16_without_bom(data)
    if not first.startswith("utf-16") and looks_binary(data):
        raise SourceError(ErrorCode.BINARY)
    for enc in dict.fromkeys(e for e in (first, "utf-8") if e):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def _words(node: DOMNode) -> set[str]:
    raw = f"{node.getattr('class') or ''} {node.getattr('id') or ''}".lower()
    return set(_WORD_SPLIT.split(raw)) if raw.strip() else set()


def _is_boilerplate(node: DOMNode, tag: str, in_article: bool) -> bool:
    if tag in _DROP_TAGS:
        return True
    if tag == "header" and not in_article:
        return True
    if node.hasattr("hidden") or (node.getattr("aria-hidden") or "") == "true":
        return True
    style = node.getattr("style")
    if style and "none" in style and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style):
        return True
    if (node.getattr("role") or "").lower() in _DROP_ROLES:
        return True
    return bool(_words(node) & _BOILER_WORDS)


@dataclass
class _Block:
    kind: str  # "p", "h", "li", "tr"
    text: str
    box: int  # id of the nearest enclosing container, to drop appeal boxes whole
    group: int  # the list or table it belongs to, so its lines stay together


class _Walker:
    """Turns a DOM subtree into text blocks in one iterative pass."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.buf: list[str] = []
        self.prefix = ""
        self.kind = "p"
        self.cells: list[str] | None = None  # the cells of the row being read, in row mode
        self.visited = 0
        self.numbers: dict[int, int] = {}
        self.serial = 0

    def flush(self, box: int, group: int) -> None:
        raw = "".join(self.buf)
        if self.kind == "pre":  # preformatted text keeps its layout (aligned columns)
            text = "\n".join(line.rstrip() for line in raw.replace(_BR, "\n").split("\n") if line.strip())
        else:
            text = _SPACES.sub(" ", raw).replace(_BR, "\n")
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
        self.buf = []
        if text:
            self.blocks.append(_Block(self.kind, self.prefix + text, box, group))
        self.prefix, self.kind = "", "p"

    def walk(self, root: DOMNode, in_article: bool) -> list[_Block]:
        # Entries are (node, box, group, listing, is_root) or an exit marker (None, tag, box, group).
        # A node's next sibling is pushed before its children, so siblings are never listed
        # all at once (a body with a million children costs no more than a deep one).
        stack: list[tuple] = [(root, 0, 0, "", True)]
        while stack:
            node, *rest = stack.pop()
            if node is None:
                self._leave(*rest)
                continue
            self.visited += 1
            if self.visited > MAX_NODES:
                raise SourceError(ErrorCode.TOO_LARGE, f"more than {MAX_NODES} HTML nodes")
            box, group, listing, is_root = rest
            if not is_root and node.next is not None:
                stack.append((node.next, box, group, listing, False))
            ntype = node.type
            if ntype == NodeType.TEXT:
                if self.cells is not None:
                    self.cells[-1] += node.text
                else:
                    self.buf.append(node.text)
                continue
            if ntype != NodeType.ELEMENT:
                continue
            tag = node.tag
            if tag == "br":
                if self.cells is not None:
                    self.cells[-1] += " "
                else:
                    self.buf.append(_BR)
                continue
            if not is_root and _is_boilerplate(node, tag, in_article or tag in ("article", "main")):
                if tag in ("td", "th") and self.cells is not None:
                    self.cells.append("")
                continue
            exit_tag, box, group, listing = self._enter(tag, box, group, listing)
            if exit_tag:
                stack.append((None, exit_tag, box, group))
            if node.first_child is not None:
                stack.append((node.first_child, box, group, listing, False))
        self.flush(0, 0)
        return self.blocks

    def _enter(self, tag: str, box: int, group: int, listing: str) -> tuple[str, int, int, str]:
        """Open ``node``: flush what came before; return (exit tag or "", box, group, listing)."""
        if self.cells is not None:  # inside a table row everything is cell text
            if tag in ("td", "th"):
                self.cells.append("")
            elif tag in _BLOCK_TAGS or tag == "li":
                self.cells[-1] += " "
            return "", box, group, listing
        if tag == "tr":
            self.flush(box, group)
            self.cells = []
            return tag, box, group, listing
        if tag == "li":
            self.flush(box, group)
            self.kind, self.prefix = "li", self._bullet(listing, group)
            return tag, box, group, listing
        if tag in _BLOCK_TAGS:
            self.flush(box, group)
            self.serial += 1  # DOM wrappers are transient, so containers are numbered instead
            if tag in _BOX_TAGS:
                box = self.serial
            if tag in ("ul", "ol", "table"):
                group = self.serial
                listing = {"ul": "- ", "ol": "#"}.get(tag, listing)
            if tag in _HEADINGS:
                self.kind = "h"
            elif tag == "pre":
                self.kind = "pre"
            return tag, box, group, listing
        return "", box, group, listing

    def _bullet(self, listing: str, group: int) -> str:
        """``- `` for bullet lists, ``1. ``, ``2. `` ... for numbered ones."""
        if listing != "#":
            return "- "
        self.numbers[group] = self.numbers.get(group, 0) + 1
        return f"{self.numbers[group]}. "

    def _leave(self, tag: str, box: int, group: int) -> None:
        if tag == "tr":
            cells = [_SPACES.sub(" ", c).strip() for c in self.cells or []]
            self.cells = None
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                self.blocks.append(_Block("tr", " | ".join(cells), box, group))
            return
        if tag == "li" and self.kind != "li":
            # the item held nested blocks; its trailing text still belongs to the list
            self.kind, self.prefix = "li", ""
        self.flush(box, group)


def _clean_blocks(blocks: list[_Block]) -> list[_Block]:
    """Drop related-story sections and appeal boxes that tag/class rules did not catch.

    An appeal ("Dear reader, ...") that opens a short container takes the container with
    it (its "Donate" button text and the like); elsewhere only the appeal itself goes.
    """
    first: dict[int, _Block] = {}
    chars: dict[int, int] = {}
    for block in blocks:
        first.setdefault(block.box, block)
        chars[block.box] = chars.get(block.box, 0) + len(block.text)
    dropped_boxes = {box for box, block in first.items()
                     if box and _APPEAL.match(block.text) and chars[box] <= _APPEAL_BOX_CHARS}
    kept: list[_Block] = []
    related_box: int | None = None
    for block in blocks:
        if block.kind == "h":
            related_box = block.box if _RELATED_HEADING.match(block.text) else None
            if related_box is not None:
                continue
        elif related_box is not None and block.box == related_box:
            continue
        if block.box in dropped_boxes or _APPEAL.match(block.text):
            continue
        if INLINE_LABEL.match(block.text) and len(block.text) <= _TEASER_CHARS:
            continue  # 'READ MORE: X trust placed in segment 4', a teaser in the story's own column
        kept.append(block)
    return kept


def _join(blocks: list[_Block]) -> str:
    parts: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            prev = blocks[i - 1]
            rows = ("li", "tr")
            same_group = block.kind == prev.kind and block.kind in rows and block.group == prev.group
            introduced = prev.text.endswith(":") and block.kind in rows and prev.kind not in rows
            parts.append("\n" if same_group or introduced else "\n\n")
        parts.append(block.text)
    return "".join(parts)


def _rebuilt_tables(blocks: list[_Block]) -> list[_Block]:
    """Tables the page laid out one cell per block (``<div>`` grids) as rows again."""
    found = flattened_tables([b.text for b in blocks])
    if not found:
        return blocks
    out: list[_Block] = []
    done = 0
    for first, end, rows in found:
        out += blocks[done:first]
        group = -(first + 1)  # its own group, apart from the numbered containers
        out += [_Block("tr", row, blocks[first].box, group) for row in rows]
        done = end
    return out + blocks[done:]


def _main_root(tree: HTMLTree) -> tuple[DOMNode, bool]:
    """The element holding the article: the longest ``<article>``/``<main>`` if substantial."""
    body = tree.body
    best, best_len = None, 0
    for selector in ("article", "main", "[role=main]", "[itemprop=articleBody]"):
        for node in body.query_selector_all(selector):
            length = len(node.text)
            if length > best_len:
                best, best_len = node, length
    if best is not None and best_len >= 200:
        return best, True
    return body, False


def _headline_outside(tree: HTMLTree, root: DOMNode) -> list[_Block]:
    """The page's <h1> when it sits above the article element, as many sites place it.

    Headlines carry claims ("Four trusts placed in segment 4"), so losing them matters.
    """
    heading = tree.body.query_selector("h1")
    if heading is None or root.contains(heading):
        return []
    node = heading.parent
    for _ in range(64):  # a logo in <header><h1> is the site's name, not a headline
        if node is None or node.tag == "body":
            break
        if _is_boilerplate(node, node.tag, in_article=False):
            return []
        node = node.parent
    text = _SPACES.sub(" ", heading.text).strip()
    return [_Block("h", text, 0, 0)] if text else []


def _iso_date(value: str) -> str:
    return iso_from_match(_ISO_DATE.search(value or ""))


def _metadata(tree: HTMLTree) -> tuple[str, str, str]:
    """(title, published, url) from meta tags, JSON-LD, ``<time>``, ``<title>`` and the
    canonical link."""
    metas: dict[str, str] = {}
    for meta in tree.document.query_selector_all("meta"):
        key = (meta.getattr("property") or meta.getattr("name") or meta.getattr("itemprop") or "").lower()
        if key and key not in metas:
            metas[key] = (meta.getattr("content") or "").strip()
    title = next((metas[k] for k in _TITLE_META if metas.get(k)), "") or (tree.title or "").strip()
    if not title:
        heading = tree.body.query_selector("h1") if tree.body else None
        title = heading.text.strip() if heading else ""
    published = next((d for k in _DATE_META if (d := _iso_date(metas.get(k, "")))), "")
    if not published:
        for script in tree.document.query_selector_all('script[type="application/ld+json"]'):
            match = _LD_DATE.search(script.text)
            if match and (published := _iso_date(match[1])):
                break
    if not published:
        for node in tree.document.query_selector_all("[itemprop=datePublished], time[datetime]"):
            published = _iso_date(node.getattr("datetime") or node.getattr("content") or "")
            if published:
                break
    return _SPACES.sub(" ", title).strip(), published, _page_url(tree, metas)


_ABSOLUTE = re.compile(r"^https?://[^/\s]+", re.I)


def _page_url(tree: HTMLTree, metas: dict[str, str]) -> str:
    """The address a page gives for itself: ``<link rel=canonical>``, else ``og:url``.

    Only an absolute http(s) URL counts: a relative one says nothing about the site.
    """
    for link in tree.document.query_selector_all("link[rel]"):
        if "canonical" in (link.getattr("rel") or "").lower().split():
            href = (link.getattr("href") or "").strip()
            if _ABSOLUTE.match(href):
                return href
    og = metas.get("og:url", "")
    return og if _ABSOLUTE.match(og) else ""


def read_html(data: bytes, charset: str = "") -> Reading:
    """Return ``(text, title, published, url)``: main-text blocks separated by blank lines,
    and the page's own address (its canonical link or ``og:url``).

    ``charset`` is the encoding declared outside the page (HTTP or WARC headers), if any.
    """
    page = decode_html(data, charset)
    try:
        tree = HTMLTree.parse(page)
    except Exception as exc:  # lexbor refusing input is rare; report it, do not crash
        raise SourceError(ErrorCode.HTML_UNPARSABLE, repr(exc)) from exc
    if tree.body is None:
        raise SourceError(ErrorCode.HTML_UNPARSABLE, "no <body>")
    title, published, url = _metadata(tree)
    root, in_article = _main_root(tree)
    blocks = _rebuilt_tables(_clean_blocks(_Walker().walk(root, in_article)))
    if in_article:
        blocks = _headline_outside(tree, root) + blocks
    text = normalise_text(_join(blocks))
    if not text.strip():
        raise SourceError(ErrorCode.NO_CONTENT)
    return Reading(text, title, published, url)
