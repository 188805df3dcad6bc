"""Content hashes, and the shareable list of hashes of assessed content.

As hash-sharing databases do, partners exchange hashes, never the content: a partner who imports
another's list is never asked to review again what was assessed there. The hash is SHA-256 of the
text after a normalisation anyone can repeat (Unicode NFKC, lower case, runs of white space as one
space, trimmed), so the same words under a changed layout give the same hash.

The list is a text file, one line per item: ``<sha256 hex>  <label>  <YYYY-MM-DD>``, label one of
hate-a, hate-b, hate-c, not-hate; lines starting with '#' are comments.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .storage import DECISIONS

_LINE = re.compile(r"^([0-9a-f]{64})  (\S+)  (\d{4}-\d{2}-\d{2})$")


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def export(rows: list[dict], operator: str = "") -> str:
    head = [
        "# Vis-à-Vis monitor: hashes of assessed content (SHA-256 of the normalised text, never the text).",
        "# <sha256>  <label: hate-a | hate-b | hate-c | not-hate>  <date assessed>",
    ]
    if operator:
        head.append(f"# from: {operator}")
    return "\n".join(head + [f"{r['content_hash']}  {r['label']}  {r['assessed_on']}" for r in rows]) + "\n"


def parse(file: Path) -> list[tuple[str, str, str]]:
    """Read a shared list; a malformed line raises ValueError naming the file and the line."""
    rows = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line.strip())
        if not match or match.group(2) not in DECISIONS:
            raise ValueError(
                f"{file}:{number}: expected '<64 hex digits>  <{' | '.join(DECISIONS)}>  <YYYY-MM-DD>', "
                f"received {line.strip()[:80]!r}"
            )
        rows.append(match.groups())
    return rows
