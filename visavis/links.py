"""Outbound links: a site a visitor opens from here is never told where they came from."""

from __future__ import annotations

import re

_ANCHOR = re.compile(r"<a\s([^>]*?)href=\"(https?://[^\"]+)\"([^>]*)>")


def protect_outbound(html: str) -> str:
    """Give every link to another site rel="noopener noreferrer" (keeping any other rel values)."""

    def fix(match: re.Match) -> str:
        before, href, after = match.groups()
        attrs = before + after
        rel = re.search(r'rel="([^"]*)"', attrs)
        values = set(rel.group(1).split()) if rel else set()
        if {"noopener", "noreferrer"} <= values:
            return match.group(0)
        values |= {"noopener", "noreferrer"}
        attrs = re.sub(r'\s*rel="[^"]*"', "", attrs)
        return f'<a {attrs.strip()} href="{href}" rel="{" ".join(sorted(values))}">'.replace("<a  ", "<a ")

    return _ANCHOR.sub(fix, html)
