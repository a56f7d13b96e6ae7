"""Rules that read the news: which events a filing reports, and their details. The event types
themselves (patterns, items, details) are declared in event_types.py; this is the engine.

The news is the press release's headline and opening paragraphs and the 8-K items' own text;
forward-looking statements, risk factors and safe-harbor paragraphs are never read for events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .event_details import meeting_date
from .event_types import (
    EVENT_TYPES,
    FORM_EVENTS,
    ITEM_ALSO,
    ITEM_EVENTS,
    ITEM_TEXT,
    OLD_ITEM_EVENTS,
    SEARCHED,
    EventType,
    detail_outputs,
    note_pattern,
)
from .forms import Filing, ItemHeading, Kind, form_name, form_title, reported_items
from .regions import Region, find_dateline, form_region, line_start_matches, lowered, release_region
from .rules import Hit, Rule, Where, outputs

# and the legend of a proxy solicitation ("SHAREHOLDERS ARE URGED TO READ THE PROXY STATEMENT")
BOILERPLATE = re.compile(r"forward-looking|safe\s+harbor|risk\s+factors|cautionary|urged\s+to\s+read"
                         r"|participants\s+in\s+the\s+solicitation|where\s+to\s+find\s+it", re.I)


def _item_text(doc: Document, m: ItemHeading, items: list[ItemHeading], limit: int) -> str:
    """An item's own text: to the next item heading, at most 1200 characters."""
    end = min(limit, m.start + 1200)
    for other in items:
        if m.end < other.start < end:
            end = other.start
    return doc.text[m.end : end]


def _item_event(doc: Document, m: ItemHeading, items: list[ItemHeading], limit: int) -> str | None:
    code = m.code
    if check := ITEM_TEXT.get(code):
        return check(_item_text(doc, m, items, limit))
    return ITEM_EVENTS.get(code) or (OLD_ITEM_EVENTS.get(code) if "." not in code else None)


def _news(doc: Document, filing: Filing) -> list[tuple[Region, bool | frozenset[str]]]:
    """The stretches that report news, and whether to read them for events: a release's headline
    and opening, and the items' text (not for items whose number names the event)."""
    out: list[tuple[Region, bool | frozenset[str]]] = []
    release = release_region(doc)
    if release is not None:
        dl = find_dateline(doc, release)
        start = max(release.start, (dl.start() if dl else release.start) - 400)
        opening = Region(start, min(release.end, (dl.end() if dl else release.start) + 1500))
        out.append((opening, True))
        if start > release.start:  # a headline far above its dateline (bullets between) still
            out.append((Region(release.start, min(start, release.start + 800)), _HEADLINE_TELLS))  # names results
        # further down, a board's action told as today's news: "The Board today declared a
        # quarterly cash dividend" under its own heading
        low = lowered(doc)
        for m in _TODAY_ACTION.finditer(low, opening.end, min(release.end, release.start + 40000)):
            para = max(low.rfind("\n\n", opening.end, m.start()) + 2, m.start() - 600)
            if not any(r.start <= m.start() < r.end for r, _ in out):
                out.append((Region(para, min(release.end, para + 1200)), True))
    form = form_region(doc)
    if release is None and filing.kind is Kind.FOREIGN:
        out.append((Region(form.start, min(form.end, form.start + 8000)), True))
    for m in reported_items(doc) if filing.kind is Kind.CURRENT else []:
        code = m.code
        named = code in ITEM_EVENTS or ("." not in code and code in OLD_ITEM_EVENTS)
        scan: bool | frozenset[str] = ITEM_ALSO.get(code, False) if named else True
        out.append((Region(m.start, min(form.end, m.start + 1200)), scan))
    return out


_HEADLINE_TELLS = frozenset({"earnings"})
_TODAY_ACTION = re.compile(r"\btoday\s+(?:declared|approved|authorized)\b|\bdeclared\s+today\b"
                           r"|\bboard\s+of\s+directors\s+(?:has\s+)?declared\b")


_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


def _told(t: EventType, para: str) -> re.Match[str] | None:
    """Where `para` tells `t`: its first match outside a sentence that tells of the event to come."""
    assert t.pattern is not None
    for m in t.pattern.finditer(para):
        if t.unless is None:
            return m
        begin = max((e.end() for e in _SENTENCE_END.finditer(para, 0, m.start())), default=0)
        end = _SENTENCE_END.search(para, m.end())
        if not t.unless.search(para, begin, end.end() if end else len(para)):
            return m
    return None


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
_VOTE_HEADING = re.compile(r"submission\s+of\s+matters\s+to\s+a\s+vote\s+of\s+(?:security|share|stock)\s*holders")
_SUBSEQUENT_HEADING = re.compile(r"subsequent\s+events?[ \t]*\.?[ \t]*$", re.M)
# and run into its text where a page's lines were joined: "... obligations. Subsequent events On March
# 8, 2001 AEGON announced"
_SUBSEQUENT_INLINE = re.compile(r"(?<=[.:] )Subsequent\s+[Ee]vents?\s+(?=On\s+[A-Z][a-z]+\.?\s+\d)")


