"""In a real browser: the home page, the language switch, and no request leaving the machine."""

from __future__ import annotations


def test_switching_from_the_french_home_lands_on_the_dutch_home(site_url, visit):
    page = visit.page
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "pas seul" in page.locator("h1").inner_text()
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a[hreflang="nl"]').click()
    page.wait_for_url(site_url + "nl/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "niet alleen" in page.locator("h1").inner_text()
    assert visit.outside == [], visit.outside
    assert visit.console_errors == [], visit.console_errors


def test_a_directory_entry_switches_to_the_same_entry_in_the_other_language(site_url, visit):
    page = visit.page
    page.goto(site_url + "directory/")
    first = page.locator("[data-vav-groups] .vav-card__name").first
    href = first.get_attribute("href")
    first.click()
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a[hreflang="nl"]').click()
    page.wait_for_load_state()
    assert page.url == site_url + "nl/directory/" + href
    assert page.locator("html").get_attribute("lang") == "nl"
    assert visit.outside == [], visit.outside
    assert visit.console_errors == [], visit.console_errors


def search(page, query: str) -> list[str]:
    """Open the search page from the header, type a query and return the texts of the results."""
    page.locator("a.vav-search-open").first.click()
    box = page.locator("#vav-search-input")
    box.wait_for()  # shown by the search script once it runs (without JavaScript the form stays hidden)
    box.press_sequentially(query, delay=20)
    results = page.locator(".vav-search__result")
    results.first.wait_for(timeout=10000)
    return results.all_inner_texts()


def test_search_finds_french_pages_in_french(site_url, visit):
    visit.page.goto(site_url)
    found = search(visit.page, "écoute")
    assert any("Télé-Accueil" in item for item in found), found
    assert visit.outside == []


def test_search_finds_dutch_pages_in_dutch(site_url, visit):
    visit.page.goto(site_url + "nl/")
    found = search(visit.page, "luisterlijn")
    assert found and all(
        "nl/" in href
        for href in visit.page.locator(".vav-search__result a").evaluate_all("links => links.map(a => a.href)")
    ), found
    assert visit.outside == []
