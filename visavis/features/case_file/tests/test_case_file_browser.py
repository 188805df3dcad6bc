"""The case file as a person uses it, in Chromium, in both languages, on a phone and a desktop:
log evidence with files, check the hashes against Python's, export a dossier that `sha256sum -c`
verifies, import it elsewhere, write letters, follow steps and deadlines, keep it on the device
(with a passphrase) and erase it; nothing leaves the page's host and nothing but GET is asked."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from helpers import ROOT
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conftest import Visit
from visavis.dossier import DossierError, read_dossier

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PREFIX = {"fr": "", "nl": "nl/"}
# What the person types, and what the page must then show (written here, not computed by the page).
ITEMS = [
    {
        "platform": "facebook",
        "url": "https://www.facebook.com/permalink.php?story_fbid=1234567890",
        "account": "Jean Haineux",
        "seen": "2026-11-28T21:14",
        "description": "Insulte sur mes origines sous ma photo",
        "files": {"capture-1.png": 3000, "capture-2.png": 5000},
    },
    {
        "platform": "tiktok",
        "url": "https://www.tiktok.com/@compte.x/video/7300000000000000000",
        "account": "@compte.x",
        "seen": "2026-11-29T08:05",
        "description": "Vidéo qui appelle à me frapper",
        "files": {"video.mp4": 20000},
    },
    {
        "platform": "",
        "platform_name": "Forum de quartier",
        "url": "https://forum.example.org/t/42#post-7",
        "account": "anonyme42",
        "seen": "2026-11-30T23:59",
        "description": "Mon adresse publiée",
        "files": {"page.pdf": 1200},
    },
]
MONTHS = {"fr": {11: "novembre"}, "nl": {11: "november"}}
LETTERS = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "directory/letters").glob("*.yml"))
}


def open_case_file(browser, site_url, lang="fr", viewport=PHONE, path="case-file/", on_dialog=None):
    context = browser.new_context(
        viewport=viewport,
        service_workers="block",
        accept_downloads=True,
        timezone_id="Europe/Brussels",
        locale=f"{lang}-BE",
    )
    visit = Visit(context)
    visit.page.on("dialog", on_dialog or (lambda dialog: dialog.accept()))  # "erase everything?" — yes
    visit.page.goto(site_url + PREFIX[lang] + path)
    visit.page.wait_for_selector("[data-vav-cf-app]:not([hidden])")
    return visit


def make_file(folder: Path, name: str, size: int, seed: str) -> Path:
    path = folder / seed / name
    path.parent.mkdir(parents=True, exist_ok=True)
    block = hashlib.sha256(seed.encode() + name.encode()).digest()
    path.write_bytes((block * (size // len(block) + 1))[:size])
    return path


def add_item(page, item, files: list[Path]):
    page.select_option("#vav-cf-platform", item["platform"])
    page.fill("#vav-cf-platform-name", item.get("platform_name", ""))
    page.fill("#vav-cf-url", item["url"])
    page.fill("#vav-cf-account", item["account"])
    page.fill("#vav-cf-seen", item["seen"])
    page.fill("#vav-cf-description", item["description"])
    if files:
        page.set_input_files("#vav-cf-files", [str(f) for f in files])
    count = page.locator("[data-vav-cf-items] > li h3").count()
    page.click("[data-vav-cf-item-form] button[type=submit]")
    page.locator("[data-vav-cf-items] > li h3").nth(count).wait_for()  # (no string waits: the CSP forbids eval)


def log_items(page, tmp_path, items=ITEMS) -> dict[str, str]:
    """Add the items; returns {file name: SHA-256 computed by hashlib}."""
    expected = {}
    for n, item in enumerate(items):
        files = [make_file(tmp_path, name, size, f"item{n}") for name, size in item["files"].items()]
        expected.update({f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files})
        add_item(page, item, files)
    return expected


def export(page, target: Path) -> Path:
    with page.expect_download() as download:
        page.click("[data-vav-cf-action=export]")
    download.value.save_as(target)
    return target


def import_zip(page, zip_path: Path) -> str:
    page.set_input_files("[data-vav-cf-import]", str(zip_path))
    status = page.locator("[data-vav-cf-dossier-status]")
    expect(status).not_to_have_text(re.compile(r"…$|^$"), timeout=20000)
    return status.inner_text()


def databases(page) -> list[str]:
    return page.evaluate("indexedDB.databases().then(list => list.map(d => d.name))")


def assert_private(visit):
    assert visit.outside == [], visit.outside
    assert visit.methods == {"GET"}, visit.methods
    assert visit.console_errors == [], visit.console_errors
    assert visit.csp_violations() == []


@pytest.mark.parametrize(("lang", "viewport"), [("fr", PHONE), ("nl", DESKTOP), ("nl", PHONE), ("fr", DESKTOP)])
def test_three_items_on_a_device_give_a_dossier_anyone_can_verify(browser, site_url, tmp_path, lang, viewport):
    visit = open_case_file(browser, site_url, lang, viewport)
    page = visit.page
    expected = log_items(page, tmp_path)
    shown = page.locator("[data-vav-cf-items] code").all_inner_texts()
    assert sorted(shown) == sorted(expected.values())
    text = page.locator("[data-vav-cf-items]").inner_text()
    assert "28 " + MONTHS[lang][11] + " 2026" in text and "(UTC+01:00)" in text
    assert databases(page) == []  # nothing kept before the person asks

    zip_path = export(page, tmp_path / "dossier.zip")
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(zip_path).extractall(unpacked)
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 4 + 2  # the four files, dossier.json and summary.html
    dossier, _files = read_dossier(zip_path)  # schema and hashes, by our reader
    assert [i["url"] for i in dossier["items"]] == [i["url"] for i in ITEMS]
    assert dossier["items"][0]["seen_at"] == "2026-11-28T21:14:00+01:00"
    assert dossier["items"][2]["platform_name"] == "Forum de quartier"
    assert {f["name"]: f["sha256"] for i in dossier["items"] for f in i["files"]} == expected
    summary = (unpacked / "summary.html").read_text(encoding="utf-8")
    assert all(h in summary for h in expected.values()) and "<script" not in summary
    assert_private(visit)
    visit.context.close()


def test_export_then_import_round_trips_exactly_and_keeps_what_was_there(browser, site_url, tmp_path):
    first = open_case_file(browser, site_url, "fr")
    log_items(first.page, tmp_path)
    first.page.select_option("#vav-cf-stage", "platform-notice")
    first.page.fill("#vav-cf-step-date", "2026-11-29")
    first.page.fill("#vav-cf-step-reference", "FB-REPORT-778899")
    first.page.click("[data-vav-cf-step-form] button[type=submit]")
    a = export(first.page, tmp_path / "a.zip")
    first.context.close()

    second = open_case_file(browser, site_url, "fr")
    assert "3" in import_zip(second.page, a)
    b = export(second.page, tmp_path / "b.zip")
    (da, fa), (db, fb) = read_dossier(a), read_dossier(b)
    assert da["items"] == db["items"] and da["steps"] == db["steps"] and fa == fb

    # importing into a log that already holds an item keeps it, and adds the others after it
    third = open_case_file(browser, site_url, "nl", DESKTOP)
    mine = {**ITEMS[0], "url": "https://www.instagram.com/p/already-here/", "platform": "instagram", "files": {}}
    add_item(third.page, mine, [])
    import_zip(third.page, a)
    urls = [li.inner_text() for li in third.page.locator("[data-vav-cf-items] > li").all()]
    assert len(urls) == 4 and "already-here" in urls[0]
    for visit in (second, third):
        assert_private(visit)
        visit.context.close()


def altered(source: Path, target: Path, member: str) -> Path:
    """The same dossier with one byte of ``member`` changed (hashes left as they were)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = bytes([data[0] ^ 1]) + data[1:]
            zout.writestr(info.filename, data)
    return target


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_dossier_with_an_altered_file_is_refused_naming_the_item_and_nothing_is_lost(
    browser, site_url, tmp_path, lang
):
    visit = open_case_file(browser, site_url, lang)
    log_items(visit.page, tmp_path)
    good = export(visit.page, tmp_path / "good.zip")
    bad = altered(good, tmp_path / "bad.zip", "files/item-2/1-video.mp4")
    with pytest.raises(DossierError, match="item-2"):  # our Python reader agrees
        read_dossier(bad)
    before = visit.page.locator("[data-vav-cf-items]").inner_text()
    message = import_zip(visit.page, bad)
    word = {"fr": "preuve 2", "nl": "bewijs 2"}[lang]
    assert word in message and "video.mp4" in message and ITEMS[1]["url"] in message
    assert visit.page.locator("[data-vav-cf-items]").inner_text() == before
    not_zip = tmp_path / "notes.zip"
    not_zip.write_bytes(b"just some text")
    assert {"fr": "refusé", "nl": "geweigerd"}[lang] in import_zip(visit.page, not_zip)
    assert visit.page.locator("[data-vav-cf-items]").inner_text() == before
    visit.context.close()


