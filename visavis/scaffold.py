"""A new directory entry, written from its JSON Schema: every required field present, each with
its description as a comment, and the values a person must provide marked to fill in."""

from __future__ import annotations

import json
from pathlib import Path

from .catalog import FILL_IN
from .catalog import FILL_IN_URL as MARK_URL

MARK = FILL_IN


def skeleton(schema_dir: Path, kind: str, entry_id: str, today: str, languages: tuple[str, ...]) -> str:
    schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
    common = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    lines = [
        f"# yaml-language-server: $schema=../schemas/{kind}.schema.json",
        f"# {schema['title']}: {schema['description']}",
        f"# Fill in every '{MARK['fr']}' / '{MARK['nl']}' and every {MARK_URL}, then run scripts/check.",
    ]
    for name in schema["required"]:
        prop = schema["properties"][name]
        lines += _field(name, prop, common, entry_id, today, languages, indent="")
    return "\n".join(lines) + "\n"


def _resolve(prop: dict, common: dict) -> tuple[str, dict]:
    """('text', definition) for a reference to a common definition, else ('', prop)."""
    ref = prop.get("$ref", "")
    if ref.startswith("common.schema.json#/$defs/"):
        name = ref.rsplit("/", 1)[1]
        return name, {**common[name], **{k: v for k, v in prop.items() if k != "$ref"}}
    return "", prop


def _field(name, prop, common, entry_id, today, languages, indent) -> list[str]:
    kind, prop = _resolve(prop, common)
    description = prop.get("description", "")
    head = [f"{indent}# {description}"] if description else []
    if name == "id":
        return head + [f"{indent}id: {entry_id}"]
    if kind == "text":
        return head + [f"{indent}{name}:"] + [f'{indent}  {lang}: "{MARK.get(lang, MARK["fr"])}"' for lang in languages]
    if kind == "text_list":
        return (
            head
            + [f"{indent}{name}:"]
            + [f'{indent}  {lang}:\n{indent}    - "{MARK.get(lang, MARK["fr"])}"' for lang in languages]
        )
    if kind == "https_url":
        return head + [f"{indent}{name}: {MARK_URL}"]
    if kind == "date":
        return head + [f'{indent}{name}: "{today}"']
    if name == "type" and "web-form" in prop.get("enum", []):
        # a contact: a web form is the one channel whose marker (a URL) still passes the checks
        return head + [f"{indent}# {MARK['fr']}: one of {', '.join(prop['enum'])}", f"{indent}type: web-form"]
    if name == "value":
        return head + [f"{indent}value: {MARK_URL}"]
    if "enum" in prop:
        return head + [
            f"{indent}# {MARK['fr']}: one of {', '.join(prop['enum'])}",
            f"{indent}{name}: {prop['enum'][0]}",
        ]
    if prop.get("type") == "array":
        items_kind, items = _resolve(prop.get("items", {}), common)
        if "enum" in items:
            allowed = ", ".join(items["enum"])
            return head + [f"{indent}# {MARK['fr']}: one or more of {allowed}", f"{indent}{name}: [{items['enum'][0]}]"]
        if items.get("type") == "object":
            out = head + [f"{indent}{name}:"]
            for sub in items.get("required", []):
                out += _field(sub, items["properties"][sub], common, entry_id, today, languages, indent + "    ")
            first = next(j for j in range(len(head) + 1, len(out)) if not out[j].lstrip().startswith("#"))
            out[first] = f"{indent}  - {out[first].lstrip()}"
            return out
        if items_kind == "id":
            return head + [
                f"{indent}# {MARK['fr']}: ids of existing entries, one per line ('- id')",
                f"{indent}{name}: []",
            ]
    return head + [f'{indent}{name}: "{MARK["fr"]}"']