# What a subsequent-events note reports as an event of the company's own (EventType.in_notes);
# its credit lines, other companies' offerings and litigation updates are the notes' routine.
_IN_NOTES = tuple((t, p) for t in EVENT_TYPES if (p := note_pattern(t)) is not None)
_NEXT_HEADING = re.compile(r"\n[ \t]*(?:Note\s+\d+|NOTE\s+\d+|Item\s+\d|ITEM\s+\d|PART\s+I|Part\s+I)\b"
                           r"|\n[ \t]*[A-Z][A-Za-z ,&'-]{2,60}\n")

# A note that ends its title with its subsequent events ("Note 5. Lease Commitments and Subsequent
# Event"): there only the paragraphs that open "Subsequent to year-end" tell them.
_COMBINED_HEADING = re.compile(r"^[ \t]*note\s+\d+\W{0,3}[ \t]*\w[^\n]{0,80}?\band\s+subsequent\s+events?"
                               r"[ \t]*(?:\(continued\))?[ \t]*$", re.M)
_SUBSEQUENT_TO = re.compile(r"\s*(?:\(\w\)\s*)?(?:also\s+)?subsequent\s+to\s+(?:the\s+)?(?:fiscal\s+)?"
                            r"(?:year[- ]end|end\s+of\s+the|balance\s+sheet\s+date|[a-z]+\s+\d{1,2},\s+\d{4})", re.I)
_NEXT_NOTE = re.compile(r"\n[ \t]*(?:note|item)\s+\d|\n[ \t]*part\s+i")

_CAPTIONS = re.compile(r"(?:[ \t]*\n)+[ \t]*[A-Z][A-Za-z ,&'-]{2,60}[ \t]*(?=\n)")


def _headings(pattern: re.Pattern[str], low: str, text: str) -> Iterator[re.Match[str]]:
    """Where `pattern` is a heading: "Item 4. Submission ...", "Note 9 - Subsequent Events", at
    most a short number or caption before it on its line."""
    for m in pattern.finditer(low):
        begin = text.rfind("\n", 0, m.start()) + 1
        if len(text[begin : m.start()].strip()) <= 20:
            yield m


