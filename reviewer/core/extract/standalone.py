"""Exhibits filed as files of their own, with no cover and no SIGNATURES block of a form: a
Sarbanes-Oxley certification (EX-31, EX-32) names the registrant in the sentence that names the
report it certifies and is signed by the officer who certifies it; a list of subsidiaries (EX-21)
names the registrant in its title. A submission's exhibits, and a form with its own signature
block, are left to the cover and the form's signature: these rules read only a file without an
SEC header that opens as such an exhibit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing, Kind
from .normalize import first_date
from .regions import Region, line_start_matches, lowered
from .rules import Hit, Rule, outputs
from .signature import PERSON_NAME, SIGNATURE_HEADING, SIGNED_SENTENCE, signer

_OPENING = 600  # an exhibit's heading and title stand in its first lines
_STATEMENT = 3000  # where a certification's "I, Jane Roe, certify" stands

_CERTIFICATION_HEADING = re.compile(r"certification")  # in the lowered text
# "I, Timothy D. Cook, certify that:", "I, Jane Roe, Chief Executive Officer of Acme Corp., certify, pursuant to"
_CERTIFY = re.compile(r"\bI,[ \t]+(" + PERSON_NAME + r"),[^\n]{0,160}?\bcertify\b")
# The registrant as the certified report is named: "this quarterly report on Form 10-Q of Apple Inc.;",
# "the Quarterly Report of Apple Inc. on Form 10-Q", "the Annual Report of Acme Corp. (the "Company")".
_COMPANY = r"(?P<name>[A-Z0-9][^\n;()“”\"]{0,80}?)"
_REPORT_ON_FORM_OF = re.compile(r"\breport\s+on\s+Form\s+[\w-]+(?:/A)?\s+of\s+" + _COMPANY
                                + r"(?=[ \t]*(?:;|\(|,?[ \t]+(?:for|as|filed)\b|$))", re.I | re.M)
_REPORT_OF = re.compile(r"\breport\s+of\s+" + _COMPANY + r"(?=[ \t]*\(|\s+on\s+Form\b)", re.I)
_NOBODY = re.compile(r"the\s+(?:registrant|company|corporation|issuer|partnership|trust)\b|registrant", re.I)
_DATE_LABEL = re.compile(r"^[ \t]*Dated?\b[ \t]*:?", re.M)
_SIGNED = re.compile(r"/s/|\(signed\)", re.I)


def _standalone(doc: Document, region: Region) -> bool:
    """A file of its own: no SEC header, no form's signature block (a SIGNATURES heading or the
    "caused this report to be signed" sentence)."""
    if doc.header:
        return False
    text, low = doc.text, lowered(doc)
    if SIGNED_SENTENCE.search(low, region.start, region.end):
        return False
    return next(line_start_matches(SIGNATURE_HEADING, text, text, region.start, region.end), None) is None


def _certification(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    opening = min(region.end, region.start + _OPENING)
    if not _CERTIFICATION_HEADING.search(lowered(doc), region.start, opening) or not _standalone(doc, region):
        return
    first = _CERTIFY.search(text, region.start, min(region.end, region.start + _STATEMENT))
    if first is None:
        return
    for pattern in (_REPORT_ON_FORM_OF, _REPORT_OF):
        named = pattern.search(text, region.start, min(region.end, first.end() + _STATEMENT))
        if named and not _NOBODY.match(named.group("name")):
            name = named.group("name").rstrip(" ,")
            yield Hit("certified_report", name, named.start("name"), named.start("name") + len(name))
            break
    # the first officer's signature: up to the next officer's "I, ..., certify" (EX-32 signed by two)
    then = _CERTIFY.search(text, first.end(), region.end)
    block_end = then.start() if then else min(region.end, first.end() + 8000)
    signed = _SIGNED.search(text, first.end(), block_end)
    if signed is None:
        return
    line = text.rfind("\n", first.end(), signed.start()) + 1 or signed.start()
    end = min(block_end, signed.end() + 600)
    yield from (Hit(_SIGNER_OUT[h.out], h.value, h.start, h.end) for h in signer(doc, line, end))
    # "Date: May 2, 2025" above the signature, else the first below it
    labels = list(_DATE_LABEL.finditer(text, max(first.end(), line - 400), end))
    label = next((m for m in reversed(labels) if m.start() < line), None) or next(iter(labels), None)
    found = first_date(text, label.end(), min(end, label.end() + 60)) if label else None
    if found:
        yield Hit("certification_date", *found)


_SIGNER_OUT = {"signer_name": "certification_signer", "signer_title": "certification_title",
               "signer_title:labelled": "certification_title:labelled",
               "signer_title:below": "certification_title:below"}

# "Subsidiaries of Apple Inc.*" (also over two lines), "List of Subsidiaries of Acme Corp.": never
# "Subsidiaries of the Registrant", which names nobody.
_SUBSIDIARIES_OF = re.compile(
    r"(?:(?:A\s+)?List\s+of\s+)?(?:Significant\s+)?Subsidiaries\s+of\s+(?!the\s+(?:registrant|company|corporation)\b)"
    r"(?P<name>[^\n*†(]{2,80}?)(?:[ \t]*(?:\*|†|\(\d\)))*[ \t]*$", re.I | re.M)
_AS_OF = re.compile(r"\s+(?:as\s+of|at)\s|\s+[-–—]\s", re.I)
# "JPMorgan Chase & Co." on its own line above "List of subsidiaries"
_SUBSIDIARIES_LINE = re.compile(r"[ \t]*(?:(?:A\s+)?List\s+of\s+)?(?:Significant\s+)?Subsidiaries\b"
                                r"(?!\s+of\s+(?!the\s))[^\n]{0,60}$", re.I | re.M)
_COMPANY_FORM = re.compile(r"\b(?:Inc|Corp|Corporation|Company|Co|Ltd|Limited|LLC|L\.P|plc|N\.V|S\.A|AG|SE)\b\.?$")


def _subsidiaries(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    opening = min(region.end, region.start + _OPENING)
    if "subsidiaries" not in lowered(doc)[region.start : opening] or not _standalone(doc, region):
        return
    titled = _SUBSIDIARIES_OF.search(text, region.start, opening)
    if titled and _line_start(text, titled.start()):  # a title, not a sentence's words
        name = _AS_OF.split(titled.group("name"))[0].strip(" ,")
        if name[:1].isupper() and len(name.split()) <= 8 and not _NOBODY.search(name):
            start = titled.start("name")
            yield Hit("subsidiaries_title", name, start, start + len(name))
        return
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text[:opening])
             if m.start() >= region.start]
    for (at, line), (_, below) in zip(lines, lines[1:], strict=False):
        name = line.strip()
        if _COMPANY_FORM.search(name) and len(name.split()) <= 8 and _SUBSIDIARIES_LINE.fullmatch(below):
            start = at + line.index(name)
            yield Hit("subsidiaries_title", name, start, start + len(name))
            return


def _line_start(text: str, at: int) -> bool:
    """Whether only spaces and tabs stand before `at` on its line."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip()


_CERTIFIED = frozenset({Kind.PERIODIC, Kind.UNKNOWN})  # a certification names its 10-K or 10-Q, or no form

RULES = (
    Rule("form.certification", _certification, kinds=_CERTIFIED, outputs=outputs(
        "form", company_name={"certified_report": 0.8}, signature_date={"certification_date": 0.85},
        signer_name={"certification_signer": 0.8},
        signer_title={"certification_title:labelled": 0.8, "certification_title": 0.75,
                      "certification_title:below": 0.75})),
    Rule("form.subsidiaries_title", _subsidiaries, kinds=_CERTIFIED, outputs=outputs(
        "form", company_name={"subsidiaries_title": 0.8})),
)
