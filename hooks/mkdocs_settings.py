"""The site settings the core needs, read from mkdocs.yml (the generator's configuration, so they
are written in one place): the languages, which must be complete, and the guide's chapters in
reading order. Used by the MkDocs hook and by the scripts and tests, which run without MkDocs."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visavis.settings import SiteConfig  # noqa: E402


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its ``!!python/name`` or ``!ENV`` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read(root: Path = ROOT) -> SiteConfig:
    """Languages from the i18n plugin section; ``extra.complete_languages`` lists the mandatory ones."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    langs = sorted(i18n["languages"], key=lambda lang: not lang.get("default", False))
    codes = tuple(lang["locale"] for lang in langs)
    complete = tuple(config.get("extra", {}).get("complete_languages", codes[:1]))
    chapters = tuple(
        item
        for section in config.get("nav", [])
        if isinstance(section, dict)
        for items in section.values()
        if isinstance(items, list)
        for item in items
        if isinstance(item, str) and item.startswith("guide/")
    )
    return SiteConfig(root, codes, {lang["locale"]: lang["name"] for lang in langs}, complete, chapters)
