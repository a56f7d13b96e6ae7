"""Is this an SEC filing at all? A recipe or a shopping list imports without error, and with no
fields it would look like a filing where nothing was found: it is flagged instead, so nobody
approves it by accident.

Decided from what ingest and extraction already saw (no second parse): the SEC header, the
values only a filing has (form, registrant, file number, accession number, exhibit, item), the
captions of a cover page, and the traits of the press release an 8-K exhibit carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .document import Document

NOT_RECOGNISED = "not recognised as an SEC filing"
NOTICE = (f"{NOT_RECOGNISED}: no SEC header, form type, cover captions, registrant or "
          "press-release traits found; flagged so that it is not approved by accident")

# Values only a filing (or a filing's exhibit) states.
FILING_FIELDS = frozenset({"accession_number", "cik", "form_type", "company_name",
                           "commission_file_number", "exhibit", "item"})
# Values a press release states. A release needs two traits, one of them a telling one (a
# listing, a wire, a dateline, the words "press release" or the forward-looking legend).
RELEASE_FIELDS = frozenset({"ticker", "exchange", "headline", "dateline", "release_date",
                            "contact_name", "contact_email", "contact_phone"})
TELLING = frozenset({"ticker", "exchange", "dateline", "listing", "wire", "release",
                     "forward-looking"})

# Captions and phrases of SEC forms and their exhibits: one is enough.
_CAPTIONS = re.compile(
    r"securities\s+and\s+exchange\s+commission|commission\s+file\s+(?:number|no)"
    r"|exact\s+name\s+of\s+(?:the\s+)?registrant|name\s+of\s+issuer"
    r"|securities\s+(?:exchange\s+)?act\s+of\s+19(?:33|34)|section\s+13\s+or\s+15\s*\(d\)"
    r"|regulation\s+s-[kx]|\bform\s+(?:8-K|10-K|10-Q|20-F|40-F|6-K|S-[1-4]|F-[1-4]"
    r"|DEF\s*14A|SC\s*13[DG]|11-K|N-CSR)\b|^\s*item\s+[1-9]\.\d{2}\b|^\s*exhibit\s+\d{1,3}(?:\.\d+)?\b",
    re.I | re.M)
# Traits of an earnings or news release, found in its text.
_RELEASE_TRAITS = {
    "listing": re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE\s+American|TSX|LSE|OTC\w*)"
                         r"(?:\s*:\s*|\s+)[A-Z.]{1,6}\)"),
    "wire": re.compile(r"/PRNewswire|/Business\s*Wire|/GLOBE\s*NEWSWIRE|/Marketwired", re.I),
    "release": re.compile(r"\b(?:press|news|earnings)\s+release\b", re.I),
    "forward-looking": re.compile(r"forward[-\s]looking\s+statements", re.I),
    "investors": re.compile(r"investor\s+relations|\bshareholders?\b|\bstockholders?\b", re.I),
    "results": re.compile(r"\b(?:earnings\s+per\s+(?:diluted\s+)?share|diluted\s+EPS|GAAP"
                          r"|net\s+(?:income|sales|revenues?)|(?:first|second|third|fourth)\s+"
                          r"quarter|fiscal\s+(?:year|quarter|20\d\d|19\d\d))\b", re.I),
}
_READ = 200_000  # characters read for captions and traits: covers and releases are near the top


class Named(Protocol):
    """What recognition reads of a value: only its field's name."""

    @property
    def name(self) -> str: ...


@dataclass(slots=True, frozen=True)
class Recognition:
    """Why a document is taken for a filing: the signals found (none: not recognised)."""

    signals: tuple[str, ...]

    @property
    def recognised(self) -> bool:
        return bool(self.signals)

    @property
    def notice(self) -> str | None:
        """The notice the analyst sees when it is not a filing."""
        return None if self.signals else NOTICE


def recognise(document: Document, values: Iterable[Named]) -> Recognition:
    """Whether `document`, with the values extracted from it, is an SEC filing, and why."""
    if document.format == "edgar" or document.header:
        return Recognition(("SEC header",))
    names = {v.name for v in values}
    filing = sorted(names & FILING_FIELDS)
    if filing:
        return Recognition(tuple(f"value: {n}" for n in filing))
    text = document.text[:_READ]
    caption = _CAPTIONS.search(text)
    if caption:
        return Recognition((f"caption: {' '.join(caption.group().split())}",))
    traits = sorted(names & RELEASE_FIELDS)
    traits += [name for name, pattern in _RELEASE_TRAITS.items() if pattern.search(text)]
    release = len(traits) >= 2 and not TELLING.isdisjoint(traits)
    return Recognition(tuple(f"release: {t}" for t in traits) if release else ())
