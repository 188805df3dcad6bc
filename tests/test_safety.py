"""Safety and privacy in a real browser: the quick exit (click, keyboard shortcut, without
JavaScript, history), outbound links, the shipped headers, and keyboard-only use of the main tasks."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import ROOT, load_site

from visavis import security

SITE = load_site()
NEUTRAL = {lang: SITE.catalog.label(lang, "ui", "quick_exit_url") for lang in SITE.languages}


def neutral_site(visit):
    """Answer for the neutral site locally (no internet here), so leaving can be observed."""

    def fulfil(route):
        route.fulfill(
            status=200, content_type="text/html", body="<html><title>neutral</title><body>neutral</body></html>"
        )

    for url in NEUTRAL.values():
        visit.page.route(url, fulfil)


class TestQuickExitWithJavaScript:
    def test_a_click_leaves_and_the_back_button_does_not_return_to_the_page(self, visit, site_url):
        neutral_site(visit)
        page = visit.page
        page.goto(site_url)
        page.goto(site_url + "directory/")
        page.locator("[data-vav-exit]").click()
        page.wait_for_url(NEUTRAL["fr"])
        page.go_back()
        assert not page.url.endswith("/directory/")  # the exited page is no longer in the history
        assert page.url == site_url

    def test_pressing_shift_three_times_leaves(self, visit, site_url):
        neutral_site(visit)
        page = visit.page
        page.goto(site_url + "nl/guide/right-now/")
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(NEUTRAL["nl"])
        page.go_back()
        assert "right-now" not in page.url

    def test_two_presses_or_shift_with_other_keys_do_not_leave(self, visit, site_url):
        page = visit.page
        page.goto(site_url)
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press("a")
        page.keyboard.press("Shift")
        page.wait_for_timeout(300)
        assert page.url == site_url

    def test_the_shortcut_is_announced_to_screen_readers(self, visit, site_url):
        page = visit.page
        page.goto(site_url)
        exit_link = page.locator("[data-vav-exit]")
        described = exit_link.get_attribute("aria-describedby")
        assert "Maj" in page.locator(f"#{described}").inner_text()

    def test_the_quick_exit_is_not_printed(self, visit, site_url):
        page = visit.page
        page.goto(site_url)
        page.emulate_media(media="print")
        assert not page.locator("[data-vav-exit]").is_visible()


def test_without_javascript_the_quick_exit_is_a_plain_link_to_the_neutral_site(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url)
        link = page.locator("[data-vav-exit]")
        assert link.get_attribute("href") == NEUTRAL["fr"] and link.is_visible()
        assert not page.locator("#vav-exit-help").is_visible()  # the Shift hint needs JavaScript
    finally:
        context.close()


def test_every_link_to_another_site_has_noopener_noreferrer(built_site):
    for path in built_site.rglob("*.html"):
        for tag in re.findall(r'<a\s[^>]*href="https?://[^"]*"[^>]*>', path.read_text(encoding="utf-8")):
            rel = re.search(r'rel="([^"]*)"', tag)
            assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), (path, tag)


def test_the_site_ships_strict_security_headers(built_site):
    values = security.read_netlify_headers((built_site / "_headers").read_text(encoding="utf-8"))
    policy = values["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert values["Referrer-Policy"] == "no-referrer"


def test_the_served_pages_carry_the_headers(visit, site_url):
    response = visit.page.goto(site_url)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_accessibility_check_does_catch_a_violation(browser):
    """The axe run used for every page really reports problems (a deliberately broken page)."""
    page = browser.new_page()
    try:
        page.set_content('<html lang="fr"><body><main><img src="x.png"><a href="#"></a></main></body></html>')
        ids = {
            v["id"]
            for v in Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a"]}}).response["violations"]
        }
        assert {"image-alt", "link-name"} <= ids
    finally:
        page.close()


class TestKeyboardOnly:
    def test_change_the_language(self, visit, site_url):
        page = visit.page
        page.goto(site_url)
        focus_by_tab(
            page,
            '.md-header .md-select button, .md-header .md-select label, .md-header [aria-label] >> nth=0',
            lambda p: p.evaluate("!!document.activeElement.closest('.md-select')"),
        )
        focus_by_tab(page, None, lambda p: p.evaluate("document.activeElement.getAttribute('hreflang') === 'nl'"))
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + "nl/")

    def test_search(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "nl/")
        page.wait_for_load_state("networkidle")
        page.locator("a.vav-search-open").focus()  # the header's search link, reached like any link
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + "nl/search/")
        page.locator("#vav-search-input").focus()
        page.keyboard.type("gerechtsdeurwaarder", delay=20)  # a word the home page does not have
        page.locator(".vav-search__result").first.wait_for()
        page.keyboard.press("ArrowDown")
        target = page.evaluate("document.activeElement.href")
        page.keyboard.press("Enter")
        page.wait_for_url(target)
        assert "/nl/" in target and target.split("#")[0] != site_url + "nl/"

    def test_open_the_directory_and_an_organisation(self, visit, site_url):
        page = visit.page
        page.goto(site_url)
        focus_by_tab(page, None, lambda p: p.evaluate("document.activeElement.getAttribute('href') === 'directory/'"))
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + "directory/")
        focus_by_tab(page, None, lambda p: p.evaluate("document.activeElement.classList.contains('vav-card__name')"))
        page.keyboard.press("Enter")
        page.wait_for_url("**/directory/organisations/*/")

    def test_finish_the_self_assessment(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "self-assessment/")
        focus_by_tab(page, None, lambda p: p.evaluate("document.activeElement.type === 'radio'"))
        answers = ["no", "victim", "threat", "none", "public", "no", "brussels", "fr"]
        for value in answers:
            # arrows move within the radio group (and wrap around); Enter submits the form
            options = page.evaluate("document.activeElement.form.querySelectorAll('input[type=radio]').length")
            for _ in range(options):
                if page.evaluate("document.activeElement.value") == value:
                    break
                page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.value") == value, f"the answer '{value}' was never reached"
            page.keyboard.press("Space")
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")  # from the legend to the first answer
        # the summary lists exactly the answers given with the keyboard
        given = page.locator(".vav-sa__summary dd").all_inner_texts()
        change = SITE.catalog.label("fr", "ui", "sa_change")
        texts = [
            next(
                a["text"]["fr"]
                for q in SITE.feature("self-assessment").questionnaire.data["questions"]
                if not q.get("info")
                for a in q["answers"]
                if a["value"] == v and q["id"] == qid
            )
            for qid, v in zip(
                ["danger", "role", "what", "ground", "where", "minor", "region", "language"], answers, strict=False
            )
        ]
        assert [g.replace(change, "").strip() for g in given] == texts
        summary_button = SITE.catalog.label("fr", "ui", "sa_see_plan")
        focus_by_tab(page, None, lambda p: p.evaluate("document.activeElement.textContent") == summary_button)
        page.keyboard.press("Enter")
        assert page.locator(".vav-sa__steps").count() >= 1


def focus_by_tab(page, _selector, reached, limit=200):
    """Press Tab until ``reached(page)`` is true, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if reached(page):
            return
    pytest.fail("the element was never reached with the Tab key")


