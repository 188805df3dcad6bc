"""The few site settings the core needs. The adapter reads them from the generator's configuration
(hooks/mkdocs_settings.py reads mkdocs.yml) and hands them over: the core never reads that file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: tuple[str, ...]  # every language the site builds, default first
    language_names: dict
    complete_languages: tuple[str, ...]  # languages in which every text must exist
    guide_chapters: tuple[str, ...] = ()  # the guide's pages in reading order (from the nav)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def prefix(self, lang: str) -> str:
        """Where a language lives in the built site: '' for the default one, 'nl/' for Dutch."""
        return "" if lang == self.default_language else f"{lang}/"

    @property
    def directory(self) -> Path:
        return self.root / "directory"
