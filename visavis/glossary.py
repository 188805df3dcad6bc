"""The glossary: one YAML file of terms, shown as a page and as definitions of abbreviations."""
from __future__ import annotations

from functools import lru_cache

from .catalog import Catalog, duplicate_ids, in_language, load_file
from .errors import ContentError

FILE = "glossary.yml"


class Glossary:
    def __init__(self, terms: list[dict], default_language: str):
        self.terms, self.default = terms, default_language

    def _in(self, value: dict, lang: str) -> str:
        return in_language(value, lang, self.default)[0]

    def entries(self, lang: str) -> list[tuple[str, str, str]]:
        """(id, term, definition) in ``lang``, alphabetically."""
        rows = [(t["id"], self._in(t["term"], lang), self._in(t["definition"], lang)) for t in self.terms]
        return sorted(rows, key=lambda row: row[1].casefold())

    @lru_cache(maxsize=None)  # appended to every page: made once per language
    def abbreviations(self, lang: str) -> str:
        """Markdown abbreviation lines ('*[DSA]: …') for the terms marked 'abbr: true'."""
        lines = []
        for t in self.terms:
            if t.get("abbr"):
                definition = " ".join(self._in(t["definition"], lang).split())
                lines.append(f"*[{self._in(t['term'], lang)}]: {definition}")
        return "\n".join(lines)


def load(catalog: Catalog) -> Glossary:
    doc = load_file(catalog.site, FILE, "glossary")
    problems = duplicate_ids(doc, "terms")
    if problems:
        raise ContentError(problems)
    return Glossary(doc.data["terms"], catalog.site.default_language)
