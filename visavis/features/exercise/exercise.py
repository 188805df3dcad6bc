"""The classroom classification exercise: messages to classify, in directory/exercise.yml."""

from __future__ import annotations

from ...catalog import Catalog, duplicate_ids, load_file
from ...errors import ContentError

EXERCISE = "exercise.yml"


def load_exercise(catalog: Catalog) -> list[dict]:
    doc = load_file(catalog.site, EXERCISE, "exercise")
    problems = duplicate_ids(doc, "messages")
    if problems:
        raise ContentError(problems)
    return doc.data["messages"]
