"""Where fields live: the form (cover, items, signature) and the press release; lines and cells.

Rules read only their region, so a 10-K's hundred pages are not searched for a cover field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..document import Document

COVER_CHARS = 12_000  # a cover page fits in this many characters of text
_RELEASE_HEADING = re.compile(
    r"^[ \t]*(?:EX-99[.\d]*\s*\d*\s*\S*\s*EX-99[.\d]*|EXHIBIT\s+99(?:\.0?\d+)?|Exhibit\s+99(?:\.0?\d+)?)"
    r"[ \t]*$", re.M)
# Case-insensitive, in the lowered text: a SIGNATURES heading (`^[ \t]*` before it) or the sentence.
_SIGNATURES_HEADING = re.compile(r"signatures?[ \t]*$", re.M)
_SIGNED_SENTENCE = re.compile(r"caused\s+this\s+report\s+to\s+be\s+signed")
DATELINE_DATE = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,?\s*(?:19|20)\d\d)?)"
)
# "Seoul and New York, November 27, 2002 - ", "CUPERTINO, California--January 19, 2000--",
# "KEARNEY, NE -- (BUSINESS WIRE) --", "ATLANTA -", "OAKLAND, Calif.—" (the dash set close), "SCOTTSDALE, Ariz., Jan. 10, 2005 /PRNewswire/ --"
# Dashes as filings set them: hyphens, en and em dashes, the horizontal bar and the minus sign
# (PDF text layers) all stand between a dateline and its first sentence.
_DASH = "—–―−"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.'&]*(?:[ ,]+(?:and\s+)?[A-Z][A-Za-z.'&]*){0,5}?)"
    rf"(?:\s*[,(]\s*|\s*[-{_DASH}]+\s*|\s*)"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<date>{DATELINE_DATE})\s*\)?\s*)?"
    r"(?P<wire>/\s*\w[\w -]*\s*/\s*|\(?\s*(?:BUSINESS\s+WIRE|PRNewswire[\w-]*|GLOBE\s*NEWSWIRE"
    r"|Marketwire|ACCESSWIRE)\s*\)?\s*)?"
    # "-TASER International" right after a date: a hyphen that lost its space
    rf"(?:(?:--|[{_DASH}])\s*|-\s+|(?(date)-(?=[A-Z])|(?!)))",
    re.M,
)


@dataclass(frozen=True, slots=True)
class Region:
    start: int
    end: int

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


def once_per_document(fn: Callable[[Document], Any]) -> Callable[[Document], Any]:
    """Every rule set asks for the same regions: compute each once per document."""

    @functools.wraps(fn)
    def cached(doc: Document) -> Any:
        if fn.__name__ not in doc.derived:
            doc.derived[fn.__name__] = fn(doc)
        return doc.derived[fn.__name__]

    return cached


@once_per_document
def form_region(doc: Document) -> Region:
    """The form itself: a submission's first shown document, else the file; in either, up to a
    press release that follows the form's signature."""
    for part in doc.parts:
        if part.kind == "document" and part.shown:
            form = Region(part.start, part.end)
            release = _embedded_release_start(doc, form, headed_only=False)
            return Region(form.start, release) if release is not None else form
    body = Region(0, len(doc.text))
    release = _embedded_release_start(doc, body)
    return Region(0, release) if release is not None else body


def cover_region(doc: Document) -> Region:
    form = form_region(doc)
    return Region(form.start, min(form.end, form.start + COVER_CHARS))


def _signed(doc: Document, region: Region) -> int | None:
    """Where the form's signature block is: a SIGNATURE heading that a signature follows (a
    table of contents lists the heading too), or the 'caused this report to be signed' sentence."""
    text, low = doc.text, lowered(doc)
    ends = [(m.start(), m.end()) for m in _SIGNED_SENTENCE.finditer(low, region.start, region.end)]
    ends += [(start, m.end()) for start, m in line_start_matches(
        _SIGNATURES_HEADING, low, text, region.start, region.end)]
    for _, end in sorted(ends):
        if re.search(r"/s/|\bBy:", text[end : end + 800], re.I):
            return end
    return None


# What opens a release that stands after a form's signature with no "Exhibit 99" heading of its
# own: a release line ("FOR RELEASE ON: May 5, 2015", "NEWS RELEASE") or a contact caption.
_RELEASE_OPENING = re.compile(
    r"^[ \t]*(?:FOR\s+(?:IMMEDIATE\s+)?RELEASE|For\s+(?:Immediate\s+)?Release|NEWS\s+RELEASE|PRESS\s+RELEASE"
    r"|News\s+Release|Press\s+Release[ \t]*$|CONTACTS?\s*:|Contacts?\s*:)", re.M)
