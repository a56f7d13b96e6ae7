"""A cover page's securities: the table of trading symbols and their markets (8-K, 10-K, 10-Q
covers since 2019), or, before symbols were asked for, the exchanges each class is registered on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing
from .regions import Region, cells, iter_lines
from .rules import Hit, Rule, Where, outputs

# "ORCL", "IFF 26", "PEP28a", "JNJ24BP", "JPM PR D", "BRK/B", "BF.B": symbols as covers print them.
_TICKER = re.compile(r"^[A-Z][A-Z0-9]{0,7}(?:[ /.-][A-Z0-9]{1,4}){0,2}[a-z]?$")
_NOT_TICKER_WORD = re.compile(r"^(?:CLASS|SERIES|COMMON|PAR|NOTES?|DUE|STOCK|SHARES?|UNITS?|WARRANTS?|RIGHTS|TITLE|NAME|N/A"
                              r"|NONE|NOT|EACH|THE)\b")
_EXCHANGE = re.compile(r"(?:Exchange|Nasdaq|NASDAQ|NYSE|Market)", re.I)
_NOT_TICKER = {"N/A", "NONE", "LLC", "NYSE", "NASDAQ", "THE", "INC"}


# A cover's table of securities before trading symbols were asked for (10-K, 20-F, older 8-Ks):
# "Title of each class | Name of each exchange on which registered", its caption often wrapped.
_EXCHANGE_CAPTION = re.compile(r"name\s+of\s+each\s+exchange\s+on(?:\s+which\s+registered)?", re.I)
_TABLE_END = re.compile(r"Indicate\s+by\s+check\s+mark|emerging\s+growth|Item\s+\d|Section\s+12\s*\(\s*g\s*\)"
                        r"|Securities\s+for\s+which", re.I)


def exchanges_registered(doc: Document, cover: Region) -> Iterator[Hit]:
    text = doc.text
    m = _EXCHANGE_CAPTION.search(text, cover.start, cover.end)
    if not m:
        return
    stop = _TABLE_END.search(text, m.end(), cover.end)
    end = stop.start() if stop else min(cover.end, m.end() + 1500)
    for pos, line in iter_lines(text, m.end(), min(end, m.end() + 2000)):
        for cstart, cell in cells(line, pos):
            cell = cell.rstrip(" .")
            low = cell.lower()
            if re.search(r"\b(?:Exchange|Nasdaq|NYSE)\b", cell, re.I) and len(cell) < 60 \
                    and not re.search(r"registered|\bact\b|pursuant|section|title|class|name\s+of|\bon$", low) \
                    and all(w[0].isupper() or w in ("of", "the") for w in re.findall(r"[A-Za-z][\w'&-]*", cell)):
                yield Hit("exchange_registered", cell, cstart, cstart + len(cell))


def _securities_table(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    m = re.search(r"Trading\s+Symbols?(?:\(s\))?", text[cover.start : cover.end], re.I)
    if not m:
        yield from exchanges_registered(doc, cover)
        return
    start = cover.start + m.end()
    stop = re.compile(r"Indicate by check mark|emerging growth|Item\s+\d", re.I).search(text, start, cover.end)
    end = stop.start() if stop else min(cover.end, start + 1500)
    for pos, line in iter_lines(text, start, end):
        for cstart, cell in cells(line, pos):
            if _TICKER.match(cell) and cell.upper() not in _NOT_TICKER and not _NOT_TICKER_WORD.match(cell):
                yield Hit("securities_table", cell.upper(), cstart, cstart + len(cell))
            elif _EXCHANGE.search(cell) and len(cell) < 60 and "registered" not in cell.lower() \
                    and not cell.lower().startswith(("name of", "title of")):
                yield Hit("securities_table:exchange", cell.rstrip(" ."), cstart,
                          cstart + len(cell.rstrip(" .")))


RULES = (
    Rule("cover.securities", _securities_table, where=Where.COVER, outputs=outputs(
        "cover", ticker={"securities_table": 0.85},
        exchange={"securities_table:exchange": 0.85, "exchange_registered": 0.8})),
)
