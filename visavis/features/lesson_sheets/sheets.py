"""Lesson sheets: Markdown pages whose front matter describes the lesson (ages, duration,
objectives…), checked at build time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ... import schema, yamlfile
from ...catalog import Catalog
from ...errors import ContentError, Problem

SHEETS = "teachers"  # docs/<lang>/teachers/<sheet>.md
NOT_SHEETS = {"index.md", "exercise.md"}


@dataclass
class Sheet:
    path: str  # 'teachers/counter-speech.md'
    lang: str
    title: str
    description: str
    meta: dict  # the 'sheet:' group

    @property
    def ages(self) -> list[int]:
        return list(range(self.meta["age_min"], self.meta["age_max"] + 1))


def load_sheets(catalog: Catalog) -> dict[str, list[Sheet]]:
    """Every lesson sheet per language; a missing or wrong front-matter field is a ContentError."""
    site = catalog.site
    check = schema.validator(site.directory / "schemas", "lesson-sheet")
    sheets, problems = {}, []
    for lang in site.languages:
        folder = site.root / "docs" / lang / SHEETS
        sheets[lang] = []
        for path in sorted(folder.glob("*.md")) if folder.exists() else []:
            if path.name in NOT_SHEETS:
                continue
            shown = path.relative_to(site.root).as_posix()
            doc, found = _front_matter(path, shown)
            problems += found
            if doc is None:
                continue
            found = schema.check(doc, check)
            if not found:
                for index, chapter in enumerate(doc.data["sheet"]["chapters"]):
                    # a chapter not yet translated is shown in French: that still counts
                    if not any(
                        (site.root / "docs" / code / chapter).exists() for code in (lang, site.default_language)
                    ):
                        found.append(
                            Problem(
                                shown,
                                doc.line_of(("sheet", "chapters", index)),
                                f"sheet.chapters[{index}]",
                                f"there is no page docs/{lang}/{chapter}.",
                                "use a guide chapter such as guide/understanding.md",
                            )
                        )
                if doc.data["sheet"]["age_min"] > doc.data["sheet"]["age_max"]:
                    found.append(
                        Problem(
                            shown,
                            doc.line_of(("sheet", "age_min")),
                            "sheet.age_min",
                            "age_min is larger than age_max.",
                            "write the youngest age first",
                        )
                    )
            problems += found
            if not found:
                sheets[lang].append(
                    Sheet(f"{SHEETS}/{path.name}", lang, doc.data["title"], doc.data["description"], doc.data["sheet"])
                )
    if problems:
        raise ContentError(problems)
    return sheets


def _front_matter(path: Path, shown: str):
    """The YAML between the first two '---' lines, with line numbers of the Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        return None, [
            Problem(
                shown,
                1,
                "",
                "the lesson sheet has no front matter (the lines between two '---' at the top).",
                "copy the first lines of another sheet in the same folder and adapt them",
            )
        ]
    end = 1 + [line.strip() for line in lines[1:]].index("---")
    return yamlfile.parse("\n".join(lines[1:end]) + "\n", shown, first_line=2)
