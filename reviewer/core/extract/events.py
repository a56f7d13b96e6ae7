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
    "2.02": "earnings", "2.03": "financing", "2.05": "operating_update", "3.01": "delisting_notice",
    "3.02": "securities_offering", "4.01": "auditor_change", "5.01": "merger_acquisition",
    # non-reliance on earlier statements (a restatement): no type of its own
    "4.02": "other",
    "5.02": "management_change", "5.07": "shareholder_meeting",
}
OLD_ITEM_EVENTS = {"1": "merger_acquisition", "2": "merger_acquisition", "3": "bankruptcy",
                   "4": "auditor_change", "6": "management_change", "12": "earnings"}
KEYWORDS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p, re.I)) for name, p in [
    ("reverse_stock_split", r"reverse\s+(?:stock\s+)?split|consolidated\s+into\s+one\s+share"),
    ("stock_split", r"\b(?:\d+|two|three|four|five)[- ]for[- ](?:one|\d+)\s+(?:forward\s+|stock\s+)*split"),
    ("dividend", r"declared?\s+(?:a|an|its)?\s*(?:regular\s+|special\s+)?(?:quarterly\s+|annual\s+)?"
                 r"(?:cash\s+)?dividend"
                 r"|\bpay\s+(?:a|an|its)\s+(?:next\s+)?(?:regular\s+)?(?:quarterly\s+|annual\s+)?(?:cash\s+)?dividend"
                 r"\s+of\b"),
    ("earnings", r"report(?:s|ed)?\s+(?:\w+\s+){0,4}(?:results|earnings|net\s+income|net\s+loss)"
                 r"|(?:quarter|year)(?:ly)?\s+(?:\w+\s+){0,2}(?:results|earnings)\b"),
    ("share_repurchase", r"(?:share|stock)\s+repurchase\s+program|buy-?back\s+program|\brepurchase\s+(?:plan|program)\b"),
    ("bankruptcy", r"chapter\s+11|petitions?\s+for\s+(?:a\s+)?(?:stay\s+order|reorganization)"
                   r"|reorganization\s+proceedings|filed\s+for\s+bankruptcy|receivership"),
    ("delisting_notice", r"\bdelist|staff\s+determination|listing\s+qualifications\s+(?:panel|department)"
                         r"|deficiency\s+(?:letter|notice)"),
    ("shareholder_meeting", r"(?:annual|special|extraordinary)\s+(?:general\s+)?(?:meeting\s+of\s+)?"
                            r"(?:shareholders|stockholders)'?\s*(?:meeting)?"),
    ("merger_acquisition", r"agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement|to\s+acquire\b(?!\s+(?:shares|stock|securities|its\s+(?:own\s+)?(?:shares|capital|common)))"
                           r"|completed\s+(?:the\s+|its\s+)?acquisition|majority\s+(?:interest|shareholder)"),
    ("securities_offering", r"(?:sold|issued|sale\s+of)\s+(?:an\s+aggregate\s+of\s+)?[\d,]{5,}\s+"
                            r"(?:\w+\s+){0,2}shares|private\s+placement|(?:public|registered)\s+offering\s+of"
                            r"|(?:issuance|offering)\s+(?:and\s+sale\s+)?of\s+[$€£]?[\d,.]+\s*(?:million|billion)?\s+"
                            r"aggregate\s+principal\s+amount"
                            r"|\b(?:issued|sold|priced)\s+(?:an\s+aggregate\s+of\s+)?[$€£]\s?[\d,.]+\s*(?:million|billion)?"
                            r"\s+(?:(?:in\s+)?aggregate\s+principal\s+amount\s+)?of\s+(?:its\s+|our\s+)?"
                            r"(?:[\w.%-]+\s+){0,5}(?:notes|debentures|bonds)\b"),
    ("financing", r"\b(?:revolving\s+)?credit\s+(?:agreement|facility)|\bterm\s+loan\s+(?:agreement|facility)"
                  r"|\bloan\s+agreement\b"),
    ("divestiture", r"\b(?:complet(?:ed|es)|announc(?:ed|es)|agreed\s+to)\s+(?:the\s+|its\s+|an?\s+)?"
                    r"(?:previously\s+announced\s+)?(?:sale\s+of|disposition\s+of|divestiture|split-?off|spin-?off"
                    r"|sell\b|divest\b)"
                    r"|\bsold\s+\d+(?:\.\d+)?%\s+of\s+its\s+(?:shares|interest|stake|holding)"
                    r"|\bto\s+(?:sell|divest|spin\s+off)\s+(?:its|the)\s+(?:[\w-]+\s+){0,3}"
                    r"(?:business|division|unit|subsidiary|operations|assets)\b"),
    ("legal_proceeding", r"settlement\s+of|lawsuit|litigation|class\s+action|informal\s+inquiry"
                         r"|derivative\s+(?:action|suit)"),
    # a commercial agreement reported as news (an order under a master agreement, a supply
    # contract); mergers, credit and underwriting agreements are their own events
    ("material_agreement", r"\bentered\s+into\s+(?:a|an|the)\s+(?:new\s+)?"
                           r"(?:(?!merger|credit|loan|underwriting|purchase|employment|separation|indemnif|consulting)"
                           r"[\w-]+\s+){0,3}(?:order\s+form|supply\s+agreement|services\s+agreement"
                           r"|master\s+\w+\s+agreement|collaboration\s+agreement|license\s+agreement)\b"),
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
    "share_repurchase": ("program", "plan"),
    "bankruptcy": ("chapter", "petition", "reorganization", "bankruptcy", "receivership"),
    "delisting_notice": ("delist", "determination", "qualifications", "deficiency"),
    "shareholder_meeting": ("holders",),
    "merger_acquisition": ("merger", "acquire", "acquisition", "majority"),
    "securities_offering": ("shares", "placement", "offering", "principal", "notes", "debentures", "bonds"),
    "financing": ("credit", "loan"),
    "divestiture": ("split", "spin", "divest", "sale", "disposition", "sell", "sold"),  # "spin off", "sell"
    "legal_proceeding": ("settlement", "lawsuit", "litigation", "action", "inquiry", "derivative"),
    "material_agreement": ("entered into",),
    "management_change": ("board", "officer", "president", "director", "resign"),
}
BOILERPLATE = re.compile(r"forward-looking|safe\s+harbor|risk\s+factors|cautionary", re.I)


