"""The monitor end to end, through its command line, against fixture sites on 127.0.0.1: what it
requests and what it never requests, what it queues and why, what it reports, what a decision
produces (a dossier whose SHA-256 is right, a DSA notice quoting the address), what it forgets."""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import monitor_sites
import pytest

from visavis.dossier import read_dossier
from visavis.monitor.storage import Store

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "monitor"
CONTACT = "https://127.0.0.1/monitor-test-contact"
# Broken sites first: the good ones after them must still be read.
PATHS = {
    "missing": ("html", "fr"),
    "broken": ("html", "fr"),
    "loop-a": ("html", "fr"),
    "slow": ("html", "fr"),
    "huge": ("html", "fr"),
    "huge-stream": ("html", "fr"),
    "image": ("html", "fr"),
    "away": ("html", "fr"),
    "private/hate": ("html", "fr"),
    "to-private": ("html", "fr"),
    "charset": ("html", "fr"),
    "hate": ("html", "fr"),
    "hate-nl": ("html", "nl"),
    "counter": ("html", "fr"),
    "neutral": ("html", "fr"),
    "feed.xml": ("feed", "fr"),
}


def watchlist_text(base: str, retention: int = 30) -> str:
    sites = "".join(
        f"  - address: {base}{path}\n    kind: {kind}\n    language: {lang}\n    why: fixture\n"
        f"    added_by: tests\n    added_on: '2026-12-02'\n"
        for path, (kind, lang) in PATHS.items()
    )
    return (
        f"operator:\n  name: Monitor tests\n  contact: {CONTACT}\n"
        f"settings:\n  retention_days: {retention}\n  seconds_between_requests: 0.05\n  timeout_seconds: 0.4\n"
        f"  max_bytes: 200000\n  max_redirects: 3\nsites:\n{sites}"
    )


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "250"}  # the summary table on one line per site
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, cwd=ROOT)


class World:
    def __init__(self, folder: Path):
        self.outside = monitor_sites.start()
        self.site = monitor_sites.start(outside=self.outside.base)
        self.folder = folder
        self.watchlist = folder / "watchlist.yml"
        self.watchlist.write_text(watchlist_text(self.site.base), encoding="utf-8")
        self.db = folder / "monitor.db"
        self.first = cli("run", "--watchlist", str(self.watchlist), "--db", str(self.db))

    def items(self, status=None) -> list[dict]:
        with Store(self.db) as store:
            return store.items(status)

    def item(self, path: str) -> dict | None:
        return next((i for i in self.items() if i["url"] == self.site.base + path), None)

    def failures(self) -> dict[str, str]:
        with Store(self.db) as store:
            run = store.last_run()
        return {f["address"].removeprefix(self.site.base): f["reason"] for f in run["summary"]["failures"]}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    world = World(tmp_path_factory.mktemp("monitor"))
    assert world.first.returncode == 0, world.first.stdout + world.first.stderr
    yield world
    world.site.stop()
    world.outside.stop()


def test_disallowed_pages_are_never_requested(world):
    paths = world.site.paths()
    assert paths[0] == "/robots.txt"  # read before any page
    assert paths.count("/robots.txt") == 1
    assert "/private/hate" not in paths
    failures = world.failures()
    assert "robots.txt" in failures["private/hate"]
    assert "robots.txt" in failures["to-private"]  # a redirect into a disallowed path is not followed
    assert "/to-private" in paths


def test_no_host_outside_the_watchlist_is_contacted(world):
    assert world.outside.requests == []
    assert "not on the watchlist" in world.failures()["away"]


def test_a_bad_site_does_not_stop_the_run_and_is_reported(world):
    failures = world.failures()
    assert "404" in failures["missing"]
    assert "500" in failures["broken"]
    assert "redirect loop" in failures["loop-a"]
    assert "no answer within 0.4 s" in failures["slow"]
    assert "limit of 200,000" in failures["huge"]
    assert "limit of 200,000" in failures["huge-stream"]
    assert "not a web page or a feed (image/png)" in failures["image"]
    assert set(failures) == {
        "missing",
        "broken",
        "loop-a",
        "slow",
        "huge",
        "huge-stream",
        "image",
        "away",
        "private/hate",
        "to-private",
    }
    # the terminal summary names them too, and the good sites after them were read
    out = world.first.stdout
    assert "Read 6 of 16 sites" in out
    assert world.site.base + "slow" in out and "no answer" in out
    assert world.item("hate") is not None


def test_every_request_names_the_tool_and_its_operator_and_waits_its_turn(world):
    requests = world.site.requests
    assert all("VisAVisMonitor/1.0" in r.agent and CONTACT in r.agent for r in requests)
    starts = [r.at for r in requests]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.045, gaps  # 0.05 s between two requests to one host (timer slack)


def test_a_sites_own_crawl_delay_is_obeyed(tmp_path):
    from visavis.monitor.fetch import Fetcher
    from visavis.monitor.watchlist import Settings, host_of

    site = monitor_sites.start(robots="User-agent: *\nCrawl-delay: 1\n")
    try:
        fetcher = Fetcher(
            frozenset({host_of(site.base)}), Settings(seconds_between_requests=0.05), "VisAVisMonitor/1.0 (test)"
        )
        assert fetcher.fetch(site.base + "neutral").ok and fetcher.fetch(site.base + "counter").ok
        fetcher.close()
    finally:
        site.stop()
    assert site.paths() == ["/robots.txt", "/neutral", "/counter"]
    starts = [r.at for r in site.requests]
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(starts)), starts