def test_kept_on_the_device_it_survives_a_reload_and_the_quick_exit_and_erase_leaves_no_database(
    browser, site_url, tmp_path
):
    visit = open_case_file(browser, site_url, "fr", DESKTOP)
    page = visit.page
    expected = log_items(page, tmp_path, ITEMS[:1])
    assert databases(page) == []
    page.click("[data-vav-cf-keep] button[type=submit]")
    page.locator("[data-vav-cf-keep]").wait_for(state="hidden")
    assert databases(page) == ["vis-a-vis-case-file"]
    page.click("[data-vav-exit]")  # the quick exit leaves at once (no "leave this page?" prompt)
    for _ in range(50):
        if any("meteo.be" in u for u in visit.outside):
            break
        page.wait_for_timeout(100)
    assert any("meteo.be" in u for u in visit.outside)
    visit.outside.clear()
    page.goto(site_url + "case-file/")
    page.wait_for_selector("[data-vav-cf-items] code")
    assert sorted(page.locator("[data-vav-cf-items] code").all_inner_texts()) == sorted(expected.values())
    page.click("[data-vav-cf-action=erase]")
    page.locator("[data-vav-cf-items] code").first.wait_for(state="detached")
    expect(page.locator("[data-vav-cf-status]")).to_contain_text("effacé")
    assert databases(page) == []
    page.reload()
    page.wait_for_selector("[data-vav-cf-app]:not([hidden])")
    assert page.locator("[data-vav-cf-items] code").count() == 0 and databases(page) == []
    assert_private(visit)
    visit.context.close()


