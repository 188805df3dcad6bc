"""The readers' own words (directory/vocabulary/<language>.yml): what people type, mapped to the
site's words, and the pages that serve each need. The glossary's terms are added to it: a reader
who types an abbreviation's meaning also finds the abbreviation, and the other way round."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ... import schema, yamlfile
from ...catalog import Catalog, in_language
from ...errors import ContentError, Problem

FOLDER = "vocabulary"


@dataclass
class Words:
    say: list[str]
    means: list[str]
    pages: list[str]


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces (apostrophes and hyphens split
    words, as the browser's search does with the query): 'Captures d'Écran' -> 'captures d ecran'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def load(catalog: Catalog, known_pages: set[str]) -> dict[str, list[Words]]:
    """Each language's vocabulary, checked (schema, then every page named must exist), with the
    glossary's terms added; raise ContentError with file, line and field."""
    site = catalog.site
    check = schema.validator(site.directory / "schemas", "vocabulary")
    out: dict[str, list[Words]] = {}
    problems: list[Problem] = []
    for lang in site.languages:
        path = site.directory / FOLDER / f"{lang}.yml"
        shown = path.relative_to(site.root).as_posix()
        if not path.exists():
            out[lang] = []
            continue
        doc, found = yamlfile.load(path, shown)
        if doc is not None:
            found += schema.check(doc, check)
        if not found:
            for i, item in enumerate(doc.data["words"]):
                for j, page in enumerate(item.get("pages", [])):
                    if page.strip("/") not in known_pages:
                        found.append(
                            Problem(
                                shown,
                                doc.line_of(("words", i, "pages", j)),
                                f"words[{i}].pages[{j}]",
                                f"there is no page '{page}' on the site.",
                                "write a page's address without the language, such as 'guide/law' or "
                                "'directory/recourse/police-complaint'",
                            )
                        )
        problems += found
        if not found:
            out[lang] = [
                Words(item["say"], item["means"], [p.strip("/") for p in item.get("pages", [])])
                for item in doc.data["words"]
            ]
    if problems:
        raise ContentError(problems)
    return out


def from_glossary(terms: list[dict], lang: str, default: str) -> list[Words]:
    """An abbreviation and its meaning find each other: 'pv' <-> 'Procès-verbal'."""
    words = []
    for term in terms:
        name = in_language(term["term"], lang, default)[0]
        meaning = re.split(r"\s*[:(]", in_language(term["definition"], lang, default)[0], maxsplit=1)[0]
        if name and meaning and fold(name) != fold(meaning) and len(meaning) <= 80:
            words.append(Words([name], [meaning], ["guide/glossary"]))
            words.append(Words([meaning], [name], []))
    return words
