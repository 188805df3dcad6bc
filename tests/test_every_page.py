"""Every built page of every language, in headless Chromium, served with the shipped security
headers: nothing leaves 127.0.0.1, no console error, no CSP violation, no axe-core violation of
WCAG 2.1 A/AA, and the quick exit is there and focusable."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import ROOT

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def all_pages() -> list[str]:
    """Every HTML page the build produces (listed from a fresh data walk, not hard-coded)."""
    from helpers import load_site

    site = load_site()
    pages = ["404.html"]
    for lang in site.languages:
        prefix = site.config.prefix(lang)
        docs = ROOT / "docs" / site.languages[0]
        hand_written = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
        for path in sorted(set(hand_written) | set(site.pages)):
            stem = path[: -len(".md")]
            url = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
            pages.append(prefix + url)
    return pages


PAGES = all_pages()


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def shared_visit(browser):
    """One browser context for the whole crawl (fast); each page is checked on its own."""
    from conftest import Visit

    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    visit = Visit(context)
    yield visit
    context.close()


def test_the_crawl_covers_every_built_page(built_site):
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    crawled = {p + "index.html" if p.endswith("/") or p == "" else p for p in PAGES}
    assert built == crawled


@pytest.mark.parametrize("path", PAGES)
def test_page_is_private_clean_accessible_and_has_a_quick_exit(shared_visit, site_url, axe, path):
    visit = shared_visit
    visit.outside.clear()
    visit.console_errors.clear()
    page = visit.page
    # "load", not "networkidle" (half a second per page): a late request is still recorded by the
    # context and would fail this page's or the next page's check
    response = page.goto(site_url + path, wait_until="load")
    assert response.ok or path == "404.html"
    assert visit.outside == [], visit.outside
    assert visit.console_errors == [], visit.console_errors
    assert visit.csp_violations() == []
    exit_link = page.locator("[data-vav-exit]")
    assert exit_link.count() == 1 and exit_link.is_visible()
    page.keyboard.press("Tab")  # the quick exit is the first thing the keyboard reaches
    assert page.evaluate("document.activeElement.hasAttribute('data-vav-exit')")
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == [], "\n".join(violations)
