"""Rules that read the body of a form: 8-K items, exhibit lists and numbers, the signature block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .candidate import Candidate
from .cover import form_type_of
from .items import item_code
from .normalize import DATE_RE, clean_text, first_date
from .regions import cells, form_region, is_rule, iter_lines, line_start_matches, lowered

ITEM_HEADING = re.compile(
    r"^[ \t]*ITEM[ \t]*[-–—]?[ \t]*(?P<code>\d{1,2}\.\d{2}|\d{1,2})(?![.\d]*\d)\.?[ \t:\-–—]*(?P<title>[^\n]{0,80})",
    re.I | re.M)
NOT_APPLICABLE = re.compile(r"(?:not\s+|in)applicable|^\s*none\b|^\s*n/?a\b", re.I)
# `(?:^|\t)[ \t]*` before it, case-insensitive: searched in the lowered text (line_start_matches).
EXHIBIT_SECTION = (
    re.compile(r"item\s+(?:9\.01|7\b)"),
    re.compile(r"exhibit(?:\s+index|s?\b[ \t]*$)", re.M),
    re.compile(r"index\s+to\s+exhibits"),
    re.compile(r"\([cd]\)\s*exhibits"),
)
# An exhibit number as lists write it: 99.1, 99.01, 104, 3.1(a), 10.A.50; a compensatory "*"
# before it or a footnote "*"/"**" after it is no part of the number.
_EXNO = r"\d{1,3}(?:\.[A-Z](?=\.\d))?(?:\.\d{1,3})?(?:\([a-z]\))?"
EXHIBIT_NO = re.compile(rf"^(?:Exhibit\s+(?:No\.\s*)?)?\*{{0,2}}({_EXNO})\*{{0,3}}\s*[-–—:.]?$", re.I)
EXHIBIT_LINE = re.compile(
    rf"^[ \t]*(?:\(\w\)\s*)?(?:Exhibit\s+(?:No\.\s*)?)?\*{{0,2}}(?P<no>{_EXNO})\*{{0,3}}[ \t]*[-–—:.]?[ \t]+"
    r"(?P<desc>(?-i:[A-Z“\"($]|\d[\d,.-]*[ -](?-i:[A-Z]))[^\n]*)",
    re.I | re.M)
# `^[ \t]*` before it, case-insensitive: searched in the lowered text.
EXHIBIT_HEADING = re.compile(r"exhibit[ \t]+(\d{1,3}(?:\.\d{1,2})?)[ \t]*(?:$|\t)", re.M)
EXHIBIT_ALONE = re.compile(r"^[ \t]*(\d{1,3}\.\d{1,2}|\d{2,3})[ \t]*\n(?:[ \t]*\n)?[ \t]*[A-Z“\"]", re.M)
# A column of numbers alone on their lines, their descriptions laid out elsewhere (a PDF's table).
EXHIBIT_COLUMN = re.compile(r"^[ \t]*(\d{1,3}(?:\.\d{1,2})?)[ \t]*$", re.M)


def plausible_exhibit(number: str) -> bool:
    """Item 601 of Regulation S-K numbers exhibits 1 to 36 and 95 to 107 (old forms the same range):
    a "364" or a "100" at the start of a line is a description's word or an address, not an exhibit."""
    m = re.match(r"\d+", number)
    major = int(m.group()) if m else 0
    return 1 <= major <= 36 or 95 <= major <= 99 or 101 <= major <= 110


def _c(name: str, value: str, start: int, end: int, conf: float, rule: str) -> Candidate:
    if name == "signer_title":
        value = _without_trailing_date(value)
    return Candidate(name, value, start, end, conf, f"form.{rule}")


def _without_trailing_date(title: str) -> str:
    """A signature table's date column is not part of the signer's title."""
    dates = list(DATE_RE.finditer(title))
    last = dates[-1] if dates else None
    if last is not None and not title[last.end() :].strip(" ,."):
        return title[: last.start()].rstrip(" ,")
    return title


def form_body_rules(doc: Document) -> Iterator[Candidate]:
    form = form_type_of(doc) or ""
    region = form_region(doc)
    if form.startswith("8-K") or (not form and re.search(
            r"CURRENT\s+REPORT", doc.text[region.start : region.start + 3000], re.I)):
        yield from _items(doc, region)
    yield from _exhibits(doc, region)
    yield from _signature(doc, region)