def test_a_passphrase_locks_the_file_and_a_wrong_one_fails_clearly(browser, site_url, tmp_path):
    visit = open_case_file(browser, site_url, "nl")
    page = visit.page
    expected = log_items(page, tmp_path, ITEMS[:2])
    page.fill("#vav-cf-pass", "kort")
    page.click("[data-vav-cf-keep] button[type=submit]")
    assert "8" in page.inner_text("[data-vav-cf-status]") and databases(page) == []
    page.fill("#vav-cf-pass", "paard batterij nietje 42")
    page.click("[data-vav-cf-keep] button[type=submit]")
    page.locator("[data-vav-cf-keep]").wait_for(state="hidden", timeout=20000)
    # what is stored is ciphertext: neither the address nor the account can be read in it
    raw = page.evaluate(
        """() => new Promise(ok => { const r = indexedDB.open('vis-a-vis-case-file'); r.onsuccess = () => {
        const g = r.result.transaction('records').objectStore('records').get('state');
        g.onsuccess = () => { const v = g.result; r.result.close();
          ok(typeof v === 'string' ? v : new TextDecoder('latin1').decode(v.data)); }; }; })"""
    )
    assert ITEMS[0]["url"] not in raw and ITEMS[0]["account"] not in raw
    page.reload()
    page.wait_for_selector("[data-vav-cf-unlock]:not([hidden])")
    assert page.locator("[data-vav-cf-items] code").count() == 0
    page.fill("#vav-cf-unlock-pass", "paard batterij nietje 43")
    page.click("[data-vav-cf-unlock] button[type=submit]")
    expect(page.locator("[data-vav-cf-unlock-error]")).to_contain_text("wachtwoordzin", timeout=20000)
    assert page.locator("[data-vav-cf-items] code").count() == 0
    page.fill("#vav-cf-unlock-pass", "paard batterij nietje 42")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-vav-cf-items] code", timeout=20000)
    assert sorted(page.locator("[data-vav-cf-items] code").all_inner_texts()) == sorted(expected.values())
    assert "versleuteld" in page.inner_text("[data-vav-cf-status]")
    page.get_by_role("button", name="Nu vergrendelen").click()  # someone comes near: lock it now
    page.locator("[data-vav-cf-unlock]").wait_for()
    assert page.locator("[data-vav-cf-items] code").count() == 0
    assert page.evaluate("document.activeElement.id") == "vav-cf-unlock-pass"
    assert_private(visit)
    visit.context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_letter_carries_the_facts_entered_and_its_legal_basis(browser, site_url, tmp_path, lang):
    visit = open_case_file(browser, site_url, lang, DESKTOP)
    page = visit.page
    log_items(page, tmp_path, ITEMS[:1])
    page.fill("#vav-cf-name", "Amina Test")
    page.fill("#vav-cf-email", "amina@example.org")
    day = {"fr": "28 novembre 2026", "nl": "28 november 2026"}[lang]
    for letter_id, letter in LETTERS.items():
        page.select_option("#vav-cf-letter", letter_id)
        if page.locator("#vav-cf-reference").is_visible():
            page.fill("#vav-cf-reference", "REF-2026-001")
        text = page.input_value("[data-vav-cf-letter-text]")
        body = letter["body"][lang] + letter["subject"][lang]
        if "{url}" in body or "{evidence_list}" in body:
            assert ITEMS[0]["url"] in text, letter_id
        if "{seen_at}" in body or "{evidence_list}" in body:
            assert day in text, letter_id
        if "{name}" in body:
            assert "Amina Test" in text, letter_id
        if "{reference}" in body:
            assert "REF-2026-001" in text, letter_id
        assert not re.search(r"\{[a-z_]+\}", text), letter_id  # no placeholder left as code
        shown = page.locator("[data-vav-cf-letter-basis] a").all_inner_texts()
        assert shown == [b["title"][lang] for b in letter["legal_basis"]], letter_id
    # words changed by hand in the draft survive a change of the person's details, until "redo"
    page.select_option("#vav-cf-letter", "report-unia")
    page.fill("[data-vav-cf-letter-text]", page.input_value("[data-vav-cf-letter-text]") + "\nMon ajout.")
    page.fill("#vav-cf-name", "Amina Test-Edit")
    assert page.input_value("[data-vav-cf-letter-text]").endswith("Mon ajout.")
    page.click("[data-vav-cf-action=redo-letter]")
    assert "Mon ajout." not in page.input_value("[data-vav-cf-letter-text]")
    page.fill("#vav-cf-name", "Amina Test")
    # print: the letter alone goes to the printer (window.print is stubbed to read what it would print)
    page.select_option("#vav-cf-letter", "complaint-prosecutor")
    page.evaluate(
        "window.print = () => { window.__printed = document.querySelector('[data-vav-cf-print]').innerText; }"
    )
    page.click("[data-vav-cf-action=print-letter]")
    printed = page.evaluate("window.__printed")
    assert ITEMS[0]["url"] in printed and "Amina Test" in printed
    assert printed.strip() == page.input_value("[data-vav-cf-letter-text]").strip()
    # download as text; "open in my e-mail" only after the warning, on click
    page.select_option("#vav-cf-letter", "dsa-notice")
    with page.expect_download() as download:
        page.click("[data-vav-cf-action=download-letter]")
    assert ITEMS[0]["url"] in Path(download.value.path()).read_text(encoding="utf-8")
    assert page.get_attribute("[data-vav-cf-mailto]", "href") == "#"
    page.click("[data-vav-cf-action=email]")
    assert page.locator("[data-vav-cf-email-confirm]").is_visible()
    assert page.get_attribute("[data-vav-cf-mailto]", "href").startswith("mailto:")
    assert_private(visit)
    visit.context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_minors_rule_refuses_the_file_and_explains(browser, site_url, tmp_path, lang):
    visit = open_case_file(browser, site_url, lang)
    page = visit.page
    image = make_file(tmp_path, "photo.jpg", 4000, "minor")
    page.fill("#vav-cf-url", "https://www.instagram.com/p/xyz/")
    page.locator("#vav-cf-url").dispatch_event("change")
    assert page.input_value("#vav-cf-platform") == "instagram"  # suggested from the address
    page.fill("#vav-cf-seen", "2026-11-30T10:00")
    page.set_input_files("#vav-cf-files", str(image))
    page.check("#vav-cf-minor")
    why = page.locator("[data-vav-cf-minor-why]")
    assert why.is_visible() and "Child Focus" in why.inner_text() and "116 000" in why.inner_text()
    assert page.locator("#vav-cf-files").is_disabled()
    page.click("[data-vav-cf-item-form] button[type=submit]")
    page.wait_for_selector("[data-vav-cf-items] > li h3")
    assert page.locator("[data-vav-cf-items] code").count() == 0  # no file, no hash: the image was never read
    dossier, files = read_dossier(export(page, tmp_path / "d.zip"))
    assert dossier["items"][0]["files"] == [] and files == {}
    visit.context.close()


