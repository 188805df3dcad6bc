"""The lesson sheets: their table (metadata, filters), their checked front matter, clean printing."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT, copy_project, load_site, run_build

SITE = load_site()
LANGS = SITE.languages


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + SITE.config.prefix(lang) + path


def test_there_are_at_least_six_sheets_in_every_language():
    for lang in LANGS:
        assert len(SITE.feature("lesson-sheets").sheets[lang]) >= 6, lang
        assert {s.path for s in SITE.feature("lesson-sheets").sheets[lang]} == {
            s.path for s in SITE.feature("lesson-sheets").sheets[LANGS[0]]
        }


@pytest.mark.parametrize("lang", LANGS)
def test_the_teachers_page_lists_every_sheet_with_its_metadata(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(site_url, lang, "teachers/"))
        rows = page.locator(".vav-sheets tbody tr")
        assert rows.count() == len(SITE.feature("lesson-sheets").sheets[lang])
        for sheet, row in zip(SITE.feature("lesson-sheets").sheets[lang], rows.all(), strict=True):
            text = row.inner_text()
            assert sheet.title in text and str(sheet.meta["duration"]) in text
            assert f"{sheet.meta['age_min']}–{sheet.meta['age_max']}" in text
            flat = " ".join(text.split())
            for objective in sheet.meta["objectives"]:  # each objective in full, not only its first word
                assert " ".join(objective.split()) in flat, (sheet.path, objective)
        assert not page.locator("[data-vav-filter]").is_visible()  # filters need JavaScript
    finally:
        context.close()


def test_the_sheets_can_be_filtered_by_age_and_duration(visit, site_url):
    page = visit.page
    page.goto(url(site_url, "fr", "teachers/"))
    page.select_option("#vav-f-age", "16")
    shown = page.locator(".vav-sheets tbody tr:not([hidden]) th a").all_inner_texts()
    assert shown and set(shown) == {
        s.title for s in SITE.feature("lesson-sheets").sheets["fr"] if s.meta["age_min"] <= 16 <= s.meta["age_max"]
    }
    page.select_option("#vav-f-duration", "50")
    shown = page.locator(".vav-sheets tbody tr:not([hidden]) th a").all_inner_texts()
    assert set(shown) == {
        s.title
        for s in SITE.feature("lesson-sheets").sheets["fr"]
        if s.meta["age_min"] <= 16 <= s.meta["age_max"] and s.meta["duration"] == 50
    }
    assert "age=" not in page.url and visit.console_errors == []  # the choice stays out of the address


def test_a_sheet_missing_a_front_matter_field_fails_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    sheet = project / "docs/nl" / SITE.feature("lesson-sheets").sheets["nl"][0].path
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(re.sub(r"(?m)^  duration: .*\n", "", text, count=1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert f"docs/nl/{SITE.feature('lesson-sheets').sheets['nl'][0].path}:" in result.stderr
    assert "field 'sheet.duration': the required field 'duration' is missing" in result.stderr


def test_a_lesson_sheet_prints_without_navigation_or_quick_exit_and_shows_link_targets(visit, site_url):
    page = visit.page
    # a sheet with a link to another site (so the printed address can be checked, never skipped)
    sheet = next(
        s
        for s in SITE.feature("lesson-sheets").sheets["fr"]
        if "](http" in (ROOT / "docs/fr" / s.path).read_text(encoding="utf-8")
    )
    page.goto(url(site_url, "fr", sheet.path.replace(".md", "/")))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "[data-vav-exit]", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    external = page.locator('article a[href^="http"]').first
    assert external.count() == 1
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after
