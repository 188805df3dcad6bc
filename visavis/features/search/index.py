"""The search index of one language, made from the built pages (what readers see): for each page
its address, title, section, a snippet, and its words folded (lower case, no accents) for the
browser's search; with the vocabulary. Written as a script file (not JSON) so that the offline
pack, opened from file:// where the browser fetches nothing, can load it with a <script> tag."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .vocabulary import Words, fold

SNIPPET = 180  # characters of the first paragraph shown under a result
# Blocks repeated on many pages (the warning about images of minors, the disclaimer, the UNESCO
# sentence, sources, other entries' cards): indexed, they make every page match their words.
REPEATED = {"vav-warning", "vav-disclaimer", "vav-categories-origin", "vav-sources", "vav-cards", "vav-checked"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Entry:
    url: str
    title: str
    section: str
    snippet: str
    headings: str
    body: str
    keywords: list[str] = field(default_factory=list)


class _Article(HTMLParser):
    """Title, headings, first paragraph and all the text of a page's article."""

    SKIP = frozenset({"script", "style", "template", "button", "svg"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.headings, self.paragraphs, self.text = [], [], [], []
        self._stack: list[tuple[str, bool]] = []  # open elements, and whether each is left out

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self._stack.append((tag, tag in self.SKIP or bool(classes & REPEATED)))
        if tag == "p":
            self.paragraphs.append([])

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self._stack):
            while self._stack and self._stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if any(skipped for _, skipped in self._stack):
            return
        self.text.append(data)
        tags = {tag for tag, _ in self._stack}
        if "h1" in tags:
            self.title.append(data)
        elif tags & {"h2", "h3", "h4"}:
            self.headings.append(data)
        if "p" in tags and self.paragraphs:
            self.paragraphs[-1].append(data)


def entry(url: str, article_html: str, section: str, fallback_title: str) -> Entry:
    parser = _Article()
    parser.feed(article_html)
    parser.close()
    title = " ".join("".join(parser.title).split()) or fallback_title
    first = next((" ".join("".join(p).split()) for p in parser.paragraphs if len("".join(p).split()) > 4), "")
    snippet = first if len(first) <= SNIPPET else first[: SNIPPET - 1].rsplit(" ", 1)[0] + " …"
    # each word once, sorted: a third of the size of the text gzipped; the title, headings and the
    # readers' words (boosted fields) rank the pages, the text only has to contain the word
    body = " ".join(sorted(set(fold(" ".join(parser.text)).split())))
    return Entry(url, title, section, snippet, fold(" ".join(parser.headings)), body)


def script(lang: str, entries: list[Entry], words: list[Words]) -> str:
    """The index as a script: window.vavSearchIndex = {...}."""
    data = {
        "lang": lang,
        "pages": [
            {
                "u": e.url,
                "t": e.title,
                "s": e.section,
                "d": e.snippet,
                "k": " ".join(e.keywords),
                "h": e.headings,
                "b": e.body,
            }
            for e in entries
        ],
        # reader's words (folded) -> the site's words the search also looks for
        "v": [[fold(say), fold(" ".join(w.means))] for w in words for say in w.say],
    }
    return "window.vavSearchIndex=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


def add_keywords(entries: dict[str, Entry], words: list[Words]) -> None:
    """The readers' words of each need go with the pages that serve it (site path -> entry)."""
    for w in words:
        for page in w.pages:
            if page in entries:
                entries[page].keywords += [fold(x) for x in w.say + w.means]
