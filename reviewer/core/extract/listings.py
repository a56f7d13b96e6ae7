"""Tickers and the markets they trade on, as a press release gives them: "(NYSE: CAT)", each
listing of a company listed twice, a line of listings, "traded ... under the symbol X"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing
from .regions import Region, lowered
from .rules import Hit, Rule, Where, outputs

# "(NYSE: CAT)", "(Nasdaq/NMS: ACME)", each listing of "(AEX: AGN; NYSE: AEG)", and both
# symbols of "(Nasdaq: ACME and ACMEW)" (a share and its warrant).
TICKER = re.compile(
    r"[(;,]\s*(?P<ex>NYSE(?:\s+(?:American|MKT|Arca))?|NASDAQ(?:\s*(?:GS|GM|CM|Global\s+Select|Global))?"
    r"|Nasdaq(?:\s*(?:GS|GM|CM|Global\s+Select|Global))?|AMEX|OTC\s*BB|OTCBB|OTCQX|OTCQB|OTC|TSX|TSXV"
    r"|LSE|NYSE\s+Amex|ASX|AEX|Euronext(?:\s+(?:Amsterdam|Paris|Brussels))?|SIX|XETRA|TASE)"
    r"(?P<nms>\s*/\s*NMS)?\s*:\s*(?P<t>[A-Z][A-Z.]{0,5})(?:\s+(?:and|&)\s+(?P<t2>[A-Z][A-Z.]{0,5}))?(?=\s*[;,)])",
    re.I)
# "... is traded on the Nasdaq National Market under the symbol "ACME"": the symbol, and the
# market named before it in the same sentence.
SYMBOL_SENTENCE = re.compile(r"under\s+the\s+(?:ticker\s+|trading\s+)?symbols?\s+[\"“']?(?P<t>[A-Z][A-Z.]{0,5}?)\.?[\"”']?"
                             r"(?![\w-])")
SYMBOL_MARKET = re.compile(
    r"\b(?:on|in)\s+(?:the\s+)?(?P<ex>(?:New\s+York|American|Nasdaq|NASDAQ|Toronto|London)(?:\s+(?:Stock|National|"
    r"Global|Select|Capital))*\s+(?:Exchange|Market)|NYSE(?:\s+(?:American|MKT))?|Nasdaq|NASDAQ|AMEX)\b[^.;]*$")

# "About Intel" / "About Acme Corp.": the paragraph that closes a release, which gives the listing
# ("Intel (Nasdaq: INTC) is ..."), however many pages of tables come before it.
_ABOUT = re.compile(r"^[ \t]*About[ \t]+[A-Z][^\n]{0,60}$", re.M)
_ABOUT_CHARS = 1500


def _tickers(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    end = min(region.end, region.start + 20000)
    text = doc.text
    windows = [(region.start, end)]
    if end < region.end:
        windows += [(m.end(), min(region.end, m.end() + _ABOUT_CHARS))
                    for m in _ABOUT.finditer(text, end, region.end)]
    for lo, hi in windows:
        yield from _parenthesised(text, region, lo, hi)
    for line_start, line in _listing_lines(text, region.start, min(region.end, region.start + 60000)):
        for m in _LISTED.finditer(line):
            s = line_start + m.start("t")
            yield Hit("ticker_line", m.group("t"), s, s + len(m.group("t")))
            ex = re.sub(r"\s+", " ", m.group("ex"))
            yield Hit("exchange_line", ex, line_start + m.start("ex"), line_start + m.end("ex"))
    low = lowered(doc)
    pos = region.start
    while (at := low.find("symbol", pos, end)) >= 0:
        pos = at + 6
        begin = low.rfind("under", max(region.start, at - 40), at)
        found = SYMBOL_SENTENCE.match(text, begin, end) if begin >= 0 else None
        if found is None:
            continue
        symbol = found.group("t").rstrip(".")
        yield Hit("ticker_sentence", symbol, found.start("t"), found.start("t") + len(symbol))
        sentence = max(text.rfind(". ", region.start, begin), region.start, begin - 200)
        market = SYMBOL_MARKET.search(text, sentence, begin)
        if market:
            ex = re.sub(r"\s+", " ", market.group("ex"))
            yield Hit("exchange_sentence", ex, market.start("ex"), market.end("ex"))


# A line that is nothing but the company's listings, as a release's footer gives them:
# "NYSE: AMCR; ASX: AMC", "Nasdaq: ACME | TSX: ACM".
_LISTED = re.compile(r"(?P<ex>NYSE(?:\s+American)?|NASDAQ|Nasdaq|AMEX|ASX|TSX|TSXV|LSE|AEX|SIX)\s*:\s*"
                     r"(?P<t>[A-Z][A-Z.]{0,5})(?![\w.])")
_LISTING_LINE = re.compile(r"^[ \t]*(?:(?:NYSE(?:\s+American)?|NASDAQ|Nasdaq|AMEX|ASX|TSX|TSXV|LSE|AEX|SIX)\s*:\s*"
                           r"[A-Z][A-Z.]{0,5}[ \t]*(?:[;,|][ \t]*|$))+[ \t]*$", re.M)


def _parenthesised(text: str, region: Region, start: int, end: int) -> Iterator[Hit]:
    """"(NYSE: CAT)", and each listing of "(AEX: AGN; NYSE: AEG)"."""
    for m in TICKER.finditer(text, start, end):
        if m.group(0)[0] != "(" and not re.search(r"\([^()]*$", text[max(region.start, m.start() - 60) : m.start()]):
            continue  # a second listing only inside the parenthesis that opened with the first
        yield Hit("ticker", m.group("t").upper().rstrip("."), m.start("t"), m.end("t"))
        if m.group("t2") and m.group("t2").isupper():
            yield Hit("ticker", m.group("t2").rstrip("."), m.start("t2"), m.end("t2"))
        ex_end = m.end("nms") if m.group("nms") else m.end("ex")
        ex = re.sub(r"\s+", " ", text[m.start("ex") : ex_end])
        yield Hit("exchange", ex, m.start("ex"), ex_end)


def _listing_lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    pos = start
    while (at := text.find(":", pos, end)) >= 0:
        line_start = text.rfind("\n", start, at) + 1
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        pos = stop + 1
        if at - line_start <= 20 and _LISTING_LINE.match(text, line_start, stop):
            yield line_start, text[line_start:stop]


RULES = (
    Rule("press_release.listings", _tickers, where=Where.RELEASE, outputs=outputs(
        "press_release",
        ticker={"ticker": 0.9, "ticker_line": 0.85, "ticker_sentence": 0.7},
        exchange={"exchange": 0.85, "exchange_line": 0.8, "exchange_sentence": 0.7})),
)
