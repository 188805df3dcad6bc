"""The review report: one static HTML page (no script, nothing loaded from anywhere, so it opens
offline and leaks nothing) listing the items waiting for a person's decision, each with its score,
the category it hints at, and every term and rule that fired."""

from __future__ import annotations

import base64
import hashlib
import shlex
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import yamlfile
from ..errors import ContentError
from .storage import Store, now

_HERE = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(_HERE), autoescape=select_autoescape(default=True))


def labels(root: Path, lang: str) -> dict:
    """The language's interface words (directory/labels/<lang>.yml): ui and the category names."""
    doc, problems = yamlfile.load(root / "directory" / "labels" / f"{lang}.yml", f"directory/labels/{lang}.yml")
    if doc is None:
        raise ContentError(problems)
    return doc.data


def render(store: Store, root: Path, lang: str = "fr", db_shown: str = "monitor.db") -> str:
    words = labels(root, lang)
    css = (_HERE / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return _ENV.get_template("report.html").render(
        lang=lang,
        ui=words["ui"],
        categories=words["category"],
        css=css,
        style_hash=f"sha256-{digest}",
        generated=now().isoformat(),
        run=store.last_run(),
        items=store.items("pending"),
        db=shlex.quote(db_shown),
    )


def write(store: Store, root: Path, out: Path, lang: str = "fr", db_shown: str = "monitor.db") -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / "index.html"
    tmp = target.with_name("index.html.part")
    tmp.write_text(render(store, root, lang, db_shown), encoding="utf-8")
    tmp.replace(target)
    return target
