"""Problems found in content files, reported in words a contributor can act on."""

from __future__ import annotations

from dataclasses import dataclass

# Messages are in English; language names as a contributor reads them there.
LANGUAGE_NAMES = {"fr": "French", "nl": "Dutch", "de": "German", "en": "English"}


def dotted(where: tuple) -> str:
    """A field path as a contributor reads it: ('contacts', 0, 'value') -> 'contacts[0].value'."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file: where it is, what is wrong, and how to fix it when that is obvious."""

    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" field '{self.field}':" if self.field else ""
        text = f"{where}:{field} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentError(Exception):
    """Raised when content files have problems; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found in the content files:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])
