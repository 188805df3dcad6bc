"""The guide: every chapter in both languages with the same structure, a title and a description
on every page, every internal link and anchor resolving, and French shown with a notice where a
translation is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import ROOT, copy_project, load_site, run_build

SITE = load_site()
LANGS = SITE.languages
CHAPTERS = [
    "guide/right-now.md",
    "guide/understanding.md",
    "guide/law.md",
    "guide/reacting.md",
    "guide/witnesses.md",
    "guide/parents.md",
    "guide/school.md",
    "guide/work.md",
    "guide/after-reporting.md",
    "guide/protecting.md",
    "guide/safe-browsing.md",
    "guide/glossary.md",
    "self-assessment/how-it-decides.md",
    "about/index.md",
    "about/accessibility.md",
    "about/privacy.md",
    "about/contribute.md",
]
IN_BRIEF = {"fr": "En bref", "nl": "In het kort"}
WHERE_NEXT = {"fr": "Et maintenant ?", "nl": "En nu?"}


def headings(path: Path) -> list[str]:
    """The heading levels of a Markdown page, in order ('##', '###'…), outside code blocks."""
    text = re.sub(r"(?ms)^```.*?^```", "", path.read_text(encoding="utf-8"))
    return re.findall(r"(?m)^(#{1,6}) ", text)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_exists_in_every_language_with_the_same_structure(chapter):
    reference = headings(ROOT / "docs" / SITE.config.default_language / chapter)
    for lang in LANGS[1:]:
        translated = ROOT / "docs" / lang / chapter
        assert translated.exists(), f"docs/{lang}/{chapter} is missing"
        assert headings(translated) == reference, f"{lang}/{chapter}: headings differ from French"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if c.startswith("guide/")])
def test_every_chapter_opens_with_in_brief_and_ends_with_where_next(built_site, lang, chapter):
    prefix = SITE.config.prefix(lang)
    html = (built_site / prefix / chapter.replace(".md", "/index.html")).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert 'class="admonition abstract"' in article and IN_BRIEF[lang] in article
    last_h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", article)[-1]
    assert WHERE_NEXT[lang] in re.sub(r"<[^>]+>", "", last_h2)


def test_the_guide_has_at_least_8000_words_per_language():
    for lang in LANGS:
        words = sum(len((ROOT / "docs" / lang / c).read_text(encoding="utf-8").split()) for c in CHAPTERS)
        assert words >= 8000, (lang, words)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.title, self.description = set(), [], "", None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = {p: parse(p) for p in built_site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("//", "tel:", "mailto:")):
                continue
            base = built_site if parts.path.startswith("/") else path.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} → {href}")
            elif parts.fragment and target.suffix == ".html":
                ids = (pages.get(target) or parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site)} → {href} (no such anchor)")
    assert broken == [], "\n".join(broken[:40])


def test_no_page_lacks_a_title_or_its_own_description(built_site):
    defaults = dict(_site_descriptions())
    for path in built_site.rglob("*.html"):
        if path.name == "404.html":
            continue
        page = parse(path)
        assert page.title.strip() and not page.title.strip().startswith("-"), path
        assert page.description, path
        assert page.description not in defaults.values(), f"{path}: only the site's default description"


def _site_descriptions() -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    out = {LANGS[0]: config["site_description"]}
    out.update({lang["locale"]: lang["site_description"] for lang in i18n["languages"] if lang.get("site_description")})
    return out


def test_a_page_missing_in_dutch_is_shown_in_french_with_a_notice_in_dutch(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/nl/guide/witnesses.md").unlink()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/nl/guide/witnesses/index.html").read_text(encoding="utf-8")
    french_title = re.search(
        r"(?m)^# (.+)$", (project / "docs/fr/guide/witnesses.md").read_text(encoding="utf-8")
    ).group(1)
    assert french_title in html
    assert SITE.catalog.label("nl", "ui", "page_untranslated_notice") in html
    status = subprocess.run([sys.executable, "scripts/translation-status"], cwd=project, capture_output=True, text=True)
    assert status.returncode == 1
    assert "nl: docs/nl/guide/witnesses.md is missing" in status.stdout


def test_translation_status_finds_nothing_missing_in_the_real_content():
    status = subprocess.run([sys.executable, "scripts/translation-status"], cwd=ROOT, capture_output=True, text=True)
    assert status.returncode == 0, status.stdout
    assert status.stdout.splitlines()[1].split() == ["nl", "0", "0", "0"]


def test_translation_dates_are_compared_as_moments_not_as_text():
    from visavis.translations import is_older

    # 10:30 in Brussels (UTC+1) is 09:30 UTC, before 09:45 UTC, although its text sorts after
    assert is_older("2026-11-25T10:30:00+01:00", "2026-11-25T09:45:00+00:00")
    assert not is_older("2026-11-25T09:45:00+00:00", "2026-11-25T10:30:00+01:00")
    assert not is_older(None, "2026-11-25T09:45:00+00:00")