def _c(name: str, value: str, start: int, end: int, conf: float, rule: str) -> Candidate:
    return Candidate(name, value, start, end, conf, f"events.{rule}")


# What an item's number alone does not say: an Item 1.01 agreement may be a credit facility or a
# merger (material_agreement and that event); an Item 2.01 completion may dispose of a business.
ITEM_ALSO: dict[str, frozenset[str]] = {"1.01": frozenset({"financing", "merger_acquisition"})}
_DISPOSAL = re.compile(r"\b(?:dispos(?:ed|ition)\s+of|split-?off|spin-?off|divest|sold\b|sale\s+of\s+(?:its|the|all))",
                       re.I)
_ACQUISITION = re.compile(r"\bacqui(?:red|sition)\b|\bmerger\b|\bmerged\b", re.I)
# An Item 5.02 that only sets pay or adopts a plan names no officer or director coming or going.
_PAY = re.compile(r"compensat|bonus|salary|incentive\s+plan|equity\s+award|consulting\s+agreement|severance"
                  r"|grant\s+of\s+(?:options|restricted)", re.I)
_CHANGE = re.compile(r"\b(?:resign|retire|appoint|elect(?:ed|ion)\b|named|depart|terminat|succe(?:ed|ssor)"
                     r"|step(?:s|ped|ping)?\s+down|promot|hired|join|transition|will\s+serve|to\s+serve)", re.I)