# The lines of a signature block: "/s/ ...", "By:", "Name:", "Title:", "Date:".
_SIGNATURE_LINE = re.compile(r"/s/|^[ \t]*(?:By|Name|Title|Dated?|Its)\b\s*:?", re.I | re.M)


def _end_of_signature_block(doc: Document, signed: int, limit: int) -> int:
    """Where the signature block that starts at `signed` ends: the first blank line after its
    last "/s/", "By:", "Name:" or "Title:" line (the typed name and title follow at once)."""
    text = doc.text
    stop = min(limit, signed + 1500)
    last = signed
    for m in _SIGNATURE_LINE.finditer(text, signed, stop):
        last = m.end()
    blank = re.compile(r"\n[ \t]*\n").search(text, last, limit)
    return blank.end() if blank else last


def _embedded_release_start(doc: Document, region: Region, headed_only: bool = True) -> int | None:
    """Where a press release starts after the form's signatures (a PDF of the whole filing, an
    old submission whose release follows the signature in the same document): an exhibit 99
    heading that a release follows at once (not an entry of a contents or an index), else a
    page (or, in a text, the stretch after the signature block) that opens as a release does."""
    signed = _signed(doc, region)
    if signed is None and not headed_only:
        return None
    after = signed if signed is not None else region.start + 1500
    for m in _RELEASE_HEADING.finditer(doc.text, after, region.end):
        ahead = Region(m.start(), min(region.end, m.start() + 1500))
        if find_dateline(doc, ahead) is not None or _looks_like_release(doc, ahead):
            page = doc.part_at(m.start())  # a PDF page's contact block may stand above the heading
            if (page is not None and page.kind == "page" and m.start() - page.start < 1000
                    and not re.search(r"/s/|\b(?:Name|Title|By):", doc.text[page.start : m.start()])):
                return max(page.start, after)
            return m.start()
    if signed is None:
        return None
    pages = [p for p in doc.parts if p.kind == "page" and signed < p.end and p.start < region.end]
    if pages:  # a page after the signature's page that opens as a release
        for page in pages:
            if page.start < signed:
                continue
            head = Region(page.start, min(region.end, page.end, page.start + 1500))
            if _RELEASE_OPENING.search(doc.text, head.start, head.end) or _release_dateline(doc, head):
                return page.start
        return None
    start = _end_of_signature_block(doc, signed, region.end)
    head = Region(start, min(region.end, start + 4000))
    if _dated_dateline(doc, head) or (_RELEASE_OPENING.search(doc.text, head.start, head.end)
                                      and find_dateline(doc, head) is not None):
        return start
    return None


def _dated_dateline(doc: Document, region: Region) -> bool:
    dl = find_dateline(doc, region)
    return dl is not None and bool(dl.group("date") or dl.group("wire"))


def _release_dateline(doc: Document, region: Region) -> bool:
    """A dateline that opens a release, also an undated one before "announced today" or
    "(NYSE: X)" ("OAKLAND, Calif.— Acme Company (Acme) announced today ...")."""
    dl = find_dateline(doc, region)
    return dl is not None and _opens_release(doc, dl)


# Exhibit types that carry a press release: EX-99 (additional exhibits) and, in older filings,
# EX-20 (other documents or statements to security holders).
_RELEASE_EXHIBIT = re.compile(r"EX-(?:99|20)(?![\d])")


@once_per_document
def release_region(doc: Document) -> Region | None:
    """The first press release: a submission's EX-99 (or EX-20) document, or one inside the
    form after its signature, or one inside a standalone file."""
    exhibits = [p for p in doc.parts if p.kind == "document" and p.shown and _RELEASE_EXHIBIT.match(p.type)]
    for part in exhibits:
        region = Region(part.start, part.end)
        if find_dateline(doc, region) is not None or _looks_like_release(doc, region) \
                or _undated_release(doc, region):
            return region
    documents = [p for p in doc.parts if p.kind == "document" and p.shown]
    if documents:
        form = form_region(doc)
        first = Region(documents[0].start, documents[0].end)
        if form.end < first.end:  # a release after the form's signature, in the same document
            return Region(form.end, first.end)
        if exhibits:
            return None
        # a release quoted inside the form (old 8-K Item 5), or a 6-K whose form is the release
        dl = find_dateline(doc, form)
        return form if dl is not None and (_opens_release(doc, dl) or _looks_like_release(doc, form)) else None
    body = Region(0, len(doc.text))
    start = _embedded_release_start(doc, body)
    if start is not None:
        region = Region(start, len(doc.text))
        return region if find_dateline(doc, region) is not None or _looks_like_release(doc, region) \
            or _undated_release(doc, region) else None
    dl = find_dateline(doc, body)
    if _looks_like_release(doc, body) or (dl is not None and dl.start() < 3000 and _opens_release(doc, dl)):
        return body
    if dl is None and _undated_release(doc, body):
        return body
    return None


