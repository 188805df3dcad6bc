"""Shared fixtures for every test (tests/ and each feature's tests/): a strict build of the real
site (once per test run), a local web server for it, and headless Chromium (Debian's, through
Playwright) that refuses any request leaving 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))  # mkdocs_settings: the site's settings, as the build reads them
sys.path.insert(0, str(ROOT / "tests"))  # helpers, for the tests of tests/ and of each feature
# A repository address, as the publishing workflow sets it, so that "edit" links are built and checked.
TEST_REPO_URL = "https://github.com/vis-a-vis-tests/vis-a-vis"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly by the same script as `make build`."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = subprocess.run(
        [sys.executable, "scripts/build", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "REPO_URL": TEST_REPO_URL},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port with the security headers the build ships in
    its `_headers` file, as a static host would; returns (url, server)."""
    from visavis.security import read_netlify_headers

    shipped = folder / "_headers"
    extra = read_netlify_headers(shipped.read_text(encoding="utf-8")) if shipped.exists() else {}
    handler = functools.partial(_QuietHandler, directory=str(folder), extra_headers=extra)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static host: the shipped headers, and gzip for text as every real host does."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def __init__(self, *args, extra_headers=None, **kwargs):
        self.extra_headers = extra_headers or {}
        super().__init__(*args, **kwargs)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in self.COMPRESSED):
            return super().send_head()
        import gzip
        import io

        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Serve the built site on 127.0.0.1 at a free port."""
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run scripts/ensure-browser (or `make test`)"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--disable-quic"])
        yield chromium
        chromium.close()


class Visit:
    """A browser page that records every request and blocks any that leaves 127.0.0.1."""

    def __init__(self, context):
        self.context = context
        self.requests: list[str] = []
        self.methods: set[str] = set()  # the HTTP methods the page used (a static site needs only GET)
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        context.route("**/*", self._route)
        # Content-Security-Policy violations are collected on the page itself.
        context.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page = context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))

    def csp_violations(self) -> list:
        return self.page.evaluate("window.__cspViolations || []")

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        self.methods.add(route.request.method)
        host = urlsplit(url).hostname
        if url.startswith(("http://", "https://")) and host != "127.0.0.1":
            self.outside.append(url)
            return route.abort()
        return route.continue_()


@pytest.fixture
def visit(browser):
    """A fresh browser context per test (no shared storage), with request recording."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    yield Visit(context)
    context.close()


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a check that did not run: the run fails (CI included) instead of passing."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    not_run = [
        r.nodeid for key in ("skipped", "xfailed", "xpassed") for r in (reporter.stats.get(key, []) if reporter else [])
    ]
    if not_run and exitstatus == 0:
        reporter.write_line(
            f"FAILED: {len(not_run)} test(s) did not run (skipped): " + ", ".join(not_run[:5]), red=True
        )
        session.exitstatus = 1
