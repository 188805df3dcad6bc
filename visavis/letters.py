"""Letter templates (directory/letters/<id>.yml): drafts a person sends to a platform, the public
prosecutor, Unia, the Institute, a data controller or the BIPT, each with its legal basis and sources.

The case file fills them in the browser from the evidence log (its script reads the same texts from
the page); without JavaScript each letter is a page with blanks; the monitor (scripts/monitor) fills
the DSA notice for a confirmed item. This module is the one description of what a letter may say:
the fields below, and how a placeholder is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import yamlfile
from .catalog import in_language, load_file
from .errors import ContentError, Problem
from .settings import SiteConfig

FOLDER = "letters"
# What a letter may ask to be filled in, in the order a form asks for it. {field} in a text.
FIELDS = (
    "name",
    "email",
    "postal_address",
    "place",
    "today",
    "platform",
    "url",
    "account",
    "seen_at",
    "description",
    "evidence_list",
    "reference",
    "decision_date",
    "ground",
)
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
# The texts that may hold placeholders.
FILLED = ("subject", "body")


@dataclass(frozen=True)
class Letter:
    id: str
    data: dict
    path: str  # as shown to contributors: directory/letters/dsa-notice.yml

    def text(self, name: str, lang: str, default_lang: str = "fr"):
        return in_language(self.data.get(name), lang, default_lang)[0]

    def fields(self) -> list[str]:
        """The fields the letter uses, in the order of FIELDS."""
        used = {m.group(1) for name in FILLED for text in self.data[name].values() for m in PLACEHOLDER.finditer(text)}
        return [f for f in FIELDS if f in used]


def load_letters(settings: SiteConfig) -> dict[str, Letter]:
    """Every letter of directory/letters/, checked like every single data file (syntax, schema,
    every language: catalog.load_file), then for known placeholders and id = file name. Raises
    ContentError listing the problems of all the files."""
    problems: list[Problem] = []
    letters: dict[str, Letter] = {}
    for path in sorted((settings.directory / FOLDER).glob("*.yml")):
        try:
            doc = load_file(settings, f"{FOLDER}/{path.name}", "letter")
        except ContentError as err:
            problems += err.problems
            continue
        found = _check_letter(doc, path.stem)
        problems += found
        if not found:
            letters[doc.data["id"]] = Letter(doc.data["id"], doc.data, doc.path)
    if problems:
        raise ContentError(problems)
    return letters


def check_routes(letters: dict[str, Letter], routes: set[str]) -> None:
    """Each letter serves a recourse route of the directory."""
    problems = [
        Problem(
            letter.path,
            None,
            "route",
            f"no recourse route has the id '{letter.data['route']}'.",
            f"known routes: {', '.join(sorted(routes))}",
        )
        for letter in letters.values()
        if letter.data["route"] not in routes
    ]
    if problems:
        raise ContentError(problems)


def _check_letter(doc: yamlfile.YamlDocument, stem: str) -> list[Problem]:
    problems = []
    if doc.data["id"] != stem:
        problems.append(
            Problem(doc.path, doc.line_of(("id",)), "id", f"the id '{doc.data['id']}' is not the file name.", stem)
        )
    for name in FILLED:
        for lang, text in doc.data[name].items():
            for match in PLACEHOLDER.finditer(text):
                if match.group(1) not in FIELDS:
                    line = doc.line_of((name, lang))
                    problems.append(
                        Problem(
                            doc.path,
                            line,
                            f"{name}.{lang}",
                            f"unknown placeholder '{match.group(0)}'.",
                            "the placeholders are: " + ", ".join("{" + f + "}" for f in FIELDS),
                        )
                    )
    for index, field in enumerate(doc.data.get("required", [])):
        if field not in FIELDS:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(("required", index)),
                    f"required[{index}]",
                    f"'{field}' is not a field a letter can use.",
                    "one of: " + ", ".join(FIELDS),
                )
            )
    return problems


def fill(letter: Letter, lang: str, values: dict[str, str], blank=lambda field: f"[{field}]") -> str:
    """The letter as plain text: its subject line, a blank line, then its body. A field without a
    value becomes ``blank(field)`` (a visible gap the person fills in)."""

    def one(match: re.Match) -> str:
        value = (values.get(match.group(1)) or "").strip()
        return value if value else blank(match.group(1))

    subject = PLACEHOLDER.sub(one, letter.text("subject", lang)).strip()
    body = PLACEHOLDER.sub(one, letter.text("body", lang)).strip()
    return f"{subject}\n\n{body}\n"
