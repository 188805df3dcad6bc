"""The search in the readers' own words: every query of tests/search/queries.<lang>.yml typed into
the real search box in Chromium (one page per language), on the served site and in the offline
pack opened from file://; the search page with the keyboard, with axe, and without JavaScript;
the vocabulary's errors. About 25 s in all (the crawl of every page covers the new pages too)."""

from __future__ import annotations

import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import copy_project, load_site

from visavis.errors import ContentError
from visavis.features.downloads import packs
from visavis.features.search import quality

SITE = load_site()
LANGS = list(SITE.languages)
DEFAULT = SITE.config.default_language
PASS_SHARE = 0.9  # the bar: nine queries in ten put an expected page in the first five


def check(outcomes, lang):
    failed = [(o.query.text, o.pages[:5], o.other_language[:2]) for o in outcomes if not o.passed]
    assert len(outcomes) >= 40
    assert not [o for o in outcomes if o.other_language], f"results in another language ({lang})"
    assert sum(o.passed for o in outcomes) >= PASS_SHARE * len(outcomes), failed


@pytest.mark.parametrize("lang", LANGS)
def test_the_readers_queries_find_their_pages_on_the_site(browser, site_url, lang):
    page = browser.new_page()
    try:
        start = site_url + SITE.config.prefix(lang) + "search/"
        check(quality.run(page, quality.SiteDriver(), start, site_url, lang, LANGS, DEFAULT), lang)
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_readers_queries_find_their_pages_in_the_offline_pack(browser, built_site, tmp_path, lang):
    with zipfile.ZipFile(built_site / packs.DOWNLOADS / packs.zip_name(lang)) as pack:
        pack.extractall(tmp_path)
    root = (tmp_path / f"vis-a-vis-{lang}").as_uri() + "/"
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        start = root + SITE.config.prefix(lang) + "search/index.html"
        outcomes = quality.run(page, quality.SiteDriver(), start, root, lang, LANGS, DEFAULT)
        check(outcomes, lang)
        assert all(o.pages for o in outcomes[:1]) and errors == []
    finally:
        page.close()


def test_the_search_page_works_with_the_keyboard_and_is_accessible(site_url, visit):
    page = visit.page
    page.goto(site_url + "nl/guide/law/")
    link = page.locator("a.vav-search-open")
    assert link.get_attribute("aria-label")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "nl/search/")
    page.locator("#vav-search-input").focus()
    page.keyboard.type("naaktfoto's")
    page.wait_for_function("document.getElementById('vav-search-results').dataset.query === \"naaktfoto's\"")
    assert page.locator("#vav-search-status").inner_text().strip()[0].isdigit()  # announced: "N pagina's gevonden."
    first = page.locator("#vav-search-results a").first
    assert first.inner_text() and page.locator("#vav-search-results .vav-search__section").first.inner_text()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('vav-search__link')")
    target = page.evaluate("document.activeElement.href")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.response["violations"] == [], [v["id"] for v in results.response["violations"]]
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert "/nl/directory/" in target or "/nl/guide/" in target
    assert visit.outside == [] and visit.console_errors == [] and visit.csp_violations() == []


def test_without_javascript_the_search_page_leads_to_the_a_z_index(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "search/")
        assert not page.locator("#vav-search").is_visible()  # a form that cannot search is not shown
        page.get_by_role("link", name="Tous les sujets de A à Z").click()
        page.wait_for_url(site_url + "search/a-z/")
        # a reader's need, under the site's word for it, leads to the page that serves it
        topic = page.locator("ul.vav-az li", has_text="Images intimes")
        assert topic.locator("a").first.get_attribute("href").endswith("directory/recourse/remove-intimate-images/")
        letters = page.locator(".vav-az__letters a").all_inner_texts()
        assert letters == sorted(letters) and "H" in letters
    finally:
        context.close()


def test_a_vocabulary_naming_a_missing_page_fails_with_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "directory" / "vocabulary" / "nl.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pages: [guide/safe-browsing]", "pages: [guide/safe-surfing]"), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "safe-surfing" in row)
    with pytest.raises(ContentError) as err:
        load_site(project)
    report = err.value.report()
    assert f"directory/vocabulary/nl.yml:{line}" in report and "safe-surfing" in report and "pages[0]" in report
