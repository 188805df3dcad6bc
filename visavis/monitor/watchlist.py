"""Read and check the watchlist (``directory/watchlist.yml``): the sites, who runs the monitor, and
the settings of a run. A mistake gives the usual message with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .. import schema, yamlfile
from ..errors import ContentError, Problem


@dataclass(frozen=True)
class Settings:
    """A run's settings; the defaults are meant for real sites, tests shrink them."""

    retention_days: int = 30
    queue_threshold: float = 2.0
    seconds_between_requests: float = 5.0
    timeout_seconds: float = 20.0
    max_bytes: int = 2_000_000
    max_redirects: int = 3
    scorer: str = "visavis.monitor.scoring:LexiconScorer"


@dataclass(frozen=True)
class Site:
    address: str
    kind: str  # "html" or "feed"
    language: str
    why: str
    added_by: str
    added_on: str
    test_only: bool = False

    @property
    def host(self) -> str:
        return host_of(self.address)


@dataclass(frozen=True)
class Watchlist:
    path: str
    sites: list[Site]
    settings: Settings = field(default_factory=Settings)
    operator_name: str = ""
    operator_contact: str = ""

    @property
    def hosts(self) -> frozenset[str]:
        """The only hosts the monitor may contact."""
        return frozenset(site.host for site in self.sites)


def host_of(address: str) -> str:
    """Host and port as the allowlist compares them ('example.be', '127.0.0.1:8123')."""
    parts = urlsplit(address)
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if parts.port in (None, default) else f"{host}:{parts.port}"


def load(file: Path, root: Path) -> Watchlist:
    """Read ``file``; raise ContentError with every problem (file, line, field) if it is wrong."""
    shown = _shown(file, root)
    doc, problems = yamlfile.load(file, shown)
    if doc is None:
        raise ContentError(problems)
    problems = schema.check(doc, schema.validator(root / "directory" / "schemas", "watchlist"))
    if problems:
        raise ContentError(problems)
    data = doc.data
    seen: dict[str, int] = {}
    for index, item in enumerate(data["sites"]):
        address = item["address"]
        if address in seen:
            problems.append(
                Problem(
                    shown,
                    doc.line_of(("sites", index, "address")),
                    f"sites[{index}].address",
                    f"'{address}' is listed twice (also sites[{seen[address]}]).",
                    "keep one entry",
                )
            )
        seen.setdefault(address, index)
    operator = data.get("operator") or {}
    if data["sites"] and not operator:
        problems.append(
            Problem(
                shown,
                doc.line_of(("operator",)) or 1,
                "operator",
                "the watchlist lists sites but does not say who runs the monitor.",
                "add 'operator:' with your organisation's 'name' and a 'contact' (web page or e-mail): "
                "every request names them so that a site's owner can reach you",
            )
        )
    if problems:
        raise ContentError(problems)
    return Watchlist(
        path=shown,
        sites=[Site(**item) for item in data["sites"]],
        settings=Settings(**(data.get("settings") or {})),
        operator_name=operator.get("name", ""),
        operator_contact=operator.get("contact", ""),
    )


def _shown(file: Path, root: Path) -> str:
    try:
        return str(file.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(file)