def _item_text(doc: Document, m: re.Match[str], items: list[re.Match[str]], limit: int) -> str:
    """An item's own text: to the next item heading, at most 1200 characters."""
    end = min(limit, m.start() + 1200)
    for other in items:
        if m.end() < other.start() < end:
            end = other.start()
    return doc.text[m.end() : end]


def _item_event(doc: Document, m: re.Match[str], items: list[re.Match[str]], limit: int) -> str | None:
    code = m.group("code")
    name = ITEM_EVENTS.get(code) or (OLD_ITEM_EVENTS.get(code) if "." not in code else None)
    if code == "2.01":
        body = _item_text(doc, m, items, limit)
        if _DISPOSAL.search(body) and not _ACQUISITION.search(body):
            return "divestiture"
    if code == "5.02":
        body = _item_text(doc, m, items, limit)
        if _PAY.search(body) and not _CHANGE.search(body):
            return None
    return name


def _news(doc: Document) -> list[tuple[Region, bool | frozenset[str]]]:
    """The stretches that report news, and whether to read them for events: a release's headline
    and opening, and the items' text (not for items whose number names the event)."""
    out: list[tuple[Region, bool | frozenset[str]]] = []
    release = release_region(doc)
    if release is not None:
        dl = find_dateline(doc, release)
        start = max(release.start, (dl.start() if dl else release.start) - 400)
        opening = Region(start, min(release.end, (dl.end() if dl else release.start) + 1500))
        out.append((opening, True))
        # further down, a board's action told as today's news: "The Board today declared a
        # quarterly cash dividend" under its own heading
        low = lowered(doc)
        for m in _TODAY_ACTION.finditer(low, opening.end, min(release.end, release.start + 40000)):
            para = max(low.rfind("\n\n", opening.end, m.start()) + 2, m.start() - 600)
            if not any(r.start <= m.start() < r.end for r, _ in out):
                out.append((Region(para, min(release.end, para + 1200)), True))
    form = form_region(doc)
    if release is None and (form_type_of(doc) or "").startswith("6-K"):
        out.append((Region(form.start, min(form.end, form.start + 8000)), True))
    for m in reported_items(doc, form) if (form_type_of(doc) or "").startswith("8-K") else []:
        code = m.group("code")
        named = code in ITEM_EVENTS or ("." not in code and code in OLD_ITEM_EVENTS)
        scan: bool | frozenset[str] = ITEM_ALSO.get(code, False) if named else True
        out.append((Region(m.start(), min(form.end, m.start() + 1200)), scan))
    return out


_TODAY_ACTION = re.compile(r"\btoday\s+(?:declared|approved|authorized)\b|\bdeclared\s+today\b")


def _paragraphs(doc: Document, region: Region) -> Iterator[tuple[int, str]]:
    text = doc.text[region.start : region.end]
    pos = 0
    for para in re.split(r"\n\s*\n", text):
        at = text.find(para, pos)
        pos = at + len(para)
        if not BOILERPLATE.search(para):
            yield region.start + at, para


# Annual and quarterly reports: their statements are no news, but two sections report events:
# the vote at a meeting held in the quarter, and the events after the balance-sheet date.
PERIODIC = ("10-K", "10-Q", "20-F", "40-F")
_VOTE_HEADING = re.compile(r"submission\s+of\s+matters\s+to\s+a\s+vote\s+of\s+(?:security|share|stock)\s*holders")
_SUBSEQUENT_HEADING = re.compile(r"subsequent\s+events?[ \t]*\.?[ \t]*$", re.M)


# What a subsequent-events note reports as an event of the company's own; its credit lines,
# other companies' offerings and litigation updates are the notes' routine.
_SUBSEQUENT_TYPES = frozenset({"divestiture", "merger_acquisition", "dividend", "share_repurchase", "bankruptcy",
                               "securities_offering"})
