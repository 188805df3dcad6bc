"""The text a person would read: from an HTML page (selectolax), or from each entry of an RSS or
Atom feed (feedparser). Scripts, styles, forms and navigation are left out."""

from __future__ import annotations

from dataclasses import dataclass

import feedparser
from selectolax.lexbor import LexborHTMLParser

MAX_TEXT = 20_000  # characters kept per item: enough for an article and its comments
_DROP = "script, style, noscript, template, svg, iframe, form, nav, header, footer"
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, q, td, th, figcaption, pre, dd, dt, article, section, div"


@dataclass
class Piece:
    url: str
    title: str
    text: str


def html_piece(url: str, html: str) -> Piece:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else ""
    for node in tree.css(_DROP):
        node.decompose()
    body = tree.body or tree.root
    # One line per block, so a quotation or a negation in one paragraph does not reach the next.
    if body is None:
        return Piece(url, title, "")
    for node in body.css(_BLOCKS + ", br"):
        node.insert_before("\n")
    lines = [" ".join(line.split()) for line in body.text(separator="").splitlines()]
    return Piece(url, title, "\n".join(line for line in lines if line)[:MAX_TEXT])


def feed_pieces(feed_url: str, body: bytes) -> list[Piece]:
    # feedparser is given bytes already fetched: it makes no request of its own.
    parsed = feedparser.parse(body)
    pieces = []
    for entry in parsed.entries:
        summary = entry.get("summary", "") or ""
        content = " ".join(c.get("value", "") for c in entry.get("content", []) or [])
        text = html_piece(feed_url, f"<body><p>{summary}</p><div>{content}</div></body>").text
        title = " ".join((entry.get("title") or "").split())
        pieces.append(Piece(entry.get("link") or feed_url, title, "\n".join(x for x in (title, text) if x)[:MAX_TEXT]))
    return pieces
