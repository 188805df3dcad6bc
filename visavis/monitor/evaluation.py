"""Evaluate a scorer on the labelled corpus (``visavis/monitor/corpus/<lang>.yml``): short texts
written for the purpose, slurs masked as ``{rot13:…}`` and unmasked here, in memory only.

Figures per language, for the whole corpus and for its held-out part (texts written after the
lexicon was frozen, never used to tune it: the more honest figure). For hateful texts of each category (a, b, c), the share queued for review
(recall) and, among queued texts the scorer hinted at that category, the share really of it
(precision of the hint); the share of counter-speech, reclaimed and neutral texts queued (false
positives); and hate against not-hate overall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import yamlfile
from ..errors import ContentError
from .lexicon import unmask

CORPUS = Path(__file__).parent / "corpus"
LABELS = ("hate-a", "hate-b", "hate-c", "counter-speech", "reclaimed", "neutral")
_MASKED = re.compile(r"\{(rot13:[^{}]+)\}")


def corpus(language: str, subset: str | None = None, folder: Path = CORPUS) -> list[tuple[str, str]]:
    """(label, unmasked text) pairs; ``subset='held-out'`` keeps only the texts written after the
    lexicon was frozen (never used to tune it)."""
    doc, problems = yamlfile.load(folder / f"{language}.yml", f"visavis/monitor/corpus/{language}.yml")
    if doc is None:
        raise ContentError(problems)
    return [
        (t["label"], _MASKED.sub(lambda m: unmask(m.group(1)), t["text"]))
        for t in doc.data["texts"]
        if subset is None or t.get("set") == subset
    ]


@dataclass
class Figures:
    language: str
    counts: dict[str, int]
    queued: dict[str, int]  # per label: how many were queued
    hinted: dict[str, int]  # per category a/b/c: queued texts hinted at it
    hinted_right: dict[str, int]  # of which labelled hate-<category>
    misses: list[tuple[str, str, float]]  # hateful texts not queued
    false_alarms: list[tuple[str, str, float]]  # other texts queued

    def rate(self, label: str) -> float:
        return self.queued[label] / self.counts[label] if self.counts[label] else 0.0

    def hint_precision(self, category: str) -> float | None:
        return self.hinted_right[category] / self.hinted[category] if self.hinted[category] else None

    @property
    def hate_precision(self) -> float:
        hate = sum(self.queued[f"hate-{c}"] for c in "abc")
        total = sum(self.queued.values())
        return hate / total if total else 0.0

    @property
    def hate_recall(self) -> float:
        return sum(self.queued[f"hate-{c}"] for c in "abc") / sum(self.counts[f"hate-{c}"] for c in "abc")


def evaluate(scorer, language: str, threshold: float, texts: list[tuple[str, str]] | None = None) -> Figures:
    texts = corpus(language) if texts is None else texts
    counts = dict.fromkeys(LABELS, 0)
    queued = dict.fromkeys(LABELS, 0)
    hinted = dict.fromkeys("abc", 0)
    right = dict.fromkeys("abc", 0)
    misses, false_alarms = [], []
    for label, text in texts:
        result = scorer.assess(text, language)
        counts[label] += 1
        flagged = result.score >= threshold
        if flagged:
            queued[label] += 1
            if result.hint:
                hinted[result.hint] += 1
                right[result.hint] += label == f"hate-{result.hint}"
        if label.startswith("hate-") and not flagged:
            misses.append((label, text, result.score))
        if not label.startswith("hate-") and flagged:
            false_alarms.append((label, text, result.score))
    return Figures(language, counts, queued, hinted, right, misses, false_alarms)


def table(figures: Figures, title: str = "") -> str:
    f = figures
    lines = [
        f"Language: {f.language}{title}  ({sum(f.counts.values())} texts)",
        f"  {'category':<10} {'texts':>5} {'queued (recall)':>16} {'hint precision':>15}",
    ]
    for c in "abc":
        label = f"hate-{c}"
        precision = f.hint_precision(c)
        shown = f"{precision:.0%} ({f.hinted_right[c]}/{f.hinted[c]})" if precision is not None else "n/a (0 hinted)"
        lines.append(
            f"  {label:<10} {f.counts[label]:>5} {f.rate(label):>9.0%} ({f.queued[label]}/{f.counts[label]}) {shown:>15}"
        )
    lines.append(f"  all hate   precision {f.hate_precision:.0%}, recall {f.hate_recall:.0%}")
    for label in ("counter-speech", "reclaimed", "neutral"):
        lines.append(f"  false positives on {label}: {f.rate(label):.0%} ({f.queued[label]}/{f.counts[label]})")
    return "\n".join(lines)