# In a note, only the company's own deals: a private placement; an acquisition agreed or completed
# (a note's "to acquire" is as often shares, an investee's split or offering is not the company's).
_STRICTER = {
    "securities_offering": re.compile(r"private\s+placement", re.I),
    "merger_acquisition": re.compile(r"agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement"
                                     r"|completed\s+(?:the\s+|its\s+)?acquisition", re.I),
}
_NEXT_HEADING = re.compile(r"\n[ \t]*(?:Note\s+\d+|NOTE\s+\d+|Item\s+\d|ITEM\s+\d|PART\s+I|Part\s+I)\b"
                           r"|\n[ \t]*[A-Z][A-Za-z ,&'-]{2,60}\n")


def _headings(pattern: re.Pattern[str], low: str, text: str) -> Iterator[re.Match[str]]:
    """Where `pattern` is a heading: "Item 4. Submission ...", "Note 9 - Subsequent Events", at
    most a short number or caption before it on its line."""
    for m in pattern.finditer(low):
        begin = text.rfind("\n", 0, m.start()) + 1
        if len(text[begin : m.start()].strip()) <= 20:
            yield m


def _periodic_events(doc: Document) -> Iterator[Candidate]:
    text, low = doc.text, lowered(doc)
    found: dict[str, Candidate] = {}
    for m in _headings(_VOTE_HEADING, low, text):
        body = text[m.end() : m.end() + 600]
        if re.match(r"\W*(?:none|not\s+applicable|there\s+were\s+no\b|no\s+matters)", body, re.I):
            continue
        # a meeting held, with its date: not a table of contents' entry, nor a meeting to be held
        if d := _meeting_date(text, m.end(), body):
            found["shareholder_meeting"] = _c("event_type", "shareholder_meeting", m.start(), m.end(), 0.7,
                                              "periodic_vote")
            yield _c("meeting_date", d[0], d[1], d[2], 0.7, "meeting_date")
            break
    for m in _headings(_SUBSEQUENT_HEADING, low, text):
        nxt = _NEXT_HEADING.search(text, m.end(), m.end() + 1200)  # the note ends at the next one
        for start, para in _paragraphs(doc, Region(m.end(), nxt.start() if nxt else min(len(text), m.end() + 1200))):
            lowpara = low[start : start + len(para)]
            for name, pattern in KEYWORDS:
                if name in found or name not in _SUBSEQUENT_TYPES or not any(n in lowpara for n in NEEDLES[name]):
                    continue
                pattern = _STRICTER.get(name, pattern)
                if hit := pattern.search(para):
                    found[name] = _c("event_type", name, start + hit.start(), start + hit.end(), 0.55,
                                     "subsequent_events")
    yield from found.values()


def event_rules(doc: Document) -> Iterator[Candidate]:
    form = form_type_of(doc) or ""
    if form.startswith(PERIODIC):
        yield from _periodic_events(doc)
        return
    if not (form.startswith(("8-K", "6-K")) or (not form and release_region(doc) is not None)):
        return  # proxies, registrations: their items are not news
    found: dict[str, Candidate] = {}
    if form.startswith("8-K") or not form:
        region = form_region(doc)
        items = reported_items(doc, region)
        for m in items:
            name = _item_event(doc, m, items, region.end)
            if name and name not in found:
                found[name] = _c("event_type", name, m.start(), m.end("code"), 0.8, "item")
    news = _news(doc)
    for region, scan in news:
        if not scan:
            continue
        for start, para in _paragraphs(doc, region):
            low = lowered(doc)[start : start + len(para)]
            for name, pattern in KEYWORDS:
                if name in found or (scan is not True and name not in scan) \
                        or not any(n in low for n in NEEDLES[name]):
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


def _count(words: str, numerals: str | None) -> int | None:
    """"two hundred (200)": the numerals in brackets when given, else the words."""
    if numerals:
        return int(numerals.replace(",", ""))
    parts = words.lower().replace("-", " ").split()
    if len(parts) == 2 and parts[1] == "hundred" and _num(parts[0]):
        return (_num(parts[0]) or 0) * 100
    return _num(words) if len(parts) == 1 else None