# What a release with no dateline and no release line still shows (a company's own PDF of its
# results): a contacts caption with a person's e-mail or telephone under it, a listing
# ("NYSE: AMCR; ASX: AMC", "(Nasdaq: ACME)"), and news told as news ("today declared",
# "today announced"). Two of the three, in a file that is no SEC form.
_CONTACT_CAPTION = re.compile(r"^[ \t]*(?:media\s+|investors?\s+|press\s+)?contacts?(?:\s+information)?\s*:?[ \t]*$"
                              r"|^[ \t]*contacts?\s*:", re.M | re.I)
_REACH = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\(?\d{1,3}\)?[ .-]\d{3}[ .-]\d{4}|\+\d{1,3}(?:[ .]\d{1,4}){2,4}")
_LISTING = re.compile(r"(?:^|[(;,])[ \t]*(?:NYSE|NASDAQ|Nasdaq|ASX|TSX|LSE|AMEX)\s*:\s*[A-Z]{1,6}\b(?=\s*[;,)]|[ \t]*$)",
                      re.M)
_NEWS_TODAY = re.compile(r"\btoday\s+(?:announced|reported|declared|said)\b|\bannounced\s+today\b")


def _undated_release(doc: Document, body: Region) -> bool:
    low = lowered(doc)
    if "securities and exchange commission" in low[body.start : body.start + 5000]:
        return False  # a form: its release, if any, is found after its signature
    end = min(body.end, body.start + 60000)
    contacts = any(_REACH.search(doc.text, m.end(), min(end, m.end() + 400))
                   for m in _CONTACT_CAPTION.finditer(doc.text, body.start, end))
    listed = _LISTING.search(doc.text, body.start, end) is not None
    news = _NEWS_TODAY.search(low, body.start, min(end, body.start + 10000)) is not None
    return contacts + listed + news >= 2


def _opens_release(doc: Document, dl: re.Match[str]) -> bool:
    """A dateline that opens a release: dated, or wired, or before the first sentence's
    "(NYSE: X)" or "today announced"; not a place that merely starts a paragraph."""
    return bool(dl.group("date") or dl.group("wire")
                or _SUBJECT_ANNOUNCES.search(doc.text, dl.end(), dl.end() + 400))


# The first sentence of a release: "PG&E Corporation (NYSE: PCG) recorded", "Acme today announced".
_SUBJECT_ANNOUNCES = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|AMEX|OTC)[^)\n]{0,30}:|\b(?:today|this\s+morning)\s+(?:announced|reported|said)"
    r"|\bannounced\s+today\b")


def _looks_like_release(doc: Document, region: Region) -> bool:
    head = doc.text[region.start : min(region.end, region.start + 3000)]
    return bool(re.search(r"FOR\s+(?:IMMEDIATE\s+)?RELEASE|For\s+Immediate\s+Release|NEWS\s+RELEASE|PRESS\s+RELEASE", head))


_NOT_PLACE = re.compile(
    r"\b(?:GAAP|SUMMARY|CORPORATION|CORP|INC|COMPANY|LTD|TRUST|RESULTS|REPORT|QUARTER|TOTAL|NET|"
    r"REVENUES?|INCOME|STATEMENTS?|FINANCIAL|SECURITIES|COMMISSION|EXCHANGE)\b", re.I)
_COMPANY_START = re.compile(
    r"\s*(?:The\s+)?[A-Z][\w.&'-]*(?:[ ,]+[A-Z][\w.&'-]*){0,4},?\s+(?:Inc|Corp|Co|Company|Ltd|LLC|plc)\b")


