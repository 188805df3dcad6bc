"""A reviewer's decision. Every decision adds the item's hash to the list of assessed content; a
confirmed item (hate-a, hate-b, hate-c) is also captured as evidence in the case file's dossier
format (the page as received, its SHA-256, the time with its offset, the address) and gets a
DSA article 16 notice, pre-filled, for the platform or host concerned."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import dossier as dossier_mod
from .. import letters as letters_mod
from .. import yamlfile
from ..platforms import platform_for
from ..settings import SiteConfig
from .report import labels
from .storage import Store, now

LANGUAGES = ("fr", "nl")  # the languages the monitor has a lexicon for
GROUNDS = {  # as the notice's {ground} reads; the questionnaire's answers say the same
    "fr": {
        "origin": "l'origine, la couleur de peau ou la nationalité",
        "religion": "la religion ou les convictions",
        "sex": "le sexe",
        "gender-identity": "l'identité ou l'expression de genre",
        "orientation": "l'orientation sexuelle",
        "disability": "un handicap ou l'état de santé",
        "age": "l'âge",
        "other": "un autre critère",
    },
    "nl": {
        "origin": "afkomst, huidskleur of nationaliteit",
        "religion": "geloof of levensbeschouwing",
        "sex": "geslacht",
        "gender-identity": "genderidentiteit of genderexpressie",
        "orientation": "seksuele oriëntatie",
        "disability": "een handicap of de gezondheidstoestand",
        "age": "leeftijd",
        "other": "een ander criterium",
    },
}


class DecisionError(Exception):
    pass


@dataclass
class Outputs:
    dossier: Path | None = None
    notice: Path | None = None


def decide(
    store: Store,
    root: Path,
    item_id: int,
    label: str,
    note: str = "",
    out: Path | None = None,
    operator: tuple[str, str] = ("", ""),
    grounds: list[str] | None = None,
) -> Outputs:
    item = store.item(item_id)
    if item is None:
        raise DecisionError(f"there is no item {item_id} in {store.path}")
    if item["status"] != "pending":
        raise DecisionError(f"item {item_id} was already decided ({item['status']}, {item['decided_at']})")
    if item["snapshot"] is None and label != "not-hate":
        raise DecisionError(f"item {item_id} has no snapshot left (purged); it cannot be captured as evidence")
    when = now()
    store.decide(item_id, label, note, when)
    if label == "not-hate":
        return Outputs()
    folder = (out or store.path.parent / "evidence") / f"item-{item_id}"
    folder.mkdir(parents=True, exist_ok=True)
    lang = item["language"] if item["language"] in LANGUAGES else "fr"
    platform_id, platform_name = platform_of(root, item["url"], lang)
    dossier, files = evidence(item, when.isoformat(), lang, platform_id, platform_name, note)
    target = folder / f"dossier-item-{item_id}.zip"
    dossier_mod.write_dossier(target, dossier, files, labels(root, lang)["ui"])
    notice = folder / f"dsa-notice-item-{item_id}-{lang}.txt"
    notice.write_text(notice_text(root, item, dossier, lang, platform_name, note, operator, grounds), encoding="utf-8")
    store.record_outputs(item_id, str(target), str(notice))
    return Outputs(target, notice)


def evidence(item: dict, created: str, lang: str, platform_id, platform_name: str, note: str):
    """dossier.json and its files: the page as received (byte for byte) and the text that was read."""
    entry_id = f"item-{item['id']}"
    media = item["snapshot_type"].split(";")[0].strip() or "application/octet-stream"
    extension = mimetypes.guess_extension(media) or ".bin"
    snapshot = bytes(item["snapshot"])
    text = item["text"].encode("utf-8")
    files = {
        f"files/{entry_id}/1-snapshot{extension}": (f"snapshot{extension}", media, snapshot),
        f"files/{entry_id}/2-text.txt": ("text.txt", "text/plain; charset=utf-8", text),
    }
    dossier = {
        "format": dossier_mod.FORMAT,
        "version": dossier_mod.VERSION,
        "created": created,
        "language": lang,
        "items": [
            {
                "id": entry_id,
                "platform": platform_id,
                "platform_name": platform_name,
                "url": item["url"],
                "account": "",
                "seen_at": item["fetched_at"],
                "description": note,
                "files": [
                    {
                        "path": path,
                        "name": name,
                        "type": media_type,
                        "size": len(data),
                        "sha256": dossier_mod.sha256(data),
                        "added_at": item["fetched_at"],
                    }
                    for path, (name, media_type, data) in files.items()
                ],
            }
        ],
        "steps": [],
    }
    return dossier, {path: data for path, (_, _, data) in files.items()}


def notice_text(
    root: Path, item: dict, dossier: dict, lang: str, platform_name: str, note: str, operator, grounds=None
) -> str:
    settings = SiteConfig(root, LANGUAGES, {"fr": "Français", "nl": "Nederlands"}, LANGUAGES)
    letter = letters_mod.load_letters(settings)["dsa-notice"]
    if not grounds:
        # The reviewer's word first; else the ground of the group the text names. A term's grounds
        # are only what it may target, too broad to state in a notice: then the field stays blank.
        grounds = [g for r in item["reasons"] if r["kind"] == "target" for g in r.get("grounds", []) if g != "other"]
    entry = dossier["items"][0]
    evidence_list = "\n".join(
        f"- {entry['url']} — {entry['seen_at']} — {f['name']} — SHA-256 {f['sha256']}" for f in entry["files"]
    )
    name, contact = operator
    values = {
        "platform": platform_name,
        "url": item["url"],
        "seen_at": item["fetched_at"],
        "description": note,
        "evidence_list": evidence_list,
        "today": now().date().isoformat(),
        "ground": ", ".join(GROUNDS[lang][g] for g in grounds),
        "name": name,
        "email": contact if "@" in contact else "",
    }
    return letters_mod.fill(letter, lang, values)


def platform_of(root: Path, url: str, lang: str) -> tuple[str | None, str]:
    """The directory's platform the item's address belongs to (its `domains`), or (None, the host:
    the notice then goes to the site's host)."""
    platforms = []
    for file in sorted((root / "directory" / "platforms").glob("*.yml")):
        doc, _ = yamlfile.load(file, str(file))
        if doc is not None and isinstance(doc.data, dict):
            platforms.append(doc.data)
    found = platform_for(url, platforms)
    if found is None:
        return None, (urlsplit(url).hostname or "").lower()
    name = found["name"]
    return found["id"], name.get(lang, name.get("fr", found["id"])) if isinstance(name, dict) else str(name)
