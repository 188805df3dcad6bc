"""Relative links between site pages, computed here because links inside raw HTML are not
rewritten by the generator. Works for both URL styles: ``x/`` (served) and ``x.html`` (offline)."""

from __future__ import annotations

import posixpath


def page_url(path: str, directory_urls: bool) -> str:
    """Site-relative URL of a source page: 'directory/index.md' -> 'directory/' or 'directory/index.html'."""
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_path: str, to_path: str, directory_urls: bool, anchor: str = "") -> str:
    """Link from the page built from ``from_path`` to the page built from ``to_path``."""
    here = page_url(from_path, directory_urls)
    there = page_url(to_path, directory_urls)
    # a served page's URL is a folder; an offline page's URL is a file inside its folder
    base = here if directory_urls else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", base or ".")
    if directory_urls and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
