"""Rules that read the news: which events a filing reports, and their details.

The news is the press release's headline and opening paragraphs and the 8-K items' own text;
forward-looking statements, risk factors and safe-harbor paragraphs are never read for events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .candidate import Candidate
from .cover import form_type_of
from .form_body import reported_items
from .normalize import first_date, parse_integer
from .regions import Region, find_dateline, form_region, line_start_matches, lowered, release_region

# 8-K items that name their event (current numbering, then the pre-2004 one).
ITEM_EVENTS = {
    "1.01": "material_agreement", "1.03": "bankruptcy", "2.01": "merger_acquisition",
    "2.02": "earnings", "2.03": "financing", "3.01": "delisting_notice",
    "3.02": "securities_offering", "4.01": "auditor_change", "5.01": "merger_acquisition",
    "5.02": "management_change", "5.07": "shareholder_meeting",
}
OLD_ITEM_EVENTS = {"1": "merger_acquisition", "2": "merger_acquisition", "3": "bankruptcy",
                   "4": "auditor_change", "6": "management_change", "12": "earnings"}
KEYWORDS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p, re.I)) for name, p in [
    ("reverse_stock_split", r"reverse\s+(?:stock\s+)?split|consolidated\s+into\s+one\s+share"),
    ("stock_split", r"\b(?:\d+|two|three|four|five)[- ]for[- ](?:one|\d+)\s+(?:forward\s+|stock\s+)*split"),
    ("dividend", r"declared?\s+(?:a|an|its)?\s*(?:regular\s+|special\s+)?(?:quarterly\s+|annual\s+)?"
                 r"(?:cash\s+)?dividend"),
    ("earnings", r"reports?\s+(?:\w+\s+){0,4}(?:results|earnings|net\s+income|net\s+loss)"
                 r"|(?:quarter|year)(?:ly)?\s+(?:\w+\s+){0,2}(?:results|earnings)\b"),
    ("share_repurchase", r"(?:share|stock)\s+repurchase\s+program|buy-?back\s+program"),
    ("bankruptcy", r"chapter\s+11|petitions?\s+for\s+(?:a\s+)?(?:stay\s+order|reorganization)"
                   r"|reorganization\s+proceedings|filed\s+for\s+bankruptcy|receivership"),
    ("delisting_notice", r"\bdelist|staff\s+determination|listing\s+qualifications\s+(?:panel|department)"
                         r"|deficiency\s+(?:letter|notice)"),
    ("shareholder_meeting", r"(?:annual|special|extraordinary)\s+(?:general\s+)?(?:meeting\s+of\s+)?"
                            r"(?:shareholders|stockholders)'?\s*(?:meeting)?"),
    ("merger_acquisition", r"agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement|to\s+acquire\b"
                           r"|completed\s+(?:the\s+|its\s+)?acquisition|majority\s+(?:interest|shareholder)"),
    ("securities_offering", r"(?:sold|issued|sale\s+of)\s+(?:an\s+aggregate\s+of\s+)?[\d,]{5,}\s+"
                            r"(?:\w+\s+){0,2}shares|private\s+placement|(?:public|registered)\s+offering\s+of"
                            r"|(?:issuance|offering)\s+(?:and\s+sale\s+)?of\s+[$€£]?[\d,.]+\s*(?:million|billion)?\s+"
                            r"aggregate\s+principal\s+amount"),
    ("legal_proceeding", r"settlement\s+of|lawsuit|litigation|class\s+action|informal\s+inquiry"
                         r"|derivative\s+(?:action|suit)"),
    ("management_change", r"\b(?:appoint(?:ed|s|ment)|names?|named|elected)\s+(?:\w+\s+){0,5}"
                          r"(?:to\s+(?:the|its)\s+board|chief\s+\w+\s+officer|president|director)"
                          r"|\bresign(?:ed|s|ation)\b"),
]]
# Words every match of a keyword pattern holds one of (in lower case): a paragraph with none
# of them is not searched, which spares the patterns that are tried at every character.
NEEDLES: dict[str, tuple[str, ...]] = {
    "reverse_stock_split": ("reverse", "consolidated"),
    "stock_split": ("split",),
    "dividend": ("dividend",),
    "earnings": ("results", "earnings", "net"),
    "share_repurchase": ("program",),
    "bankruptcy": ("chapter", "petition", "reorganization", "bankruptcy", "receivership"),
    "delisting_notice": ("delist", "determination", "qualifications", "deficiency"),
    "shareholder_meeting": ("holders",),
    "merger_acquisition": ("merger", "acquire", "acquisition", "majority"),
    "securities_offering": ("shares", "placement", "offering", "principal"),
    "legal_proceeding": ("settlement", "lawsuit", "litigation", "action", "inquiry", "derivative"),
    "management_change": ("board", "officer", "president", "director", "resign"),
}
BOILERPLATE = re.compile(r"forward-looking|safe\s+harbor|risk\s+factors|cautionary", re.I)


def _c(name: str, value: str, start: int, end: int, conf: float, rule: str) -> Candidate:
    return Candidate(name, value, start, end, conf, f"events.{rule}")


def _news(doc: Document) -> list[tuple[Region, bool]]:
    """The stretches that report news, and whether to read them for events: a release's headline
    and opening, and the items' text (not for items whose number names the event)."""
    out = []
    release = release_region(doc)
    if release is not None:
        dl = find_dateline(doc, release)
        start = max(release.start, (dl.start() if dl else release.start) - 400)
        out.append((Region(start, min(release.end, (dl.end() if dl else release.start) + 1500)), True))
    form = form_region(doc)
    if release is None and (form_type_of(doc) or "").startswith("6-K"):
        out.append((Region(form.start, min(form.end, form.start + 8000)), True))
    for m in reported_items(doc, form) if (form_type_of(doc) or "").startswith("8-K") else []:
        code = m.group("code")
        named = code in ITEM_EVENTS or ("." not in code and code in OLD_ITEM_EVENTS)
        out.append((Region(m.start(), min(form.end, m.start() + 1200)), not named))
    return out