def reported_items(doc: Document, region) -> list[re.Match[str]]:
    """The 8-K item headings whose items are reported (not those marked None or Not applicable)."""
    found = []
    filed = (doc.header.get("filed_date") or [""])[0] if doc.header else ""
    for m in ITEM_HEADING.finditer(doc.text, region.start, region.end):
        code, title = m.group("code"), m.group("title")
        if NOT_APPLICABLE.search(title[:40]) or NOT_APPLICABLE.search(
                doc.text[m.end() : m.end() + 30]):
            continue
        if "." not in code:  # old-style numbering: the title must read as an item's title
            old = filed < "20040823" if filed else True
            if not old or not re.match(r"\s*[A-Z]", title):
                continue
        found.append(m)
    return found


def _items(doc: Document, region) -> Iterator[Candidate]:
    found = [_c("item", m.group("code"), m.start("code"), m.end("code"), 0.92, "item_heading")
             for m in reported_items(doc, region)]
    if found:
        yield from found
        return
    h = doc.header or {}
    old_style = (h.get("filed_date") or ["99999999"])[0].strip() < "20040823"
    for key, conf in (("items", 0.85), ("item_information", 0.75)):
        for value, start, end in h.get(key) or []:
            if code := item_code(value, old_style):
                yield Candidate("item", code, start, end, conf, f"header.{key}")


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
_SECTION_CHARS = 1500  # an exhibit list is read this far past its heading, and on while entries go on


def _exhibits(doc: Document, region) -> Iterator[Candidate]:
    text = doc.text
    documents = []
    for part in doc.parts:  # documents of the submission that are exhibits
        m = re.match(r"EX-(\d{1,3}(?:\.\d{1,2})?)$", part.type)
        if m and not part.type.startswith("EX-101"):
            at = text.find(part.type, part.start, part.start + 200)
            if at >= 0:
                documents.append(_c("exhibit", m.group(1), at + 3, at + len(part.type), 0.9, "exhibit_document"))
    low = lowered(doc)
    listed = [_c("exhibit", m.group(1), m.start(1), m.end(1), 0.85, "exhibit_heading")
              for _, m in line_start_matches(EXHIBIT_HEADING, low, text, 0, len(text))
              if plausible_exhibit(m.group(1))]
    for sec_start, sec in line_start_matches(EXHIBIT_SECTION, low, text, region.start, region.end,
                                             after_tab=True):
        if not _continues_sentence(text, sec_start):
            listed += _exhibit_section(doc, sec_start, sec.end(), region.end)
    for sec_start, sec in line_start_matches(EXHIBITS_ITEM, low, text, region.start, region.end):
        listed += _exhibit_section(doc, sec_start, sec.end(), region.end)
    numbers = {c.value for c in listed}
    for c in documents:  # "<TYPE>EX-10" holding the listed 10.A.50 and 10.A.51: a type, not a number
        if c.value in numbers or not any(n.startswith((c.value + ".", c.value + "(")) for n in numbers):
            yield c
    yield from listed


def _continues_sentence(text: str, line_start: int) -> bool:
    """A line that goes on from a line of prose ending in a small word ("... and the" / "Exhibits
    thereto filed with ...") is not a heading."""
    prev_end = text.rfind("\n", 0, line_start)
    prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1 : max(prev_end, 0)]
    return bool(re.search(r"\b[a-z]{2,}[ \t]*$", prev))


def _exhibit_section(doc: Document, start: int, heading_end: int, limit: int) -> list[Candidate]:
    """The entries of an exhibit list, read on past its first 1500 characters while entries go on
    (a 10-K's index runs over pages); a list that has not begun within 3000 characters is none."""
    text = doc.text
    found: list[Candidate] = []
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
    return found


