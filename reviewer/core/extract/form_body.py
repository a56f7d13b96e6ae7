"""Rules that read the body of a form: 8-K items, exhibit lists and numbers (the signature
block: signature.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import NEW_ITEMS_FROM, NOT_APPLICABLE, Filing, Kind, reported_items
from .items import item_code
from .regions import Region, cells, iter_lines, line_start_matches, lowered, release_region
from .rules import Hit, Rule, outputs

# `(?:^|\t)[ \t]*` before it, case-insensitive: searched in the lowered text (line_start_matches).
EXHIBIT_SECTION = (
    re.compile(r"item\s+(?:9\.01|7\b)"),
    re.compile(r"exhibit(?:\s+index|s?\b[ \t]*$)", re.M),
    re.compile(r"index\s+to\s+exhibits"),
    re.compile(r"\([cd]\)\s*exhibits"),
)
# An exhibit number as lists write it: 99.1, 99.01, 104, 3.1(a), 10.A.50, 4.1.1, 10aa, the XBRL set's
# 101.INS ... 101.PRE; an amendment's suffix after a dotted number (10.A.3-1) or a letter set on it
# (4.1b). A compensatory "*" before it or footnote marks after it ("*", "32.1#", "10.5*†", "31.1+")
# are no part of the number.
_MARKS = r"[*#†‡+^]{0,3}"
_XBRL = r"101\.(?-i:INS|SCH|CAL|DEF|LAB|PRE)(?![\w.])"
_DOTTED = r"(?<=\.\d)|(?<=\.\d\d)"  # right after a dotted number's digits
# Older indexes letter their numbers instead ("10a", "10aa", "10x(i)": GTE, Bell Atlantic,
# Verizon), never an ordinal ("2nd Amended ...").
_LETTERED = (r"\d{1,3}(?-i:(?!(?:st|nd|rd|th)(?![a-z]))[a-z]{1,2})(?:\((?-i:[ivx]{1,4})\))?"
             r"(?:\((?-i:[a-z])\))?(?![\w.])")
# Some indexes join the number's parts with a hyphen ("3-1", "10-1": P&G, GTE): kept as written.
# Digits on both sides, so "10-K" or "8-K" (a form's name) never reads as one; in a table, only
# before a capital ("1-5 | years" is a range).
_HYPHENATED = r"\d{1,3}-\d{1,2}(?![\w.-])"
_EXNO = (rf"(?:{_XBRL}|{_LETTERED}|{_HYPHENATED}|\d{{1,3}}(?:\.[A-Z](?=\.\d))?(?:\.\d{{1,3}}){{0,2}}"
         rf"(?:(?:{_DOTTED})(?:-\d{{1,2}}(?!\d|\.\d)|(?-i:[a-z])(?![A-Za-z\d])))?(?:\((?-i:[a-z])\))?)")
EXHIBIT_NO = re.compile(rf"^(?:Exhibit\s+(?:No\.\s*)?)?\*{{0,2}}({_EXNO}){_MARKS}\s*[-–—:.]?$", re.I)
# Apple's lists set a column of notes between the number and its description: where an
# incorporated copy was filed ("88-S3", "94/2Q", "93K-10.A.15"), "(1)", or the compensatory "**".
_NOTE = r"(?-i:\(\d{1,2}\)|\*{1,3}|\d{2}[\w./-]{0,6}[A-Z/][\w./-]{0,10})(?:[ \t]?\*{1,3})?"
NOTE_CELL = re.compile(_NOTE)
EXHIBIT_LINE = re.compile(
    rf"^[ \t]*(?:\(\w\)\s*)?(?:Exhibit\s+(?:No\.\s*)?)?\*{{0,2}}(?P<no>{_EXNO}){_MARKS}[ \t]*[-–—:.]?[ \t]+"
    rf"(?:{_NOTE}[ \t]{{2,}})?(?P<desc>(?-i:[A-Z“\"($]|\d[\d,.-]*[ -](?-i:[A-Z]))[^\n]*)",
    re.I | re.M)
# Older Ford-style designations, always with the word: "Exhibit 3-A", "Exhibit 10-E-1" (a letter
# after a hyphen, where "10-K" alone would be a form's name).
EXHIBIT_LETTERED = re.compile(
    rf"^[ \t]*Exhibit[ \t]+(?P<no>\d{{1,2}}-[A-Z](?:-\d{{1,2}})?){_MARKS}[ \t]*[-–—:.]?[ \t]+"
    r"(?P<desc>(?:[A-Z“\"(]|\d[\d,.-]*[ -][A-Z])[^\n]*)", re.M)
# A tender offer schedule's exhibits (Schedule TO, 14D-9, 13E-3) are lettered by the item of
# Regulation M-A they answer: "(a)(1)(A)*  Offer to Purchase", "(d)(2)  Form of Agreement", "(e)(6)(1)  Form of ...".
_SCHEDULE_NO = r"\([a-z]\)\(\d{1,2}\)(?:\([A-Z]{1,2}\)|\([ivx]{1,4}\)|\(\d{1,2}\))?"
_SCHEDULE_NUMBER = re.compile(_SCHEDULE_NO)
EXHIBIT_SCHEDULE = re.compile(rf"^[ \t]*(?P<no>{_SCHEDULE_NO}){_MARKS}[ \t]+(?P<desc>[^\n]+)", re.M)
# Numbers in parentheses, their sub-letters beside them or on the lines below: "(3)  (a) Articles",
# "(b) By-Laws", "(10) *(a) ...", "(31.1) Rule 13a-14(a)" -> 3(a), 3(b), 10(a), 31.1.
EXHIBIT_PARENS = re.compile(
    r"^[ \t]*(?=\*{0,2}\()(?:\((?P<no>\d{1,3}(?:\.\d{1,2})?)\)[ \t]*)?\*{0,2}(?:\((?P<sub>[a-z])\)[ \t]*)?"
    r"(?P<desc>(?:[A-Z“\"]|\d[\d,.-]*[ -][A-Z])[^\n]*)", re.M)
# A footnote under a list, not an entry: "(1) Incorporated by reference to ...", "(2) Filed herewith".
_FOOTNOTE = re.compile(r"(?:incorporated|filed|furnished|previously|management\s+contract|compensatory|confidential"
                       r"|indicates|denotes|represents|copies|see\b|th(?:e|is|ese)\b|includ|in\b|as\b|on\b|pursuant)"
                       r"|.*(?:exhibit|:[ \t]*$)", re.I)
# `^[ \t]*` before it, case-insensitive: searched in the lowered text.
EXHIBIT_HEADING = re.compile(r"exhibit[ \t]+(\d{1,3}(?:\.\d{1,2})?)[ \t]*(?:$|\t)", re.M)
EXHIBIT_ALONE = re.compile(r"^[ \t]*(\d{1,3}\.\d{1,2}|\d{2,3})[ \t]*\n(?:[ \t]*\n)?[ \t]*[A-Z“\"]", re.M)
# A column of numbers alone on their lines, their descriptions laid out elsewhere (a PDF's table).
EXHIBIT_COLUMN = re.compile(r"^[ \t]*(\d{1,3}(?:\.\d{1,2})?)[ \t]*$", re.M)
# The caption line right above such a column: "Number", "Exhibit No.", "Exhibit Number".
COLUMN_CAPTION = re.compile(r"(?:Exhibit\s+)?(?:Number|No\.?)", re.I)


def plausible_exhibit(number: str) -> bool:
    """Item 601 of Regulation S-K numbers exhibits 1 to 36 and 95 to 107 (old forms the same range):
    a "364" or a "100" at the start of a line is a description's word or an address, not an exhibit."""
    if _SCHEDULE_NUMBER.fullmatch(number):
        return True
    m = re.match(r"\d+", number)
    major = int(m.group()) if m else 0
    return 1 <= major <= 36 or 95 <= major <= 99 or 101 <= major <= 110


