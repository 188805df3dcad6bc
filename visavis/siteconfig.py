"""The few site settings the core needs, read from ``mkdocs.yml`` so they are written in one place."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its ``!!python/name`` or ``!ENV`` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: tuple[str, ...]          # every language the site builds, default first
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


def read(root: Path) -> SiteConfig:
    """Languages from the i18n plugin section; ``extra.complete_languages`` lists the mandatory ones."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    langs = sorted(i18n["languages"], key=lambda lang: not lang.get("default", False))
    codes = tuple(lang["locale"] for lang in langs)
    complete = tuple(config.get("extra", {}).get("complete_languages", codes[:1]))
    chapters = tuple(item for section in config.get("nav", []) if isinstance(section, dict)
                     for items in section.values() if isinstance(items, list)
                     for item in items if isinstance(item, str) and item.startswith("guide/"))
    return SiteConfig(root, codes, {lang["locale"]: lang["name"] for lang in langs}, complete, chapters)
