"""Ownership reports (Forms 3, 4 and 5; Schedules 13G and 13D): filed by one (the reporting person)
about another (the issuer). The issuer gives the company's name, symbol and address, the event that
requires the report its period. (The header's ISSUER gives the company's name, header.py; the
signature, signature.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing, Kind
from .normalize import clean_text, iter_dates, parse_date
from .regions import Region, is_rule, iter_lines
from .rules import Hit, Rule, Where, outputs

_SYMBOL = re.compile(r"<issuerTradingSymbol>\s*([A-Za-z][A-Za-z0-9.]{0,7})\s*</issuerTradingSymbol>")


def _issuer_symbol(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    if m := _SYMBOL.search(doc.text, region.start, region.end):
        yield Hit("issuer_symbol", m.group(1).upper(), m.start(1), m.end(1))


# A Form 3/4/5 in text (before 2003): box "2. Issuer Name and Ticker or Trading Symbol", the name
# on the line below it, the symbol on the next.
_ISSUER_BOX = re.compile(r"Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol[ \t]*\n[ \t]*([^\n]*\S)", re.I)


def _issuer_box(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    m = _ISSUER_BOX.search(doc.text, region.start, region.end)
    if m and re.search(r"[a-z]", m.group(1), re.I) and not re.match(r"\d+\.\s", m.group(1)):
        yield Hit("issuer_box", clean_text(m.group(1)), m.start(1), m.end(1))


# A schedule's cover (13D, 13G, TO, 14D-9): the issuer's name as it spells it, over "(Name of
# Issuer)" or "(Name of Subject Company (Issuer))".
_ISSUER_CAPTION = re.compile(r"^[ \t]*\(?Name\s+of\s+(?:Subject\s+Company\s*\(\s*)?Issuer\)?\)?[ \t]*$", re.I | re.M)


def _issuer_name(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    m = _ISSUER_CAPTION.search(doc.text, region.start, min(region.end, region.start + 20000))
    if m is None:
        return
    above = [(pos, line) for pos, line in iter_lines(doc.text, max(region.start, m.start() - 300), m.start())
             if line.strip() and not is_rule(line)]
    if not above:
        return
    pos, line = above[-1]
    value = clean_text(line)
    if re.search(r"[A-Za-z]{2}", value) and not re.search(r"\b(?:SCHEDULE|Amendment|Act\s+of)\b", value, re.I):
        start = pos + len(line) - len(line.lstrip())
        yield Hit("issuer_name", value, start, start + len(line.strip()))


# A schedule's cover: "December 9, 2024" over "(Date of Event Which Requires Filing of this Statement)";
# the XML schedule (since 2024): <eventDateRequiresFilingThisStatement>01/15/2025<...>.
_EVENT_CAPTION = re.compile(r"\(?Date\s+of\s+Event\s+Which\s+Requires\s+Filing\s+of\s+this\s+Statement\)?", re.I)
_EVENT_XML = re.compile(r"<eventDateRequiresFilingThisStatement>\s*([^<]{6,20}?)\s*<")


def _event_date(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    if (m := _EVENT_XML.search(text, region.start, region.end)) and (d := parse_date(m.group(1))):
        yield Hit("event_date", d, m.start(1), m.end(1))
        return
    m = _EVENT_CAPTION.search(text, region.start, region.end)
    if not m:
        return
    line_start = text.rfind("\n", region.start, m.start()) + 1
    lines = [(pos, line) for pos, line in iter_lines(text, max(region.start, line_start - 300), line_start)]
    if text[line_start : m.start()].strip():
        lines.append((line_start, text[line_start : m.start()]))
    for pos, line in reversed(lines):  # the nearest line of value above the caption
        if not line.strip() or is_rule(line):
            continue
        dates = list(iter_dates(line))
        if dates:
            d, s, e = dates[-1]
            yield Hit("event_date", d, pos + s, pos + e)
        return


# Item 1(b) of a schedule: "Address of Issuer's Principal Executive Offices:", the address beside it or
# on the lines below, or said in a sentence ("... are located at 14191 Myford Road, Tustin, ...").
_ADDRESS_CAPTION = re.compile(r"Address\s+of\s+(?:the\s+)?Issuer[’']?s\s+Principal\s+Executive\s+Offices?[ \t]*:?", re.I)
_ADDRESS_XML = re.compile(r"<issuerPrincipalExecutiveOfficeAddress>([^<]*[A-Za-z][^<]*)</issuerPrincipalExecutiveOfficeAddress>")
_LOCATED_AT = re.compile(r"(?:located|situated)\s+at\s+|\baddress\b[^.]*?\bis\s+", re.I)
_NEXT_CAPTION = re.compile(r"(?:Item\s+\d|\([a-z]\)|[^\n]*:[ \t]*$)", re.I)


def _issuer_address(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    if m := _ADDRESS_XML.search(text, region.start, region.end):
        yield Hit("issuer_address", clean_text(m.group(1)), m.start(1), m.end(1))
        return
    m = _ADDRESS_CAPTION.search(text, region.start, region.end)
    if not m:
        return
    lines: list[tuple[int, str]] = []
    for pos, line in iter_lines(text, m.end(), min(region.end, m.end() + 400)):
        if not line.strip() or is_rule(line):
            if lines:
                break
            continue
        if lines and _NEXT_CAPTION.match(line.strip()):
            break
        lead = len(line) - len(line.lstrip())
        lines.append((pos + lead, line.strip()))
        if len(lines) == 4:
            break
    if not lines:
        return
    said = _LOCATED_AT.search(lines[0][1])
    if said:  # a sentence: the address after "located at", up to its full stop
        start, value = lines[0][0] + said.end(), lines[0][1][said.end() :].rstrip(".")
        yield Hit("issuer_address", clean_text(value), start, start + len(value))
        return
    if not re.match(r"\d|P\.?\s?O\.?\s+Box", lines[0][1], re.I):
        return  # prose ("See Item 2"), or no street number first: not an address as written
    value = ", ".join(line.rstrip(" ,") for _, line in lines)
    yield Hit("issuer_address", clean_text(value), lines[0][0], lines[-1][0] + len(lines[-1][1]))


# A schedule's own exhibit after its signatures, lettered: "EXHIBIT I" / "JOINT FILING AGREEMENT".
_LETTERED_EXHIBIT = re.compile(r"^[ \t]*EXHIBIT[ \t]+((?-i:[A-Z]|[IVX]{1,4}))[ \t]*$", re.I | re.M)


def _schedule_exhibit(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    if not filing.form.startswith(("SC 13", "SCHEDULE 13")):
        return
    for m in _LETTERED_EXHIBIT.finditer(doc.text, region.start, region.end):
        yield Hit("schedule_exhibit", m.group(1), m.start(1), m.end(1))


OWNERSHIP = frozenset({Kind.OTHER, Kind.UNKNOWN})

RULES = (
    Rule("form.issuer_symbol", _issuer_symbol, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("form", ticker={"issuer_symbol": 0.9})),
    Rule("form.issuer_box", _issuer_box, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("form", company_name={"issuer_box": 0.8})),
    Rule("form.issuer_name", _issuer_name, where=Where.DOCUMENT, kinds=OWNERSHIP,
         outputs=outputs("form", company_name={"issuer_name": 0.8})),
    Rule("form.event_date", _event_date, where=Where.DOCUMENT, kinds=OWNERSHIP,
         outputs=outputs("form", period_of_report={"event_date": 0.85})),
    Rule("form.issuer_address", _issuer_address, where=Where.DOCUMENT, kinds=OWNERSHIP,
         outputs=outputs("form", principal_office_address={"issuer_address": 0.8})),
    Rule("form.schedule_exhibit", _schedule_exhibit, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("form", exhibit={"schedule_exhibit": 0.8})),
)
