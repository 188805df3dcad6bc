"""For teachers: the lesson sheets and their table, the classification exercise, the offline pack
opened from the file system, the guide PDFs, and clean printing."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from helpers import ROOT, load_site

from visavis.features.downloads import packs

SITE = load_site()
LANGS = SITE.languages


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + SITE.config.prefix(lang) + path


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_pack_works_from_the_file_system_search_included(browser, built_site, tmp_path, lang):
    with zipfile.ZipFile(built_site / packs.DOWNLOADS / packs.zip_name(lang)) as pack:
        pack.extractall(tmp_path)
    start = tmp_path / f"vis-a-vis-{lang}" / packs.OPEN_FILE[lang]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(start.as_uri())
        page.wait_for_url("**/index.html")
        home = page.url
        assert page.locator("html").get_attribute("lang") == lang
        # opened from the file system, no server sends headers: the page carries its own policy
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        page.locator("a.vav-search-open").first.click()
        word = {"fr": "Télé-Accueil", "nl": "luisterlijn"}[lang]
        page.locator("#vav-search-input").wait_for()  # shown once the search script runs
        page.locator("#vav-search-input").press_sequentially(word, delay=20)
        result = page.locator(".vav-search__result").first
        result.wait_for()
        assert page.locator(".vav-search__result a").first.evaluate("a => a.href").startswith("file://")
        assert outside == [] and errors == [] and page.evaluate("window.__csp") == []
        # and from a page deeper in the pack (the search worker's address differs with the depth)
        page.goto(home.replace("index.html", "directory/recourse/keep-evidence.html"))
        page.locator("a.vav-search-open").first.click()
        page.locator("#vav-search-input").wait_for()  # shown once the search script runs
        page.locator("#vav-search-input").press_sequentially(word, delay=20)
        page.locator(".vav-search__result").first.wait_for()
        assert outside == [] and errors == [] and page.evaluate("window.__csp") == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_pdf_has_every_chapter_and_enough_pages(built_site, lang):
    pdf = built_site / packs.DOWNLOADS / packs.pdf_name(lang)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 30
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    for chapter in SITE.config.guide_chapters:
        source = (ROOT / "docs" / lang / chapter).read_text(encoding="utf-8")
        title = re.search(r"(?m)^# (.+)$", source).group(1)
        assert " ".join(title.split()) in text, (lang, title)
    # The contents page gives, for every chapter, the page where that chapter really starts (the
    # footer's "2 / 88" must not pass for it).
    toc = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for chapter in SITE.config.guide_chapters:
        title = " ".join(
            re.search(r"(?m)^# (.+)$", (ROOT / "docs" / lang / chapter).read_text(encoding="utf-8")).group(1).split()
        )
        line = next(
            (" ".join(row.split()) for row in toc.splitlines() if " ".join(row.split()).startswith(title)), None
        )
        assert line, (lang, title, toc)
        number = re.search(r"(\d+)$", line)
        assert number, (lang, "no page number for", title)
        start = subprocess.run(
            ["pdftotext", "-f", number.group(1), "-l", number.group(1), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert " ".join(start.split()).startswith(title), (lang, title, number.group(1))


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
