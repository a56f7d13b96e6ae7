"""The address a notice gives for its filer, where it has no cover page of the usual kind: a
Form 24F-2's numbered issuer box, a 13F's filing manager in its XML. (Spliced after the cover's
rules; they share its postcode pattern.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .cover import ZIP
from .forms import Filing, Kind
from .normalize import clean_text
from .regions import Region
from .rules import Hit, Rule, Where, outputs

# A notice's numbered box: "1.  Name and address of issuer:" over the name, then the address lines
# (Form 24F-2), up to a blank or rule line.
_ISSUER_BLOCK = re.compile(r"^[ \t]*1\.[ \t]+Name\s+and\s+address\s+of\s+issuer:?[ \t]*\n[ \t]*\S[^\n]*\n"
                           r"(?P<lines>(?:[ \t]*[^\s_=-][^\n]*\n){1,4})", re.I | re.M)
# A 13F cover in XML: the filing manager's <address>; a state given as EDGAR's country code (K3, L3)
# is not written as an address is.
_MANAGER_ADDRESS = re.compile(
    r"<filingManager>\s*<name>[^<]*</name>\s*<address>\s*<(?:\w+:)?street1>(?P<s1>[^<]+)</(?:\w+:)?street1>\s*"
    r"(?:<(?:\w+:)?street2>(?P<s2>[^<]+)</(?:\w+:)?street2>\s*)?<(?:\w+:)?city>(?P<city>[^<]+)</(?:\w+:)?city>\s*"
    r"<(?:\w+:)?stateOrCountry>(?P<st>[A-Z]{2})</(?:\w+:)?stateOrCountry>\s*"
    r"<(?:\w+:)?zipCode>(?P<zip>\d{5}(?:-\d{4})?)</(?:\w+:)?zipCode>")


def _notice_address(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    if m := _ISSUER_BLOCK.search(text, region.start, region.end):
        lines = [line.strip() for line in m.group("lines").splitlines() if line.strip()]
        if lines and re.search(r"\d", lines[0]) and ZIP.match(lines[-1].split()[-1]):
            yield Hit("issuer_block", clean_text(", ".join(lines)), m.start("lines"), m.end("lines") - 1)
    if m := _MANAGER_ADDRESS.search(text, region.start, region.end):
        street = ", ".join(g.strip() for g in (m.group("s1"), m.group("s2")) if g)
        value = f"{street}, {m.group('city').strip()}, {m.group('st')} {m.group('zip')}"
        yield Hit("manager_address", clean_text(value), m.start("s1"), m.end("zip"))


RULES = (
    Rule("cover.notice_address", _notice_address, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("cover", principal_office_address={"issuer_block": 0.75, "manager_address": 0.75})),
)
