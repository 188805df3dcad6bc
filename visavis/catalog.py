"""Load every data file of ``directory/``, validate it, and hold the result for the renderers.

Per-file checks (YAML syntax, schema) come first, then checks across files (ids, languages,
dates, references), and every problem is collected before failing so that one run lists them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, yamlfile
from .errors import LANGUAGE_NAMES, ContentError, Problem, dotted
from .settings import SiteConfig

# Data kinds: schema name -> folder under directory/. Order matters for references (see checks).
KINDS = {"organisation": "organisations", "recourse": "recourse", "platform": "platforms"}

STALE_AFTER_DAYS = 365

# What scripts/new-entry writes where a person must still provide a value (reported until done).
FILL_IN = {"fr": "À COMPLÉTER", "nl": "IN TE VULLEN"}
FILL_IN_URL = "https://a-completer.invalid/"  # '.invalid' can never be a real address


def in_language(value, lang: str, default_lang: str) -> tuple[str | None, bool]:
    """A translated text in ``lang``, else in the default language; and whether it fell back."""
    if not isinstance(value, dict):
        return None, False
    if value.get(lang):
        return value[lang], False
    return value.get(default_lang), True


@dataclass
class Entry:
    kind: str
    id: str
    data: dict
    doc: yamlfile.YamlDocument

    def text(self, name: str, lang: str, default_lang: str = "fr"):
        """A translated field in ``lang``, and whether it fell back to the default language."""
        return in_language(self.data.get(name), lang, default_lang)


@dataclass
class Catalog:
    site: SiteConfig
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    labels: dict[str, dict] = field(default_factory=dict)
    vocabularies: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def of(self, kind: str) -> list[Entry]:
        return list(self.entries.get(kind, {}).values())

    def labels_for(self, lang: str, group: str) -> dict:
        """A whole group of labels in ``lang``, completed from the default language."""
        merged = dict(self.labels.get(self.site.default_language, {}).get(group, {}))
        merged.update(self.labels.get(lang, {}).get(group) or {})
        return merged

    def label(self, lang: str, group: str, key: str) -> str:
        """Interface word or vocabulary label, falling back to the default language."""
        for code in (lang, self.site.default_language):
            value = self.labels.get(code, {}).get(group, {}).get(key)
            if value:
                return value
        raise KeyError(f"no label for {group}.{key}")


def load(site: SiteConfig, today: dt.date | None = None) -> Catalog:
    """Read and validate the whole directory; raise ContentError listing every problem."""
    today = today or dt.date.today()
    catalog = Catalog(site)
    problems: list[Problem] = []
    schema_dir = site.directory / "schemas"
    for kind, folder in KINDS.items():
        check = schema.validator(schema_dir, kind)
        catalog.entries[kind] = {}
        for path in _data_files(site.directory / folder):
            shown = path.relative_to(site.root).as_posix()
            doc, found = yamlfile.load(path, shown)
            problems += found
            if doc is None:
                continue
            if not isinstance(doc.data, dict):
                problems.append(
                    Problem(
                        shown,
                        1,
                        "",
                        "the file must contain fields ('name: value' lines), not a single value or a list.",
                    )
                )
                continue
            found = schema.check(doc, check)
            problems += found
            found += _check_entry(doc, path, site, today, catalog.entries[kind], problems)
            if not found:
                catalog.entries[kind][doc.data["id"]] = Entry(kind, doc.data["id"], doc.data, doc)
            catalog.warnings += _stale(doc, today) + _unfinished(doc, doc.data, ())
    problems += _check_references(catalog)
    catalog.vocabularies = schema.vocabularies(site.directory / "schemas")
    catalog.labels, found = _load_labels(site)
    problems += found
    if problems:
        raise ContentError(problems)
    return catalog


def load_file(site: SiteConfig, name: str, kind: str) -> yamlfile.YamlDocument:
    """Read one data file of directory/ checked against <kind>.schema.json and for texts in every
    language (the single-file kinds: glossary, exercise, self-assessment); raise ContentError."""
    path = site.directory / name
    doc, problems = yamlfile.load(path, path.relative_to(site.root).as_posix())
    if doc is not None:
        problems += schema.check(doc, schema.validator(site.directory / "schemas", kind))
        if not problems:
            problems += _check_languages(doc, doc.data, (), site)
    if problems:
        raise ContentError(problems)
    return doc


def duplicate_ids(doc: yamlfile.YamlDocument, items: str) -> list[Problem]:
    """Problems for items of the list ``items`` whose 'id' repeats an earlier one."""
    ids = [item["id"] for item in doc.data[items]]
    return [
        Problem(
            doc.path,
            doc.line_of((items, i, "id")),
            f"{items}[{i}].id",
            f"the id '{item_id}' is already used by {items}[{ids.index(item_id)}].",
            "give each one its own id",
        )
        for i, item_id in enumerate(ids)
        if ids.index(item_id) != i
    ]


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _check_entry(doc, path: Path, site: SiteConfig, today, seen: dict, problems: list) -> list[Problem]:
    """Checks a schema cannot express: id = file name, unique id, real dates, every language present."""
    found: list[Problem] = []
    data = doc.data
    entry_id = data.get("id")
    if isinstance(entry_id, str):
        if entry_id != path.stem:
            found.append(
                Problem(
                    doc.path,
                    doc.line_of(("id",)),
                    "id",
                    f"the id '{entry_id}' is not the file name '{path.stem}'.",
                    f"rename the file to '{entry_id}{path.suffix}' or write 'id: {path.stem}'",
                )
            )
        elif entry_id in seen:
            found.append(
                Problem(
                    doc.path,
                    doc.line_of(("id",)),
                    "id",
                    f"the id '{entry_id}' is already used by {seen[entry_id].doc.path}.",
                    "each entry needs its own id: keep one of the two files",
                )
            )
    for key in ("verified_on",):
        value = data.get(key)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # else the schema reports it
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                found.append(
                    Problem(
                        doc.path,
                        doc.line_of((key,)),
                        key,
                        f"'{value}' is not a real date.",
                        "write the date as year-month-day, such as 2026-11-25",
                    )
                )
                continue
            if day > today:
                found.append(
                    Problem(
                        doc.path,
                        doc.line_of((key,)),
                        key,
                        f"the date {value} is in the future.",
                        "write the day the entry was actually checked",
                    )
                )
    found += _check_languages(doc, data, (), site)
    problems += found
    return found


def is_text(value) -> bool:
    """A translated text: a group of two-letter language lines, French among them."""
    return isinstance(value, dict) and "fr" in value and all(isinstance(k, str) and len(k) == 2 for k in value)


def _check_languages(doc, value, where: tuple, site: SiteConfig) -> list[Problem]:
    """Every translated text (a group with an 'fr' line) needs every complete language and no unknown one."""
    found = []
    if isinstance(value, dict):
        if is_text(value):
            shown = dotted(where)
            for lang in site.complete_languages:
                if lang not in value:
                    name = LANGUAGE_NAMES.get(lang, lang)
                    found.append(
                        Problem(
                            doc.path,
                            doc.line_of(where),
                            shown,
                            f"the {name} text ('{lang}') is missing.",
                            f"add a line '{lang}: …' under '{where[-1] if where else shown}' with the text in {name}",
                        )
                    )
            for lang in value:
                if lang not in site.languages:
                    found.append(
                        Problem(
                            doc.path,
                            doc.line_of(where + (lang,)),
                            f"{shown}.{lang}",
                            f"'{lang}' is not a language of this site.",
                            f"the site languages are: {', '.join(site.languages)}",
                        )
                    )
        else:
            for key, item in value.items():
                found += _check_languages(doc, item, where + (key,), site)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _check_languages(doc, item, where + (index,), site)
    return found


# Fields that name entries of another kind: (kind, field) -> referenced kind.
REFERENCES = {("recourse", "organisations"): "organisation", ("recourse", "platforms"): "platform"}


def _check_references(catalog: Catalog) -> list[Problem]:
    """Every id named in a reference field must exist (checked after all files are read)."""
    problems = []
    for (kind, name), target in REFERENCES.items():
        known = catalog.entries.get(target, {})
        for entry in catalog.of(kind):
            for index, ref in enumerate(entry.data.get(name, [])):
                if ref not in known:
                    close = difflib.get_close_matches(ref, list(known), n=1)
                    hint = (
                        f"did you mean '{close[0]}'?"
                        if close
                        else f"create directory/{KINDS[target]}/{ref}.yml or remove this line"
                    )
                    problems.append(
                        Problem(
                            entry.doc.path,
                            entry.doc.line_of((name, index)),
                            f"{name}[{index}]",
                            f"there is no {target} with the id '{ref}'.",
                            hint,
                        )
                    )
    return problems


def _unfinished(doc, value, where: tuple) -> list[Problem]:
    """Fields still holding a fill-in marker: reported, not fatal (a new entry builds at once)."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _unfinished(doc, item, where + (key,))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _unfinished(doc, item, where + (index,))]
    if isinstance(value, str) and (value in FILL_IN.values() or value == FILL_IN_URL):
        return [
            Problem(
                doc.path,
                doc.line_of(where),
                dotted(where),
                "this field still has to be filled in.",
                "replace the marker with the real value, checked at the source",
            )
        ]
    return []


