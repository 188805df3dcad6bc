"""Validate one YAML document against its JSON Schema and word each failure for a contributor.

The schemas in ``directory/schemas/`` are the single description of every data kind: the build,
``scripts/check``, the editors (through the ``$schema`` line of each file) and the tests use them.
A schema may carry ``x-expected``: an example of a good value, quoted in the message.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import regress
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from .errors import LANGUAGE_NAMES, Problem, dotted
from .yamlfile import YamlDocument

_TYPE_WORDS = {
    "string": "a piece of text",
    "object": "a group of fields",
    "array": "a list (lines starting with '- ')",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


@lru_cache(maxsize=256)
def _ecma(pattern: str) -> regress.Regex:
    return regress.Regex(pattern)


def _pattern(validator, pattern, instance, schema):
    """'pattern' with ECMA-262 semantics, as JSON Schema defines it and as the editors and the
    pre-commit check (check-jsonschema) read it. Python's re would also let '$' match before a
    final line break, so 'child-focus\\n' would pass here and fail there: one verdict everywhere."""
    if validator.is_type(instance, "string") and _ecma(pattern).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def validator(schema_dir: Path, kind: str) -> Draft202012Validator:
    """Validator for ``<kind>.schema.json``, with the other schemas of the folder resolvable by name.
    Made again when a schema file changes (``make serve`` picks up an edited schema)."""
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(schema_dir.glob("*.schema.json")))
    return _validator(schema_dir, kind, stamp)


@lru_cache(maxsize=32)  # a few kinds × the last schema versions; old versions fall out
def _validator(schema_dir: Path, kind: str, stamp: tuple) -> Draft202012Validator:
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in sorted(schema_dir.glob("*.schema.json"))
    ]
    registry = Registry().with_resources(resources)
    schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return _Validator(schema, registry=registry)


def check(doc: YamlDocument, kind_validator: Draft202012Validator) -> list[Problem]:
    """Every schema failure of ``doc``, one problem each, deepest first so messages are precise."""
    problems = []
    for error in _leaf_errors(kind_validator.iter_errors(doc.data)):
        where = tuple(error.absolute_path)
        field, message, hint = _explain(error, where)
        problems.append(Problem(doc.path, doc.line_of(field), dotted(field), message, hint))
    return sorted(set(problems))


def _leaf_errors(errors):
    """Replace composite failures (if/then, allOf) by the concrete failures inside them."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(error.context)
        elif error.validator not in ("if", "allOf"):
            yield error


def _explain(error: ValidationError, where: tuple) -> tuple[tuple, str, str]:
    """Field path, plain message and hint for one failure."""
    schema, value, kind = error.schema, error.instance, error.validator
    expected = schema.get("x-expected") if isinstance(schema, dict) else None
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        name = missing[0] if missing else "?"
        if where and name.isalpha() and len(name) == 2:
            language = LANGUAGE_NAMES.get(name, name)
            return (
                where + (name,),
                f"the {language} text ('{name}') is missing.",
                f"add a line '{name}: …' with the text in {language}",
            )
        return where + (name,), f"the required field '{name}' is missing.", _describe(schema, name)
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        extras = [name for name in value if name not in known]
        name = extras[0] if extras else "?"
        close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields here: {', '.join(known)}"
        return where + (name,), f"unknown field '{name}'.", hint
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else ""
        return where, f"received {_show(value)}; expected one of: {', '.join(allowed)}.", hint
    if kind == "const":
        return where, f"received {_show(value)}; expected {_show(error.validator_value)}.", ""
    if kind == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        hint = ""
        if error.validator_value == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = f"put it between quotes: '{value}' (YAML reads a bare number as a number, not as text)"
        return where, f"received {_show(value)}; expected {expected or wanted}.", hint
    if kind == "pattern":
        return (
            where,
            f"received {_show(value)}; expected {expected or 'a value of the form ' + error.validator_value}.",
            _pattern_hint(where, value),
        )
    if kind == "propertyNames":
        return where, f"{error.message}; expected {expected}.", ""
    if kind in ("minLength", "minItems"):
        return where, "this field is empty; it must have a value.", ""
    if kind == "uniqueItems":
        return where, "the list contains the same value twice.", "remove the repeated line"
    return where, error.message + ".", ""


def _pattern_hint(where: tuple, value) -> str:
    """Suggest the obvious fix for the most common format mistakes."""
    text = str(value)
    last = where[-1] if where else ""
    spaced = " ".join(text.replace("/", " ").replace(".", " ").split())
    if spaced.startswith("0") and spaced.replace(" ", "").isdigit():
        return f"write Belgian numbers with +32 instead of the first 0: '+32 {spaced[1:].lstrip()}'"
    if text.startswith("http://"):
        return "use the secure address: 'https://" + text[len("http://") :] + "'"
    if last in ("verified_on",) or "date" in str(last):
        return "write the date as year-month-day, such as 2026-11-25"
    return ""


def _describe(schema: dict, name: str) -> str:
    """The schema's own description of a field, shown as the hint for a missing field."""
    field = schema.get("properties", {}).get(name, {})
    return field.get("description", "") if isinstance(field, dict) else ""


def _show(value) -> str:
    if isinstance(value, str):  # invisible characters shown as escapes ('\\n')
        return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in value) + "'"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'" if value is not None else "nothing"


def vocabularies(schema_dir: Path) -> dict[str, list[str]]:
    """Every controlled vocabulary (an ``enum`` under common ``$defs``): its name and allowed values."""
    common = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))
    return {name: d["enum"] for name, d in common["$defs"].items() if "enum" in d}