def _items(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """The items an 8-K reports: its item headings, else those its header lists."""
    if not filing.reads_items:
        return
    found = [Hit("item_heading", h.code, h.code_start, h.code_end) for h in reported_items(doc)]
    if found:
        yield from found
        return
    h = doc.header or {}
    old_style = bool(filing.filed) and filing.filed < NEW_ITEMS_FROM
    for key in ("items", "item_information"):
        for value, start, end in h.get(key) or []:
            if code := item_code(value, old_style):
                yield Hit(key, code, start, end)


# A periodic report's exhibits item: "Item 6. Exhibits", "Item 14. Exhibits, Financial Statement
# Schedules ...", "Item 19. Financial Statements and Exhibits". `^[ \t]*` before it, in the lowered text.
EXHIBITS_ITEM = re.compile(r"item\s+\d{1,2}[.:]?\s*(?:[a-z,]+\s+){0,3}exhibits")
# The item's own sub-captions, numbered like entries: "(a) 1. Financial Statements", "3. Exhibits".
_NOT_ENTRY = re.compile(r"financial\s+statement|exhibits\b|reports?\s+on\s+form|(?:documents|items)\s+filed",
                        re.I)
# A numbered paragraph of a contract or a prospectus, not an entry: a sentence ends and another
# begins on its first line ("4.  Effect of Competition.  The Company faces ...").
_PARAGRAPH = re.compile(r"(?:[a-z]{3,}|[A-Z]{3,})\s?\.\s+[A-Z][a-z]+\s+[A-Za-z]")
# A page number alone on its line, the page's running head or a heading below it.
_PAGE_FOOT = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:Table\s+of\s+Contents|[A-Z][A-Z0-9&.,'’ -]{7,}$)", re.M)
# The list ends at the signatures, the next item, the old "(b) Reports on Form 8-K", or the heading
# of an exhibit's own document ("EXHIBIT 10.17" alone on its line).
_SECTION_STOP = re.compile(r"^[ \t]*(?:SIGNATURES?[ \t]*$|Item\s+\d|(?:\([a-z]\)\s*)?Reports\s+on\s+Form\s+8-K"
                           r"|EXHIBIT\s+\d{1,3}(?:\.\d{1,2})?[ \t]*$)",
                           re.I | re.M)
# A number that a narrow column wraps ("10.A.15-  (1)  1993 Executive" / "1    Stock Plan"): its
# tail after the hyphen, and (searched up to a line's start) the head on the line before.
_WRAPPED = re.compile(r"-[^\n]*\n[ \t]*(\d{1,2})[ \t]{2,}\S")
_WRAP_HEAD = re.compile(r"[ \t]*\d{1,3}(?:\.[A-Z\d]{1,3})+-[ \t][^\n]*\n")
_SECTION_CHARS = 1500  # an exhibit list is read this far past its heading, and on while entries go on


def _exhibits(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    documents = []
    for part in doc.parts:  # documents of the submission that are exhibits
        m = re.match(r"EX-(\d{1,3}(?:\.\d{1,2})?)$", part.type)
        if m and not part.type.startswith("EX-101"):
            at = text.find(part.type, part.start, part.start + 200)
            if at >= 0:
                documents.append(Hit("exhibit_document", m.group(1), at + 3, at + len(part.type)))
    low = lowered(doc)
    release = release_region(doc)
    listed = [Hit("exhibit_heading", m.group(1), m.start(1), m.end(1))
              for _, m in line_start_matches(EXHIBIT_HEADING, low, text, 0, len(text))
              if plausible_exhibit(m.group(1)) and not _release_schedule(m, release)]
    starts = [(at, m.end()) for at, m in line_start_matches(EXHIBIT_SECTION, low, text, region.start, region.end,
                                                           after_tab=True) if not _continues_sentence(text, at)]
    starts += [(at, m.end()) for at, m in line_start_matches(EXHIBITS_ITEM, low, text, region.start, region.end)]
    read = -1  # a heading inside a list read already (each page of a long index repeats it) is not read again
    for sec_start, heading_end in sorted(starts):
        if sec_start >= read:
            entries, read = _exhibit_section(doc, sec_start, heading_end, region.end)
            listed += entries
    numbers = {c.value for c in listed}
    for c in documents:  # "<TYPE>EX-10" holding the listed 10.A.50 and 10.A.51: a type, not a number
        if c.value in numbers or not any(n.startswith((c.value + ".", c.value + "(")) for n in numbers):
            yield c
    yield from listed


def _release_schedule(m: re.Match[str], release: Region | None) -> bool:
    """"Exhibit 1" over a table inside a press release: the release's own schedule (its income
    statement, its store count), not an exhibit to the filing."""
    return release is not None and release.start <= m.start() < release.end and m.group(1).isdigit() \
        and int(m.group(1)) < 10


def _continues_sentence(text: str, line_start: int) -> bool:
    """A line that goes on from a line of prose ending in a small word ("... and the" / "Exhibits
    thereto filed with ...") is not a heading."""
    prev_end = text.rfind("\n", 0, line_start)
    prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1 : max(prev_end, 0)]
    return bool(re.search(r"\b[a-z]{2,}[ \t]*$", prev))


def _exhibit_section(doc: Document, start: int, heading_end: int, limit: int) -> tuple[list[Hit], int]:
    """The entries of an exhibit list, read on past its first 1500 characters while entries go on
    (a 10-K's index runs over pages), and where its last entry ends; a list that has not begun within
    3000 characters is none."""
    text = doc.text
    found: list[Hit] = []
    pos = start
    while pos < limit:
        hi = min(limit, max(pos, heading_end) + _SECTION_CHARS)
        if hi < limit:  # whole lines: an entry is never cut between two reads
            hi = max(text.rfind("\n", pos, hi), pos + 1)
        stop = _SECTION_STOP.search(text, max(pos, heading_end + 1), hi)
        end = stop.start() if stop else hi
        entries = _exhibit_entries(doc, pos, end)
        found += entries
        if stop or (entries and max(c.end for c in entries) < end - 800):
            break
        if not entries and (found or end - start > 2 * _SECTION_CHARS):
            break  # an item's financial statements may come first: its list is read up to 3000 on
        pos = end
    return found, max((c.end for c in found), default=start + 1)


# An Item 601 number listed only to say that no such document is filed: "2  Omitted - Inapplicable."
_OMITTED = re.compile(r"omitted\b[\s\-–—:.,;]*(?:$|(?:not\s+|in)applicable|none\b|n/?a\b)", re.I)


def _not_filed(desc: str) -> bool:
    return bool(NOT_APPLICABLE.match(desc) or _OMITTED.match(desc))


def _is_entry(desc: str) -> bool:
    return not _not_filed(desc) and not _NOT_ENTRY.match(desc) and not _PARAGRAPH.search(desc)


def _exhibit_entries(doc: Document, start: int, end: int) -> list[Hit]:
    text = doc.text
    out = []
    for m in EXHIBIT_ALONE.finditer(text, start, end):  # the number alone, its text below
        if "." in m.group(1) or not _PAGE_FOOT.match(text, m.end(1)):
            out.append(Hit("exhibit_list:alone", m.group(1), m.start(1), m.end(1)))
    for m in EXHIBIT_LINE.finditer(text, start, end):
        if not _is_entry(m.group("desc")):
            continue
        no, stop = m.group("no"), m.end("no")
        # a narrow column wraps "10.A.15-" / "1": the number's last digits begin the next line
        tail = _WRAPPED.match(text, stop) if "." in no else None
        if tail:
            no, stop = f"{no}-{tail.group(1)}", tail.end(1)
        out.append(Hit("exhibit_list", no, m.start("no"), stop))
    for pattern in (EXHIBIT_LETTERED, EXHIBIT_SCHEDULE):
        for m in pattern.finditer(text, start, end):
            if _is_entry(m.group("desc")):
                out.append(Hit("exhibit_list", m.group("no"), m.start("no"), m.end("no")))
    out += _parenthesized(text, start, end)
    column: list[tuple[int, str]] = []
    captioned, previous = False, ""
    for pos, line in iter_lines(text, start, end):
        row = cells(line, pos)
        for i, (cstart, cell) in enumerate(row):
            if split := _split_number(row, i):
                out.append(split)
                continue
            em = EXHIBIT_NO.match(cell)
            if not em or i + 1 >= len(row):
                continue
            desc = row[i + 2][1] if NOTE_CELL.fullmatch(row[i + 1][1]) and i + 2 < len(row) else row[i + 1][1]
            if re.match(r"[A-Z“\"]" if re.fullmatch(_HYPHENATED, em.group(1)) else r"[A-Za-z“\"]", desc) \
                    and not _not_filed(desc) and not _NOT_ENTRY.match(desc):
                out.append(Hit("exhibit_table", em.group(1), cstart + em.start(1), cstart + em.end(1)))
        if not line.strip():
            continue
        cm = EXHIBIT_COLUMN.match(line)
        if cm:
            if not column:
                captioned = bool(COLUMN_CAPTION.fullmatch(previous))
            column.append((pos + cm.start(1), cm.group(1)))
            continue
        out += _exhibit_column(column, captioned)
        column, previous = [], line.strip()
    out += _exhibit_column(column, captioned)
    return [c for c in out if plausible_exhibit(c.value) and not _wrapped_tail(text, c.start)]


# A table that aligns numbers on the dot sets the decimals (and footnote marks) in a cell of their own:
# "3 | .1 | — | Restated Certificate", "10 | .7*† | — | Amendment No. 2", "21 | † | — | Subsidiaries"
# -> 3.1, 10.7, 21.
_SPLIT_TAIL = re.compile(rf"(?=\S)(?:\.(\d{{1,2}}))?{_MARKS}")


def _split_number(row: list[tuple[int, str]], i: int) -> Hit | None:
    cstart, cell = row[i]
    if not re.fullmatch(r"\d{1,3}", cell) or i + 2 >= len(row) or not (tail := _SPLIT_TAIL.fullmatch(row[i + 1][1])):
        return None
    desc = row[i + 3][1] if re.fullmatch(r"[-–—]", row[i + 2][1]) and i + 3 < len(row) else row[i + 2][1]
    if not re.match(r"[A-Za-z“\"]", desc) or _not_filed(desc) or _NOT_ENTRY.match(desc):
        return None
    if tail.group(1) is None:
        return Hit("exhibit_table", cell, cstart, cstart + len(cell))
    return Hit("exhibit_table", f"{cell}.{tail.group(1)}", cstart, row[i + 1][0] + 1 + len(tail.group(1)))


def _wrapped_tail(text: str, at: int) -> bool:
    """Whether the number at `at` begins its line below a wrapped number's head ("10.A.15-")."""
    line = text.rfind("\n", 0, at) + 1
    if line == 0 or text[line:at].strip():
        return False
    return _WRAP_HEAD.fullmatch(text, text.rfind("\n", 0, line - 1) + 1, line) is not None


def _parenthesized(text: str, start: int, end: int) -> list[Hit]:
    """Entries numbered in parentheses, a letter beside the number or below it naming its parts:
    "(3) (a) Articles" then "(b) By-Laws" -> 3(a), 3(b) (a joined value's span is its number and
    letter, or the letter alone). Not the "(1)", "(2)" of footnotes, an entry marked not applicable
    below it, or the Item 601 reference numbers of a table whose exhibit numbers stand elsewhere."""
    out: list[Hit] = []
    number, letter, number_at = "", "", 0
    found = list(EXHIBIT_PARENS.finditer(text, start, end))
    for k, m in enumerate(found):
        no, sub, desc = m.group("no"), m.group("sub"), m.group("desc")
        if no is None and not (number and sub and letter and ord(sub) == ord(letter) + 1):
            continue  # a letter alone goes on its number's letters, in order
        if no is not None:
            number, number_at = no, m.start("no")
        letter = sub or ""
        below = text[m.end() : found[k + 1].start() if k + 1 < len(found) else min(end, m.end() + 400)]
        if not _is_entry(desc) or _FOOTNOTE.match(desc) or NOT_APPLICABLE.search(below.lstrip()):
            continue
        at, stop = (number_at, number_at + len(number)) if no is not None or not sub else m.span("sub")
        if sub:
            stop = max(stop, m.end("sub") + 1)
        out.append(Hit("exhibit_list", f"{number}({sub})" if sub else number, at, stop))
    majors = sorted({int(c.value.split("(")[0].split(".")[0]) for c in out})
    if majors and majors == list(range(1, len(majors) + 1)):
        return []  # (1), (2), (3): footnotes or an item's own parts
    if out and re.search(r"item\s+601", text[max(start, out[0].start - 800) : out[0].start], re.I):
        return []
    return out


def _exhibit_column(column: list[tuple[int, str]], captioned: bool) -> list[Hit]:
    """Numbers alone on consecutive lines ("99.1" / "104"), one of them with a dot, or under the
    column's caption ("Exhibit" / "Number" / "101" / "104"): a PDF table's number column printed
    apart from its descriptions. One number alone, uncaptioned, is a page number."""
    if not captioned and (len(column) < 2 or not any("." in number for _, number in column)):
        return []
    return [Hit("exhibit_column", number, at, at + len(number)) for at, number in column]


RULES = (
    Rule("form.items", _items, kinds=frozenset({Kind.CURRENT, Kind.UNKNOWN}), outputs={
        **outputs("form", item={"item_heading": 0.92}),
        **outputs("header", item={"items": 0.85, "item_information": 0.75})}),
    Rule("form.exhibits", _exhibits, outputs=outputs("form", exhibit={
        "exhibit_document": 0.9, "exhibit_heading": 0.85, "exhibit_list": 0.85, "exhibit_table": 0.85,
        "exhibit_list:alone": 0.8, "exhibit_column": 0.75})),
)