def test_steps_show_their_deadlines_the_ladder_and_a_calendar_file(browser, site_url, tmp_path):
    visit = open_case_file(browser, site_url, "fr", DESKTOP)
    page = visit.page

    def step(stage, date, outcome="waiting", decision=""):
        page.select_option("#vav-cf-stage", stage)
        page.fill("#vav-cf-step-date", date)
        page.select_option("#vav-cf-step-outcome", outcome)
        page.fill("#vav-cf-step-decision", decision)
        page.click("[data-vav-cf-step-form] button[type=submit]")

    step("platform-notice", "2026-01-20", "refused", "2026-01-31")
    steps = page.locator("[data-vav-cf-steps]")
    # six months after a decision of 31 January: 31 July (DSA art. 20)
    assert "31 juillet 2026" in steps.inner_text()
    assert "Réclamation interne contre la décision de la plateforme" in steps.inner_text()
    steps.get_by_role("button", name="Écrire la lettre").click()
    assert page.input_value("#vav-cf-letter") == "dsa-internal-complaint"
    step("gdpr-erasure", "2026-01-31")
    # one month from 31 January: the last day of February (no 31 February)
    assert "28 février 2026" in steps.inner_text()
    with page.expect_download() as download:
        page.click("[data-vav-cf-action=ics]")
    ics = Path(download.value.path()).read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20260731" in ics and "DTSTART;VALUE=DATE:20260228" in ics
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert_private(visit)
    visit.context.close()