def _stale(doc, today: dt.date) -> list[Problem]:
    """Entries not checked for more than a year: reported, not fatal."""
    try:
        day = dt.date.fromisoformat(doc.data.get("verified_on", ""))
    except (TypeError, ValueError):
        return []
    age = (today - day).days
    if age > STALE_AFTER_DAYS:
        return [
            Problem(
                doc.path,
                doc.line_of(("verified_on",)),
                "verified_on",
                f"last checked {age} days ago ({day}); please check it again.",
                "compare the entry with its source, then write today's date in verified_on",
            )
        ]
    return []


def _load_labels(site: SiteConfig) -> tuple[dict, list[Problem]]:
    """Interface words and vocabulary labels, one file per language; every allowed value needs a label."""
    labels, docs, problems = {}, {}, []
    vocabularies = schema.vocabularies(site.directory / "schemas")
    for lang in site.languages:
        path = site.directory / "labels" / f"{lang}.yml"
        shown = path.relative_to(site.root).as_posix()
        if not path.exists():
            if lang in site.complete_languages:
                problems.append(
                    Problem(
                        shown,
                        None,
                        "",
                        "the file of interface words is missing.",
                        f"copy directory/labels/{site.default_language}.yml and translate it",
                    )
                )
            continue
        doc, found = yamlfile.load(path, shown)
        if doc is not None and not found:
            found = schema.check(doc, schema.validator(site.directory / "schemas", "labels"))
        problems += found
        if doc is None or found:
            continue
        labels[lang], docs[lang] = doc.data, doc
        if lang not in site.complete_languages:
            continue
        for group, values in vocabularies.items():
            for value in values:
                if not (doc.data.get(group) or {}).get(value):
                    problems.append(
                        Problem(
                            shown,
                            doc.line_of((group,)),
                            f"{group}.{value}",
                            f"no label for the value '{value}'.",
                            f"add '{value}: …' under '{group}:'",
                        )
                    )
    if site.default_language in labels:
        # every key of the French file in every language, and no key the French file does not have
        reference = labels[site.default_language].get("ui", {})
        for lang, values in labels.items():
            path, keys = f"directory/labels/{lang}.yml", set(values.get("ui", {}))
            for key in sorted(set(reference) - keys) if lang in site.complete_languages else []:
                problems.append(
                    Problem(
                        path,
                        docs[lang].line_of(("ui",)),
                        f"ui.{key}",
                        "this interface text is missing.",
                        f"copy it from directory/labels/{site.default_language}.yml and translate it",
                    )
                )
            for key in sorted(keys - set(reference)):
                close = difflib.get_close_matches(key, list(reference), n=1)
                problems.append(
                    Problem(
                        path,
                        docs[lang].line_of(("ui", key)),
                        f"ui.{key}",
                        f"'{key}' is not an interface text of the site.",
                        f"did you mean '{close[0]}'?" if close else "remove it, or add it to the French file first",
                    )
                )
    return labels, problems