def test_a_hateful_page_is_queued_with_its_reasons(world):
    item = world.item("hate")
    fired = {r["id"]: r for r in item["reasons"]}
    assert {"deshumanisation-nuisibles", "call_to_action", "groupe-origine"} <= set(fired)
    assert "vermine" in fired["deshumanisation-nuisibles"]["explain"]
    assert fired["call_to_action"]["excerpt"] == "Il faut les chasser du quartier, venez nombreux samedi."
    assert item["hint"] == "a" and item["score"] >= 2
    assert item["title"] == "Forum du quartier"
    assert "Accueil" not in item["text"]  # navigation and footer are not the page's text
    dutch = world.item("hate-nl")
    assert dutch["hint"] == "a" and {r["id"] for r in dutch["reasons"]} == {"threat"}


def test_neutral_and_counter_speech_pages_are_not_queued_nor_kept(world):
    assert world.item("neutral") is None
    assert world.item("counter") is None
    raw = world.db.read_bytes()
    assert b"familles migrantes" not in raw  # below the threshold nothing of a page is kept
    assert b"Qualifier les migrants" not in raw


def test_a_page_in_the_wrong_charset_is_read_right(world):
    item = world.item("charset")
    assert "Ces étrangers sont de la vermine" in item["text"]
    assert "Liège" in item["text"]


def test_feed_entries_are_scored_one_by_one(world):
    assert world.item("posts/1") is not None  # the hateful entry, at its own address
    assert world.item("posts/2") is None
    assert "/posts/1" not in world.site.paths()  # a feed's links are not followed


def test_the_database_schema_is_versioned(world):
    with sqlite3.connect(world.db) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_re_run_queues_nothing_twice(world):
    before = len(world.items())
    again = cli("run", "--watchlist", str(world.watchlist), "--db", str(world.db))
    assert again.returncode == 0, again.stderr
    assert "0 queued for review, 4 already queued or assessed" in again.stdout
    assert len(world.items()) == before == 4  # hate, hate-nl, charset, the feed's entry


def test_report_lists_the_queue_with_reasons(world):
    out = world.folder / "report"
    result = cli("report", "--db", str(world.db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.count("<section") == 4
    assert "deshumanisation-nuisibles" in html and "call_to_action" in html
    assert "(a) punissable par la loi pénale" in html
    assert "<script" not in html
    assert world.site.base + "slow" in html  # the failing sites of the last run


def test_report_is_accessible_and_loads_nothing(world, browser):
    from axe_playwright_python.sync_playwright import Axe

    out = world.folder / "report-nl"
    assert cli("report", "--db", str(world.db), "--out", str(out), "--lang", "nl").returncode == 0
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    violations = []
    page.on("console", lambda msg: msg.type == "error" and violations.append(msg.text))
    page.goto((out / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "Monitor: na te lezen elementen"
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    found = [f"{v['id']}: {v['help']}" for v in results.response["violations"]]
    context.close()
    assert found == []
    assert violations == []  # no CSP violation (the style is allowed by its hash)
    assert requests == [(out / "index.html").as_uri()]


def test_decide_captures_evidence_and_prefills_the_dsa_notice(world):
    item = world.item("hate")
    result = cli(
        "decide",
        "--db",
        str(world.db),
        str(item["id"]),
        "hate-a",
        "--note",
        "Appel à chasser un groupe.",
        "--watchlist",
        str(world.watchlist),
    )
    assert result.returncode == 0, result.stderr
    folder = world.db.parent / "evidence" / f"item-{item['id']}"
    dossier, files = read_dossier(folder / f"dossier-item-{item['id']}.zip")  # verifies every hash
    entry = dossier["items"][0]
    assert entry["url"] == world.site.base + "hate"
    assert entry["seen_at"] == item["fetched_at"] and datetime.fromisoformat(entry["seen_at"]).utcoffset() is not None
    snapshot = entry["files"][0]
    # the SHA-256 of what the server sent, computed here from the fixture itself
    assert snapshot["sha256"] == hashlib.sha256(monitor_sites.HATE_FR.encode()).hexdigest()
    assert files[snapshot["path"]] == monitor_sites.HATE_FR.encode()
    notice = (folder / f"dsa-notice-item-{item['id']}-fr.txt").read_text(encoding="utf-8")
    assert world.site.base + "hate" in notice
    assert snapshot["sha256"] in notice
    assert "Appel à chasser un groupe." in notice
    assert "Monitor tests" in notice
    assert "en raison de : l'origine, la couleur de peau ou la nationalité." in notice  # the group the page names
    assert "article 16" in notice
    with Store(world.db) as store:
        assert store.item(item["id"])["status"] == "hate-a"
        assert any(row["content_hash"] == item["content_hash"] for row in store.assessed())
    again = cli("decide", "--db", str(world.db), str(item["id"]), "not-hate")
    assert again.returncode == 1 and "already decided" in again.stderr


def test_retention_purges_unconfirmed_items_only(world, tmp_path):
    copy = tmp_path / "old.db"
    copy.write_bytes(world.db.read_bytes())
    with Store(copy) as store:
        pending = store.items("pending")
        store.decide(pending[0]["id"], "not-hate", "", datetime.now().astimezone())
        confirmed = [i["id"] for i in store.items(None) if i["status"].startswith("hate-")]
        assert confirmed, "the decide test confirmed one item first"
        # nothing is old yet
        assert store.purge(30) == 0
        in_31_days = datetime.now().astimezone() + timedelta(days=31)
        assert store.purge(30, when=in_31_days) == 3  # two pending and one judged not hate
        assert [i["id"] for i in store.items(None)] == confirmed
        assert len(store.assessed()) == 2  # the hashes (no content) stay: never queued twice
    assert b"Ces r\xc3\xa9fugi\xc3\xa9s" not in copy.read_bytes()  # the text is gone from the file too
