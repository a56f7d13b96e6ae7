"""Ownership reports (Forms 3, 4 and 5) as EDGAR receives them since 2003: an XML document whose
<issuer> element names the company the report is about and the symbol its stock trades under.
(The header's ISSUER gives the company's name, header.py; the signature, signature.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing, Kind
from .regions import Region
from .rules import Hit, Rule, Where, outputs

_SYMBOL = re.compile(r"<issuerTradingSymbol>\s*([A-Za-z][A-Za-z0-9.]{0,7})\s*</issuerTradingSymbol>")


def _issuer_symbol(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    if m := _SYMBOL.search(doc.text, region.start, region.end):
        yield Hit("issuer_symbol", m.group(1).upper(), m.start(1), m.end(1))


RULES = (
    Rule("form.issuer_symbol", _issuer_symbol, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("form", ticker={"issuer_symbol": 0.9})),
)
