"""What a filing is, decided once per document: its form, the kind of report that form is, and
(for a current report) the items it reports. Every rule reads this; none classifies for itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from ..document import Document
from .regions import cover_region, form_region, once_per_document

FORM_TITLE = re.compile(
    r"\bFORM\s+(\d{1,2}-[A-Z]{1,2}(?:405)?(?:/A)?|\d{2}-F(?:/A)?|40-F|S-\d(?:/A)?|DEF\s?14A|SD)\b", re.I)
# 8-K items as their headings print them: "Item 2.02", "ITEM 5. OTHER EVENTS", "Item 9.01 - Financial".
ITEM_HEADING = re.compile(
    r"^[ \t]*ITEM[ \t]*[-–—]?[ \t]*(?P<code>\d{1,2}\.\d{2}|\d{1,2})(?![.\d]*\d)\.?[ \t:\-–—]*(?P<title>[^\n]{0,80})",
    re.I | re.M)
NOT_APPLICABLE = re.compile(r"(?:not\s+|in)applicable|^\s*none\b|^\s*n/?a\b", re.I)
# 8-K items were renumbered on 2004-08-23 ("Item 5" -> "Item 8.01").
NEW_ITEMS_FROM = "20040823"
_CURRENT_REPORT = re.compile(r"CURRENT\s+REPORT", re.I)


class Kind(StrEnum):
    """The kinds of filing the rules tell apart."""

    CURRENT = "current"  # 8-K: events as they happen, in numbered items
    FOREIGN = "foreign"  # 6-K: a foreign issuer's report, often a press release
    PERIODIC = "periodic"  # 10-K, 10-Q, 20-F, 40-F (and their SB, 405 and /A variants)
    OTHER = "other"  # proxies, registrations, ownership reports: no news of their own
    UNKNOWN = "unknown"  # no form named: a standalone exhibit, a release on its own


PERIODIC_FORMS = ("10-K", "10-Q", "20-F", "40-F")
EVERY_KIND = frozenset(Kind)
NEWS_KINDS = frozenset({Kind.CURRENT, Kind.FOREIGN, Kind.UNKNOWN})


def kind_of(form: str) -> Kind:
    if not form:
        return Kind.UNKNOWN
    if form.startswith("8-K"):
        return Kind.CURRENT
    if form.startswith("6-K"):
        return Kind.FOREIGN
    if form.startswith(PERIODIC_FORMS):
        return Kind.PERIODIC
    return Kind.OTHER


@dataclass(frozen=True, slots=True)
class Filing:
    form: str  # as the header or the cover's title names it, upper case; "" when neither does
    kind: Kind
    filed: str  # the header's filing date, YYYYMMDD; "" without a header
    titled_current: bool  # no form named, but the text calls itself a "Current Report"

    @property
    def reads_items(self) -> bool:
        """Whether its 8-K item headings are items it reports."""
        return self.kind is Kind.CURRENT or self.titled_current

    @property
    def old_items(self) -> bool:
        """Items numbered the pre-2004 way ("Item 5"); a filing of unknown date may be either."""
        return self.filed < NEW_ITEMS_FROM if self.filed else True


def form_title(doc: Document) -> re.Match[str] | None:
    """The form's name in the cover's title ("FORM 10-Q"), group 1 the name."""
    cover = cover_region(doc)
    return FORM_TITLE.search(doc.text, cover.start, min(cover.end, cover.start + 2500))


# "AMENDMENT NO. 2 TO FORM S-3", "Amendment No. 1 to Form 10-K": the title of an amendment.
_AMENDMENT_TO = re.compile(r"Amendment\s+No\.?\s*\d+\s+to\s*$", re.I)


def form_name(doc: Document, m: re.Match[str]) -> tuple[str, int]:
    """The form a title names, "/A" added where the title calls it an amendment to that form,
    and where its evidence starts (at "Amendment No. 2 to" then)."""
    name = re.sub(r"\s+", " ", m.group(1)).upper()
    lo = max(0, m.start() - 80)
    amendment = _AMENDMENT_TO.search(doc.text, lo, m.start())
    if not name.endswith("/A") and amendment:
        return name + "/A", amendment.start()
    return name, m.start(1)


@once_per_document
def filing_of(doc: Document) -> Filing:
    header = doc.header or {}
    t = header.get("form_type")
    if t:
        form = t[0].strip().upper()
    else:
        m = form_title(doc)
        form = form_name(doc, m)[0] if m else ""
    filed = (header.get("filed_date") or [""])[0].strip()
    titled = False
    if not form:
        region = form_region(doc)
        titled = bool(_CURRENT_REPORT.search(doc.text, region.start, region.start + 3000))
    return Filing(form, kind_of(form), filed, titled)


def form_type_of(doc: Document) -> str | None:
    """The form, from the header or the cover's title; None when neither names one."""
    return filing_of(doc).form or None


class ItemHeading(NamedTuple):
    """An item heading: "Item 2.02 Results of Operations" (a plain record: documents travel
    between processes with what was derived from them)."""

    code: str
    start: int  # the heading's
    end: int
    code_start: int
    code_end: int


@once_per_document
def reported_items(doc: Document) -> list[ItemHeading]:
    """The 8-K item headings of the form whose items are reported (not those marked None or Not
    applicable); old-style numbers only in a filing of before the renumbering, with a title."""
    found = []
    region = form_region(doc)
    old = filing_of(doc).old_items
    for m in ITEM_HEADING.finditer(doc.text, region.start, region.end):
        code, title = m.group("code"), m.group("title")
        if NOT_APPLICABLE.search(title[:40]) or NOT_APPLICABLE.search(doc.text[m.end() : m.end() + 30]):
            continue
        if "." not in code and (not old or not re.match(r"\s*[A-Z]", title)):
            continue
        found.append(ItemHeading(code, m.start(), m.end(), m.start("code"), m.end("code")))
    return found