def _exhibit_entries(doc: Document, start: int, end: int) -> list[Candidate]:
    text = doc.text
    out = []
    for m in EXHIBIT_ALONE.finditer(text, start, end):  # the number alone, its text below
        if "." in m.group(1) or not _PAGE_FOOT.match(text, m.end(1)):
            out.append(_c("exhibit", m.group(1), m.start(1), m.end(1), 0.8, "exhibit_list"))
    for m in EXHIBIT_LINE.finditer(text, start, end):
        desc = m.group("desc")
        if not NOT_APPLICABLE.match(desc) and not _NOT_ENTRY.match(desc) and not _PARAGRAPH.search(desc):
            out.append(_c("exhibit", m.group("no"), m.start("no"), m.end("no"), 0.85, "exhibit_list"))
    column: list[tuple[int, str]] = []
    for pos, line in iter_lines(text, start, end):
        row = cells(line, pos)
        for i, (cstart, cell) in enumerate(row):
            em = EXHIBIT_NO.match(cell)
            if em and i + 1 < len(row) and re.match(r"[A-Za-z“\"]", row[i + 1][1]) \
                    and not NOT_APPLICABLE.match(row[i + 1][1]) and not _NOT_ENTRY.match(row[i + 1][1]):
                out.append(_c("exhibit", em.group(1), cstart + em.start(1), cstart + em.end(1), 0.85,
                              "exhibit_table"))
        if not line.strip():
            continue
        cm = EXHIBIT_COLUMN.match(line)
        if cm:
            column.append((pos + cm.start(1), cm.group(1)))
            continue
        out += _exhibit_column(column)
        column = []
    out += _exhibit_column(column)
    return [c for c in out if plausible_exhibit(c.value)]


def _exhibit_column(column: list[tuple[int, str]]) -> list[Candidate]:
    """Numbers alone on consecutive lines ("99.1" / "104"), one of them with a dot: a PDF table's
    number column printed apart from its descriptions. One number alone is a page number."""
    if len(column) < 2 or not any("." in number for _, number in column):
        return []
    return [_c("exhibit", number, at, at + len(number), 0.75, "exhibit_column") for at, number in column]


SIGNATURE_HEADING = re.compile(r"S ?I ?G ?N ?A ?T ?U ?R ?E ?S?[ \t]*$", re.M)  # `^[ \t]*` before it
# Case-insensitive: searched in the lowered text.
SIGNED_SENTENCE = re.compile(r"caused\s+this\s+report\s+to\s+be\s+signed\s+on\s+its\s+behalf[^.]*\.")
# A name, with its suffix after a comma ("William C. Ford, Jr.", "John B. Douglas, III").
_NAME = (r"[A-Z][A-Za-z.'’-]*(?: {1,2}[A-Z][A-Za-z.'’-]*){1,4}"
         r"(?:,[ \t]*(?:(?:Jr|Sr)\.?|III|II|IV)(?![A-Za-z]))?")


_SIGNED_BY = re.compile(r"/s/|\bBy:", re.I)
_DATE_LABEL = re.compile(r"\bDated?\b:?[ \t]*")


def _signature(doc: Document, region) -> Iterator[Candidate]:
    text = doc.text
    anchors = [m.end() for _, m in line_start_matches(SIGNATURE_HEADING, text, text, region.start, region.end)]
    sentences = list(SIGNED_SENTENCE.finditer(lowered(doc), region.start, region.end))
    anchors += [m.end() for m in sentences]
    if not anchors:
        return
    anchors.sort()
    start = anchors[-1]
    for a in anchors:  # the form's own block: the first heading or sentence that a signature follows
        signed = _SIGNED_BY.search(text, a, a + 800)  # (an exhibit's signature pages come later)
        if signed:
            start = max(x for x in anchors if x <= signed.start())
            break
    end = min(region.end, start + 2500)
    stop = re.compile(r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|<PAGE>)", re.I | re.M).search(
        text, start + 200, end)
    block_end = stop.start() if stop else end
    lo = min(a for a in anchors if a >= start - 600)  # "Dated: May 19, 2006" above a SIGNATURE heading
    found = None
    for sentence in sentences:  # "... duly authorized on this 8th day of January, 2025."
        if lo - 600 <= sentence.end() <= start:
            found = first_date(text, sentence.start(), sentence.end()) or found
    label = _DATE_LABEL.search(text, lo, block_end)
    if found is None and label:
        found = first_date(text, label.end(), min(block_end, label.end() + 60))
    if found is None:
        found = first_date(text, start, block_end)
    if found:
        d, s, e = found
        yield _c("signature_date", d, s, e, 0.88, "signature_date")
    yield from _signer(doc, start, block_end)


