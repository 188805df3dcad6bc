"""The case file's data: capture advice and the tracker's steps (directory/case-file.yml), and the
letters (directory/letters/, see visavis/letters.py), checked together: every step names a route
of the directory and, where it has one, a letter; the ladder (if_refused) leads to known steps."""

from __future__ import annotations

from dataclasses import dataclass

from ... import letters as letters_mod
from ...catalog import Catalog, duplicate_ids, load_file
from ...errors import ContentError, Problem

FILE = "case-file.yml"


@dataclass
class CaseFile:
    data: dict
    letters: dict[str, letters_mod.Letter]

    @property
    def stages(self) -> list[dict]:
        return self.data["stages"]

    def letters_for(self, route: str) -> list[letters_mod.Letter]:
        return [letter for letter in self.letters.values() if letter.data["route"] == route]


def load(catalog: Catalog) -> CaseFile:
    doc = load_file(catalog.site, FILE, "case-file")
    letters = letters_mod.load_letters(catalog.site)
    routes = set(catalog.entries.get("recourse", {}))
    letters_mod.check_routes(letters, routes)
    problems = duplicate_ids(doc, "stages")
    stage_ids = {s["id"] for s in doc.data["stages"]}
    for index, stage in enumerate(doc.data["stages"]):
        for name, known, what in (
            ("route", routes, "recourse route"),
            ("letter", set(letters), "letter in directory/letters/"),
            ("if_refused", stage_ids, "step of this file"),
        ):
            value = stage.get(name)
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(("stages", index, name)),
                        f"stages[{index}].{name}",
                        f"no {what} has the id '{value}'.",
                        "known: " + ", ".join(sorted(known)),
                    )
                )
    if problems:
        raise ContentError(problems)
    # the letters in the order of the steps that use them (the platform first), then the others
    order = [s["letter"] for s in doc.data["stages"] if s.get("letter")]
    ranked = sorted(letters.values(), key=lambda x: (order.index(x.id) if x.id in order else len(order), x.id))
    return CaseFile(doc.data, {letter.id: letter for letter in ranked})
