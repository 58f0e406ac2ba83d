"""Score a detector against labelled spans (presidio-research JSON): P/R/F2 and leaked characters.

Matching is overlap-based and type-agnostic by default:

- a gold span is *found* when some predicted span overlaps it by at least one character;
- a predicted span is *correct* when it overlaps some gold span;
- recall = found gold / all gold, precision = correct predictions / all predictions,
  F2 = 5PR / (4P + R) (recall weighs more: a leak costs more than an extra mask);
- *leaked* = share of gold PII characters (whitespace excluded) that no prediction covers, which
  catches what overlap matching forgives (a name found only by its first word).

Per entity type the same rules apply, restricted to gold and predictions of that type. Where
records carry a `locale` (top level or in `metadata`), `by_locale` scores ANY PII per locale.

Labels are mapped to the vault's types (`LABEL_MAP`, e.g. ADDRESS -> LOCATION, DOMAIN_NAME -> URL).
ORGANIZATION, TITLE (job titles), PREFIX (Mr/Dr), NRP and similar are not personal data on their
own and the vault does not mask them: they are left out of "any PII". A prediction that overlaps
such a span is neither right nor wrong (masking a company name is harmless) and is not counted.
ORGANIZATION recall is still reported on its own line, for information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from vault.domain.spans import Span
from vault.errors import InvalidRequest
from vault.ports import Detector

__all__ = [
    "ANY_PII",
    "EXCLUDED_LABELS",
    "LABEL_MAP",
    "EvalReport",
    "Score",
    "parse_dataset",
    "run_eval",
    "score_spans",
]

ANY_PII = "ANY PII"
LABEL_MAP: Mapping[str, str] = {
    "ADDRESS": "LOCATION",
    "STREET_ADDRESS": "LOCATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "CITY": "LOCATION",
    "COUNTRY": "LOCATION",
    "ZIP_CODE": "LOCATION",
    "DOMAIN_NAME": "URL",
    "PER": "PERSON",
    "NAME": "PERSON",
    "FIRST_NAME": "PERSON",
    "LAST_NAME": "PERSON",
    "DATE": "DATE_TIME",
    "DATE_OF_BIRTH": "DATE_TIME",
    "BIRTHDAY": "DATE_TIME",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "SSN": "US_SSN",
    "IBAN": "IBAN_CODE",
    "IP": "IP_ADDRESS",
    "API_KEY": "SECRET",
    "PASSWORD": "SECRET",
    "AWS_ACCESS_KEY": "SECRET",
    "PRIVATE_KEY": "SECRET",
    "IPV4": "IP_ADDRESS",
    "IPV6": "IP_ADDRESS",
    "POSTCODE": "LOCATION",
    "POSTAL_CODE": "LOCATION",
    "STREET": "LOCATION",
    "STATE": "LOCATION",
    "TELEPHONE": "PHONE_NUMBER",
    "CREDIT_CARD_NUMBER": "CREDIT_CARD",
    "BITCOIN_ADDRESS": "CRYPTO",
    "ETHEREUM_ADDRESS": "CRYPTO",
    "MAC": "MAC_ADDRESS",
}
EXCLUDED_LABELS = frozenset({"ORGANIZATION", "ORG", "TITLE", "PREFIX", "NRP", "NORP", "MISC"})


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled text: its gold spans already mapped to vault types."""

    text: str
    gold: tuple[Span, ...]
    locale: str | None = None


