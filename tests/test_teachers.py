"""For teachers: the lesson sheets and their table, the classification exercise, the offline pack
opened from the file system, the guide PDFs, and clean printing."""
from __future__ import annotations

import re
import subprocess
import zipfile

import pytest

from helpers import ROOT, copy_project, run_build
from visavis import build, packs

SITE = build.site(ROOT)
LANGS = SITE.languages


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + SITE.config.prefix(lang) + path


def test_there_are_at_least_six_sheets_in_every_language():
    for lang in LANGS:
        assert len(SITE.sheets[lang]) >= 6, lang
        assert {s.path for s in SITE.sheets[lang]} == {s.path for s in SITE.sheets[LANGS[0]]}


@pytest.mark.parametrize("lang", LANGS)
def test_the_teachers_page_lists_every_sheet_with_its_metadata(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(site_url, lang, "teachers/"))
        rows = page.locator(".vav-sheets tbody tr")
        assert rows.count() == len(SITE.sheets[lang])
        for sheet, row in zip(SITE.sheets[lang], rows.all()):
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
    assert shown and set(shown) == {s.title for s in SITE.sheets["fr"] if s.meta["age_min"] <= 16 <= s.meta["age_max"]}
    page.select_option("#vav-f-duration", "50")
    shown = page.locator(".vav-sheets tbody tr:not([hidden]) th a").all_inner_texts()
    assert set(shown) == {s.title for s in SITE.sheets["fr"] if s.meta["age_min"] <= 16 <= s.meta["age_max"] and s.meta["duration"] == 50}
    assert "age=" not in page.url and visit.console_errors == []  # the choice stays out of the address


