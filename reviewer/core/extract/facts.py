"""Rules that read the inline XBRL facts of a cover page (`dei:`), and their cross-check of the
text rules.

Since 2019 the covers of 8-K, 10-K, 10-Q, 20-F and 40-F filings tag their facts: the registrant's
name, file number, period, form, trading symbols, exchanges, address and CIK. Ingest keeps them
(Document.facts) with the span of the tagged text; here they become candidates with that text
as evidence. They are exact, so they are also the check of what the text rules read: a text
value the facts agree with gains confidence, one they contradict is lowered under the
attention threshold and kept beside the fact, for the analyst to decide (`cross_check`, run by
the merge).

A fact whose context has a dimension is about something else than the registrant's own cover
line: a second registrant (`dei:LegalEntityAxis`), a former address, or a class of stock (the
securities table: its symbols and exchanges are the registrant's unless another registrant's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..document import Document, Fact
from ..values import ATTENTION_BELOW
from .candidate import Candidate
from .forms import Filing
from .normalize import clean_text, parse_date
from .regions import Region
from .rules import Hit, Rule, Where, outputs

SHOWN = 0.97  # a tagged fact shown in the text: exact
HIDDEN_CIK = 0.95  # the CIK, tagged in the hidden header: exact, but not on the page
# Whether a file with no EDGAR header takes its CIK from the hidden header. Off: the gold labels
# (corpus/gold/dev.notes.md) label a standalone file from the text a reader sees, and leave these
# CIKs out; on, the ten iXBRL standalone files of dev/dev2 each get their (right) CIK, and the
# floors count them wrong until the labels add them. With a header the fact checks its CIK.
HIDDEN_CIK_WITHOUT_HEADER = False
PRINTED_EXCHANGE = 0.95  # an exchange's name as the cover prints it, found for its tag
MAPPED_EXCHANGE = 0.75  # an exchange code whose printed name was not found: the usual name
DISPUTED_AT = 0.55  # a text value the facts contradict: under the attention threshold
DISPUTED = "/disputed"  # suffix of such a value's rule; the merge keeps it beside the fact's
AGREED = "+facts"  # suffix of a text value the facts confirm

_OTHER_ENTITY = "dei:LegalEntityAxis="  # a second registrant of a combined filing
_STOCK_CLASS = "us-gaap:StatementClassOfStockAxis="
_LISTING = "dei:EntityListingsExchangeAxis="
_ADDRESS = ("dei:EntityAddressAddressLine1", "dei:EntityAddressAddressLine2",
            "dei:EntityAddressAddressLine3", "dei:EntityAddressCityOrTown")

# Exchange codes (dei:SecurityExchangeName's values) -> the name a cover usually prints, and how
# covers and releases write it. The more specific names first: "NYSE American" is not "NYSE".
EXCHANGES: list[tuple[str, str, re.Pattern[str]]] = [
    (code, name, re.compile(pattern, re.I)) for code, name, pattern in (
        ("NYSEAMER", "NYSE American", r"NYSE\s*(?:American|MKT|Amex)|American\s+Stock\s+Exchange"),
        ("NYSEArca", "NYSE Arca", r"NYSE\s*Arca"),
        ("NYSENAT", "NYSE National", r"NYSE\s*National"),
        ("CHX", "NYSE Chicago", r"NYSE\s*Chicago|Chicago\s+Stock\s+Exchange"),
        ("NYSETEXAS", "NYSE Texas", r"NYSE\s*Texas"),
        ("NYSE", "New York Stock Exchange", r"New\s+York\s+Stock\s+Exchange|\bNYSE\b"),
        ("PHLX", "Nasdaq PHLX", r"PHLX|Philadelphia\s+Stock\s+Exchange"),
        ("BX", "Nasdaq BX", r"Nasdaq\s*BX|Boston\s+Stock\s+Exchange"),
        ("NASDAQ", "The Nasdaq Stock Market LLC", r"Nasdaq"),
        ("CboeBZX", "Cboe BZX Exchange, Inc.", r"(?:Cboe|BATS)\s*BZX"),
        ("CBOE", "Cboe Exchange, Inc.", r"\bCboe\b|Chicago\s+Board\s+Options"),
        ("IEX", "Investors Exchange LLC", r"\bIEX\b|Investors\s+Exchange"),
        ("LTSE", "Long-Term Stock Exchange, Inc.", r"\bLTSE\b|Long-Term\s+Stock\s+Exchange"),
    )
]


def exchange_code(value: str) -> str | None:
    """The code of the exchange a name or code stands for, None when it is none of the table's."""
    folded = value.strip().casefold()
    for code, _, pattern in EXCHANGES:
        if folded == code.casefold() or pattern.search(value):
            return code
    return None


def _own(doc: Document) -> list[Fact]:
    """The registrant's own cover facts: no dimension."""
    return [f for f in doc.facts if not f.dims]


def _first_shown(facts: Iterable[Fact], name: str) -> Fact | None:
    return next((f for f in facts if f.name == name and f.shown), None)


