"""The scripts a built page may run, for the Content-Security-Policy: the theme's inline scripts
(listed here by hash, in one place) and files. Any other inline script, inline event handler
(onclick=…) or javascript: address — smuggled through a Markdown page, a contributor guide or a
data file — fails the build instead of being allowed by a hash computed from the page itself.

Theme-specific (Material for MkDocs), so it lives on the adapter side: replacing the theme means
rewriting this list, not the core.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

# Material writes the page's depth into its first inline script (new URL("../..",location)):
# the hash is taken with that address replaced by "{base}", so one entry covers every page.
_BASE = re.compile(r'new URL\("[./]*",location\)')

# sha256 of each inline script the theme (mkdocs-material 9.8.1, pinned) is expected to write.
# When the theme is updated and the build names a new theme script, check it comes from the
# theme's templates (site-packages/material/templates), then add its hash here.
EXPECTED = {
    # partials/javascripts/base.html: __md_scope, __md_hash and the storage helpers __md_get / __md_set
    "591e52dcbd623e4596dd38e2ff97be66c61ebc240d20a1b0d979b5cfb792ffab": "Material: scope and storage helpers",
    # partials/javascripts/content.html: focus the element named by the address's #fragment
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "Material: focus the #fragment's element",
}

# The offline pack only: the iframe-worker shim (docs/assets/javascripts/vendor/iframe-worker-shim.js,
# 1.0.4, vendored) runs the search from file:// in a frame, into which it writes this script; its two
# functions are copied from the shim's own code and the worker's address is the page's (the theme
# writes it in the page's configuration), so the hash is computed for each page, not picked up.
_SHIM = Path(__file__).resolve().parent.parent / "docs/assets/javascripts/vendor/iframe-worker-shim.js"
_FRAME_SCRIPT = (
    'postMessage={c};importScripts={d};addEventListener("error",({{error}})=>{{parent.dispatchEvent('
    'new ErrorEvent("error",{{filename:"{worker}",error}}))}})'
)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

_EXECUTABLE_TYPES = {None, "", "text/javascript", "application/javascript", "module"}


class _Scripts(HTMLParser):
    """Inline scripts (with their line), inline event handlers and javascript: addresses of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inline: list[tuple[int, str]] = []
        self.handlers: list[tuple[int, str]] = []
        self._in_script: int | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((line, f"<{tag} {name}=…>"))
            elif name in ("href", "src", "action", "formaction") and _JS_URL.match(_URL_NOISE.sub("", value or "")):
                self.handlers.append((line, f"<{tag} {name}=\"{value[:40]}\">"))
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") in _EXECUTABLE_TYPES:
            self._in_script, self._body = line, []

    def handle_data(self, data):
        if self._in_script is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.inline.append((self._in_script, "".join(self._body)))
            self._in_script = None


def digest(body: str) -> str:
    """The hash under which a theme script is listed in EXPECTED (page depth left out)."""
    return hashlib.sha256(_BASE.sub('new URL("{base}",location)', body).encode("utf-8")).hexdigest()


def csp_hash(body: str) -> str:
    """'sha256-…' of an inline script exactly as the browser hashes it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


# Browsers drop tabs and newlines anywhere in an address, and spaces and control characters around it.
_URL_NOISE = re.compile(r"[\t\n\r]")
_JS_URL = re.compile(r"[\x00-\x20]*javascript:", re.I)

# What could be an event handler or a javascript: address, found without parsing the page: an
# attribute-like "on…=" anywhere, the letters of "javascript" followed by ":" (with any spacing), or
# a character reference (&…) at the start of an attribute value, before anything that ends an
# address's scheme. A superset of what the parser finds: a page without any of these has none, and
# only pages with one are parsed in full (about one in six, for their links' "&amp;" or "&#39;"),
# which keeps the check from adding a tenth to the build time. Three patterns, each with a literal
# start: one pattern with alternatives would try every position of the page and be slower.
_MAYBE_HANDLER = (
    re.compile(r"""[\s"'/][oO][nN][^\s"'>/=]*\s*="""),
    re.compile(r"""[jJ]\s*[aA]\s*[vV]\s*[aA]\s*[sS]\s*[cC]\s*[rR]\s*[iI]\s*[pP]\s*[tT]\s*:"""),
    re.compile(r"""=\s*["']?[\x00-\x20]*[^"'\s>:/?#&=<();]*&"""),
)
# Each script element, start tag to end tag (script content ends at the first "</script").
_SCRIPT_ELEMENT = re.compile(r"<script(?=[\s/>]).*?</script\s*>", re.I | re.S)


def _parse(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser


def inline_scripts(html: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line, body) of each inline script, and (line, what) of each event handler or javascript:
    address. Pages that may hold a handler are parsed in full; on the others, only their script
    elements are (each with the same parser), which gives the same list faster."""
    if any(pattern.search(html) for pattern in _MAYBE_HANDLER):
        parser = _parse(html)
        return parser.inline, parser.handlers
    inline = []
    for match in _SCRIPT_ELEMENT.finditer(html):
        offset = html.count("\n", 0, match.start())
        inline += [(offset + line, body) for line, body in _parse(match.group(0)).inline]
    return inline, []


def check(html: str) -> tuple[set[str], list[str]]:
    """The CSP hashes of the page's inline scripts, and what is not allowed (each with its line)."""
    inline, handlers = inline_scripts(html)
    problems = [f"line {line}: an inline event handler or javascript: address {what}" for line, what in handlers]
    hashes = set()
    for line, body in inline:
        if digest(body) in EXPECTED:
            hashes.add(csp_hash(body))
        else:
            snippet = " ".join(body.split())[:80]
            problems.append(
                f"line {line}: an inline script that is not the theme's: <script>{snippet}</script> "
                f"(sha256 {digest(body)})"
            )
    return hashes, problems


def offline_frame_script(html: str) -> set[str]:
    """The CSP hash of the script the shim writes into its frame, for this page's worker address."""
    config = _CONFIG.search(html)
    worker = json.loads(config.group(1)).get("search") if config else None
    if not worker:
        return set()
    c, d = _shim_functions()
    return {csp_hash(_FRAME_SCRIPT.format(c=c, d=d, worker=worker))}


@lru_cache(maxsize=1)
def _shim_functions() -> tuple[str, str]:
    """The source text of the shim's functions c and d (its postMessage and importScripts).
    Found by matching braces in the minified file: small, stable code without braces in strings."""
    shim = _SHIM.read_text(encoding="utf-8")
    out = []
    for name in ("c", "d"):
        start = shim.index(f"function {name}(")
        depth = 0
        for end in range(shim.index("{", start), len(shim)):
            depth += {"{": 1, "}": -1}.get(shim[end], 0)
            if depth == 0:
                out.append(shim[start : end + 1])
                break
    return out[0], out[1]
