"""The whole site builds strictly, in both languages, with the generated pages wired into
navigation, search, the sitemap and the language switcher."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from helpers import ROOT, copy_project, load_site, run_build, tree_digest

SITE = load_site()
LANGS = SITE.languages
ORG_IDS = sorted(e.id for e in SITE.catalog.of("organisation"))
# every generated page as its URL path: 'directory/organisations/unia/'
GENERATED = sorted(
    path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/" for path in SITE.pages
)


prefix = SITE.config.prefix


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_and_directory_pages_exist_in_every_language(built_site, lang):
    for page in ("index.html", "directory/index.html"):
        assert (built_site / prefix(lang) / page).is_file(), f"{prefix(lang)}{page} missing"


def test_generated_pages_are_in_the_sitemap_with_their_counterpart(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in GENERATED:
        for lang in LANGS:
            assert re.search(rf'hreflang="{lang}" href="[^"]*/{prefix(lang)}{path}"', sitemap), (path, lang)


def test_generated_pages_are_in_the_search_index_in_every_language(built_site):
    for lang in LANGS:
        script = (built_site / prefix(lang) / "search/search-index.js").read_text(encoding="utf-8")
        index = json.loads(script[script.index("{") : script.rindex("}") + 1])
        locations = {page["u"] for page in index["pages"]}
        for path in GENERATED:
            if path != "search/":  # the search page does not list itself
                assert f"{prefix(lang)}{path}" in locations, (path, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_switcher_of_a_generated_page_leads_to_its_counterpart(built_site, lang):
    org = ORG_IDS[0]
    html = (built_site / prefix(lang) / "directory/organisations" / org / "index.html").read_text(encoding="utf-8")
    for other in LANGS:
        link = re.search(rf'<a href="([^"]*)" hreflang="{other}"', html)
        assert link, f"no switcher link to {other}"
        target = (built_site / prefix(lang) / "directory/organisations" / org / link.group(1)).resolve()
        assert target == (built_site / prefix(other) / "directory/organisations" / org).resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_the_directory_is_in_the_navigation_of_every_page(built_site, lang):
    html = (built_site / prefix(lang) / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    for section in ("directory/", "directory/organisations/", "directory/recourse/", "directory/platforms/"):
        assert f'href="{section}"' in nav, section


def test_a_corrupted_data_file_fails_the_build_and_leaves_the_previous_site_unchanged(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "site")
    data = sorted((project / "directory/organisations").glob("*.yml"))[0]
    data.write_text(
        data.read_text(encoding="utf-8")
        .replace("cost: free", "cost: gratuit", 1)
        .replace("cost: paid", "cost: gratuit", 1)
        .replace("cost: varies", "cost: gratuit", 1),
        encoding="utf-8",
    )
    second = run_build(project)
    assert second.returncode != 0
    assert f"directory/organisations/{data.name}:" in second.stderr
    assert "field 'cost': received 'gratuit'" in second.stderr
    assert tree_digest(project / "site") == before


def test_an_error_while_making_the_packs_leaves_the_site_and_no_temporary_folder(tmp_path):
    """Chromium that cannot start: the PDFs fail with an exception, reported in one line."""
    import os

    from helpers import tree_digest

    site = tmp_path / "site"
    first = subprocess.run(
        [sys.executable, "scripts/build", "--no-packs", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert first.returncode == 0, first.stderr
    before = tree_digest(site)
    broken = subprocess.run(
        [sys.executable, "scripts/build", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROMIUM": "/bin/true"},
    )
    assert broken.returncode != 0
    assert broken.stderr.strip().splitlines()[-1].startswith("Build failed (")
    assert "Traceback" not in broken.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no .site-* left behind


def test_the_published_folder_is_readable_by_a_web_server(built_site):
    import stat

    assert stat.S_IMODE(built_site.stat().st_mode) == 0o755
    for path in built_site.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o005 if path.is_dir() else mode & 0o004, path


def test_rebuilding_after_an_edit_does_not_keep_the_previous_content_in_memory(tmp_path):
    """`make serve` rebuilds on every edit: the previous content (and its caches) is let go."""
    import gc
    import os
    import shutil
    import weakref

    for part in ("mkdocs.yml", "directory", "docs", "CONTRIBUTING.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, tmp_path / part)
    first = load_site(tmp_path)
    first.feature("self-assessment").questionnaire.plan(
        {
            "danger": "no",
            "role": "victim",
            "what": "threat",
            "ground": "none",
            "where": "public",
            "minor": "no",
            "region": "brussels",
            "language": "fr",
        }
    )
    gone = weakref.ref(first.feature("self-assessment").questionnaire)
    data = tmp_path / "directory/organisations/unia.yml"
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 10**9))
    second = load_site(tmp_path)
    assert second is not first
    del first
    gc.collect()
    assert gone() is None
