"""Where a periodic report's stock trades, as its market item says it ("Item 5. Market for the
Registrant's Common Equity", a 20-F's "Item 9. The Offer and Listing"): "is quoted on the Nasdaq
National Market under the symbol AAPL, on the Tokyo Stock Exchange under the symbol APPLE".

Its symbols are read only when the cover lists no securities of its own (no trading symbols, no
exchange a class is registered on: covers before 2019 of companies listed abroad or over the
counter, tables that say "None"); where the cover lists them, the item's markets are still read, as
the item may write them another way (the cover's "NYSE", the item's "New York Stock Exchange").
The symbols the stock traded under before ("were traded ... under the symbol") are history, not
listings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing, Kind
from .listings import SYMBOL_SENTENCE
from .regions import Region, cover_region, line_start_matches, lowered
from .rules import Hit, Rule, Where, outputs
from .securities import exchanges_registered

# `^[ \t]*` before it, in the lowered text: the item's heading (a table of contents lists it too).
_SECTION = re.compile(r"(?:item\s+\d{1,2}[a-z]?\s*[.:]?\s*)?(?:market\s+for\s+(?:the\s+)?(?:registrant|company)"
                      r"['’]?s?\s+common\s+(?:equity|stock)|the\s+offer\s+and\s+listing)")
_SECTION_CHARS = 3000
# The market named last before "under the symbol": "on the Toronto Stock Exchange (the "TSX")",
# "quoted on the OTC Pink tier of the OTC Link" (the market is its capitalised words).
_MARKET = re.compile(r"\b(?:on|in)\s+(?:the\s+)?(?P<ex>(?:[A-Z][\w&.-]*\s+){0,4}(?:Stock\s+Exchange|Exchange|Market"
                     r"|Nasdaq|NASDAQ|NYSE(?:\s+(?:American|MKT|Arca))?|AMEX|OTC(?:\s+(?:Pink|QX|QB|Bulletin\s+Board))?"
                     r"|TSX(?:\s+Venture\s+Exchange)?))(?![\w-])")
# A market named without a symbol: "The market for the Company's Class A Common Stock is the New
# York Stock Exchange", "The Common Stock is traded on the American Stock Exchange".
_NAMED = re.compile(r"\b(?:market\s+for\s+[^.]{0,80}?\bis|(?:is|are)\s+(?:principally\s+|primarily\s+)?"
                    r"(?:traded|listed)\s+(?:on|in))\s+the\s+(?P<ex>(?:[A-Z][\w&.-]*\s+){1,3}Stock\s+Exchange"
                    r"|Nasdaq\s+(?:National|Global(?:\s+Select)?|Capital)\s+Market)\b")
_PAST = re.compile(r"\b(?:was|were|had\s+been|previously|formerly|prior\s+to|until)\b", re.I)
_COVER_SYMBOLS = re.compile(r"Trading\s+Symbol", re.I)


def _market_item(doc: Document, form: Region, filing: Filing) -> Iterator[Hit]:
    text, low = doc.text, lowered(doc)
    cover = cover_region(doc)
    listed = bool(_COVER_SYMBOLS.search(text, cover.start, cover.end) or next(exchanges_registered(doc, cover), None))
    for _, m in line_start_matches(_SECTION, low, text, form.start, form.end):
        end = min(form.end, m.end() + _SECTION_CHARS)
        hits = list(_listings(text, m.end(), end))
        if hits:  # where the cover's securities table gives the symbols, only the item's markets
            yield from (h for h in hits if not listed or h.out == "market")
            return


def _listings(text: str, start: int, end: int) -> Iterator[Hit]:
    """Each symbol in a sentence that lists the stock now, with the market named before it in
    its clause (the sentence's start, or the previous symbol)."""
    clause = start
    for sym in SYMBOL_SENTENCE.finditer(text, start, end):
        sentence = max(text.rfind(". ", start, sym.start()) + 1, start)
        clause = max(clause, sentence)
        if not _PAST.search(text, sentence, sym.start()):
            symbol = sym.group("t").rstrip(".")
            yield Hit("symbol", symbol, sym.start("t"), sym.start("t") + len(symbol))
            markets = list(_MARKET.finditer(text, clause, sym.start()))
            if markets:
                ex = markets[-1]
                yield Hit("market", " ".join(ex.group("ex").split()), ex.start("ex"), ex.end("ex"))
        clause = sym.end()
    if clause == start:  # no symbol given: the market a sentence names for the stock now
        for m in _NAMED.finditer(text, start, end):
            sentence = max(text.rfind(". ", start, m.start()) + 1, start)
            if not _PAST.search(text, sentence, m.start("ex")):
                yield Hit("market", " ".join(m.group("ex").split()), m.start("ex"), m.end("ex"))
                return


RULES = (
    Rule("form.market", _market_item, where=Where.FORM, kinds=frozenset({Kind.PERIODIC}), outputs=outputs(
        "form", ticker={"symbol": 0.7}, exchange={"market": 0.65})),
)
