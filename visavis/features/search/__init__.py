"""Search in the readers' own words: a search page per language (its own index, French or Dutch
stemming, accents ignored, the readers' vocabulary), an A–Z page of the site's topics for readers
without JavaScript, and a link to both in every page's header.

The index is made from the built pages (index.py) by the adapter after rendering; the browser
searches it with lunr and the lunr-languages stemmers (assets/vendor/), the same code online and
in the offline pack opened from file://. See scripts/search-quality for the figures."""

from __future__ import annotations

import re

from ... import render
from .. import Feature as _Feature
from .. import Page
from . import index as index_mod
from . import vocabulary as vocabulary_mod
from .vocabulary import fold

SEARCH_PAGE, AZ_PAGE = "search/index.md", "search/a-z.md"
INDEX_FILE = "search-index.js"  # beside the search page of each language
NOT_INDEXED = {"search"}  # the search page itself (the A–Z page is a fine result)


def site_id(source: str) -> str:
    """'guide/law.md' -> 'guide/law', 'teachers/index.md' -> 'teachers', 'index.md' -> ''."""
    stem = source[: -len(".md")] if source.endswith(".md") else source
    return "" if stem == "index" else stem.removesuffix("/index")


class Feature(_Feature):
    name = "search"
    assets = (
        "vendor/lunr.min.js",
        "vendor/lunr.stemmer.support.min.js",
        "vendor/lunr.fr.min.js",
        "vendor/lunr.nl.min.js",
        "search.js",
        "search.css",
    )
    requires = ("safety",)  # the A–Z page shows the minors' warning (it lists "screenshots")

    def __init__(self, site):
        super().__init__(site)
        self.sources = self._page_sources()
        self.vocabulary = vocabulary_mod.load(site.catalog, set(self.sources))
        terms = site.feature("glossary").data.terms
        for lang in site.languages:
            self.vocabulary[lang] = self.vocabulary.get(lang, []) + vocabulary_mod.from_glossary(
                terms, lang, site.config.default_language
            )

    def _page_sources(self) -> dict[str, str]:
        """Every page of the site: site id -> source path (hand-written and generated)."""
        docs = self.site.config.root / "docs" / self.site.config.default_language
        sources = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
        for feature in self.site.features.values():
            sources |= set(feature.pages())
        sources |= {SEARCH_PAGE, AZ_PAGE}
        return {site_id(s): s for s in sources}

    def pages(self):
        return {
            SEARCH_PAGE: Page(self, "search.html", None, "directory/vocabulary/"),
            AZ_PAGE: Page(self, "a-z.html", None, "directory/vocabulary/"),
        }

    def render_page(self, path, page, ctx):
        if path == SEARCH_PAGE:
            return render.page("search.html", ctx, az=ctx.link(AZ_PAGE), index=INDEX_FILE, root=ctx.file_link("."))
        letters = self.topics(ctx)
        words = " ".join(label for _, topics in letters for label, _ in topics)
        return render.page(
            "a-z.html", ctx, letters=letters, notices=self.site.feature("safety").notices_for(ctx, words)
        )

    def header_link(self, lang: str, href: str) -> str:
        """The header's link to the search page (the adapter places it and gives its address)."""
        return render.fragment("header-link.html", render.PageContext(self.site.catalog, lang, ""), href=href)

    # The A–Z page ------------------------------------------------------------------------------

    def titles(self, lang: str) -> dict[str, str]:
        """The title of each hand-written page and directory entry in ``lang``: site id -> title."""
        config, titles = self.site.config, {}
        for sid, source in self.sources.items():
            for folder in (lang, config.default_language):
                file = config.root / "docs" / folder / source
                if file.exists():
                    heading = re.search(r"(?m)^# (.+)$", file.read_text(encoding="utf-8"))
                    if heading:
                        titles[sid] = heading.group(1).strip()
                    break
        directory = self.site.feature("directory")
        for kind in ("organisation", "recourse", "platform"):
            for entry in self.site.catalog.of(kind):
                field = "name" if "name" in entry.data else "title"
                titles[site_id(directory.path_of(entry))] = entry.text(field, lang, config.default_language)[0]
        return titles

    def topics(self, ctx) -> list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]:
        """[(letter, [(topic, [(page title, link)])])]: every page by its title, every need of the
        vocabulary by the site's word for it, every glossary term."""
        titles = self.titles(ctx.lang)
        topics: dict[str, list[tuple[str, str]]] = {}

        def add(label: str, sid: str, anchor: str = "") -> None:
            if sid in titles:
                link = (titles[sid], ctx.link(self.sources[sid], anchor))
                if link not in topics.setdefault(label, []):
                    topics[label].append(link)

        for sid, title in titles.items():
            add(title, sid)
        for words in self.vocabulary[ctx.lang]:
            for sid in words.pages:
                if sid != "guide/glossary":
                    add(words.means[0][:1].upper() + words.means[0][1:], sid)
        for term_id, term, _ in self.site.feature("glossary").data.entries(ctx.lang):
            add(term, "guide/glossary", term_id)
        letters: dict[str, list] = {}
        for label in sorted(topics, key=lambda t: (fold(t), t)):
            first = (fold(label)[:1] or "#").upper()
            letters.setdefault(first if first.isalpha() else "#", []).append((label, topics[label]))
        return sorted(letters.items())

    # The index (made by the adapter from the built pages) --------------------------------------

    def index_script(self, lang: str, pages: dict[str, index_mod.Entry]) -> str:
        """The language's index, from its built pages (site id -> entry)."""
        index_mod.add_keywords(pages, self.vocabulary[lang])
        return index_mod.script(lang, list(pages.values()), self.vocabulary[lang])
