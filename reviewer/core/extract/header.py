"""Rules that read the EDGAR header: accession, CIK, filed date, form, period, company, file number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .forms import Filing
from .normalize import parse_date
from .regions import Region
from .rules import Hit, Rule, Where, outputs


def _hit(out: str, value: str, triple: list) -> Hit:
    return Hit(out, value, triple[1], triple[2])


_FILED_BY = frozenset({"FILED BY", "REPORTING OWNER"})
_ABOUT = frozenset({"ISSUER", "SUBJECT COMPANY"})


def _role(filers: list[dict[str, Any]], roles: frozenset[str]) -> dict[str, Any] | None:
    return next((f for f in filers if f.get("role") in roles), None)


def _tagged_owner(doc: Document, h: dict[str, Any]) -> dict[str, Any] | None:
    """Headers of about 1996-2001 wrap the reporting owner in "<REPORTING-OWNER>" tags, with no
    "REPORTING OWNER:" line; its CIK and name are then read as the header's own, outside any filer."""
    t = h.get("cik")
    if not t:
        return None
    opened = doc.text.rfind("<REPORTING-OWNER>", 0, t[1])
    if opened < 0 or doc.text.rfind("</REPORTING-OWNER>", 0, t[1]) > opened:
        return None
    return {"role": "REPORTING OWNER", "cik": t, "company_name": h.get("company_name")}


def _header(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    h: dict[str, Any] = doc.header
    if not h:
        return
    if t := h.get("accession_number"):
        yield _hit("accession_number", t[0].strip(), t)
    if t := h.get("form_type"):
        yield _hit("form_type", t[0].strip().upper(), t)
    if (t := h.get("filed_date")) and (d := parse_date(t[0])):
        yield _hit("filed_date", d, t)
    if (t := h.get("period")) and (d := parse_date(t[0])):
        yield _hit("period", d, t)
    filers = list(h.get("filers") or [])
    if owner := _tagged_owner(doc, h):
        filers.append(owner)
    if filers:
        # An ownership report or a tender offer is filed by one (the reporting owner, the bidder)
        # about another (the issuer, the subject company): the filing's CIK is its filer's, its
        # company the one it is about. Other filings name their filer alone.
        filer = _role(filers, _FILED_BY) or filers[0]
        company = _role(filers, _ABOUT) or filers[0]
        if t := filer.get("cik"):
            yield _hit("cik", t[0].strip().lstrip("0") or "0", t)
        if t := company.get("company_name"):
            yield _hit("company_name", t[0].strip(), t)
        if t := next((f["file_number"] for f in filers if f.get("file_number")), None):
            yield _hit("file_number", t[0].strip(), t)


RULES = (
    Rule("header", _header, where=Where.DOCUMENT, outputs=outputs(
        "header",
        accession_number={"accession_number": 0.99},
        form_type={"form_type": 0.97},
        filed_date={"filed_date": 0.99},
        # the cover's date of report is preferred; the header's period is the fallback
        period_of_report={"period": 0.55},
        cik={"cik": 0.98},
        # the header's conformed name is EDGAR's spelling, the cover's the company's own
        company_name={"company_name": 0.45},
        commission_file_number={"file_number": 0.4},
    )),
)
