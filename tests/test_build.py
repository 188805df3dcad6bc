"""The whole site builds strictly, in both languages, with the generated pages wired into
navigation, search, the sitemap and the language switcher."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from helpers import ROOT, copy_project, run_build, tree_digest
from visavis import build

SITE = build.site(ROOT)
LANGS = SITE.languages
ORG_IDS = sorted(e.id for e in SITE.catalog.of("organisation"))
# every generated page as its URL path: 'directory/organisations/unia/'
GENERATED = sorted(path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/"
                   for path in SITE.pages)


prefix = SITE.config.prefix


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_and_directory_pages_exist_in_every_language(built_site, lang):
    for page in ("index.html", "directory/index.html"):
        assert (built_site / prefix(lang) / page).is_file(), f"{prefix(lang)}{page} missing"


@pytest.mark.parametrize("lang", LANGS)
def test_every_organisation_has_its_own_page_in_every_language(built_site, lang):
    for org in ORG_IDS:
        html = (built_site / prefix(lang) / "directory/organisations" / org / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html


def test_generated_pages_are_in_the_sitemap_with_their_counterpart(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in GENERATED:
        for lang in LANGS:
            assert re.search(rf'hreflang="{lang}" href="[^"]*/{prefix(lang)}{path}"', sitemap), (path, lang)


def test_generated_pages_are_in_the_search_index_in_every_language(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for path in GENERATED:
        for lang in LANGS:
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
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    for section in ("directory/", "directory/organisations/", "directory/recourse/", "directory/platforms/"):
        assert f'href="{section}"' in nav, section


def test_a_corrupted_data_file_fails_the_build_and_leaves_the_previous_site_unchanged(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "site")
    data = sorted((project / "directory/organisations").glob("*.yml"))[0]
    data.write_text(data.read_text(encoding="utf-8").replace("cost: free", "cost: gratuit", 1)
                    .replace("cost: paid", "cost: gratuit", 1).replace("cost: varies", "cost: gratuit", 1),
                    encoding="utf-8")
    second = run_build(project)
    assert second.returncode != 0
    assert f"directory/organisations/{data.name}:" in second.stderr
    assert "field 'cost': received 'gratuit'" in second.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["recourse", "platform"])
def test_every_route_and_platform_has_its_own_page_in_every_language(built_site, lang, kind):
    for entry in SITE.catalog.of(kind):
        page = built_site / prefix(lang) / build.entry_path(entry)[: -len(".md")] / "index.html"
        assert page.is_file(), page


@pytest.mark.parametrize("lang", LANGS)
def test_routes_and_organisations_link_to_each_other(built_site, lang):
    for route in SITE.catalog.of("recourse"):
        html = (built_site / prefix(lang) / "directory/recourse" / route.id / "index.html").read_text(encoding="utf-8")
        for org in route.data["organisations"]:
            assert f'href="../../organisations/{org}/"' in html, (route.id, org)
            org_html = (built_site / prefix(lang) / "directory/organisations" / org / "index.html").read_text(encoding="utf-8")
            assert f'href="../../recourse/{route.id}/"' in org_html, (org, route.id)


def test_phone_links_use_the_international_format_or_a_short_number(built_site):
    for page in (built_site / "directory").rglob("*.html"):
        for number in re.findall(r'href="tel:([^"]*)"', page.read_text(encoding="utf-8")):
            assert re.fullmatch(r"\+[1-9]\d{6,14}|1\d{2,5}", number), (page, number)


def test_an_entry_not_checked_for_a_year_is_reported_without_failing_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "directory/organisations" / f"{ORG_IDS[0]}.yml"
    text = re.sub(r"(?m)^verified_on: .*$", 'verified_on: "2020-01-15"', source.read_text(encoding="utf-8"))
    source.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert f"directory/organisations/{ORG_IDS[0]}.yml" in result.stderr and "please check it again" in result.stderr
    stale = subprocess.run([sys.executable, "scripts/check", "--stale"], cwd=project, capture_output=True, text=True)
    assert stale.returncode == 1
    assert f"directory/organisations/{ORG_IDS[0]}.yml" in stale.stdout and "1 entry to check again" in stale.stdout


def test_edit_links_open_the_markdown_file_or_the_data_file(built_site):
    from conftest import TEST_REPO_URL

    def edit_link(page):
        html = (built_site / page).read_text(encoding="utf-8")
        found = re.search(rf'href="({re.escape(TEST_REPO_URL)}/(?:edit|tree)/[^"]+)"', html)
        return found and found.group(1)

    assert edit_link("nl/guide/law/index.html") == f"{TEST_REPO_URL}/edit/main/docs/nl/guide/law.md"
    org = ORG_IDS[0]
    assert edit_link(f"directory/organisations/{org}/index.html") == f"{TEST_REPO_URL}/edit/main/directory/organisations/{org}.yml"
    assert edit_link("nl/directory/platforms/index.html") == f"{TEST_REPO_URL}/tree/main/directory/platforms/"


def test_an_error_while_making_the_packs_leaves_the_site_and_no_temporary_folder(tmp_path):
    """Chromium that cannot start: the PDFs fail with an exception, reported in one line."""
    import os
    import subprocess
    import sys

    from helpers import tree_digest

    site = tmp_path / "site"
    first = subprocess.run([sys.executable, "scripts/build", "--no-packs", "--site-dir", str(site)], cwd=ROOT,
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = tree_digest(site)
    broken = subprocess.run([sys.executable, "scripts/build", "--site-dir", str(site)], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "CHROMIUM": "/bin/true"})
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

    for part in ("mkdocs.yml", "directory", "docs"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, tmp_path / part)
    first = build.site(tmp_path)
    first.questionnaire.plan({"danger": "no", "role": "victim", "what": "threat", "ground": "none", "where": "public",
                              "minor": "no", "region": "brussels", "language": "fr"})
    gone = weakref.ref(first.questionnaire)
    data = tmp_path / "directory/organisations/unia.yml"
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 10**9))
    second = build.site(tmp_path)
    assert second is not first
    del first
    gc.collect()
    assert gone() is None
