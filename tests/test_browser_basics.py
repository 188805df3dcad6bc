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


def test_a_directory_entry_switches_to_the_same_entry_in_the_other_language(site_url, visit):
    page = visit.page
    page.goto(site_url + "directory/")
    first = page.locator(".vav-cards a").first
    href = first.get_attribute("href")
    first.click()
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a[hreflang="nl"]').click()
    page.wait_for_load_state()
    assert page.url == site_url + "nl/directory/" + href
    assert page.locator("html").get_attribute("lang") == "nl"
    assert visit.outside == [], visit.outside
