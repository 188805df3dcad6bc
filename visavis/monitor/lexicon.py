"""The lexicon per language (``directory/lexicon/<lang>.yml``): terms, names of target groups, and
the rules that lower or raise a score. Read and checked like every data file.

Masking: slurs are written ``rot13:<word in ROT13>`` in the repository, so that browsing the
repository, a diff or a search result does not display them; ``unmask`` reverses it in memory only.
ROT13 hides, it does not protect: anyone may reverse it, and the monitor needs the words.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import schema, yamlfile
from ..errors import ContentError, Problem

_MASK = "rot13:"
# Digits and signs used to dodge filters ("n3gr0"), read as the letters they stand for.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e"})
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "’": "'", "‘": "'", "`": "'"})


def unmask(word: str) -> str:
    return codecs.decode(word[len(_MASK) :], "rot13") if word.startswith(_MASK) else word


def mask(word: str) -> str:
    return _MASK + codecs.encode(word, "rot13")


def fold(text: str) -> str:
    """Lower case, no accents, typographic quotes as plain ones, leetspeak read as letters, a letter
    repeated three times or more counted once ("saaale" -> "sale"). Applied to texts and terms alike."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(
        r"(?<=[a-z])[013457@$€]+(?=[a-z])|(?<=[a-z])[013457@$€]+\b", lambda m: m.group().translate(_LEET), text
    )
    return re.sub(r"([a-z])\1{2,}", r"\1", text)


def pattern(words: list[str]) -> re.Pattern:
    """One regular expression for a list of words: whole words, a final * for any ending."""
    parts = []
    for word in sorted({fold(unmask(w)) for w in words}, key=len, reverse=True):
        star = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "'\\s*")
        parts.append(body + (r"[a-z0-9]*" if star else ""))
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


@dataclass(frozen=True)
class Term:
    id: str
    kind: str
    grounds: tuple[str, ...]
    hint: str
    weight: float
    regex: re.Pattern


@dataclass(frozen=True)
class Lowering:
    name: str
    factor: float
    window: int
    regex: re.Pattern
    explain: str


@dataclass(frozen=True)
class Raising:
    name: str
    add: float
    hint: str
    needs_target: bool
    regex: re.Pattern
    explain: str


@dataclass(frozen=True)
class Lexicon:
    language: str
    terms: tuple[Term, ...]
    targets: tuple[tuple[str, tuple[str, ...], re.Pattern], ...]
    target_weight: float
    lowering: dict[str, Lowering]
    raising: dict[str, Raising]
    words: dict  # the report's words for kinds, weight and the target rules, in this language


def load(root: Path, language: str) -> Lexicon:
    file = root / "directory" / "lexicon" / f"{language}.yml"
    shown = f"directory/lexicon/{language}.yml"
    doc, problems = yamlfile.load(file, shown)
    if doc is None:
        raise ContentError(problems)
    problems = schema.check(doc, schema.validator(root / "directory" / "schemas", "lexicon"))
    data = doc.data
    if not problems and data["language"] != language:
        problems.append(Problem(shown, doc.line_of(("language",)), "language", f"this is the {language} file.", ""))
    ids: dict[str, int] = {}
    for group in ("terms", "targets"):
        for index, entry in enumerate(data.get(group, []) if not problems else []):
            if entry["id"] in ids:
                where = (group, index, "id")
                problems.append(
                    Problem(shown, doc.line_of(where), f"{group}[{index}].id", f"'{entry['id']}' is used twice.", "")
                )
            ids[entry["id"]] = index
    if problems:
        raise ContentError(problems)
    rules = data["rules"]
    return Lexicon(
        language=language,
        terms=tuple(
            Term(
                t["id"],
                t["kind"],
                tuple(t["grounds"]),
                t["hint"],
                t["weight"],
                pattern([t["term"], *t.get("variants", [])]),
            )
            for t in data["terms"]
        ),
        targets=tuple((t["id"], tuple(t["grounds"]), pattern(t["words"])) for t in data["targets"]),
        target_weight=rules["target_weight"],
        lowering={
            name: Lowering(name, r["factor"], r.get("window", 0), pattern(r["patterns"]), r["explain"])
            for name, r in rules.items()
            if name in ("quotation", "negation", "counter_speech", "self_identification")
        },
        raising={
            name: Raising(name, r["add"], r["hint"], r.get("needs_target", False), pattern(r["patterns"]), r["explain"])
            for name, r in rules.items()
            if name in ("call_to_action", "threat")
        },
        words=data["words"],
    )