def find_dateline(doc: Document, region: Region) -> re.Match[str] | None:
    """The dateline that opens a release's first paragraph, within its first pages."""
    end = min(region.end, region.start + 8000)
    for m in DATELINE.finditer(doc.text, region.start, end):
        place = m.group("place")
        if len(place) < 3 or re.match(r"(?:EXHIBIT|ITEM|DATE|CONTACT|NOTE|SIGNATURE|TABLE|PAGE|FORM)\b",
                                       place, re.I) or _NOT_PLACE.search(place):
            continue
        if not m.group("date") and not m.group("wire"):
            if not place.split(",")[0].isupper() and not _COMPANY_START.match(doc.text, m.end()):
                continue  # an undated dateline: "ATLANTA --", or a place before the company's name
            eol = doc.text.find("\n", m.end(), m.end() + 400)
            if not re.search(r"\b[a-z]{2,}", doc.text[m.end() : eol if eol >= 0 else m.end() + 400]):
                continue  # a heading in capitals ("PART I – FINANCIAL INFORMATION"), not a sentence
        rest = doc.text[m.end() : m.end() + 200]
        # the first sentence's subject, also a name set in lower case before a capital ("eBay Inc.")
        if re.match(r"\s*(?:\(?(?:[A-Z]|[a-z]{1,2}[A-Z])[\w.&,'-]*\s*){1,8}", rest):
            return m
    return None


# -- fast scanning ------------------------------------------------------------------------
# A case-insensitive pattern, or one that begins `^[ \t]*`, is tried at every character of
# the text; one that begins with a literal is searched for by sre's fast literal scan, which
# on a 10-K is ten times quicker. So the hot scans over whole forms search the lowered
# text with a case-sensitive pattern and check the start of the line themselves.


@once_per_document
def lowered(doc: Document) -> str:
    """doc.text in lower case, with the same length (U+0130 is the one character whose
    lower case is two characters), so offsets in it are offsets in the text."""
    return doc.text.replace("\u0130", "I").lower()


def line_start_matches(core: re.Pattern[str] | tuple[re.Pattern[str], ...], haystack: str, text: str,
                       start: int, end: int, after_tab: bool = False
                       ) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of `^[ \t]*CORE` (re.M) in text[start:end], or of `(?:^|\t)[ \t]*CORE` with
    after_tab, as (start of the whole match, match of CORE in `haystack`).

    `haystack` is `text` or lowered(doc). CORE must begin with a character that is neither a
    space nor a tab. A tuple of cores stands for their alternation (the first wins at one
    position): each is searched with its own literal prefix, where `a|b|c` would be tried
    at every character. The same matches as finditer over the anchored pattern, in order
    and without overlaps, but found by searching for CORE alone.
    """
    cores = core if isinstance(core, tuple) else (core,)
    n = len(cores)
    ahead: list[re.Match[str] | None] = [None] * n  # each core's next match from pos
    at = [-1] * n  # where it starts; -1: not searched yet; past `end`: none left
    pos = last = start
    while True:
        best = 0
        for i in range(n):
            if at[i] < pos:
                found = ahead[i] = cores[i].search(haystack, pos, end)
                at[i] = found.start() if found is not None else end + 1
            if at[i] < at[best]:
                best = i
        k = j = at[best]
        if k > end:
            return
        m = ahead[best]
        assert m is not None  # at[best] <= end: its pattern matched there
        while j > last and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] == "\n":
            begin = j
        else:
            begin = text.find("\t", j, k) if after_tab else -1
        if begin < 0:
            pos = k + 1
            continue
        yield begin, m
        pos = last = m.end()


# -- lines and cells ----------------------------------------------------------------------


def iter_lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of text[start:end], offsets into `text`."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, text[pos:stop]
        pos = stop + 1


_CELL_SPLIT = re.compile(r"\t+| {3,}")


def cells(line: str, offset: int) -> list[tuple[int, str]]:
    """Cells of a line: split at tabs (HTML rows) or runs of 3+ spaces (laid-out text)."""
    out = []
    pos = 0
    for m in _CELL_SPLIT.finditer(line):
        piece = line[pos : m.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + pos + lead, piece.strip()))
        pos = m.end()
    piece = line[pos:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        out.append((offset + pos + lead, piece.strip()))
    return out


def is_label(cell: str) -> bool:
    """A form's printed caption: "(Exact name of registrant ...)", "(Zip Code)"."""
    return cell.startswith("(") and (cell.endswith(")") or len(cell) > 12)


def is_rule(line: str) -> bool:
    s = line.strip()
    return bool(s) and set(s) <= set("-_=*~ \t")