def test_keyboard_only_a_person_logs_an_item_and_exports(browser, site_url, tmp_path):
    visit = open_case_file(browser, site_url, "fr")
    page = visit.page
    reached = []
    for _ in range(80):  # Tab from the top reaches every control of the form, in order
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.id || document.activeElement.getAttribute('data-vav-cf-action')")
        )
        if reached[-1] == "vav-cf-url":
            break
    assert "vav-cf-platform" in reached and reached[-1] == "vav-cf-url"
    page.keyboard.type(ITEMS[0]["url"])
    page.keyboard.press("Tab")
    page.keyboard.type(ITEMS[0]["account"])
    page.keyboard.press("Tab")  # the time seen starts at now (the browser's own widget, left as it is)
    assert page.evaluate("document.activeElement.id") == "vav-cf-seen"
    for _ in range(10):  # Tab also walks the field's parts (day, month, year, hour, minute)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != "vav-cf-seen":
            break
    assert page.evaluate("document.activeElement.id") == "vav-cf-description"
    page.keyboard.type("Insulte")
    page.locator("#vav-cf-url").focus()
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector("[data-vav-cf-items] > li h3")
    today = page.evaluate("new Date().toLocaleDateString('fr-BE', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert today in page.inner_text("[data-vav-cf-items]") and ITEMS[0]["url"] in page.inner_text("[data-vav-cf-items]")
    page.locator("[data-vav-cf-action=export]").focus()
    with page.expect_download():
        page.keyboard.press("Enter")
    visit.context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_filled_case_file_is_axe_clean(browser, site_url, tmp_path, lang):
    visit = open_case_file(browser, site_url, lang)
    log_items(visit.page, tmp_path, ITEMS[:1])
    visit.page.check("#vav-cf-minor")
    visit.page.select_option("#vav-cf-stage", "platform-notice")
    visit.page.fill("#vav-cf-step-date", "2026-11-29")
    visit.page.select_option("#vav-cf-step-outcome", "refused")
    visit.page.fill("#vav-cf-step-decision", "2026-11-30")
    visit.page.click("[data-vav-cf-step-form] button[type=submit]")
    results = Axe().run(visit.page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    violations = [f"{v['id']}: {v['help']} {v['nodes'][0]['target']}" for v in results.response["violations"]]
    assert violations == [], "\n".join(violations)
    visit.context.close()


def test_without_javascript_the_page_says_how_to_keep_evidence_and_each_letter_has_blanks(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "case-file/")
    assert page.locator("[data-vav-cf-app]").is_hidden()
    # crisis and youth lines before anything else, as on every page a person in distress may land on
    first = page.locator("article h1 ~ *").first
    assert "vav-crisis" in (first.get_attribute("class") or "") + first.inner_html()
    assert page.locator('.vav-crisis a[href="tel:116000"]').count() == 1
    text = page.inner_text("article")
    assert "Garder ses preuves à la main" in text and "Bien capturer une preuve" in text
    links = page.locator(".vav-cf-letters a")
    assert links.count() == len(LETTERS)
    links.filter(has_text=LETTERS["dsa-notice"]["title"]["fr"]).click()
    letter = page.inner_text("article")
    assert "[l'adresse exacte du contenu]" in letter and "[votre nom]" in letter
    assert page.locator(".vav-sources a").count() == len(LETTERS["dsa-notice"]["legal_basis"])
    page.goto(site_url + "nl/case-file/letters/complaint-prosecutor/")
    assert "[je naam]" in page.inner_text("article")
    context.close()


def test_the_case_file_is_linked_where_people_need_it(built_site, browser, site_url):
    from helpers import load_site

    site = load_site()
    pages = ["guide/right-now/index.html", "self-assessment/index.html"] + [
        f"directory/recourse/{r}/index.html" for r in site.catalog.entries["recourse"]
    ]
    for lang in ("fr", "nl"):
        for page in pages:
            html = (built_site / PREFIX[lang] / page).read_text(encoding="utf-8")
            assert re.search(r'href="[./]*case-file/"', html), (lang, page)
    # the route of the platform lists its letters
    html = (built_site / "directory/recourse/report-to-platform/index.html").read_text(encoding="utf-8")
    assert "case-file/letters/dsa-notice/" in html and "case-file/letters/dsa-internal-complaint/" in html
    # the ground named in the self-assessment comes along in the fragment, then leaves the address
    visit = open_case_file(browser, site_url, "fr", path="case-file/#ground=Religion%20ou%20conviction")
    assert visit.page.input_value("#vav-cf-ground") == "Religion ou conviction"
    assert visit.page.evaluate("location.hash") == ""
    visit.context.close()


def test_the_zip_library_is_the_pinned_npm_file_and_loads_only_for_a_dossier(browser, site_url, tmp_path):
    vendor = ROOT / "docs/assets/javascripts/vendor/fflate"
    written = re.search(r"SHA-256 of `fflate.min.js`: `([0-9a-f]{64})`", (vendor / "VENDOR.txt").read_text()).group(1)
    assert hashlib.sha256((vendor / "fflate.min.js").read_bytes()).hexdigest() == written
    assert "MIT License" in (vendor / "LICENSE").read_text()
    visit = open_case_file(browser, site_url, "fr")
    assert not any("fflate" in u for u in visit.requests)
    log_items(visit.page, tmp_path, ITEMS[2:])
    export(visit.page, tmp_path / "d.zip")
    assert any(u.endswith("vendor/fflate/fflate.min.js") for u in visit.requests)
    visit.context.close()


def test_the_python_reader_refuses_a_dossier_whose_sums_were_rewritten_but_not_its_json(tmp_path, browser, site_url):
    """Someone swaps a file and rewrites SHA256SUMS to match: dossier.json still names the old hash."""
    visit = open_case_file(browser, site_url, "fr")
    log_items(visit.page, tmp_path, ITEMS[2:])
    good = export(visit.page, tmp_path / "good.zip")
    visit.context.close()
    with zipfile.ZipFile(good) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    path = next(n for n in members if n.startswith("files/"))
    members[path] = b"another file"
    members["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(v).hexdigest()}  {n}\n" for n, v in sorted(members.items()) if n != "SHA256SUMS"
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zout:
        for n, v in members.items():
            zout.writestr(n, v)
    with pytest.raises(DossierError, match="item-1"):
        read_dossier(buffer.getvalue())
    unpacked = tmp_path / "u"
    zipfile.ZipFile(io.BytesIO(buffer.getvalue())).extractall(unpacked)
    dossier = json.loads((unpacked / "dossier.json").read_text())
    assert dossier["items"][0]["files"][0]["sha256"] != hashlib.sha256(b"another file").hexdigest()
    shutil.rmtree(unpacked)


def test_the_script_keeps_its_size_budget(built_site):
    """12 KB gzipped for case-file.js as published (scripts/benchmark-case-file prints the figure)."""
    import gzip

    script = (built_site / "assets/features/case-file/case-file.js").read_bytes()
    assert len(gzip.compress(script, 6)) <= 12 * 1024


def test_leaving_with_a_log_kept_nowhere_asks_first(browser, site_url, tmp_path):
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    visit = open_case_file(browser, site_url, "fr", on_dialog=answer)
    page = visit.page
    page.goto(site_url + "guide/right-now/")  # an empty log: nothing to ask
    assert asked == []
    page.goto(site_url + "case-file/")
    log_items(page, tmp_path, ITEMS[2:])
    with contextlib.suppress(PlaywrightError):  # staying cancels the navigation
        page.goto(site_url + "guide/right-now/", timeout=5000)
    assert asked == ["beforeunload"]
    assert page.locator("[data-vav-cf-items] > li h3").count() == 1
    visit.context.close()


def test_a_dossier_written_by_the_python_core_opens_in_the_case_file(browser, site_url, tmp_path):
    """One format for the case file and the monitor: what visavis/dossier.py writes, the page reads."""
    from helpers import load_site

    from visavis.dossier import write_dossier

    data = b"\x89PNG evidence from the monitor"
    digest = hashlib.sha256(data).hexdigest()
    dossier = {
        "format": "vis-a-vis-dossier",
        "version": 1,
        "created": "2026-12-02T10:00:00+01:00",
        "language": "nl",
        "items": [
            {
                "id": "item-1",
                "platform": "youtube",
                "platform_name": "YouTube",
                "url": "https://www.youtube.com/watch?v=abc",
                "account": "@kanaal",
                "seen_at": "2026-12-01T21:14:00+01:00",
                "description": "Oproep tot geweld",
                "files": [
                    {
                        "path": "files/item-1/1-snapshot.png",
                        "name": "snapshot.png",
                        "type": "image/png",
                        "size": len(data),
                        "sha256": digest,
                        "added_at": "2026-12-02T09:00:00+01:00",
                    }
                ],
            }
        ],
        "steps": [],
    }
    target = tmp_path / "monitor.zip"
    write_dossier(target, dossier, {"files/item-1/1-snapshot.png": data}, load_site().catalog.labels_for("nl", "ui"))
    visit = open_case_file(browser, site_url, "nl")
    assert "1" in import_zip(visit.page, target)
    assert visit.page.locator("[data-vav-cf-items] code").all_inner_texts() == [digest]
    assert "youtube.com/watch?v=abc" in visit.page.inner_text("[data-vav-cf-items]")
    visit.context.close()


def test_the_case_file_works_in_the_offline_pack_opened_from_the_file_system(built_site, browser, tmp_path):
    """A teacher or a help desk hands out the offline pack: the case file works from file:// too."""
    with zipfile.ZipFile(built_site / "downloads/vis-a-vis-offline-nl.zip") as pack:
        pack.extractall(tmp_path / "pack")
    context = browser.new_context(accept_downloads=True, timezone_id="Europe/Brussels")
    page = context.new_page()
    page.goto((tmp_path / "pack/vis-a-vis-nl/case-file/index.html").as_uri())
    page.wait_for_selector("[data-vav-cf-app]:not([hidden])")
    expected = log_items(page, tmp_path, ITEMS[:1])
    dossier, _ = read_dossier(export(page, tmp_path / "offline.zip"))
    assert {f["name"]: f["sha256"] for f in dossier["items"][0]["files"]} == expected
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_from_the_self_assessment_plan_the_case_file_opens_with_the_ground_named(visit, site_url, lang):
    from helpers import answer_all

    page = visit.page
    page.goto(site_url + PREFIX[lang] + "self-assessment/")
    region = {"fr": "brussels", "nl": "flanders"}[lang]
    answer_all(page, ["no", "victim", "insult", "religion", "public", "no", region, lang])
    page.locator("[data-vav-sa-app] .vav-sa__nav .md-button--primary").click()  # "see my plan"
    link = page.locator('[data-vav-sa-app] a[href*="case-file/"]')
    assert link.count() == 1
    link.click()
    page.wait_for_selector("[data-vav-cf-app]:not([hidden])")
    ground = {"fr": "Religion ou conviction", "nl": "Geloof of levensbeschouwing"}[lang]
    assert page.input_value("#vav-cf-ground") == ground
    assert page.evaluate("location.hash") == ""  # taken out of the address at once
    page.select_option("#vav-cf-letter", "complaint-prosecutor")
    assert ground in page.input_value("[data-vav-cf-letter-text]")
