"""Fetching, politely and safely: only the watchlist's hosts, robots.txt obeyed, one request at a
time per host with a pause between them, a user agent that names the tool and who runs it, and
limits on time, size and redirects. A failure is an outcome with a reason, never an exception that
stops the run.

httpx does the HTTP; redirects are followed here, one at a time, because each new address must be
checked (its host on the watchlist, its path allowed by robots.txt) before it is requested.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import charset_normalizer
import httpx

from .watchlist import Settings, host_of

AGENT_TOKEN = "VisAVisMonitor"  # what robots.txt rules name ("User-agent: VisAVisMonitor")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def user_agent(operator_name: str, operator_contact: str) -> str:
    # Header values must be ASCII: the project's name without its accent.
    return (
        f"{AGENT_TOKEN}/1.0 (Vis-a-Vis detection tool for help-desk staff; run by "
        f"{operator_name.encode('ascii', 'replace').decode()}; contact: {operator_contact})"
    )


@dataclass
class Outcome:
    address: str
    ok: bool
    reason: str = ""
    url: str = ""  # the final address, after redirects
    content_type: str = ""
    body: bytes = b""
    text: str = ""  # the body decoded with the detected charset
    charset: str = ""


class Refused(Exception):
    """A request the rules forbid or that failed; its message is the reason shown in the summary."""


class Fetcher:
    def __init__(self, hosts: frozenset[str], settings: Settings, agent: str, clock=time.monotonic, sleep=time.sleep):
        self.hosts = hosts
        self.settings = settings
        self.agent = agent
        self.clock, self.sleep = clock, sleep
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, RobotFileParser | None] = {}
        self.delays: dict[str, float] = {}  # a host's own Crawl-delay, when longer than ours
        self.client = httpx.Client(
            headers={
                "User-Agent": agent,
                "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                "application/atom+xml, application/xml;q=0.9, */*;q=0.1",
            },
            timeout=settings.timeout_seconds,
            follow_redirects=False,
            trust_env=False,  # no proxy or .netrc from the environment: we talk to the listed hosts only
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, address: str) -> Outcome:
        try:
            url, response_type, body = self._follow(address)
        except Refused as err:
            return Outcome(address, False, str(err))
        kind = _kind(response_type)
        if kind is None:
            return Outcome(address, False, f"not a web page or a feed ({response_type or 'no type given'}); skipped")
        text, charset = decode(body, response_type, kind)
        return Outcome(address, True, "", url, response_type, body, text, charset)

    # -- requests --------------------------------------------------------------------------------

    def _follow(self, address: str) -> tuple[str, str, bytes]:
        url, seen = address, {address}
        for _ in range(self.settings.max_redirects + 1):
            self._check_allowed(url)
            status, headers, body = self._get(url)
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                url = urljoin(url, headers["location"])
                if url in seen:
                    raise Refused(f"redirect loop ({url} again)")
                seen.add(url)
                continue
            if status >= 400:
                raise Refused(f"the server answered {status} {httpx.codes.get_reason_phrase(status)}".rstrip())
            return url, headers.get("content-type", ""), body
        raise Refused(f"more than {self.settings.max_redirects} redirects")

    def _check_allowed(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(f"not a web address: {url}")
        if host_of(url) not in self.hosts:
            raise Refused(f"leads to {host_of(url)}, a host that is not on the watchlist; not contacted")
        if not self._robots_allow(url):
            raise Refused(f"robots.txt of {host_of(url)} does not allow {parts.path or '/'}; not read")

    def _robots_allow(self, url: str) -> bool:
        """RFC 9309: rules read from /robots.txt; none there (4xx) means everything is allowed; the
        file unreachable (5xx, network) means nothing is, for this run."""
        host = host_of(url)
        if host not in self.robots:
            parts = urlsplit(url)
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            parser = RobotFileParser(robots_url)
            try:
                status, _, body = self._get(robots_url)
            except Refused:
                status, body = 503, b""
            if status >= 500 or status in (301, 302, 303, 307, 308):
                parser.disallow_all = True  # unreachable, or redirected elsewhere: be careful
            elif status >= 400:
                parser.allow_all = True
            else:
                parser.parse(body.decode("utf-8", "replace").splitlines())
            self.robots[host] = parser
            self.delays[host] = float(parser.crawl_delay(AGENT_TOKEN) or 0)
        return self.robots[host].can_fetch(AGENT_TOKEN, url)

    def _get(self, url: str) -> tuple[int, dict, bytes]:
        host = host_of(url)
        if host not in self.hosts:  # the last guard before any byte leaves the machine
            raise Refused(f"{host} is not on the watchlist; not contacted")
        interval = max(self.settings.seconds_between_requests, self.delays.get(host, 0.0))
        wait = self.last_request.get(host, -1e9) + interval - self.clock()
        if wait > 0:
            self.sleep(wait)
        self.last_request[host] = self.clock()
        limit = self.settings.max_bytes
        try:
            with self.client.stream("GET", url) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise Refused(f"the page is {int(declared):,} bytes, more than the limit of {limit:,}; skipped")
                chunks, size = [], 0
                for chunk in response.iter_bytes():  # decompressed bytes: a small gzip cannot hide a huge page
                    size += len(chunk)
                    if size > limit:
                        raise Refused(f"the page is more than the limit of {limit:,} bytes; skipped")
                    chunks.append(chunk)
                self.last_request[host] = self.clock()
                return response.status_code, {k.lower(): v for k, v in response.headers.items()}, b"".join(chunks)
        except httpx.TimeoutException:
            raise Refused(f"no answer within {self.settings.timeout_seconds:g} s") from None
        except httpx.HTTPError as err:
            raise Refused(f"could not be reached ({type(err).__name__}: {err})") from None


def _kind(content_type: str) -> str | None:
    media = content_type.split(";")[0].strip().lower()
    if media in HTML_TYPES:
        return "html"
    if media in FEED_TYPES or media.endswith("+xml"):
        return "feed"
    return None


WESTERN = ("cp1252", "iso8859_15", "latin_1")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode(body: bytes, content_type: str, kind: str = "html") -> tuple[str, str]:
    """The text of ``body`` and the charset used. The declared charset (header, then the page's
    <meta>) is trusted only if the bytes agree with it: sites often declare one thing and send
    another. Text that is valid UTF-8 is UTF-8 (no other common charset produces valid UTF-8 by
    accident); otherwise charset-normalizer guesses from the bytes."""
    declared = []
    match = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    if match:
        declared.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096]) if kind == "html" else None
    if meta:
        declared.append(meta.group(1).decode("ascii"))
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for charset in declared:
        if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
            continue  # just failed
        try:
            return body.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    matches = list(charset_normalizer.from_bytes(body))
    if matches:
        # Short texts often fit several single-byte charsets equally well; among the best, take the
        # one French and Dutch pages use (the WHATWG encoding standard's default for these locales).
        least = min(m.percent_chaos for m in matches)
        tied = [m for m in matches if m.percent_chaos == least]
        best = next((m for m in tied if m.encoding in WESTERN), tied[0])
        return str(best), best.encoding
    return body.decode("utf-8", "replace"), "utf-8 (damaged)"
