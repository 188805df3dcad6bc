"""The glossary: one YAML file of terms, shown as a page and as definitions of abbreviations."""
from __future__ import annotations

from . import schema, yamlfile
from .catalog import Catalog, _check_languages
from .errors import ContentError, Problem

FILE = "glossary.yml"


class Glossary:
    def __init__(self, terms: list[dict], default_language: str):
        self.terms, self.default = terms, default_language

    def _in(self, value: dict, lang: str) -> str:
        return value.get(lang) or value[self.default]

    def entries(self, lang: str) -> list[tuple[str, str, str]]:
        """(id, term, definition) in ``lang``, alphabetically."""
        rows = [(t["id"], self._in(t["term"], lang), self._in(t["definition"], lang)) for t in self.terms]
        return sorted(rows, key=lambda row: row[1].casefold())

    def abbreviations(self, lang: str) -> str:
        """Markdown abbreviation lines ('*[DSA]: …') for the terms marked 'abbr: true'."""
        lines = []
        for t in self.terms:
            if t.get("abbr"):
                definition = " ".join(self._in(t["definition"], lang).split())
                lines.append(f"*[{self._in(t['term'], lang)}]: {definition}")
        return "\n".join(lines)


def load(catalog: Catalog) -> Glossary:
    site = catalog.site
    path = site.directory / FILE
    shown = path.relative_to(site.root).as_posix()
    doc, problems = yamlfile.load(path, shown)
    if doc is None:
        raise ContentError(problems)
    problems += schema.check(doc, schema.validator(site.directory / "schemas", "glossary"))
    if not problems:
        problems += _check_languages(doc, doc.data, (), site)
        seen: dict[str, int] = {}
        for index, term in enumerate(doc.data["terms"]):
            if term["id"] in seen:
                problems.append(Problem(shown, doc.line_of(("terms", index, "id")), f"terms[{index}].id",
                                        f"the id '{term['id']}' is already used by terms[{seen[term['id']]}].",
                                        "give each term its own id"))
            seen.setdefault(term["id"], index)
    if problems:
        raise ContentError(problems)
    return Glossary(doc.data["terms"], site.default_language)