def _periodic_events(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text, low = doc.text, lowered(doc)
    found: dict[str, Hit] = {}
    for m in _headings(_VOTE_HEADING, low, text):
        body = text[m.end() : m.end() + 600]
        if re.match(r"\W*(?:none|not\s+applicable|there\s+were\s+no\b|no\s+matters)", body, re.I):
            continue
        # a meeting held, with its date: not a table of contents' entry, nor a meeting to be held
        if d := meeting_date(text, m.end(), body):
            found["shareholder_meeting"] = Hit("periodic_vote", "shareholder_meeting", m.start(), m.end())
            yield Hit("meeting_date:periodic", *d)
            break
    notes: list[tuple[Region, re.Pattern[str] | None]] = []
    for m in _headings(_SUBSEQUENT_HEADING, low, text):
        caption = _CAPTIONS.match(text, m.end())  # a caption under the heading ("EARTHLINK")
        at = caption.end() if caption else m.end()
        nxt = _NEXT_HEADING.search(text, at, m.end() + 1200)  # the note ends at the next heading
        notes.append((Region(m.end(), nxt.start() if nxt else min(len(text), m.end() + 1200)), None))
    for m in _SUBSEQUENT_INLINE.finditer(text):
        nxt = _NEXT_HEADING.search(text, m.end(), m.end() + 1200)
        notes.append((Region(m.end(), nxt.start() if nxt else min(len(text), m.end() + 1200)), None))
    for m in _COMBINED_HEADING.finditer(low):
        nxt = _NEXT_NOTE.search(low, m.end(), m.end() + 8000)
        notes.append((Region(m.end(), nxt.start() if nxt else min(len(text), m.end() + 8000)), _SUBSEQUENT_TO))
    for note, opening in notes:
        for start, para in _paragraphs(doc, note):
            if opening is not None and not opening.match(para):
                continue
            lowpara = low[start : start + len(para)]
            for t, pattern in _IN_NOTES:
                if t.name in found or not any(n in lowpara for n in t.needles):
                    continue
                if hit := pattern.search(para):
                    found[t.name] = Hit("subsequent_events", t.name, start + hit.start(), start + hit.end())
    yield from found.values()


def _news_events(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """A current report's items, and the events its news tells (a release's opening, the items'
    own text), with the details of each event found."""
    if filing.kind is Kind.UNKNOWN and release_region(doc) is None:
        return  # a document on its own reports news only as a press release
    found: dict[str, Hit] = {}
    if filing.kind in (Kind.CURRENT, Kind.UNKNOWN):
        form = form_region(doc)
        items = reported_items(doc)
        for m in items:
            name = _item_event(doc, m, items, form.end)
            if name and name not in found:
                found[name] = Hit("item", name, m.start, m.code_end)
    news = _news(doc, filing)
    body = _release_body(doc)
    aside: dict[str, Hit] = {}  # told in a release's body: news unless the release is of earnings
    for region, scan in news:
        if not scan:
            continue
        for start, para in _paragraphs(doc, region):
            low = lowered(doc)[start : start + len(para)]
            for t in SEARCHED:
                if t.name in found or (scan is not True and t.name not in scan) \
                        or not any(n in low for n in t.needles):
                    continue
                if hit := _told(t, para):
                    h = Hit("keywords", t.name, start + hit.start(), start + hit.end())
                    if not t.in_earnings and body.start <= h.start < body.end:
                        aside.setdefault(t.name, h)
                    else:
                        found[t.name] = h
    if "earnings" not in found:
        found.update((name, h) for name, h in aside.items() if name not in found)
    if found and "other" not in found and filing.kind is Kind.CURRENT and release_region(doc) is None:
        # an "Other Events" item beside items that name their events, reporting none of its own
        # (an audit committee expert designated beside a meeting's votes)
        for m in reported_items(doc):
            if m.code in _OTHER_EVENTS and not _tells_any(doc, Region(m.end, min(form_region(doc).end, m.start + 1200))):
                found["other"] = Hit("other", "other", m.start, m.code_end)
                break
    if not found and news and filing.kind in (Kind.CURRENT, Kind.FOREIGN):
        fd = _has_item_heading(doc, _ITEM_701)
        region = news[0][0]
        name = "operating_update" if fd and not _has_item_heading(doc, _ITEM_801) else "other"
        found[name] = Hit(name, name, region.start, _word_end(doc.text, region, EVIDENCE_CHARS))
    yield from found.values()
    yield from _details(doc, [r for r, _ in news], set(found))


_OTHER_EVENTS = ("8.01", "5")  # "Other Events", in both numberings
EVIDENCE_CHARS = 40  # the opening of the news an event without words of its own points at


def _word_end(text: str, region: Region, chars: int) -> int:
    """The end of the region's first `chars` characters, on to the end of the word they cut
    (a highlight never ends inside a word)."""
    end = min(region.end, region.start + chars)
    while end < region.end and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return end


def _tells_any(doc: Document, region: Region) -> bool:
    """Whether an item's text tells an event of the taxonomy, or leaves it to a release it cites."""
    if re.search(r"press\s+release|exhibit\s+99", doc.text[region.start : region.end], re.I):
        return True
    return any(_told(t, para) for _, para in _paragraphs(doc, region) for t in SEARCHED)


def _release_body(doc: Document) -> Region:
    """A press release after its headline: from the dateline on (empty without a release)."""
    release = release_region(doc)
    if release is None:
        return Region(0, 0)
    dl = find_dateline(doc, release)
    return Region(dl.start() if dl else release.start, release.end)


def _details(doc: Document, news: list[Region], events: set[str]) -> Iterator[Hit]:
    """Each reported event's details, read in every stretch of news (each finder once)."""
    finders = []
    for t in EVENT_TYPES:  # in their declared order
        if t.name in events and t.details is not None and t.details not in finders:
            finders.append(t.details)
    text = doc.text
    for region in news:
        chunk = text[region.start : region.end]
        for find in finders:
            yield from find(text, region.start, chunk)


# `^[ \t]*ITEM[ \t]+7.01\b`, case-insensitive: searched in the lowered text.
_ITEM_701 = re.compile(r"item[ \t]+7\.01\b")
_ITEM_801 = re.compile(r"item[ \t]+8\.01\b")


def _has_item_heading(doc: Document, core: re.Pattern[str]) -> bool:
    return next(line_start_matches(core, lowered(doc), doc.text, 0, len(doc.text)), None) is not None

def _form_events(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """A filing whose form is its event (a prospectus and its offering), with the form's name as
    evidence; a header alone, with no document under it, reports nothing."""
    if doc.parts and not any(p.kind == "document" for p in doc.parts):
        return
    for form, name in FORM_EVENTS:
        if filing.form.startswith(form):
            if t := (doc.header or {}).get("form_type"):
                yield Hit("form", name, t[1], t[2])
            elif m := form_title(doc):
                yield Hit("form", name, form_name(doc, m)[1], m.end(1))
            return


_EVENT_TYPE = {"item": 0.8, "keywords": 0.7, "other": 0.4, "operating_update": 0.4}

RULES = (
    Rule("events.periodic", _periodic_events, where=Where.DOCUMENT, kinds=frozenset({Kind.PERIODIC}),
         outputs=outputs("events", event_type={"periodic_vote": 0.7, "subsequent_events": 0.55},
                         meeting_date={"meeting_date:periodic": 0.7})),
    # registration statements and prospectuses: the offering they are for
    Rule("events.form", _form_events, where=Where.DOCUMENT, kinds=frozenset({Kind.OTHER}),
         outputs=outputs("events", event_type={"form": 0.7})),
    # proxies, registrations, ownership reports: their items are not news
    Rule("events.news", _news_events, where=Where.DOCUMENT,
         kinds=frozenset({Kind.CURRENT, Kind.FOREIGN, Kind.UNKNOWN}),
         outputs={**outputs("events", event_type=_EVENT_TYPE), **detail_outputs()}),
)