def _signer(doc: Document, start: int, end: int) -> Iterator[Candidate]:
    text = doc.text
    name_label = re.compile(r"Name:[ \t]*(" + _NAME + r")", re.M).search(text, start, end)
    title_label = re.compile(r"Title:[ \t]*(?:\n[ \t]*){0,3}([^\n\t:]+)").search(text, start, end)
    if title_label and (not _TITLE_WORDS.search(title_label.group(1)) or "/s/" in title_label.group(1)):
        title_label = None  # "Title:" with the signature line under it: the title is elsewhere
    slash = re.compile(r"/s/[ \t]*(" + _NAME + r")", re.I).search(text, start, end)
    if slash and name_label and name_label.start() > slash.end() + 300:
        name_label = None  # a "Name:" far below the signature is another document's signer
        if title_label and title_label.start() > slash.end() + 300:
            title_label = None
    name = None
    after = None  # where a title without a label would start
    if name_label:
        name = (name_label.group(1), name_label.start(1), name_label.end(1))
    elif slash:
        typed = _typed_name_after(doc, slash.end(), end)
        if typed and _same_person(typed[0], slash.group(1)):
            name = typed
        else:
            name = (slash.group(1), slash.start(1), slash.end(1))
        after = (typed[2] if typed and name is typed else slash.end())
    if name is None:
        return
    value = name[0].strip()
    if value.isupper():
        value = re.sub(r"\b(?:Ii|Iii|Iv)\b", lambda r: r.group().upper(), value.title())
    value = re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", value)  # "Douglas E.Klint" as printed
    yield _c("signer_name", value, name[1], name[2], 0.85, "signer_name")
    if title_label:
        title, title_end = _continued_title(text, title_label.group(1).strip(), title_label.end(1), end)
        yield _c("signer_title", clean_text(title), title_label.start(1), title_end, 0.85, "signer_title")
    elif after is not None:
        yield from _title_after(doc, after, end, name[0].strip())


# A title that cannot end here: "..., General Counsel" + "and Corporate Secretary", "Legal Counsel and
# Assistant" + "Secretary", "Chief Executive" + "Officer and President".
_DANGLING = re.compile(r"(?:,|\b(?:and|of|&|the|Vice|Chief|Executive|Senior|Assistant|Associate|Deputy|General"
                       r"|Financial|Operating|Accounting|Corporate))$")
_CONNECTOR = re.compile(r"(?:and|&|of)\s")
_NOT_TITLE_LINE = re.compile(r"\(|Dated?\b|/s/|By\b|Name\b|Title\b|Date\b|-?\s*\d+\s*-?$", re.I)


def _continued_title(text: str, title: str, title_end: int, end: int, column: int | None = None
                     ) -> tuple[str, int]:
    """A title wrapped over lines: the next line's piece (in the title's column, in a table laid out
    with spaces) is joined while the title dangles or the piece starts with "and"."""
    for _ in range(3):
        follow = re.compile(r"[^\n]*\n(?:[ \t]*\n)?([^\n]*)").match(text, title_end)
        if not follow or follow.end(1) > end:
            break
        line_start = follow.start(1)
        row = cells(follow.group(1), line_start)
        if column is not None:
            row = [c for c in row if abs((c[0] - line_start) - column) <= 3]
        if not row:
            break
        piece_start, piece = row[0]
        piece = re.split(r"\s*\((?:Principal|Duly)", piece)[0].strip()
        if not piece or _NOT_TITLE_LINE.match(piece) or not re.match(r"[A-Za-z&]", piece):
            break
        lone = len(piece.split()) == 1 and _TITLE_WORDS.fullmatch(piece)  # "Officer" wrapped alone
        if not (_DANGLING.search(title) or _CONNECTOR.match(piece) or lone):
            break
        if not (_TITLE_WORDS.search(piece) or _CONNECTOR.match(piece) or len(piece.split()) <= 2):
            break
        title = f"{title} {piece}"
        title_end = piece_start + len(piece)
    return title, title_end


def _same_person(typed: str, signed: str) -> bool:
    def last(name: str) -> str:
        name = re.sub(r",?\s*(?:Jr|Sr|III|II|IV)\.?$", "", name.strip(" .,"), flags=re.I)
        return re.split(r"[\s.]+", name.strip(" .,"))[-1].lower()

    return last(typed) == last(signed)


