"""The glossary: one YAML file of terms, shown as a page and as definitions of abbreviations."""

from __future__ import annotations

import re
from html import escape

from ...catalog import Catalog, duplicate_ids, in_language, load_file
from ...errors import ContentError

FILE = "glossary.yml"
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Where an abbreviation is never explained: code, scripts, and text already inside an <abbr>.
_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea", "abbr", "title"}


class Glossary:
    def __init__(self, terms: list[dict], default_language: str):
        self.terms, self.default = terms, default_language
        self._patterns: dict[str, tuple] = {}  # per language: made once, the site has few languages

    def _in(self, value: dict, lang: str) -> str:
        return in_language(value, lang, self.default)[0]

    def entries(self, lang: str) -> list[tuple[str, str, str]]:
        """(id, term, definition) in ``lang``, alphabetically."""
        rows = [(t["id"], self._in(t["term"], lang), self._in(t["definition"], lang)) for t in self.terms]
        return sorted(rows, key=lambda row: row[1].casefold())

    def mark_abbreviations(self, html: str, lang: str) -> str:
        """Wrap each abbreviation of the glossary ('abbr: true') found in the text of ``html`` in
        <abbr title="definition">, which the theme shows when the word is hovered or tapped.

        Done on the HTML, not in Markdown (the old '*[DSA]: …' lines), so that no text from the
        data file is ever parsed as Markdown. Written by hand because it is a small tokenizer over
        the page's own, well-formed HTML: text between tags is matched, tags and code are not."""
        if lang not in self._patterns:
            definitions = {
                self._in(t["term"], lang): " ".join(self._in(t["definition"], lang).split())
                for t in self.terms
                if t.get("abbr")
            }
            words = "|".join(re.escape(w) for w in sorted(definitions, key=len, reverse=True))
            self._patterns[lang] = (re.compile(rf"(?<![\w-])({words})(?![\w-])") if definitions else None, definitions)
        pattern, definitions = self._patterns[lang]
        if pattern is None:
            return html
        out, skipping = [], []
        for part in _TAG.split(html):
            tag = _TAG_NAME.match(part) if part.startswith("<") else None
            if tag and tag.group(2).lower() in _SKIP and not part.endswith("/>"):
                name = tag.group(2).lower()
                if tag.group(1):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                else:
                    skipping.append(name)
            if part.startswith("<") or skipping:
                out.append(part)
            else:
                out.append(
                    pattern.sub(lambda m: f'<abbr title="{escape(definitions[m.group(1)])}">{m.group(1)}</abbr>', part)
                )
        return "".join(out)


def load(catalog: Catalog) -> Glossary:
    doc = load_file(catalog.site, FILE, "glossary")
    problems = duplicate_ids(doc, "terms")
    if problems:
        raise ContentError(problems)
    return Glossary(doc.data["terms"], catalog.site.default_language)
