"""Security headers for the static site, as strict as the site allows.

Instead of allowing inline scripts in general ('unsafe-inline'), the policy lists the hash of each
inline script it allows; which ones are allowed is decided by the adapter (the theme writes them).
The policy goes two ways: a <meta> tag in every page (works on any host, GitHub Pages included,
and on pages opened from the file system) and a `_headers` file for hosts that read one (Netlify,
Cloudflare Pages); `scripts/security-headers --nginx` prints the same headers for nginx.
"""

from __future__ import annotations

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
    "Referrer-Policy": "no-referrer",  # a visited page is never told where the visitor came from
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def csp(hashes: set[str], header: bool = False) -> str:
    policy = {k: list(v) for k, v in POLICY.items()}
    policy["script-src"] += sorted(hashes)
    if header:
        policy.update(HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def add_meta_policy(html: str, hashes: set[str]) -> str:
    """Put the page's own Content-Security-Policy (and referrer policy) first in its <head>."""
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{csp(hashes)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return html.replace("<head>", "<head>" + tags, 1)


def headers(hashes: set[str]) -> dict[str, str]:
    """Every header for the whole site: the policy allows the inline scripts of all pages."""
    return {"Content-Security-Policy": csp(hashes, header=True), **OTHER_HEADERS}


def netlify_headers(values: dict[str, str]) -> str:
    lines = [
        "# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages).",
        "# Written by the build; see README.md, 'Publishing'.",
        "/*",
    ]
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
