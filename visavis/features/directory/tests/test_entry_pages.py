"""The directory's pages: one per organisation, route and platform in every language, linked to
each other, with phone links, edit links to their data file, and stale entries reported."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import copy_project, load_site, run_build

SITE = load_site()
LANGS = SITE.languages
ORG_IDS = sorted(e.id for e in SITE.catalog.of("organisation"))
prefix = SITE.config.prefix


@pytest.mark.parametrize("lang", LANGS)
def test_every_organisation_has_its_own_page_in_every_language(built_site, lang):
    for org in ORG_IDS:
        html = (built_site / prefix(lang) / "directory/organisations" / org / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["recourse", "platform"])
def test_every_route_and_platform_has_its_own_page_in_every_language(built_site, lang, kind):
    for entry in SITE.catalog.of(kind):
        page = built_site / prefix(lang) / SITE.feature("directory").path_of(entry)[: -len(".md")] / "index.html"
        assert page.is_file(), page


@pytest.mark.parametrize("lang", LANGS)
def test_routes_and_organisations_link_to_each_other(built_site, lang):
    for route in SITE.catalog.of("recourse"):
        html = (built_site / prefix(lang) / "directory/recourse" / route.id / "index.html").read_text(encoding="utf-8")
        for org in route.data["organisations"]:
            assert f'href="../../organisations/{org}/"' in html, (route.id, org)
            org_html = (built_site / prefix(lang) / "directory/organisations" / org / "index.html").read_text(
                encoding="utf-8"
            )
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
    assert (
        edit_link(f"directory/organisations/{org}/index.html")
        == f"{TEST_REPO_URL}/edit/main/directory/organisations/{org}.yml"
    )
    assert edit_link("nl/directory/platforms/index.html") == f"{TEST_REPO_URL}/tree/main/directory/platforms/"