def test_the_nginx_snippet_carries_the_same_headers(built_site):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "scripts/security-headers", "--nginx", str(built_site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = security.read_netlify_headers((built_site / "_headers").read_text(encoding="utf-8"))
    for name, value in values.items():
        assert f'add_header {name} "{value}" always;' in out


# Only the theme's own inline scripts may run -----------------------------------------------------

SMUGGLED = {
    "a script in a Markdown page": (
        "docs/fr/guide/protecting.md",
        "<script>alert('smuggled')</script>",
        "an inline script",
    ),
    "an event handler in a Markdown page": (
        "docs/nl/guide/protecting.md",
        '<img src="x.png" onerror="alert(1)">',
        "an inline event handler",
    ),
    "a javascript: link in a Markdown page": (
        "docs/fr/about/index.md",
        "[klik](javascript:alert(1))",
        "javascript: address",
    ),
    "a script in the contributor guide": (
        "CONTRIBUTING.md",
        "<script>fetch('https://evil.example')</script>",
        "an inline script",
    ),
}


@pytest.mark.parametrize("case", sorted(SMUGGLED))
def test_a_script_smuggled_into_the_content_fails_the_build_and_leaves_the_site_untouched(tmp_path, case):
    from helpers import copy_project, run_build, tree_digest

    path, smuggled, words = SMUGGLED[case]
    project = copy_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    before = tree_digest(project / "site")
    target = project / path
    target.write_text(target.read_text(encoding="utf-8") + "\n\n" + smuggled + "\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "does not allow" in result.stderr and words in result.stderr, result.stderr[-1500:]
    assert tree_digest(project / "site") == before


def test_a_script_smuggled_into_an_interface_word_fails_the_check(tmp_path):
    from helpers import copy_project, run_build

    project = copy_project(tmp_path / "project")
    labels = project / "directory/labels/nl.yml"
    labels.write_text(
        labels.read_text(encoding="utf-8").replace(
            "  skip_to_content: ", "  skip_to_content: <script>alert(1)</script> ", 1
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode != 0
    assert "directory/labels/nl.yml" in result.stderr and "ui.skip_to_content" in result.stderr


def test_the_quick_scan_of_a_page_finds_what_parsing_it_in_full_finds(built_site):
    """The build parses in full only the pages that may hold an event handler: on every built page,
    the quick scan and the full parse find the same scripts and handlers."""
    import theme_scripts

    pages = list(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        full = theme_scripts._parse(html)
        assert theme_scripts.inline_scripts(html) == (full.inline, full.handlers), path
    assert len(pages) > 100


@pytest.mark.parametrize(
    "smuggled",
    [
        '<img src="x" onerror="alert(1)">',
        '<a href="x"onclick="alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',  # browsers drop the tab
        '<a href="jav&#97;script:alert(1)">x</a>',
        '<a href=" javascript&#58;alert(1)">x</a>',
        "<a href=&#x6A;avascript:alert(1)>x</a>",
        '<form><button formaction="javascript:alert(1)">x</button></form>',
        '<SCRIPT>alert(1)</SCRIPT>',
        '<script title=">">alert(1)</script>',
    ],
)
def test_a_disguised_script_is_found_on_a_page(smuggled):
    import theme_scripts

    page = '<html><body><p>Texte ordinaire, avec un lien <a href="https://unia.be/?a=1&amp;b=2">ici</a>.</p>'
    _, problems = theme_scripts.check(page + smuggled + "</body></html>")
    assert len(problems) == 1, problems


def test_every_page_allows_only_the_theme_scripts_it_holds(built_site):
    """The policy of each page lists exactly the hashes of its own inline scripts, all of them the
    theme's: nothing more is allowed than what the page runs."""
    import base64
    import hashlib

    checked = 0
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        allowed = set(re.findall(r"'(sha256-[^']+)'", policy))
        inline = [
            m.group(2)
            for m in re.finditer(r"<script(\s[^>]*)?>(.*?)</script>", html, re.S)
            if not re.search(r"\ssrc=|application/json", m.group(1) or "")
        ]
        held = {"sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in inline}
        assert allowed == held, path
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        checked += 1
    assert checked > 100