def _paragraphs(doc: Document, region: Region) -> Iterator[tuple[int, str]]:
    text = doc.text[region.start : region.end]
    pos = 0
    for para in re.split(r"\n\s*\n", text):
        at = text.find(para, pos)
        pos = at + len(para)
        if not BOILERPLATE.search(para):
            yield region.start + at, para


def event_rules(doc: Document) -> Iterator[Candidate]:
    form = form_type_of(doc) or ""
    if not (form.startswith(("8-K", "6-K")) or (not form and release_region(doc) is not None)):
        return  # annual and quarterly reports, proxies, registrations: their items are not news
    found: dict[str, Candidate] = {}
    if form.startswith("8-K") or not form:
        for m in reported_items(doc, form_region(doc)):
            code = m.group("code")
            name = ITEM_EVENTS.get(code) or (OLD_ITEM_EVENTS.get(code) if "." not in code else None)
            if name and name not in found:
                found[name] = _c("event_type", name, m.start(), m.end("code"), 0.8, "item")
    news = _news(doc)
    for region, scan in news:
        if not scan:
            continue
        for start, para in _paragraphs(doc, region):
            low = lowered(doc)[start : start + len(para)]
            for name, pattern in KEYWORDS:
                if name in found or not any(n in low for n in NEEDLES[name]):
                    continue
                hit = pattern.search(para)
                if hit and name not in found:
                    found[name] = _c("event_type", name, start + hit.start(), start + hit.end(), 0.7,
                                     "keywords")
    if not found and news and (form.startswith("8-K") or form.startswith("6-K")):
        fd = _has_item_heading(doc, _ITEM_701)
        region = news[0][0]
        name = "operating_update" if fd and not _has_item_heading(doc, _ITEM_801) else "other"
        found[name] = _c("event_type", name, region.start, min(region.end, region.start + 40), 0.4, name)
    yield from found.values()
    yield from _details(doc, [r for r, _ in news], set(found))


# `^[ \t]*ITEM[ \t]+7.01\b`, case-insensitive: searched in the lowered text.
_ITEM_701 = re.compile(r"item[ \t]+7\.01\b")
_ITEM_801 = re.compile(r"item[ \t]+8\.01\b")


def _has_item_heading(doc: Document, core: re.Pattern[str]) -> bool:
    return next(line_start_matches(core, lowered(doc), doc.text, 0, len(doc.text)), None) is not None


_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
              "fifty": 50, "hundred": 100}


