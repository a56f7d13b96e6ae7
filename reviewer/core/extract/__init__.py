"""Extraction: rules grouped by what they read, run over a Document, merged into Candidates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..document import Document
from ..schema import FieldDef, Schema
from ..values import ATTENTION_BELOW, DocumentSummary
from . import (
    cover,
    events,
    facts,
    form_body,
    header,
    market,
    notices,
    ownership,
    press_release,
    signature,
    standalone,
)
from .candidate import Candidate
from .facts import DISPUTED, cross_check
from .normalize import normalize
from .rules import Rule, run

# Bumped whenever extraction output changes (tests/core/test_extractor_version.py holds it to
# that); stored with every filing, so re-extraction can find what an older extractor read.
# 0.2.0: the first version checked against golden output (0.1.0 labelled twenty different ones).
# 0.3.0: rules generalised on unseen filings (releases, exhibits, addresses, signers, events,
#        contacts, websites, tickers), inline XBRL cover facts, ingest notices and repairs.
# 0.4.0: rules declared (forms classified once); exhibit numbers as older indexes write them,
#        signature blocks (wrapped titles, attorneys-in-fact, ownership reports), events
#        (earnings releases, pay-only items, subsequent-events notes), a periodic report's
#        market item, telephone extensions, double-spaced PDF covers, codes keep an exhibit's
#        small letters.
# 0.5.0: ownership reports (the filer's CIK, the issuer's name and symbol), lettered exhibit
#        numbers ("10aa"), a release's own "Exhibit 1" tables left out, a dividend declared further
#        down a release, the "About" paragraph's listing, British postcodes, schemeless websites.
# 0.6.0: an amendment's title ("Amendment No. 2 to Form S-3": S-3/A); a registration
#        statement's address caption ("Address, including zip code, and telephone number ...").
EXTRACTOR_VERSION = "0.8.9"

# Every rule, in the order they run (of two equal proposals the first stands). Each module
# declares its rules (rules.Rule: the kinds of filing and region it reads, what it proposes and
# how sure); the inline XBRL facts run last, so that a text value they confirm keeps its evidence.
RULES: tuple[Rule, ...] = (*header.RULES, *cover.RULES, *notices.RULES, *form_body.RULES, *signature.RULES, *standalone.RULES,
                           *market.RULES,
                           *ownership.RULES,
                           *press_release.RULES, *events.RULES, *facts.RULES)


def _pattern_rule(fd: FieldDef, doc: Document) -> Iterator[Candidate]:
    """A user's field: the pattern's first group (or the whole match) in its normal form."""
    assert fd.pattern is not None
    for m in fd.pattern.finditer(doc.text):
        group = 1 if m.re.groups else 0
        raw = m.group(group)
        if raw is None:
            continue
        value = normalize(raw, fd.type)
        if value:
            yield Candidate(fd.name, value, m.start(group), m.end(group), fd.confidence,
                            f"schema.{fd.name}")
            if not fd.multi:
                return


def _key(c: Candidate) -> tuple[str, str]:
    return c.name, " ".join(c.value.casefold().split()).rstrip(".,")


def merge(candidates: Iterable[Candidate], schema: Schema | None) -> list[Candidate]:
    """A value said twice is one value with its best evidence; a single field keeps its best,
    and beside it any value the tagged facts dispute (the analyst decides between them)."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in cross_check(list(candidates)):
        k = _key(c)
        if k not in best or c.confidence > best[k].confidence:
            best[k] = c
    chosen: dict[str, list[Candidate]] = {}
    for c in best.values():
        chosen.setdefault(c.name, []).append(c)
    out: list[Candidate] = []
    for name, cands in chosen.items():
        fd = schema.get(name) if schema else None
        cands.sort(key=lambda c: (-c.confidence, c.start))
        if fd is not None and not fd.multi:
            cands = cands[:1] + [c for c in cands[1:] if c.rule.endswith(DISPUTED)]
        out.extend(sorted(cands, key=lambda c: c.start))
    order = {n: i for i, n in enumerate(schema.names())} if schema else {}
    out.sort(key=lambda c: (order.get(c.name, len(order)), c.start))
    return out


def extract(doc: Document, schema: Schema | None = None) -> list[Candidate]:
    """Every field the rules find in `doc`, merged, in schema order."""
    found: list[Candidate] = []
    for rule in RULES:
        try:
            found.extend(run(rule, doc))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not lose the others
            doc.notices.append(f"extraction rule {rule.name} failed: {type(exc).__name__}: {exc}")
    if schema is not None:
        for fd in schema.fields:
            if fd.pattern is not None:
                found.extend(_pattern_rule(fd, doc))
    return merge(found, schema)


class Summarized(Protocol):
    """What the queue summary reads of a value: a candidate, or a stored value that stands."""

    @property
    def name(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def confidence(self) -> float: ...


def summarize(candidates: Iterable[Summarized]) -> DocumentSummary:
    """The queue's columns for a filing: form, company, date, values needing attention."""
    first: dict[str, str | None] = {}
    attention = 0
    for c in candidates:
        first.setdefault(c.name, c.value)
        attention += c.confidence < ATTENTION_BELOW
    return DocumentSummary(
        form_type=first.get("form_type"),
        company_name=first.get("company_name"),
        doc_date=first.get("period_of_report") or first.get("release_date")
        or first.get("filed_date"),
        attention=attention,
    )