# "one (1) share for each two hundred (200) shares", "1 new share for every 10 existing shares".
_FOR_EACH = re.compile(
    r"\b(?P<n>\d+|[a-z]+)\s+(?:\((?P<nn>\d[\d,]*)\)\s+)?(?:new\s+)?shares?\s+(?:of\s+(?:[\w-]+\s+){0,4}?)?"
    r"for\s+(?:each|every)\s+(?P<o>\d[\d,]*|[a-z]+(?:[ -]hundred)?)\s+(?:\((?P<on>\d[\d,]*)\)\s+)?"
    r"(?:old\s+|existing\s+|outstanding\s+|issued\s+)?shares?", re.I)
# When a split takes effect: "effective on", "payable on or about", "with delivery on or about".
_EFFECTIVE = re.compile(r"(?:take\s+effect|become\s+effective|be\s+effective|effective|payable|distributed"
                        r"|delivery)\s+(?:on\s+)?(?:or\s+about\s+)?(?:as\s+of\s+)?", re.I)
_SHARES = r"((?:approximately\s+)?[\d.,]+\s*(?:million|billion)?)\s+(?:shares\s+)?"
# "reduced to 12.7 million shares from 38.1 million shares", "increased from approximately 14,160,806
# shares to 28,321,612 shares".
_AFTER_BEFORE = re.compile(r"(?:reduced|decreased|increased)\s+to\s+" + _SHARES + r"from\s+" + _SHARES, re.I)
_BEFORE_AFTER = re.compile(r"(?:reduced|decreased|increased|go|change)\s+from\s+" + _SHARES + r"to\s+" + _SHARES, re.I)


def _share_counts(base: int, chunk: str) -> Iterator[Candidate]:
    pairs = [(m, 1, 2) for m in _AFTER_BEFORE.finditer(chunk)] + [(m, 2, 1) for m in _BEFORE_AFTER.finditer(chunk)]
    for m, after, before in pairs[:1]:
        for name, group, rule in (("shares_outstanding_after", after, "shares_after"),
                                  ("shares_outstanding_before", before, "shares_before")):
            if value := parse_integer(m.group(group)):
                yield _c(name, value, base + m.start(group), base + m.end(group), 0.75, rule)


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
                elif m := _FOR_EACH.search(chunk):
                    new, old = _count(m.group("n"), m.group("nn")), _count(m.group("o"), m.group("on"))
                    if new and old and new != old:
                        yield _c("split_ratio", f"{new}-for-{old}", base + m.start(), base + m.end(), 0.75,
                                 "split_ratio")
            yield from _share_counts(base, chunk)
            for m in _EFFECTIVE.finditer(chunk):
                if d := first_date(text, base + m.end(), base + m.end() + 40):
                    yield _c("split_effective_date", d[0], d[1], d[2], 0.75, "split_effective")
                    break
        if "shareholder_meeting" in events:
            if d := _meeting_date(text, base, chunk):
                yield _c("meeting_date", d[0], d[1], d[2], 0.75, "meeting_date")
        if "delisting_notice" in events:
            m = re.search(r"[^.]*(?:received|receipt)[^.]*(?:Determination|notice|letter)[^.]*\.", chunk)
            if m and (d := first_date(text, base + m.start(), base + m.end())):
                yield _c("delisting_notice_date", d[0], d[1], d[2], 0.7, "delisting_notice_date")
            m = re.search(r"delisted\s+from\s+the\s+((?:[A-Z][\w]*\s+){0,4}(?:Market|Exchange))", chunk) or \
                re.search(r"(?:letter|notice|notification|determination)\s+from\s+((?:[Tt]he\s+)?(?:[A-Z][\w]*\s+){0,4}"
                          r"(?:Market|Exchange))", chunk)
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
            yield from _dividend(text, base, chunk)


# "The Annual Meeting of Shareholders of Apple Inc. was held on March 1, 2019", "On November 14, 2024,
# Oracle Corporation held its 2024 Annual Meeting of Stockholders": the date in the sentence.
_MEETING = re.compile(r"\b(?:annual|special|extraordinary)\s+(?:general\s+)?(?:(?:share|stock)holders['’]?\s+)?"
                      r"(?:general\s+)?meeting|\bmeeting\s+of\s+(?:stockholders|shareholders)", re.I)
