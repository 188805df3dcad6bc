"""Small helpers shared by the tests."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import mkdocs_settings  # noqa: E402  (the site's settings, from mkdocs.yml; puts the core on the path)

from visavis import site as site_mod  # noqa: E402

PROJECT_PARTS = [
    "mkdocs.yml",
    "docs",
    "directory",
    "hooks",
    "visavis",
    "overrides",
    "scripts",
    "CONTRIBUTING.md",
    "CONTRIBUTING.nl.md",
]


def load_site(root: Path = ROOT) -> site_mod.Site:
    """The checked content of a project, as the build sees it (cached until a file changes)."""
    return site_mod.site(mkdocs_settings.read(root))


def copy_project(dest: Path) -> Path:
    """A throw-away copy of the project (without .venv, site/, tests) to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, dest / part)
    return dest


def run_build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Build a copy of the project (without the offline packs and PDFs, which have tests of their own)."""
    command = [sys.executable, "scripts/build", "--no-packs"] + (["--site-dir", str(site_dir)] if site_dir else [])
    return subprocess.run(command, cwd=project, capture_output=True, text=True)


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: equal digests mean an untouched folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def answer_all(page, answers: list[str]):
    """Answer the self-assessment's questions in order (an info screen is passed with its Continue
    button)."""
    for value in answers:
        if page.locator(".vav-sa__info").count():
            page.locator(".vav-sa__nav button").first.click()
        page.locator(f'.vav-sa__form input[value="{value}"]').check()
        page.locator('.vav-sa__form button[type="submit"]').click()


def articles(built_site):
    """(page, text of its article without the minors' warning itself, whether it shows that warning)
    for every page of the built site."""
    from html.parser import HTMLParser

    class Article(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth = 0  # inside <article>
            self.skip = 0  # inside the warning (its own words mention screenshots)
            self.parts, self.has_warning = [], False

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "article":
                self.depth += 1
            if self.skip:
                self.skip += tag == "aside"
            elif tag == "aside" and attrs.get("data-vav-notice") == "minors-images":
                self.skip, self.has_warning = 1, True

        def handle_endtag(self, tag):
            if tag == "article":
                self.depth -= 1
            if self.skip and tag == "aside":
                self.skip -= 1

        def handle_data(self, data):
            if self.depth and not self.skip:
                self.parts.append(data)

    for path in sorted(built_site.rglob("*.html")):
        if "downloads" in path.parts:
            continue
        parsed = Article()
        parsed.feed(path.read_text(encoding="utf-8"))
        yield path.relative_to(built_site).as_posix(), " ".join(parsed.parts), parsed.has_warning
