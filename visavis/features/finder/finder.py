"""The directory finder: every organisation, grouped by need so that the page is complete and
useful without JavaScript, with the facets a small script uses to filter it in the browser.

One rule per facet lives here (and only here): what an organisation offers for each filter.
"""

from __future__ import annotations

from ...catalog import Catalog, Entry
from ...render import PageContext, render

# Filters in the order they are shown: name -> vocabulary of its values.
FACETS = {"need": "need", "region": "region", "language": "language", "audience": "audience", "channel": "channel"}


def facets(entry: Entry) -> dict[str, list[str]]:
    """What one organisation matches, per filter.

    A service for the whole country matches every region, and a service for everyone matches
    every audience: a person in Liège or a parent must still see Unia or the police.
    """
    data = entry.data
    regions = set(data["regions"])
    if "belgium" in regions:
        regions |= {"brussels", "wallonia", "flanders", "german-speaking"}
    audiences = set(data["audiences"])
    if "everyone" in audiences:
        audiences |= {"minors", "parents", "lgbtqi", "women", "education"}
    return {
        "need": sorted(data["helps_with"]),
        "region": sorted(regions),
        "language": sorted(data["languages"]),
        "audience": sorted(audiences),
        "channel": sorted({c["type"] for c in data["contacts"]}),
        "cost": [data["cost"]],
        "rank": ["1" if "everyone" in data["audiences"] else "0"],  # specialised services first
    }


def options(catalog: Catalog, facet: str) -> list[str]:
    """Values offered in a filter: those at least one organisation has, in vocabulary order."""
    vocabulary = catalog.vocabularies[FACETS[facet]]
    used = {v for e in catalog.of("organisation") for v in facets(e)[facet]}
    return [v for v in vocabulary if v in used]


def render_finder(catalog: Catalog, ctx: PageContext, path_of) -> str:
    entries = sorted(catalog.of("organisation"), key=ctx.sort_key)
    groups = [(need, [e for e in entries if need in e.data["helps_with"]]) for need in options(catalog, "need")]
    return render(
        "finder.html",
        ctx,
        entries=entries,
        groups=groups,
        facets=facets,
        path_of=path_of,
        filters=[(f, options(catalog, f)) for f in FACETS],
        vocab=FACETS,
    )
