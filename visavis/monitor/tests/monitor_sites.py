"""Fixture sites for the monitor's tests, served on 127.0.0.1 only: each server records every
request it receives (path, user agent, time), so the tests can assert what was and was not asked."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HATE_FR = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Forum du quartier</title></head><body>"
    "<nav>Accueil Forum</nav><article><p>Ces migrants sont de la vermine.</p>"
    "<p>Il faut les chasser du quartier, venez nombreux samedi.</p></article><footer>2026</footer></body></html>"
)
HATE_NL = (
    "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Buurtforum</title></head><body>"
    "<p>We weten waar je woont. Pas maar op als je buitenkomt.</p></body></html>"
)
COUNTER_FR = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Réponse</title></head><body>"
    "<p>Qualifier les migrants de « vermine » est inacceptable. Ce sont des personnes.</p></body></html>"
)
NEUTRAL_FR = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Fête</title></head><body>"
    "<p>Fête de quartier samedi avec les familles migrantes du centre d'accueil.</p></body></html>"
)
PRIVATE_FR = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Privé</title></head><body>"
    "<p>On sait où tu habites.</p></body></html>"
)
# Declared UTF-8, sent in Windows-1252: the accents must still be read right.
WRONG_CHARSET = (
    "<!doctype html><html lang='fr'><head><title>Étrangers</title></head><body>"
    "<p>Ces étrangers sont de la vermine, il faut les chasser du quartier. Dehors les étrangers, "
    "ils n'ont rien à faire ici ; c'est la vérité, répétée à l'été, à Liège comme à Bruxelles.</p></body></html>"
).encode("cp1252")
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Blog</title><link>{base}</link><description>Billets</description>
<item><title>Samedi</title><link>{base}posts/1</link>
<description>Les réfugiés sont de la vermine. Il faut les chasser du pays.</description></item>
<item><title>Marché</title><link>{base}posts/2</link>
<description>Le marché de Noël ouvre vendredi sur la place communale.</description></item>
</channel></rss>"""
ROBOTS = "User-agent: *\nDisallow: /private/\n"
HUGE = b"<html><body><p>" + b"a" * 3_000_000 + b"</p></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@dataclass
class Request:
    path: str
    agent: str
    at: float


@dataclass
class FixtureSite:
    base: str = ""
    requests: list[Request] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _routes(base: str, outside: str, robots: str = ROBOTS) -> dict:
    html = "text/html; charset=utf-8"
    return {
        "/robots.txt": (200, "text/plain", robots.encode()),
        "/hate": (200, html, HATE_FR.encode()),
        "/hate-nl": (200, html, HATE_NL.encode()),
        "/counter": (200, html, COUNTER_FR.encode()),
        "/neutral": (200, html, NEUTRAL_FR.encode()),
        "/private/hate": (200, html, PRIVATE_FR.encode()),
        "/missing": (404, html, b"<p>Not found</p>"),
        "/broken": (500, html, b"<p>Server error</p>"),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
        "/to-private": (301, {"Location": "/private/hate"}, b""),
        "/away": (302, {"Location": outside + "collect"}, b""),
        "/charset": (200, html, WRONG_CHARSET),
        "/huge": (200, "text/html", HUGE),
        "/image": (200, "image/png", PNG),
        "/feed.xml": (200, "application/rss+xml", FEED.format(base=base).encode()),
        "/slow": ("slow", html, NEUTRAL_FR.encode()),
        "/huge-stream": ("stream", "text/html", HUGE),
    }


def start(outside: str = "", slow_seconds: float = 1.5, robots: str = ROBOTS) -> FixtureSite:
    """A fixture site on a free port of 127.0.0.1. ``outside`` is another site's base address,
    for the page that redirects off the watchlist."""
    site = FixtureSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.requests.append(Request(self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            status, kind, body = _routes(site.base, outside, robots).get(self.path, (404, "text/plain", b"not found"))
            if status == "slow":
                time.sleep(slow_seconds)
                status = 200
            length = status != "stream"  # no Content-Length: the size is known only while reading
            status = 200 if status == "stream" else status
            try:
                self.send_response(status)
                if isinstance(kind, dict):
                    for name, value in kind.items():
                        self.send_header(name, value)
                else:
                    self.send_header("Content-Type", kind)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the size limit, the timeout): as intended

        def log_message(self, *args):
            pass

    site.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.server.daemon_threads = True
    site.base = f"http://127.0.0.1:{site.server.server_address[1]}/"
    threading.Thread(target=site.server.serve_forever, daemon=True).start()
    return site