def _typed_name_after(doc: Document, pos: int, end: int) -> tuple[str, int, int] | None:
    """The typed name under a /s/ signature (the line after, skipping rules)."""
    for lstart, line in iter_lines(doc.text, doc.text.find("\n", pos) + 1, end):
        if not line.strip() or is_rule(line) or _BY_LINE.match(line):
            continue
        row = cells(line, lstart)
        if not row:
            continue
        cstart, cell = row[0]
        if _COMPANY_LINE.search(cell):  # "COSTCO WHOLESALE CORPORATION" between /s/ and the name
            continue
        m = re.match(_NAME + r"(?=,|$)", cell)
        if m and not re.search(r"President|Officer|Director|Secretary|Counsel|Treasurer|Controller|Chief",
                               m.group(0)):
            return m.group(0), cstart, cstart + m.end()
        return None
    return None


_BY_LINE = re.compile(r"[ \t]*By:?[ \t_]*$")  # "By______" under the signature, the line signed on
_COMPANY_LINE = re.compile(r"\b(?:Inc|Corp|Corporation|Company|Co|Ltd|LLC|L\.P|plc|N\.V|S\.A)\b\.?,?\s*$",
                           re.I)
_TITLE_WORDS = re.compile(
    r"President|Officer|Director|Secretary|Counsel|Treasurer|Controller|Comptroller|Chief|CEO|CFO"
    r"|Chairman|Manager|Partner|Representative|Head|Member|Trustee|Principal|Vice", re.I)


_AFTER_COMMA = re.compile(r"[ \t]*([^\n\t]+(?:\n[ \t]*(?:and|&)\s[^\n\t]+)?)")


def _title_after(doc: Document, pos: int, end: int, name: str = "") -> Iterator[Candidate]:
    """The signer's title: after the name's comma, on the same row's cells, or on the next lines."""
    text = doc.text
    if name:  # "Brien M. Chase, Senior Vice President\nand Chief Financial Officer"
        m = None
        at = text.find(name + ",", pos, end)  # the name found as text: no pattern compiled per name
        while at >= 0 and m is None:
            m = _AFTER_COMMA.match(text, at + len(name) + 1, end)
            at = text.find(name + ",", at + 1, end)
        if m and _TITLE_WORDS.search(m.group(1)):
            yield _c("signer_title", clean_text(m.group(1)), m.start(1), m.end(1), 0.8, "signer_title")
            return
    line_end = text.find("\n", pos)
    line_end = end if line_end < 0 else min(line_end, end)
    rest = text[pos:line_end]
    m = re.compile(r"[ \t]*,\s*([^\n\t]+)").match(text, pos, end)
    if m and _TITLE_WORDS.search(m.group(1)):
        title, title_end = _continued_title(text, m.group(1).strip(), m.end(1), end)
        yield _c("signer_title", clean_text(title), m.start(1), title_end, 0.8, "signer_title")
        return
    row = [c for c in cells(rest, pos) if _TITLE_WORDS.search(c[1]) or c[1].endswith(",")]
    if row and _TITLE_WORDS.search(row[0][1]):
        value = _without_trailing_date(" ".join(c for _, c in row))
        column = row[0][0] - (text.rfind("\n", 0, row[0][0]) + 1)  # a table's title column wraps
        value, value_end = _continued_title(text, value, row[-1][0] + len(row[-1][1]), end, column)
        yield _c("signer_title", clean_text(value), row[0][0], value_end, 0.8, "signer_title")
        return
    pieces: list[tuple[int, str]] = []
    for lstart, line in iter_lines(text, line_end + 1, end):
        if not line.strip() or is_rule(line):
            if pieces:
                break
            continue
        first = cells(line, lstart)
        if not first:
            continue
        cstart, cell = first[0]
        if not pieces and cell.startswith("(") and _TITLE_WORDS.search(cell):
            inner = cell.strip("()")  # "(Chief Legal Officer)" standing alone under the signature
            pieces.append((cstart + 1, inner))
            break
        if re.match(r"Dated?\b|\(|/s/|By\b|-?\s*\d+\s*-?$", cell, re.I):
            break
        continues = pieces and (_DANGLING.search(pieces[-1][1]) or _CONNECTOR.match(cell))
        if not _TITLE_WORDS.search(cell) and not continues:
            break
        if pieces and not continues and not re.match(r"[A-Z][a-z]", cell):
            break
        pieces.append((cstart, cell))
        if len(pieces) == 3:
            break
    if pieces:
        value = " ".join(c for _, c in pieces)
        yield _c("signer_title", clean_text(value), pieces[0][0], pieces[-1][0] + len(pieces[-1][1]),
                 0.75, "signer_title")