@dataclass(slots=True)
class Score:
    """Counts for one entity type (or ANY PII); the ratios derive from them."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    pii_chars: int = 0
    leaked_chars: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    @property
    def leaked(self) -> float:
        return self.leaked_chars / self.pii_chars if self.pii_chars else 0.0


@dataclass(slots=True)
class EvalReport:
    """Scores of the vault's detector and, when given, of the baseline on the same texts."""

    texts: int
    vault: dict[str, Score]
    baseline: dict[str, Score] | None = None
    organization_recall: dict[str, float] = field(default_factory=dict)
    # locale -> (texts, the vault's ANY PII, the baseline's ANY PII or None)
    by_locale: dict[str, tuple[int, Score, Score | None]] = field(default_factory=dict)

    def render(self) -> str:
        """A plain-text table: one row per type, ANY PII first; then one row per locale."""
        names = sorted(set(self.vault) | set(self.baseline or {}), key=lambda n: (n != ANY_PII, n))
        lines = [f"{self.texts} texts; overlap matching, see vault.services.evaluate"]
        lines.extend(self._table("entity", [(n, self.vault.get(n), self._base(n)) for n in names]))
        for who, recall in self.organization_recall.items():
            lines.append(f"(ORGANIZATION, not in ANY PII) {who} recall {recall:.3f}")
        if self.by_locale:
            lines.append("")
            rows = [(f"{loc} ({n})", v, b) for loc, (n, v, b) in sorted(self.by_locale.items())]
            lines.extend(self._table("locale (texts)", rows))
        return "\n".join(lines)

    def _base(self, name: str) -> Score | None:
        return None if self.baseline is None else self.baseline.get(name, Score())

    def _table(
        self, first: str, rows: Sequence[tuple[str, Score | None, Score | None]]
    ) -> list[str]:
        head = f"{first:<26}{'gold':>6} | {'recall':>7}{'prec':>7}{'F2':>7}{'leak':>7}{'chars':>7}"
        if self.baseline is not None:
            head += f" | {'base R':>7}{'base P':>7}{'base F2':>8}{'leak':>7}{'chars':>7}"
        lines = [head, "-" * len(head)]
        for name, vault, base in rows:
            v = vault or Score()
            row = f"{name:<26}{v.gold:>6} | {v.recall:>7.3f}{v.precision:>7.3f}"
            row += f"{v.f2:>7.3f}{v.leaked:>7.3f}{v.leaked_chars:>7}"
            if self.baseline is not None:
                b = base or Score()
                row += f" | {b.recall:>7.3f}{b.precision:>7.3f}{b.f2:>8.3f}{b.leaked:>7.3f}"
                row += f"{b.leaked_chars:>7}"
            lines.append(row)
        return lines


def parse_dataset(dataset: object) -> tuple[list[Labelled], list[tuple[str, tuple[Span, ...]]]]:
    """Validate presidio-research records; return texts with PII gold and excluded spans.

    Raises InvalidRequest naming the first bad record.
    """
    if not isinstance(dataset, list):
        raise InvalidRequest("dataset must be a JSON list of records")
    labelled, excluded = [], []
    for index, record in enumerate(dataset):
        where = f"record {index}"
        if not isinstance(record, dict) or not isinstance(record.get("full_text"), str):
            raise InvalidRequest(f"{where}: needs a string full_text")
        text: str = record["full_text"]
        spans = record.get("spans") or []
        if not isinstance(spans, list):
            raise InvalidRequest(f"{where}: spans must be a list")
        gold, other = [], []
        for raw in spans:
            try:
                label = str(raw["entity_type"]).upper()
                start, end = int(raw["start_position"]), int(raw["end_position"])
            except (KeyError, TypeError, ValueError) as exc:
                raise InvalidRequest(
                    f"{where}: span needs entity_type, start_position, end_position"
                ) from exc
            if not 0 <= start < end <= len(text):
                raise InvalidRequest(f"{where}: span [{start}, {end}) outside the text")
            if label in EXCLUDED_LABELS:
                other.append(
                    Span(start, end, "ORGANIZATION" if label in ("ORG", "ORGANIZATION") else label)
                )
            else:
                gold.append(Span(start, end, LABEL_MAP.get(label, label)))
        metadata = record.get("metadata")
        locale = record.get("locale") or (
            metadata.get("locale") if isinstance(metadata, dict) else None
        )
        labelled.append(Labelled(text, tuple(gold), str(locale) if locale else None))
        excluded.append((text, tuple(other)))
    return labelled, excluded


def _overlaps_any(span: Span, others: Iterable[Span]) -> bool:
    return any(span.overlaps(o) for o in others)