def _facts(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    if not doc.facts:
        return
    own = _own(doc)
    if f := _first_shown(own, "dei:EntityRegistrantName"):
        start, end = _printed(doc.text, f)  # "THE <BUCKLE, INC>.": some tag EDGAR's name inside
        if value := clean_text(doc.text[start:end]):
            yield Hit("registrant_name", value, start, end)
    if f := _first_shown(own, "dei:EntityFileNumber"):
        if value := clean_text(f.text):
            yield Hit("file_number", value, f.start, f.end)
    form = _first_shown(own, "dei:DocumentType")
    if form and (value := clean_text(form.text).upper()):
        yield Hit("document_type", value, form.start, form.end)
    # 10-K/10-Q/20-F: the period's end; an 8-K: its date of report (the earliest event). A 6-K's
    # period is a month, which this date is not.
    if (f := _first_shown(own, "dei:DocumentPeriodEndDate")) and not (form and form.text.startswith("6-K")):
        if d := parse_date(f.text):
            yield Hit("period_end_date", d, f.start, f.end)
    yield from _address(doc, own)
    yield from _securities(doc)
    yield from _cik(doc, own)


def _address(doc: Document, own: list[Fact]) -> Iterator[Hit]:
    """"line 1, line 2, city, state ZIP" (the cover rule's form), from the shown address facts."""
    parts = [f for name in _ADDRESS if (f := _first_shown(own, name))]
    state = _first_shown(own, "dei:EntityAddressStateOrProvince")
    zip_code = _first_shown(own, "dei:EntityAddressPostalZipCode")
    country = _first_shown(own, "dei:EntityAddressCountry")
    if not parts or not (state or zip_code or country):
        return
    pieces = [clean_text(f.text) for f in parts]
    tail = " ".join(clean_text(f.text) for f in (state, zip_code) if f)
    if tail:
        pieces.append(tail)
    if country:
        pieces.append(clean_text(country.text))
    used = [f for f in (*parts, state, zip_code, country) if f]
    value = ", ".join(p for p in pieces if p)
    start, end = min(f.start for f in used), max(f.end for f in used)
    if end - start > 4 * len(value) + 200:  # pieces far apart: evidence the first line alone
        start, end = parts[0].start, parts[0].end
    yield Hit("address", value, start, end)


def _theirs(fact: Fact) -> bool:
    """A fact about another registrant of a combined filing."""
    return any(d.startswith(_OTHER_ENTITY) for d in fact.dims)


def _cell(text: str, start: int, end: int) -> tuple[int, int]:
    """The table cell (or line) that holds text[start:end]."""
    lo = max(text.rfind("\t", 0, start), text.rfind("\n", 0, start)) + 1
    hi = min(i for i in (text.find("\t", end), text.find("\n", end), len(text)) if i >= 0)
    return lo, hi


def _printed(text: str, fact: Fact) -> tuple[int, int]:
    """The span of the cover's line (or table cell) that holds the fact, when the rest of it is
    only more of the same words ("NVIDIA <CORP>ORATION"); else the fact's own span."""
    lo, hi = _cell(text, fact.start, fact.end)
    around = text[lo : fact.start] + text[fact.end : hi]
    if hi - lo > 150 or re.search(r"[()\[\]:]", around):
        return fact.start, fact.end
    lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
    hi -= len(text[lo:hi]) - len(text[lo:hi].rstrip())
    return lo, hi


def _securities(doc: Document) -> Iterator[Hit]:
    """Every trading symbol of the registrant's securities table, and each exchange as printed."""
    text = doc.text
    rows: dict[str, Fact] = {}  # context -> its symbol: where a hidden exchange's row is printed
    for f in doc.facts:
        if f.name == "dei:TradingSymbol" and f.shown and not _theirs(f) and re.search(r"[A-Za-z]", f.text):
            rows.setdefault(f.context, f)  # "—" is tagged in the rows of securities with no symbol
            yield Hit("trading_symbol", clean_text(f.text).upper(), f.start, f.end)
    for f in doc.facts:
        if f.name != "dei:SecurityExchangeName" or _theirs(f):
            continue
        code = exchange_code(f.text)
        if f.shown:
            lo, hi = _cell(text, f.start, f.end)
            cell = text[lo:hi].strip()
            if cell and len(cell) < 80 and exchange_code(cell) == code:  # "The <Nasdaq> Stock Market"
                lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
                yield Hit("exchange_name", clean_text(cell), lo, lo + len(cell))
            else:
                yield Hit("exchange_name", clean_text(f.text), f.start, f.end)
            continue
        if code is None:
            continue
        symbol = rows.get(f.context)
        if symbol is not None:  # the hidden code's printed name, in its symbol's row
            line_start = text.rfind("\n", 0, symbol.start) + 1
            line_end = text.find("\n", symbol.end)
            line_end = len(text) if line_end < 0 else line_end
            for m in re.finditer(r"[^\t\n]+", text[line_start:line_end]):
                cell = m.group(0).strip()
                if cell and len(cell) < 80 and exchange_code(cell) == code:
                    s = line_start + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                    yield Hit("exchange_code:printed", clean_text(cell), s, s + len(cell))
                    break
            else:
                yield Hit("exchange_code", _name_of(code), symbol.start, symbol.end)


def _name_of(code: str) -> str:
    return next(name for c, name, _ in EXCHANGES if c == code)


def _cik(doc: Document, own: list[Fact]) -> Iterator[Hit]:
    """The CIK, most often in the hidden header: its evidence is then the registrant's name on
    the cover (the entity it identifies), else the form's title."""
    fact = next((f for f in own if f.name == "dei:EntityCentralIndexKey"), None)
    if fact is None or not fact.text.isdigit():
        return
    value = fact.text.lstrip("0") or "0"
    if fact.shown:
        yield Hit("cik", value, fact.start, fact.end)
        return
    if not doc.header and not HIDDEN_CIK_WITHOUT_HEADER:
        return
    near = _first_shown(own, "dei:EntityRegistrantName") or _first_shown(own, "dei:DocumentType")
    start, end = (near.start, near.end) if near else (0, 0)
    yield Hit("cik:hidden", value, start, end)


RULES = (
    Rule("facts.cover", _facts, where=Where.DOCUMENT, outputs=outputs(
        "facts",
        company_name={"registrant_name": SHOWN}, commission_file_number={"file_number": SHOWN},
        form_type={"document_type": SHOWN}, period_of_report={"period_end_date": SHOWN},
        principal_office_address={"address": SHOWN}, ticker={"trading_symbol": SHOWN},
        exchange={"exchange_name": SHOWN, "exchange_code:printed": PRINTED_EXCHANGE,
                  "exchange_code": MAPPED_EXCHANGE},
        cik={"cik": SHOWN, "cik:hidden": HIDDEN_CIK})),
)


# --- the cross-check, run by the merge -------------------------------------------------------

def _from_facts(c: Candidate) -> bool:
    return c.rule.startswith("facts.") or c.rule.endswith(AGREED)


def _same(name: str, a: str, b: str) -> bool:
    """Two values of a field that say the same: letters and digits compared case-free (covers
    punctuate an address or a name in their own way); exchanges by the market they name."""
    if name == "exchange":
        code = exchange_code(a)
        return (code is not None and code == exchange_code(b)) or _plain(a) == _plain(b)
    return _plain(a) == _plain(b)


def _plain(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def _judged(name: str, value: str) -> bool:
    """Whether the facts can contradict a value: an exchange they cannot name is not judged."""
    return name != "exchange" or exchange_code(value) is not None


MULTI = frozenset(("ticker", "exchange"))  # the facts' fields that take several values


def cross_check(candidates: list[Candidate]) -> list[Candidate]:
    """Text values checked against the facts' values of their field. One they agree with takes
    the agreement's confidence (the fact's candidate folded into it when the values are the
    same). One they contradict is lowered under the attention threshold and marked, so that the
    merge keeps it in view beside the fact's: every such value of a multi field, and of a single
    field the value the text rules would have chosen, unless another text value agrees (the
    others lose to the fact as they lost before). Values already under the threshold (the
    header's fallbacks) are left as they are. Running it again on its output changes nothing."""
    facts: dict[str, list[Candidate]] = {}
    for c in candidates:
        if _from_facts(c):
            facts.setdefault(c.name, []).append(c)
    if not facts:
        return candidates
    disputed: set[int] = set()
    for name, told in facts.items():
        against = [c for c in candidates if c.name == name and not _from_facts(c)
                   and c.confidence >= ATTENTION_BELOW and not c.rule.endswith(DISPUTED)
                   and _judged(name, c.value) and not any(_same(name, f.value, c.value) for f in told)]
        if name not in MULTI:
            if any(c.name == name and not _from_facts(c) and any(_same(name, f.value, c.value) for f in told)
                   for c in candidates):
                against = []
            against = sorted(against, key=lambda c: -c.confidence)[:1]
        disputed.update(id(c) for c in against)
    folded: set[int] = set()  # the facts' candidates folded into a text value they agree with
    out: list[Candidate] = []
    for c in candidates:
        known = facts.get(c.name)
        if not known or _from_facts(c):
            out.append(c)
            continue
        agreeing = next((f for f in known if _same(c.name, f.value, c.value)), None)
        if agreeing is not None:
            if _plain(agreeing.value) == _plain(c.value):  # "NYSE" confirms "New York Stock
                folded.add(id(agreeing))  # Exchange" but does not replace it
            # above both, and in the text rules' own order: the cover's reading over the header's
            high, low = max(c.confidence, agreeing.confidence), min(c.confidence, agreeing.confidence)
            out.append(replace(c, confidence=round(min(0.99, high + (1 - high) * low / 2), 3),
                               rule=c.rule + AGREED))
        elif id(c) in disputed:
            out.append(replace(c, confidence=DISPUTED_AT, rule=c.rule + DISPUTED))
        else:
            out.append(c)
    return [c for c in out if id(c) not in folded]
