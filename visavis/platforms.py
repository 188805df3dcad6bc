"""Which platform of the directory an address belongs to, from the platforms' `domains` (an address
on 'm.facebook.com' is Facebook's). The monitor uses it to address a notice; the case file's script
applies the same rule to suggest the platform as the person pastes an address."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit


def platform_for(url: str, platforms: Iterable[dict]) -> dict | None:
    """The platform (its data) whose domain, or a subdomain of it, hosts ``url``; None if none does."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for platform in platforms:
        if any(host == d or host.endswith("." + d) for d in platform.get("domains", [])):
            return platform
    return None