def _num(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUM_WORDS.get(word)


def _details(doc: Document, news: list[Region], events: set[str]) -> Iterator[Candidate]:
    text = doc.text
    for region in news:
        chunk = text[region.start : region.end]
        base = region.start
        if "reverse_stock_split" in events or "stock_split" in events:
            m = re.search(r"\b(\w+)\s+(?:\(\d+\)\s+)?shares?\s+of\s+(?:the\s+)?(?:existing\s+)?(?:common\s+)?"
                          r"(?:stock\s+)?(?:of\s+the\s+company\s+)?(?:will\s+be|were|are|shall\s+be)\s+"
                          r"(?:consolidated|combined|converted|reclassified)\s+into\s+(\w+)\s+(?:\(\d+\)\s+)?"
                          r"(?:new\s+)?share", chunk, re.I)
            if m and _num(m.group(1)) and _num(m.group(2)):
                ratio = f"{_num(m.group(2))}-for-{_num(m.group(1))}"
                yield _c("split_ratio", ratio, base + m.start(), base + m.end(), 0.8, "split_ratio")
            else:
                m = re.search(r"\b(\d+|one|two|three|four|five|ten|fifteen|twenty)[- ]for[- ]"
                              r"(\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|fifty)\b", chunk, re.I)
                if m and _num(m.group(1)) and _num(m.group(2)):
                    ratio = f"{_num(m.group(1))}-for-{_num(m.group(2))}"
                    yield _c("split_ratio", ratio, base + m.start(), base + m.end(), 0.8, "split_ratio")
            m = re.search(r"reduced\s+to\s+([\d.,]+\s*(?:million|billion)?)\s+shares\s+from\s+"
                          r"([\d.,]+\s*(?:million|billion)?)\s+shares", chunk, re.I)
            if m:
                yield _c("shares_outstanding_after", parse_integer(m.group(1)) or "", base + m.start(1),
                         base + m.end(1), 0.8, "shares_after")
                yield _c("shares_outstanding_before", parse_integer(m.group(2)) or "", base + m.start(2),
                         base + m.end(2), 0.8, "shares_before")
            m = re.search(r"(?:take\s+effect|become\s+effective|be\s+effective|effective)\s+(?:on|as\s+of)?\s*",
                          chunk, re.I)
            if m and (d := first_date(text, base + m.end(), base + m.end() + 40)):
                yield _c("split_effective_date", d[0], d[1], d[2], 0.75, "split_effective")
        if "shareholder_meeting" in events:
            m = re.search(r"meeting\s+(?:of\s+(?:stockholders|shareholders)\s+)?(?:was\s+)?(?:held\s+)?on\s+",
                          chunk, re.I)
            if m and (d := first_date(text, base + m.end(), base + m.end() + 80)):
                yield _c("meeting_date", d[0], d[1], d[2], 0.75, "meeting_date")
        if "delisting_notice" in events:
            m = re.search(r"[^.]*(?:received|receipt)[^.]*(?:Determination|notice|letter)[^.]*\.", chunk)
            if m and (d := first_date(text, base + m.start(), base + m.end())):
                yield _c("delisting_notice_date", d[0], d[1], d[2], 0.7, "delisting_notice_date")
            m = re.search(r"delisted\s+from\s+the\s+((?:[A-Z][\w]*\s+){0,4}(?:Market|Exchange))", chunk)
            if m:
                yield _c("delisting_market", m.group(1), base + m.start(1), base + m.end(1), 0.75,
                         "delisting_market")
        if "bankruptcy" in events:
            dated = court = False
            for m in re.finditer(r"filed\s+(?:a\s+)?(?:voluntary\s+)?petitions?[^.]*\.", chunk, re.I):
                d = first_date(text, base + m.start(), base + m.end())
                if d and not dated:
                    dated = True
                    yield _c("petition_date", d[0], d[1], d[2], 0.75, "petition_date")
                c = re.search(r"with\s+the\s+((?:[A-Z][\w.]*\s+)+(?:of\s+the\s+)?(?:[A-Z][\w.]*\s+)*Court"
                              r"(?:\s+(?:for|of)\s+the\s+(?:[A-Z][\w.]*\s*)+)?)", m.group(0))
                if c and not court:
                    court = True
                    value = " ".join(c.group(1).split())
                    s = base + m.start() + c.start(1)
                    yield _c("court", value, s, s + len(c.group(1).rstrip()), 0.75, "court")
        if "dividend" in events:
            m = re.search(r"\$\s?(\d*\.\d+|\d+)\s+per\s+(?:common\s+)?share", chunk, re.I)
            if m:
                yield _c("dividend_per_share", m.group(1), base + m.start(1), base + m.end(1), 0.75,
                         "dividend_per_share")
            m = re.search(r"payable\s+(?:on\s+)?", chunk, re.I)
            if m and (d := first_date(text, base + m.end(), base + m.end() + 30)):
                yield _c("dividend_payment_date", d[0], d[1], d[2], 0.75, "dividend_payment_date")
            m = re.search(r"of\s+record\s+(?:at\s+the\s+close\s+of\s+business\s+)?(?:on|as\s+of)\s+", chunk, re.I)
            if m and (d := first_date(text, base + m.end(), base + m.end() + 30)):
                yield _c("dividend_record_date", d[0], d[1], d[2], 0.75, "dividend_record_date")