def test_a_sheet_missing_a_front_matter_field_fails_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    sheet = project / "docs/nl" / SITE.sheets["nl"][0].path
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(re.sub(r"(?m)^  duration: .*\n", "", text, count=1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert f"docs/nl/{SITE.sheets['nl'][0].path}:" in result.stderr
    assert "field 'sheet.duration': the required field 'duration' is missing" in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_the_exercise_gives_feedback_and_a_score(visit, site_url, lang):
    page = visit.page
    page.goto(url(site_url, lang, "teachers/exercise/"))
    items = page.locator(".vav-exercise__item")
    assert items.count() == len(SITE.exercise) >= 15
    assert not items.first.locator(".vav-exercise__answer").is_visible()  # not given away
    first, second = SITE.exercise[0], SITE.exercise[1]
    wrong = next(v for v in ("a", "b", "c", "none") if v != second["answer"])
    items.nth(0).locator(f'input[value="{first["answer"]}"]').check()
    items.nth(0).locator("[data-vav-check]").click()
    items.nth(1).locator(f'input[value="{wrong}"]').check()
    items.nth(1).locator("[data-vav-check]").click()
    labels = SITE.catalog.labels_for(lang, "ui")
    assert items.nth(0).locator("[data-vav-feedback]").inner_text() == labels["ex_right"]
    assert items.nth(1).locator("[data-vav-feedback]").inner_text() == labels["ex_wrong"]
    assert second["explanation"][lang].split()[0] in items.nth(1).locator(".vav-exercise__answer").inner_text()
    score = labels["ex_score"].replace("{right}", "1").replace("{done}", "2").replace("{total}", str(len(SITE.exercise)))
    assert page.locator("[data-vav-score]").inner_text() == score


def test_without_javascript_the_answers_are_in_expandable_sections(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(site_url, "fr", "teachers/exercise/"))
        details = page.locator(".vav-exercise__answer")
        assert details.count() == len(SITE.exercise)
        assert not page.locator(".vav-exercise__choices").first.is_visible()
        details.first.locator("summary").click()
        assert SITE.exercise[0]["explanation"]["fr"][:40] in details.first.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_pack_works_from_the_file_system_search_included(browser, built_site, tmp_path, lang):
    with zipfile.ZipFile(built_site / packs.DOWNLOADS / packs.zip_name(lang)) as pack:
        pack.extractall(tmp_path)
    start = tmp_path / f"vis-a-vis-{lang}" / packs.OPEN_FILE[lang]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(start.as_uri())
        page.wait_for_url("**/index.html")
        assert page.locator("html").get_attribute("lang") == lang
        # opened from the file system, no server sends headers: the page carries its own policy
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        page.locator(".md-header__button[for='__search']").first.click()
        word = {"fr": "Télé-Accueil", "nl": "luisterlijn"}[lang]
        page.locator("input.md-search__input").press_sequentially(word, delay=20)
        result = page.locator(".md-search-result__item").first
        result.wait_for()
        assert page.locator(".md-search-result__item a").first.get_attribute("href").startswith("file://")
        assert outside == [] and errors == [] and page.evaluate("window.__csp") == []
        # and from a page deeper in the pack (the search worker's address differs with the depth)
        page.goto(page.url.replace("index.html", "directory/recourse/keep-evidence.html"))
        page.locator(".md-header__button[for='__search']").first.click()
        page.locator("input.md-search__input").press_sequentially(word, delay=20)
        page.locator(".md-search-result__item").first.wait_for()
        assert outside == [] and errors == [] and page.evaluate("window.__csp") == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_pdf_has_every_chapter_and_enough_pages(built_site, lang):
    pdf = built_site / packs.DOWNLOADS / packs.pdf_name(lang)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 30
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for chapter in SITE.config.guide_chapters:
        source = (ROOT / "docs" / lang / chapter).read_text(encoding="utf-8")
        title = re.search(r"(?m)^# (.+)$", source).group(1)
        assert " ".join(title.split()) in text, (lang, title)
    # The contents page gives, for every chapter, the page where that chapter really starts (the
    # footer's "2 / 88" must not pass for it).
    toc = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    for chapter in SITE.config.guide_chapters:
        title = " ".join(re.search(r"(?m)^# (.+)$", (ROOT / "docs" / lang / chapter).read_text(encoding="utf-8")).group(1).split())
        line = next((" ".join(l.split()) for l in toc.splitlines() if " ".join(l.split()).startswith(title)), None)
        assert line, (lang, title, toc)
        number = re.search(r"(\d+)$", line)
        assert number, (lang, "no page number for", title)
        start = subprocess.run(["pdftotext", "-f", number.group(1), "-l", number.group(1), str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert " ".join(start.split()).startswith(title), (lang, title, number.group(1))


def test_a_lesson_sheet_prints_without_navigation_or_quick_exit_and_shows_link_targets(visit, site_url):
    page = visit.page
    # a sheet with a link to another site (so the printed address can be checked, never skipped)
    sheet = next(s for s in SITE.sheets["fr"] if "](http" in (ROOT / "docs/fr" / s.path).read_text(encoding="utf-8"))
    page.goto(url(site_url, "fr", sheet.path.replace(".md", "/")))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "[data-vav-exit]", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    external = page.locator('article a[href^="http"]').first
    assert external.count() == 1
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_the_offline_pack_carries_a_policy_as_strict_as_the_site(built_site, lang):
    served = re.search(r"Content-Security-Policy: (.*)", (built_site / "_headers").read_text(encoding="utf-8")).group(1)
    site_directives = {d.split()[0]: d.split()[1:] for d in served.split("; ")}
    with zipfile.ZipFile(built_site / packs.DOWNLOADS / packs.zip_name(lang)) as pack:
        pages = [n for n in pack.namelist() if n.endswith(".html")]
        assert len(pages) > 100
        for name in pages:
            html = pack.read(name).decode("utf-8")
            policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
            assert policy, name
            directives = {d.split()[0]: d.split()[1:] for d in policy.group(1).split("; ")}
            for directive, values in directives.items():
                if directive != "script-src":  # the script hashes differ page by page
                    assert values == site_directives[directive], (name, directive)
            assert [v for v in directives["script-src"] if not v.startswith("'sha256-")] == ["'self'"], name
