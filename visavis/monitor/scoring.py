"""Scoring, explained, never a verdict. A scorer turns a text into a score, the category the
evidence hints at, and the reasons: which terms and rules fired, with the sentence they fired in.
The score only decides what a person is asked to review.

Another scorer (a partner's local model, say) is any class with a ``name`` and an
``assess(text, language) -> Assessment`` method, built with the project's root folder; name it in
the watchlist's ``settings.scorer`` as ``module:Class``. The shipped one is ``LexiconScorer``.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from . import lexicon as lexicon_mod

SEVERITY = {"a": 3, "b": 2, "c": 1}
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_SPANS = (re.compile(r'"[^"\n]{1,400}"'), re.compile(r"(?<![a-z0-9])'[^'\n]{2,400}'(?![a-z0-9])"))
EXCERPT = 240
UNTARGETED = 0.4  # a dehumanising word with no group of people named in the text


@dataclass
class Reason:
    kind: str  # term, target, rule
    id: str  # the lexicon id, or the rule's name
    effect: float  # what it added to the score
    explain: str  # in words, with what lowered or raised it
    excerpt: str = ""  # the sentence it fired in
    hint: str | None = None
    grounds: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    score: float
    hint: str | None
    reasons: list[Reason]
    scorer: str

    def reasons_as_data(self) -> list[dict]:
        return [asdict(r) for r in self.reasons]


class Scorer(Protocol):
    name: str

    def assess(self, text: str, language: str) -> Assessment: ...


def load_scorer(spec: str, root: Path) -> Scorer:
    """The scorer named ``module:Class`` in the settings."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)(root)


class LexiconScorer:
    """The curated lexicon plus rules: each term adds its weight, lowered when it stands in a
    quotation, after a negation, after a speaker naming themself (a reclaimed word), or in a text
    that argues against hate; calls to action and threats add to the score."""

    name = "lexicon-1"

    def __init__(self, root: Path):
        self.root = Path(root)
        self.lexicons: dict[str, lexicon_mod.Lexicon] = {}

    def lexicon(self, language: str) -> lexicon_mod.Lexicon:
        if language not in self.lexicons:
            self.lexicons[language] = lexicon_mod.load(self.root, language)
        return self.lexicons[language]

    def assess(self, text: str, language: str) -> Assessment:
        lex = self.lexicon(language)
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        folded = [lexicon_mod.fold(s) for s in sentences]
        whole = " \n ".join(folded)
        counter = lex.lowering["counter_speech"]
        counter_match = counter.regex.search(whole)
        reasons: list[Reason] = []
        best: dict[str, Reason] = {}
        for original, sentence in zip(sentences, folded, strict=True):
            for term in lex.terms:
                for match in term.regex.finditer(sentence):
                    factor, why = self._lowered(lex, sentence, match.start())
                    if counter_match:
                        factor *= counter.factor
                        why.append(f"{counter.explain} ('{counter_match.group()}') ×{counter.factor:g}")
                    effect = round(term.weight * factor, 2)
                    reason = Reason(
                        "term",
                        term.id,
                        effect,
                        f"{lex.words['kinds'][term.kind]} ('{match.group()}'), {lex.words['weight']} {term.weight:g}"
                        + "".join(f"; {w}" for w in why),
                        _excerpt(original),
                        term.hint,
                        list(term.grounds),
                    )
                    if term.id not in best or effect > best[term.id].effect:
                        best[term.id] = reason
        targets = [
            (target_id, grounds, sentences[i], m.group())
            for target_id, grounds, regex in lex.targets
            for i, sentence in enumerate(folded)
            if (m := regex.search(sentence))
        ]
        if not targets:
            # Animal, vermin and disease words are hate when they name people: with no group of
            # people named, "cafards dans la cuisine" is about cockroaches.
            for reason in best.values():
                if reason.kind == "term" and _term_kind(lex, reason.id) == "dehumanising":
                    reason.effect = round(reason.effect * UNTARGETED, 2)
                    reason.explain += f"; {lex.words['untargeted']} ×{UNTARGETED:g}"
        reasons += best.values()
        strong = any(r.effect >= 1 for r in reasons)
        for rule in lex.raising.values():
            for i, sentence in enumerate(folded):
                match = rule.regex.search(sentence)
                if not match or (rule.needs_target and not (targets or reasons)):
                    continue
                factor, why = self._lowered(lex, sentence, match.start())
                if counter_match:
                    factor *= counter.factor
                    why.append(f"{counter.explain} ('{counter_match.group()}') ×{counter.factor:g}")
                effect = round(rule.add * factor, 2)
                reasons.append(
                    Reason(
                        "rule",
                        rule.name,
                        effect,
                        f"{rule.explain} ('{match.group()}'), +{rule.add:g}" + "".join(f"; {w}" for w in why),
                        _excerpt(sentences[i]),
                        rule.hint,
                    )
                )
                strong = strong or effect >= 1
                break  # once per text: repeating a call does not make it more of one
        if targets and strong:
            target_id, grounds, sentence, word = targets[0]
            reasons.append(
                Reason(
                    "target",
                    target_id,
                    lex.target_weight,
                    f"{lex.words['target']} ('{word}')",
                    _excerpt(sentence),
                    None,
                    list(grounds),
                )
            )
        score = round(sum(r.effect for r in reasons), 2)
        hints = [r.hint for r in reasons if r.hint and r.effect >= 1]
        hint = max(hints, key=SEVERITY.get) if hints else None
        reasons.sort(key=lambda r: -r.effect)
        return Assessment(score, hint, reasons, self.name)

    @staticmethod
    def _lowered(lex, sentence: str, start: int) -> tuple[float, list[str]]:
        """The factor lowering a match at ``start`` of ``sentence``, and why."""
        factor, why = 1.0, []
        quoted = any(m.start() < start < m.end() for span in _SPANS for m in span.finditer(sentence))
        reported = lex.lowering["quotation"].regex.search(sentence[:start])
        if quoted or reported:
            rule = lex.lowering["quotation"]
            factor *= rule.factor
            shown = '"…"' if quoted else f"'{reported.group()}'"
            why.append(f"{rule.explain} ({shown}) ×{rule.factor:g}")
        before = sentence[:start].split()
        for name in ("negation", "self_identification"):
            rule = lex.lowering[name]
            near = " ".join(before[-rule.window :]) if rule.window else ""
            match = rule.regex.search(near) if near else None
            if match:
                factor *= rule.factor
                why.append(f"{rule.explain} ('{match.group()}') ×{rule.factor:g}")
        return factor, why


def _term_kind(lex, term_id: str) -> str:
    return next(term.kind for term in lex.terms if term.id == term_id)


def _excerpt(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= EXCERPT else sentence[: EXCERPT - 1] + "…"