def _tally(score: Score, text: str, gold: Sequence[Span], predicted: Sequence[Span]) -> None:
    score.gold += len(gold)
    score.found += sum(_overlaps_any(g, predicted) for g in gold)
    score.predicted += len(predicted)
    score.correct += sum(_overlaps_any(p, gold) for p in predicted)
    covered = bytearray(len(text))
    for p in predicted:
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    for g in gold:
        for i in range(g.start, g.end):
            if not text[i].isspace():
                score.pii_chars += 1
                score.leaked_chars += not covered[i]


def score_spans(
    text: str, gold: Sequence[Span], predicted: Sequence[Span], *, ignore: Sequence[Span] = ()
) -> dict[str, Score]:
    """Per-type and ANY PII scores for one text; predictions overlapping `ignore` are dropped."""
    predicted = [
        p
        for p in predicted
        if p.entity_type not in EXCLUDED_LABELS and not _overlaps_any(p, ignore)
    ]
    scores: dict[str, Score] = defaultdict(Score)
    _tally(scores[ANY_PII], text, gold, predicted)
    for entity in {s.entity_type for s in gold} | {p.entity_type for p in predicted}:
        _tally(
            scores[entity],
            text,
            [g for g in gold if g.entity_type == entity],
            [p for p in predicted if p.entity_type == entity],
        )
    return scores


def _add(total: dict[str, Score], part: Mapping[str, Score]) -> None:
    for name, s in part.items():
        t = total.setdefault(name, Score())
        t.gold += s.gold
        t.found += s.found
        t.predicted += s.predicted
        t.correct += s.correct
        t.pii_chars += s.pii_chars
        t.leaked_chars += s.leaked_chars


def _score_detector(
    detector: Detector,
    labelled: list[Labelled],
    excluded: list[tuple[str, tuple[Span, ...]]],
    locales: dict[str, Score] | None = None,
) -> tuple[dict[str, Score], float]:
    """Totals per type; when `locales` is given, ANY PII per locale is added into it."""
    total: dict[str, Score] = {ANY_PII: Score()}
    orgs = org_found = 0
    detect_many = getattr(detector, "detect_many", None)
    texts = [item.text for item in labelled]
    predictions = detect_many(texts) if detect_many else [detector.detect(t) for t in texts]
    for item, (_, ignore), predicted in zip(labelled, excluded, predictions, strict=True):
        scores = score_spans(item.text, item.gold, predicted, ignore=ignore)
        _add(total, scores)
        if locales is not None and item.locale is not None:
            _add(locales, {item.locale: scores[ANY_PII]})
        for o in ignore:
            if o.entity_type == "ORGANIZATION":
                orgs += 1
                org_found += _overlaps_any(o, predicted)
    return total, (org_found / orgs if orgs else float("nan"))


def run_eval(
    dataset: list[dict[str, object]],
    detector: Detector,
    baseline: Detector | None,
    *,
    by_locale: bool = False,
) -> EvalReport:
    """Score `detector` (and `baseline`, if given) on a presidio-research dataset; with
    `by_locale`, also ANY PII for each `locale` the records carry.

    Raises InvalidRequest when the dataset is malformed.
    """
    labelled, excluded = parse_dataset(dataset)
    vault_locales: dict[str, Score] | None = {} if by_locale else None
    base_locales: dict[str, Score] | None = {} if by_locale and baseline is not None else None
    vault, vault_org = _score_detector(detector, labelled, excluded, vault_locales)
    report = EvalReport(texts=len(labelled), vault=vault)
    if any(o.entity_type == "ORGANIZATION" for _, spans in excluded for o in spans):
        report.organization_recall["vault"] = vault_org
    if baseline is not None:
        report.baseline, base_org = _score_detector(baseline, labelled, excluded, base_locales)
        if "vault" in report.organization_recall:
            report.organization_recall["baseline"] = base_org
    if vault_locales is not None:
        counts: dict[str, int] = defaultdict(int)
        for item in labelled:
            if item.locale is not None:
                counts[item.locale] += 1
        report.by_locale = {
            loc: (counts[loc], score, (base_locales or {}).get(loc) if baseline else None)
            for loc, score in vault_locales.items()
        }
    return report
