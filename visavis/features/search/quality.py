"""How well a search box answers the readers' own words, measured in a real browser.

The query sets (tests/search/queries.<lang>.yml) list searches as people type them, each with the
pages that answer it. A *driver* types each query into a site's real search box (one page per
language, the box cleared between queries) and reads the result links in order. Used by
scripts/search-quality (figures, any engine: the theme's, Pagefind's, the site's) and by the tests
(the site's engine, online and in the offline pack).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[3]
QUERIES = ROOT / "tests" / "search"
TOP = 5


@dataclass
class Query:
    text: str
    expect: list[str]


@dataclass
class Outcome:
    query: Query
    pages: list[str]  # site paths of the results, in order ('' is the home page)
    other_language: list[str] = field(default_factory=list)  # results in another language

    @property
    def rank(self) -> int | None:
        """Position (from 1) of the first expected page among the results, if any."""
        return next((i + 1 for i, page in enumerate(self.pages) if page in self.query.expect), None)

    @property
    def passed(self) -> bool:
        return self.rank is not None and self.rank <= TOP and not self.other_language


def load_queries(lang: str, name: str = "queries") -> list[Query]:
    """A query set: 'queries' (the tested one) or 'held-out' (written apart from the vocabulary,
    never used to tune it: the honest figure)."""
    rows = yaml.safe_load((QUERIES / f"{name}.{lang}.yml").read_text(encoding="utf-8"))
    return [Query(str(row["query"]), [str(p).strip("/") for p in row["expect"]]) for row in rows]


def site_path(url: str, root: str, languages: list[str], default: str) -> tuple[str, str]:
    """(language, site path) of a result address: 'http://h/nl/guide/law/' -> ('nl', 'guide/law')."""
    path = unquote(urlsplit(url)._replace(query="", fragment="").geturl())
    root = unquote(root)
    if not path.startswith(root):
        return "?", path
    rest = path[len(root) :]
    lang = default
    head, _, tail = rest.partition("/")
    if head in languages and head != default:
        lang, rest = head, tail
    for suffix in ("index.html", ".html"):
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)]
            break
    return lang, rest.strip("/")


def summary(outcomes: list[Outcome]) -> dict:
    """recall@5 (share of queries with an expected page in the first five and no other-language
    result), mean reciprocal rank (of the first expected page, 0 when absent)."""
    n = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "passed": sum(o.passed for o in outcomes),
        "recall@5": sum(o.passed for o in outcomes) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
        "other_language": sum(bool(o.other_language) for o in outcomes),
    }


def gz_size(path: Path) -> int:
    """Bytes of a file once gzipped as a static host serves it (level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


# Drivers: how to type into one engine's search box and read its results ------------------------


class Driver:
    """Types queries into a search box on an opened page and returns the result addresses."""

    name = ""

    def open(self, page, url: str) -> None:
        page.goto(url)

    def search(self, page, text: str) -> list[str]:
        raise NotImplementedError


class ThemeDriver(Driver):
    """Material for MkDocs' search dialog (lunr in a worker): results arrive asynchronously, so we
    wait until the list stops changing."""

    name = "theme (Material, lunr)"

    def open(self, page, url: str) -> None:
        page.goto(url)
        page.locator(".md-header__button[for='__search']").first.click()

    def search(self, page, text: str) -> list[str]:
        return _typed(page, "input.md-search__input", text, ".md-search-result__list > .md-search-result__item > a")


class PagefindDriver(Driver):
    """Pagefind's default UI on a page of the language (its results replace each other as you type)."""

    name = "Pagefind"

    def search(self, page, text: str) -> list[str]:
        return _typed(page, ".pagefind-ui__search-input", text, ".pagefind-ui__result-link")


def _typed(page, box: str, text: str, links: str) -> list[str]:
    """Type ``text`` into ``box`` and return the result links once they stop changing (engines
    that answer asynchronously, without a sign of which query they answered)."""
    page.locator(box).fill("")
    page.locator(box).press_sequentially(text)
    previous, stable = None, 0
    for _ in range(60):
        page.wait_for_timeout(100)
        current = page.eval_on_selector_all(links, "els => els.map(a => a.href)")
        stable = stable + 1 if current == previous else 0
        previous = current
        if stable >= 3:
            break
    return previous or []


class SiteDriver(Driver):
    """The site's own search page: its script marks the results list with the query it answered."""

    name = "site (search feature)"

    def search(self, page, text: str) -> list[str]:
        box = page.locator("#vav-search-input")
        box.fill("")
        box.press_sequentially(text)
        page.wait_for_function(
            "q => document.getElementById('vav-search-results').dataset.query === q", arg=text, timeout=5000
        )
        return page.eval_on_selector_all("#vav-search-results a.vav-search__link", "els => els.map(a => a.href)")


def run(
    page, driver: Driver, url: str, root: str, lang: str, languages: list[str], default: str, name: str = "queries"
) -> list[Outcome]:
    """Every query of ``lang`` typed into one opened page; the results as site paths."""
    driver.open(page, url)
    outcomes = []
    for query in load_queries(lang, name):
        pages, other = [], []
        for href in driver.search(page, query.text):
            result_lang, path = site_path(href, root, languages, default)
            if result_lang != lang:
                other.append(href)
            if path not in pages:
                pages.append(path)
        outcomes.append(Outcome(query, pages, other))
    return outcomes
