"""Evidence dossiers: one ZIP that anyone can check without our software.

    dossier.json   what was seen, where and when, and each file's SHA-256
                   (directory/schemas/dossier.schema.json, versioned)
    files/…        the evidence files, byte for byte
    SHA256SUMS     one line per file, as `sha256sum` writes it: `sha256sum -c SHA256SUMS` verifies
    summary.html   a printable summary (no script, nothing loaded from anywhere)

The case file's script writes the same layout in the browser; this module writes it for the monitor
(scripts/monitor decide) and reads any dossier back, for the tests and for people who check one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

import jsonschema
from jinja2 import Environment, FileSystemLoader, select_autoescape

FORMAT, VERSION = "vis-a-vis-dossier", 1
SCHEMA = Path(__file__).resolve().parent.parent / "directory" / "schemas" / "dossier.schema.json"
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True),
)


class DossierError(ValueError):
    """A dossier that cannot be trusted; the message names the item and the file."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now() -> str:
    """The current time with its offset from UTC (the machine's time zone)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def check(dossier: dict) -> None:
    """Raise DossierError if dossier.json does not follow its schema."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(dossier))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise DossierError(f"dossier.json does not follow its schema at {where}: {error.message}")


def sums(files: dict[str, bytes]) -> str:
    """SHA256SUMS: '<hash>  <path>' per file (text mode, two spaces), sorted by path."""
    return "".join(f"{sha256(data)}  {path}\n" for path, data in sorted(files.items()))


def write_dossier(target: Path, dossier: dict, files: dict[str, bytes], labels: dict[str, str]) -> None:
    """Write the ZIP at ``target``. ``files`` are keyed by their path in dossier.json; ``labels`` are
    the interface words of the dossier's language (directory/labels/<lang>.yml, ui)."""
    check(dossier)
    listed = {f["path"]: (item, f) for item in dossier["items"] for f in item["files"]}
    if set(listed) != set(files):
        raise DossierError(f"files and dossier.json disagree: {sorted(set(listed) ^ set(files))}")
    for path, (item, file) in listed.items():
        if sha256(files[path]) != file["sha256"] or len(files[path]) != file["size"]:
            raise DossierError(f"{item['id']}: {path} does not match its size or SHA-256 in dossier.json")
    content = {
        "dossier.json": json.dumps(dossier, ensure_ascii=False, indent=2).encode("utf-8"),
        "summary.html": summary_html(dossier, labels).encode("utf-8"),
        **files,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in content.items():
            zf.writestr(path, data)
        zf.writestr("SHA256SUMS", sums(content))
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(target)  # never a half-written dossier


def summary_html(dossier: dict, labels: dict[str, str]) -> str:
    return _TEMPLATES.get_template("dossier_summary.html").render(dossier=dossier, ui=labels)


def read_dossier(source: Path | bytes) -> tuple[dict, dict[str, bytes]]:
    """Open a dossier and verify it: every file listed in SHA256SUMS and dossier.json is there with
    the right SHA-256. Returns (dossier, files of files/). Raises DossierError naming the item."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        names = set(zf.namelist())
        for name in names:  # a path that would leave the folder it is unpacked in
            parts = PurePosixPath(name).parts
            if name.startswith("/") or ".." in parts or "\\" in name:
                raise DossierError(f"the ZIP holds an unsafe path: {name!r}")
        if "dossier.json" not in names:
            raise DossierError("this ZIP is not a dossier: dossier.json is missing")
        dossier = json.loads(zf.read("dossier.json").decode("utf-8"))
        if not isinstance(dossier, dict) or dossier.get("format") != FORMAT:
            raise DossierError("dossier.json is not a Vis-à-Vis dossier")
        if dossier.get("version") != VERSION:
            raise DossierError(
                f"dossier version {dossier.get('version')!r} is not one this version can read ({VERSION})"
            )
        check(dossier)
        listed = _read_sums(zf.read("SHA256SUMS").decode("utf-8")) if "SHA256SUMS" in names else {}
        files = {}
        for item in dossier["items"]:
            for file in item["files"]:
                path = file["path"]
                if path not in names:
                    raise DossierError(f"{item['id']}: the file {file['name']!r} ({path}) is missing")
                data = zf.read(path)
                if sha256(data) != file["sha256"] or listed.get(path, file["sha256"]) != file["sha256"]:
                    raise DossierError(
                        f"{item['id']}: the file {file['name']!r} ({path}) was altered: its SHA-256 differs"
                    )
                files[path] = data
        for path, digest in listed.items():
            if path not in names or sha256(zf.read(path)) != digest:
                raise DossierError(f"{path} does not match SHA256SUMS")
        return dossier, files
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DossierError(f"the dossier cannot be read: {err}") from err


def _read_sums(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line.strip():
            digest, _, path = line.partition("  ")
            out[path.lstrip("*")] = digest.strip()
    return out