_HELD = re.compile(r"\b(?:held|convened|reconvened)\b", re.I)


# A sentence ends at ". " before a capital, not after "Inc." or an initial; or at a blank line.
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bDr)"
                           r"(?<!\b[A-Z])\.\s+(?=[A-Z“\"(])|\n[ \t]*\n")


def _sentence_around(chunk: str, at: int) -> tuple[int, int]:
    start = 0
    for end in _SENTENCE_END.finditer(chunk, max(0, at - 600), at):
        start = end.end()
    after = _SENTENCE_END.search(chunk, at)
    return start, after.start() if after else len(chunk)


def _meeting_date(text: str, base: int, chunk: str) -> tuple[str, int, int] | None:
    for m in _MEETING.finditer(chunk):
        lo, hi = _sentence_around(chunk, m.start())
        sentence = chunk[lo:hi]
        held = _HELD.search(sentence)
        if held and not re.search(r"\bwill\s+be\s+held|\bto\s+be\s+held", sentence, re.I):
            at = base + lo + held.end()  # "held on November 25, 2002", else "On May 1, 2025, ... held"
            if d := first_date(text, at, min(base + hi, at + 80)) or first_date(text, base + lo, base + hi):
                return d
    old = re.search(r"meeting\s+(?:of\s+(?:stockholders|shareholders)\s+)?(?:was\s+)?(?:held\s+)?on\s+", chunk, re.I)
    return first_date(text, base + old.end(), base + old.end() + 80) if old else None


_PER_SHARE = re.compile(r"\$\s?(\d*\.\d+|\d+)\s+(?:per|a)\s+(?:common\s+)?share"
                        r"|(\d+(?:\.\d+)?)\s+cents\s+(?:per|a)\s+(?:common\s+)?share", re.I)
# "payable on February 15, 2024", "with a payment date of July 30, 2014", "$0.01 per share on April 1".
_PAYABLE = re.compile(r"(?:payable|paid|payment\s+date\s+(?:of|is|will\s+be)|distributed)\s+(?:on\s+)?"
                      r"(?:or\s+about\s+)?|per\s+(?:common\s+)?share\s+on\s+", re.I)
# "of record on", "of record as of the close of business on", "record date of".
_RECORD = re.compile(r"of\s+record\s+(?:(?:at|as\s+of)\s+the\s+close\s+of\s+business\s+)?(?:on|as\s+of)?\s*"
                     r"|record\s+date\s+(?:of|is|will\s+be)\s+", re.I)


def _dividend(text: str, base: int, chunk: str) -> Iterator[Candidate]:
    # the amount the board declared, over a year's total or last year's amount said before it
    declared = re.search(r"declared?\b|\bdeclaration\b|\bdividend\s+of\b", chunk, re.I)
    m = _PER_SHARE.search(chunk, declared.end(), declared.end() + 200) if declared else None
    surer = 0.0 if m else -0.1
    m = m or _PER_SHARE.search(chunk)
    if m and m.group(1):  # "$.90 per share": 0.90
        value = "0" + m.group(1) if m.group(1).startswith(".") else m.group(1)
        yield _c("dividend_per_share", value, base + m.start(1), base + m.end(1), 0.75 + surer, "dividend_per_share")
    elif m:  # "12.25 cents per share": in dollars, derived from the words
        value = f"{float(m.group(2)) / 100:.6f}".rstrip("0").rstrip(".")
        yield _c("dividend_per_share", value, base + m.start(), base + m.end(), 0.7 + surer, "dividend_per_share")
    for rule, pattern in (("dividend_payment_date", _PAYABLE), ("dividend_record_date", _RECORD)):
        for p in pattern.finditer(chunk):
            if d := first_date(text, base + p.end(), base + p.end() + 30):
                yield _c(rule, d[0], d[1], d[2], 0.75, rule)
                break
