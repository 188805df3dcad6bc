"""What is not yet translated, per language: pages, pages older than their French original, and
texts in the data files. Used by scripts/translation-status."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .catalog import is_text
from .settings import SiteConfig


@dataclass
class Status:
    lang: str
    missing_pages: list[str] = field(default_factory=list)
    stale_pages: list[tuple[str, str, str]] = field(default_factory=list)  # page, its date, French date
    missing_texts: list[tuple[str, str]] = field(default_factory=list)  # file, field

    @property
    def complete(self) -> bool:
        return not (self.missing_pages or self.stale_pages or self.missing_texts)


def status(site: SiteConfig) -> list[Status]:
    docs = site.root / "docs"
    source = docs / site.default_language
    pages = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.md"))
    results = []
    for lang in site.languages[1:]:
        result = Status(lang)
        for page in pages:
            translated = docs / lang / page
            if not translated.exists():
                result.missing_pages.append(page)
                continue
            original_date, translated_date = _last_change(site.root, source / page), _last_change(site.root, translated)
            if is_older(translated_date, original_date):
                result.stale_pages.append((page, translated_date[:10], original_date[:10]))
        for path in sorted(site.directory.rglob("*.y*ml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            shown = path.relative_to(site.root).as_posix()
            result.missing_texts += [(shown, where) for where in _missing(data, lang, "")]
        results.append(result)
    return results


def _missing(value, lang: str, where: str):
    """Field paths of translated texts (groups with an 'fr' line) that lack ``lang``."""
    if is_text(value):
        if lang not in value:
            yield where or "(file)"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _missing(item, lang, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _missing(item, lang, f"{where}[{index}]")


def is_older(translated: str | None, original: str | None) -> bool:
    """Whether a translation was last changed before its original, comparing moments: commit dates
    carry their author's time zone ('2026-11-25T10:00:00+01:00'), so their text does not sort."""
    if not (translated and original):
        return False
    return dt.datetime.fromisoformat(translated) < dt.datetime.fromisoformat(original)


def _last_change(root: Path, path: Path) -> str | None:
    """ISO date of the last commit that touched ``path`` (None when not committed yet)."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", str(path)], cwd=root, capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None
