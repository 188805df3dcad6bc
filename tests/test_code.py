"""The code itself: linted and formatted, the core free of the site generator, and each page loading
the scripts and styles of the features it shows and no others."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

import pytest
from helpers import ROOT


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_the_code_passes_ruff(command):
    done = subprocess.run([sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_core_builds_every_page_without_the_generator_or_its_configuration(tmp_path):
    """Replacing MkDocs must mean rewriting hooks/ only: with no mkdocs.yml, no hooks/ and no theme
    overrides, the core still loads the data and renders every page and block, and never imports
    MkDocs, Material or the i18n plugin."""
    for part in ("directory", "docs", "visavis", "CONTRIBUTING.md", "CONTRIBUTING.nl.md"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "tests"))
        else:
            shutil.copy(source, tmp_path / part)
    program = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from visavis.settings import SiteConfig
        from visavis.site import Site

        root = Path.cwd()
        config = SiteConfig(root, ("fr", "nl"), {"fr": "Français", "nl": "Nederlands"}, ("fr", "nl"))
        site = Site(config)
        rendered = 0
        for lang in config.languages:
            for path in site.pages:
                assert site.render_page(path, lang).startswith("---"), path
                rendered += 1
            for page in sorted((root / "docs" / lang).rglob("*.md")):
                site.fill_markers(page.read_text(encoding="utf-8"), lang, f"{lang}/{page.relative_to(root / 'docs' / lang)}")
                rendered += 1
        generators = sorted(m for m in sys.modules if m.split(".")[0] in {"mkdocs", "material", "mkdocs_static_i18n"})
        print(rendered, generators)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(tmp_path)}
    )
    assert done.returncode == 0, done.stderr
    rendered, generators = done.stdout.split(" ", 1)
    assert int(rendered) > 100, done.stdout  # every generated page and every Markdown page, twice
    assert generators.strip() == "[]", f"the core imported the generator: {generators}"


def _feature_assets(page) -> set[str]:
    """The features' scripts and styles a built page loads, as 'feature/file'."""
    html = page.read_text(encoding="utf-8")
    return set(re.findall(r'(?:src|href)="[^"]*assets/features/([\w-]+/[\w.-]+)"', html))


SAFETY = {"safety/safety.css"}
DIRECTORY = SAFETY | {"directory/directory.css"}
FINDER = DIRECTORY | {"finder/filter.js", "finder/filter.css"}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("guide/understanding/index.html", set()),  # a chapter without blocks
        ("index.html", SAFETY),  # the crisis lines and a warning
        ("guide/right-now/index.html", SAFETY),
        (
            "self-assessment/index.html",
            SAFETY | {"self-assessment/self-assessment.js", "self-assessment/self-assessment.css"},
        ),
        ("directory/index.html", FINDER),
        ("directory/organisations/unia/index.html", DIRECTORY),
        ("teachers/index.html", FINDER | {"lesson-sheets/lesson-sheets.css"}),
        ("teachers/exercise/index.html", SAFETY | {"exercise/exercise.js", "exercise/exercise.css"}),
        ("nl/teachers/exercise/index.html", SAFETY | {"exercise/exercise.js", "exercise/exercise.css"}),
    ],
)
def test_a_page_loads_the_scripts_and_styles_of_the_features_it_shows_and_no_others(built_site, page, expected):
    assert _feature_assets(built_site / page) == expected


def test_the_questionnaire_and_exercise_scripts_load_on_their_own_pages_only(built_site):
    where = {"self-assessment/self-assessment.js": set(), "exercise/exercise.js": set(), "finder/filter.js": set()}
    for page in built_site.rglob("*.html"):
        for asset in _feature_assets(page) & where.keys():
            where[asset].add(page.relative_to(built_site).as_posix())
    assert where["self-assessment/self-assessment.js"] == {
        "self-assessment/index.html",
        "nl/self-assessment/index.html",
    }
    assert where["exercise/exercise.js"] == {"teachers/exercise/index.html", "nl/teachers/exercise/index.html"}
    assert where["finder/filter.js"] == {
        "directory/index.html",
        "nl/directory/index.html",
        "teachers/index.html",
        "nl/teachers/index.html",
    }


def test_every_asset_a_page_loads_is_published(built_site):
    for page in built_site.rglob("*.html"):
        for asset in _feature_assets(page):
            assert (built_site / "assets/features" / asset).is_file(), (page, asset)
