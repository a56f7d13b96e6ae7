"""A rule is a declared thing: the kinds of filing and the region it reads, and what it proposes
with how sure each proposal is. Its finder only finds: it yields hits naming one of the rule's
declared outputs, and `run` turns them into candidates. So every confidence and rule id lives in
a declaration, and which filings a rule reads is data, not an `if` in its code.

    PERIOD = Rule("cover.period", period, where=Where.COVER, outputs=outputs(
        "cover", period_of_report={"month_of": 0.93, "date_of_report": 0.9}))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from ..document import Document
from .candidate import Candidate
from .forms import EVERY_KIND, Filing, Kind, filing_of
from .regions import Region, cover_region, form_region, release_region


class Where(Enum):
    """The region a rule reads."""

    DOCUMENT = "document"  # the whole text (the header's values carry their own spans)
    COVER = "cover"  # the form's first page
    FORM = "form"  # the form itself, up to a release that follows its signature
    RELEASE = "release"  # the first press release; a filing without one is not read
    NO_RELEASE = "no_release"  # the form, in a filing with no press release


def region_of(doc: Document, where: Where) -> Region | None:
    if where is Where.DOCUMENT:
        return Region(0, len(doc.text))
    if where is Where.COVER:
        return cover_region(doc)
    if where is Where.FORM:
        return form_region(doc)
    release = release_region(doc)
    if where is Where.RELEASE:
        return release
    return form_region(doc) if release is None else None


class Out(NamedTuple):
    """One kind of proposal a rule makes: the field, how sure it is, its rule id."""

    field: str
    confidence: float
    rule: str


class Hit(NamedTuple):
    """What a finder found: one of its rule's outputs, the value and its evidence span."""

    out: str
    value: str
    start: int
    end: int


Finder = Callable[[Document, Region, Filing], Iterable[Hit]]


def outputs(prefix: str, **fields: Mapping[str, float]) -> dict[str, Out]:
    """`outputs("cover", company_name={"registrant": 0.92})`: each output named by its rule id's
    last part, for the field it proposes, with its confidence."""
    out: dict[str, Out] = {}
    for name, levels in fields.items():
        for key, confidence in levels.items():
            if key in out:
                raise ValueError(f"output {key!r} declared twice")
            out[key] = Out(name, confidence, f"{prefix}.{key.split(':')[0]}")
    return out


@dataclass(frozen=True)
class Rule:
    name: str  # "cover.period"
    find: Finder
    outputs: Mapping[str, Out]
    where: Where = Where.FORM
    kinds: frozenset[Kind] = field(default=EVERY_KIND)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(o.field for o in self.outputs.values())

    def applies(self, filing: Filing) -> bool:
        return filing.kind in self.kinds


def run(rule: Rule, doc: Document) -> Iterator[Candidate]:
    """The candidates `rule` proposes for `doc` (none where it does not apply)."""
    filing = filing_of(doc)
    if not rule.applies(filing):
        return
    region = region_of(doc, rule.where)
    if region is None:
        return
    declared = rule.outputs
    for hit in rule.find(doc, region, filing):
        out = declared[hit.out]
        yield Candidate(out.field, hit.value, hit.start, hit.end, out.confidence, out.rule)


def run_all(rules: Iterable[Rule], doc: Document) -> Iterator[Candidate]:
    """The candidates of `rules` in order, unmerged (a module's rules, tried on a small text)."""
    for rule in rules:
        yield from run(rule, doc)
