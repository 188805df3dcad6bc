"""Security headers for the static site, as strict as the site allows.

The theme puts two small inline scripts in every page; instead of allowing inline scripts in
general ('unsafe-inline'), the policy lists the hash of each one. The policy goes two ways:
a <meta> tag in every page (works on any host, GitHub Pages included) and a `_headers` file for
hosts that read one (Netlify, Cloudflare Pages); `scripts/security-headers --nginx` prints the
same headers for nginx.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # without attributes: executable, inline

# Everything comes from the site itself; images may be data: URIs (the theme's icons in CSS).
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Only possible as real HTTP headers (not in a <meta> tag).
HEADER_ONLY = {"frame-ancestors": ["'none'"]}

OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",          # a visited page is never told where the visitor came from
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def script_hashes(html: str) -> set[str]:
    """'sha256-…' of each inline script of a page."""
    return {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(html)}


def csp(hashes: set[str], header: bool = False) -> str:
    policy = {k: list(v) for k, v in POLICY.items()}
    policy["script-src"] += sorted(hashes)
    if header:
        policy.update(HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def add_meta_policy(html: str) -> str:
    """Put the page's own Content-Security-Policy (and referrer policy) first in its <head>."""
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{csp(script_hashes(html))}">'
            '<meta name="referrer" content="no-referrer">')
    return html.replace("<head>", "<head>" + tags, 1)


def headers(site_dir: Path) -> dict[str, str]:
    """Every header for the whole site: the policy allows the inline scripts of all pages."""
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        hashes |= script_hashes(page.read_text(encoding="utf-8"))
    return {"Content-Security-Policy": csp(hashes, header=True), **OTHER_HEADERS}


def netlify_headers(values: dict[str, str]) -> str:
    lines = ["# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages).",
             "# Written by the build; see README.md, 'Publishing'.", "/*"]
    return "\n".join(lines + [f"  {name}: {value}" for name, value in values.items()]) + "\n"


def nginx_headers(values: dict[str, str]) -> str:
    lines = ["# Security headers for nginx: include this file in the server block of the site."]
    return "\n".join(lines + [f"add_header {name} \"{value}\" always;" for name, value in values.items()]) + "\n"


def read_netlify_headers(text: str) -> dict[str, str]:
    """The headers of a `_headers` file (for the test server and the nginx printer)."""
    values = {}
    for line in text.splitlines():
        if line.startswith("  ") and ": " in line:
            name, _, value = line.strip().partition(": ")
            values[name] = value
    return values
