"""Rules that read the EDGAR header: accession, CIK, filed date, form, period, 8-K items."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .candidate import Candidate
from .normalize import parse_date


def _c(name: str, value: str, triple: list, confidence: float, rule: str) -> Candidate:
    return Candidate(name, value, triple[1], triple[2], confidence, f"header.{rule}")


def header_rules(doc: Document) -> Iterator[Candidate]:
    h: dict[str, Any] = doc.header
    if not h:
        return
    if t := h.get("accession_number"):
        yield _c("accession_number", t[0].strip(), t, 0.99, "accession_number")
    if t := h.get("form_type"):
        yield _c("form_type", t[0].strip().upper(), t, 0.97, "form_type")
    if (t := h.get("filed_date")) and (d := parse_date(t[0])):
        yield _c("filed_date", d, t, 0.99, "filed_date")
    if (t := h.get("period")) and (d := parse_date(t[0])):
        # The cover's date of report is preferred; the header's period is the fallback.
        yield _c("period_of_report", d, t, 0.55, "period")
    filers = h.get("filers") or []
    if filers:
        first = filers[0]
        if t := first.get("cik"):
            yield _c("cik", t[0].strip().lstrip("0") or "0", t, 0.98, "cik")
        if t := first.get("company_name"):
            yield _c("company_name", t[0].strip(), t, 0.45, "company_name")
        if t := first.get("file_number"):
            yield _c("commission_file_number", t[0].strip(), t, 0.4, "file_number")
