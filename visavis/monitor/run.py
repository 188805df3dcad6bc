"""One run: purge what the retention period says, read every site of the watchlist, score each
item, queue for review what reaches the threshold and was never queued or assessed before, and
sum up. A site that fails is a line in the summary; the run goes on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import extract, hashes
from .fetch import Fetcher, user_agent
from .scoring import Scorer
from .storage import Store, now
from .watchlist import Watchlist


@dataclass
class Summary:
    sites: int = 0
    read: int = 0
    items: int = 0
    queued: list[int] = field(default_factory=list)
    already_known: int = 0
    purged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (address, reason)
    tests: list[tuple[str, float]] = field(default_factory=list)  # test_only sites: (address, top score)

    def as_data(self) -> dict:
        return {
            "sites": self.sites,
            "read": self.read,
            "items": self.items,
            "queued": self.queued,
            "already_known": self.already_known,
            "purged": self.purged,
            "failures": [{"address": a, "reason": r} for a, r in self.failures],
            "tests": [{"address": a, "score": s} for a, s in self.tests],
        }


def run(
    watchlist: Watchlist,
    store: Store,
    scorer: Scorer,
    fetcher: Fetcher | None = None,
    progress: Callable[[str], None] = lambda address: None,
) -> Summary:
    settings = watchlist.settings
    summary = Summary(sites=len(watchlist.sites))
    summary.purged = store.purge(settings.retention_days)
    run_id = store.start_run()
    own_fetcher = fetcher is None
    if fetcher is None:
        fetcher = Fetcher(watchlist.hosts, settings, user_agent(watchlist.operator_name, watchlist.operator_contact))
    try:
        for site in watchlist.sites:
            progress(site.address)
            try:
                _read_site(site, fetcher, store, scorer, settings.queue_threshold, summary)
            except Exception as err:
                summary.failures.append((site.address, f"unexpected error: {type(err).__name__}: {err}"))
    finally:
        if own_fetcher:
            fetcher.close()
        store.finish_run(run_id, summary.as_data())
    return summary


def _read_site(site, fetcher: Fetcher, store: Store, scorer: Scorer, threshold: float, summary: Summary) -> None:
    outcome = fetcher.fetch(site.address)
    if not outcome.ok:
        summary.failures.append((site.address, outcome.reason))
        return
    media = outcome.content_type.split(";")[0].strip().lower()
    is_html = media in ("text/html", "application/xhtml+xml")
    if site.kind == "feed" and is_html:
        summary.failures.append((site.address, "listed as a feed but the address returns a web page"))
        return
    summary.read += 1
    pieces = (
        [extract.html_piece(outcome.url, outcome.text)] if is_html else extract.feed_pieces(outcome.url, outcome.body)
    )
    fetched_at = now().isoformat()
    top = 0.0
    for piece in pieces:
        if not piece.text.strip():
            continue
        summary.items += 1
        digest = hashes.content_hash(piece.text)
        if store.known(digest):
            summary.already_known += 1
            continue
        result = scorer.assess(piece.text, site.language)
        top = max(top, result.score)
        if result.score < threshold:
            continue  # below the threshold nothing is kept: not the text, not the address
        summary.queued.append(
            store.queue(
                content_hash=digest,
                url=piece.url,
                source=site.address,
                language=site.language,
                kind=site.kind,
                title=piece.title,
                text=piece.text,
                snapshot=outcome.body,
                snapshot_type=outcome.content_type,
                fetched_at=fetched_at,
                score=result.score,
                hint=result.hint,
                reasons=result.reasons_as_data(),
                scorer=result.scorer,
            )
        )
    if site.test_only:  # a neutral page listed to try the pipeline: say it went all the way through
        summary.tests.append((site.address, top))


def default_root() -> Path:
    return Path(__file__).resolve().parent.parent.parent
