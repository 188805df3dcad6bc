"""Small helpers shared by the tests."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "directory", "hooks", "visavis", "overrides", "scripts", "CONTRIBUTING.md", "CONTRIBUTING.nl.md"]


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
