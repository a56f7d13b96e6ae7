"""Rules that read a form's cover page: form, registrant, period, file number, address, 6-K box,
and the securities table of an 8-K cover. A value printed above its caption is read there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .candidate import Candidate
from .normalize import MONTH_YEAR_RE, MONTHS, clean_text, iter_dates
from .regions import Region, cells, cover_region, is_label, is_rule, iter_lines

FORM_TITLE = re.compile(
    r"\bFORM\s+(\d{1,2}-[A-Z]{1,2}(?:405)?(?:/A)?|\d{2}-F(?:/A)?|40-F|S-\d(?:/A)?|DEF\s?14A|SD)\b", re.I)
NAME_LABEL = re.compile(
    r"\(\s*(?:Exact\s+name\s+of\s+(?:the\s+)?registrant|Name\s+of\s+(?:the\s+)?registrant"
    r"|Registrant'?s?\s+Name|Translation\s+of\s+registrant)[^)]*\)?", re.I)
# "(Address of principal executive offices)", "(Address, including zip code, of principal executive
# offices)", "(Address of registrant's principal executive offices)", "offices)" wrapped to a line below.
ADDRESS_LABEL = re.compile(
    r"[(\[]?\s*Address(?:,\s+including\s+zip\s+code,)?\s+of\s+(?:(?:the\s+)?registrant[’']?s\s+)?"
    r"principal\s+executive(?:\s+offices?)?", re.I)
FILE_LABEL = re.compile(r"Commission\s+File\s*(?:Number|No\b\.?)|\bFile\s+No\.|\(Commission\b", re.I)
# 0-10030, 000-30344, 001-35992, 1-416, 333-06718; not phone numbers, IRS numbers or ZIP+4.
FILE_NO = re.compile(r"(?<![\d-])(?:0\d{0,2}|[1-9]|333|81[14])-\d{3,6}(?![\d-])")
REPORT_DATE_LABEL = re.compile(r"Date\s+of\s+(?:Report|earliest\s+event)", re.I)
PERIOD_ENDED = re.compile(r"(?:fiscal\s+year|year|quarterly\s+period|quarter|period)\s+ended:?\s*", re.I)
MONTH_OF = re.compile(r"For\s+the\s+month\s+of:?\s*", re.I)
ZIP = re.compile(r"^\d{5}(?:-\d{4})?$|^[A-Z]\d[A-Z] ?\d[A-Z]\d$")
CHECKED = "xX☒✓✔■☑"


def _c(name: str, value: str, start: int, end: int, conf: float, rule: str) -> Candidate:
    return Candidate(name, value, start, end, conf, f"cover.{rule}")


def form_type_of(doc: Document) -> str | None:
    """The form, from the header or the cover's title; drives which rules apply."""
    t = doc.header.get("form_type") if doc.header else None
    if t:
        return t[0].strip().upper()
    cover = cover_region(doc)
    m = FORM_TITLE.search(doc.text, cover.start, min(cover.end, cover.start + 2500))
    return re.sub(r"\s+", " ", m.group(1)).upper() if m else None


def cover_rules(doc: Document) -> Iterator[Candidate]:
    cover = cover_region(doc)
    text = doc.text
    m = FORM_TITLE.search(text, cover.start, min(cover.end, cover.start + 2500))
    if m:
        yield _c("form_type", re.sub(r"\s+", " ", m.group(1)).upper(), m.start(1), m.end(1), 0.9,
                 "form_title")
    form = form_type_of(doc) or ""
    yield from _combined_registrants(doc, cover)
    yield from _registrant(doc, cover)
    yield from _period(doc, cover, form)
    yield from _file_number(doc, cover)
    yield from _address(doc, cover)
    if form.startswith("6-K"):
        yield from _annual_report_box(doc, cover)
    yield from _securities_table(doc, cover)


COMBINED = re.compile(r"Registrants?,?\s+State\s+of\s+Incorporation", re.I)
_PHONE_CELL = re.compile(r"^\(?\d{3}\)?[ .-]?\d{3}-\d{4}$")
_IRS = re.compile(r"^\d{2}-\d{7}$")


def _combined_registrants(doc: Document, cover: Region) -> Iterator[Candidate]:
    """A combined filing's table "Commission File Number | Registrant, State of Incorporation,
    Address and Telephone Number | IRS No.": the first registrant follows the first file number."""
    text = doc.text
    caption = COMBINED.search(text, cover.start, cover.end)
    if not caption:
        return
    file_no = FILE_NO.search(text, caption.end(), min(cover.end, caption.end() + 600))
    if not file_no:
        return
    yield _c("commission_file_number", file_no.group(0), file_no.start(), file_no.end(), 0.93, "combined")
    pieces = [c for pos, line in iter_lines(text, file_no.end(), min(cover.end, file_no.end() + 600))
              for c in cells(line, pos)]
    if not pieces:
        return
    name_start, name = pieces[0]
    yield _c("company_name", clean_text(name), name_start, name_start + len(name), 0.93, "combined")
    address = []
    for start, piece in pieces[1:]:
        if _IRS.match(piece) or is_label(piece):
            continue
        if _PHONE_CELL.match(piece) or FILE_NO.fullmatch(piece):
            break
        address.append((start, piece))
        if len(address) == 4:
            break
    if address:
        value = ", ".join(p.strip(" ,") for _, p in address)
        yield _c("principal_office_address", clean_text(value), address[0][0],
                 address[-1][0] + len(address[-1][1]), 0.88, "combined")


def _caption(cell: str) -> bool:
    """A printed caption, or the tail of one wrapped over lines ("organization)", "Identification No.)")."""
    return is_label(cell) or cell.count(")") > cell.count("(")


def _double_spaced(text: str, start: int, end: int) -> bool:
    """Text laid out with a blank line after every line (a PDF's text layer): there one blank line
    does not end a block, two do."""
    lines = text[start:end].split("\n")[1:-1]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return len(filled) >= 3 and all(not lines[i + 1].strip() for i in filled if i + 1 < len(lines))


def _value_above(doc: Document, label_start: int, floor: int, max_lines: int = 4
                 ) -> list[tuple[int, str]]:
    """The non-caption cells on the lines just above a caption (nearest line last)."""
    text = doc.text
    line_start = text.rfind("\n", floor, label_start) + 1
    same_line = [c for c in cells(text[line_start:label_start], line_start) if not _caption(c[1])]
    if same_line:
        return same_line
    found: list[tuple[int, str]] = []
    pos = line_start - 1
    seen = 0
    spaced = _double_spaced(text, max(floor, line_start - 300), line_start)
    blanks = 0
    while pos > floor and seen < max_lines:
        prev = text.rfind("\n", floor, pos) + 1
        line = text[prev:pos]
        pos = prev - 1
        if not line.strip():
            blanks += 1
            if found and (not spaced or blanks > 1):
                break
            continue
        blanks = 0
        if is_rule(line):
            continue
        if re.search(r"[A-Za-z]", line):  # inline XBRL puts a lone "," or the ZIP on a line of its own
            seen += 1
        row = cells(line, prev)
        values = [c for c in row if not _caption(c[1])]
        captions = [c for c in row if _caption(c[1]) and not re.match(r"\(Zip", c[1], re.I)]
        if values:
            found = values + found
        if captions and found:  # a caption row ends the value block
            break
    return found


def _registrant(doc: Document, cover: Region) -> Iterator[Candidate]:
    m = NAME_LABEL.search(doc.text, cover.start, cover.end)
    if not m:
        return
    above = _value_above(doc, m.start(), cover.start, max_lines=3)
    lines: dict[int, list[tuple[int, str]]] = {}
    for start, cell in above:
        lines.setdefault(doc.text.rfind("\n", 0, start), []).append((start, cell))
    if not lines:
        return
    row = lines[max(lines)]
    start, cell = _same_column(doc, row, m.start()) or row[0]
    if re.search(r"[A-Za-z]", cell) and len(cell) < 120:
        value = clean_text(cell)
        yield _c("company_name", value, start, start + len(cell.rstrip(" ,;:")), 0.92, "registrant")


def _cell_above(doc: Document, label_start: int, floor: int) -> tuple[int, str] | None:
    """The value over a caption cell in a row of captions: same cell number (tab rows) or columns."""
    text = doc.text
    line_start = text.rfind("\n", floor, label_start) + 1
    line_end = text.find("\n", label_start)
    captions = cells(text[line_start : line_end if line_end >= 0 else None], line_start)
    index = next((i for i, c in enumerate(captions) if c[0] <= label_start < c[0] + len(c[1])), None)
    if index is None or len(captions) < 2:
        return None
    pos = line_start - 1
    for _ in range(3):  # the nearest row above with as many cells (rules and blank lines skipped)
        if pos <= floor:
            return None
        prev = text.rfind("\n", floor, pos) + 1
        line = text[prev:pos]
        pos = prev - 1
        if not line.strip() or is_rule(line):
            continue
        row = cells(line, prev)
        if len(row) == len(captions):
            return row[index]
        if "\t" not in line and len(row) >= 2:
            return _same_column(doc, row, label_start)
        return None
    return None


def _same_column(doc: Document, row: list[tuple[int, str]], label_start: int) -> tuple[int, str] | None:
    """In laid-out text (no tabs), the cell of `row` that overlaps the caption's columns most."""
    text = doc.text
    label_line = text.rfind("\n", 0, label_start) + 1
    row_line = text.rfind("\n", 0, row[0][0]) + 1
    if "\t" in text[row_line : row[-1][0]] or len(row) < 2:
        return None
    label_end = text.find("\n", label_start)
    label_cell = next((c for c in cells(text[label_line : label_end if label_end >= 0 else None], label_line)
                       if c[0] <= label_start < c[0] + len(c[1])), None)
    if label_cell is None:
        return None
    lo = label_cell[0] - label_line
    hi = lo + len(label_cell[1])

    def overlap(cell: tuple[int, str]) -> int:
        start = cell[0] - row_line
        return min(hi, start + len(cell[1])) - max(lo, start)

    best = max(row, key=overlap)
    return best if overlap(best) > 0 else None


def _period(doc: Document, cover: Region, form: str) -> Iterator[Candidate]:
    text = doc.text
    if form.startswith("6-K"):
        m = MONTH_OF.search(text, cover.start, cover.end)
        if m:
            my = MONTH_YEAR_RE.match(text, m.end()) or MONTH_YEAR_RE.search(text, m.end(), m.end() + 40)
            if my:
                month = f"{int(my.group('y')):04d}-{MONTHS[my.group('m').lower().rstrip('.')]:02d}"
                yield _c("period_of_report", month, my.start(), my.end(), 0.93, "month_of")
                return
        dates = list(iter_dates(text, cover.start, min(cover.end, cover.start + 3000)))
        if dates:
            d, s, e = dates[0]
            yield _c("period_of_report", d[:7], s, e, 0.6, "6k_cover_date")
        return
    m = REPORT_DATE_LABEL.search(text, cover.start, cover.end)
    if m:
        line_end = text.find("\n", m.end())
        window_end = min(cover.end, max(line_end, m.end()) + 80)
        near = list(iter_dates(text, max(cover.start, m.start() - 60), window_end))
        near = [d for d in near if d[1] >= m.start() - 60]
        if near:
            d, s, e = min(near)  # "August 19, 2009 (August 3, 2009)": the earliest event
            yield _c("period_of_report", d, s, e, 0.9, "date_of_report")
            return
    m = PERIOD_ENDED.search(text, cover.start, cover.end) if re.match(r"(?:10-[KQ]|20-F|40-F)", form) else None
    if m:
        dates = list(iter_dates(text, m.end(), m.end() + 40))
        if dates:
            d, s, e = dates[0]
            yield _c("period_of_report", d, s, e, 0.85, "period_ended")
            return
    label = NAME_LABEL.search(text, cover.start, cover.end)
    if form.startswith("8-K") and label:
        limit = label.start()
        for pos, line in iter_lines(text, cover.start, limit):
            dates = list(iter_dates(line))
            if len(dates) == 1 and len(line.strip()) <= dates[0][2] - dates[0][1] + 2:
                d, s, e = dates[0]
                yield _c("period_of_report", d, pos + s, pos + e, 0.6, "cover_date_line")
                return


def _file_number(doc: Document, cover: Region) -> Iterator[Candidate]:
    text = doc.text
    for m in FILE_LABEL.finditer(text, cover.start, cover.end):
        aligned = _cell_above(doc, m.start(), cover.start)
        if aligned is not None and FILE_NO.fullmatch(aligned[1]):
            start, value = aligned
            yield _c("commission_file_number", value, start, start + len(value), 0.92, "file_number")
            return
        best = None
        for f in FILE_NO.finditer(text, max(cover.start, m.start() - 300), min(cover.end, m.end() + 200)):
            distance = m.start() - f.end() if f.end() <= m.start() else f.start() - m.end()
            if best is None or distance < best[0]:
                best = (distance, f)
        if best is not None:
            f = best[1]
            yield _c("commission_file_number", f.group(0), f.start(), f.end(), 0.9, "file_number")
            return


_ZIP_CAPTION_BELOW = re.compile(r"^[ \t]*(\d{5}(?:-\d{4})?)[ \t]*\n(?:[ \t]*\n)?[ \t]*\(Zip", re.I | re.M)


def _address(doc: Document, cover: Region) -> Iterator[Candidate]:
    m = ADDRESS_LABEL.search(doc.text, cover.start, cover.end)
    if not m:
        return
    above = _value_above(doc, m.start(), cover.start, max_lines=4)
    parts: list[tuple[int, str]] = []
    zips: list[tuple[int, str]] = []
    two = sum(1 for _, cell in above if ZIP.match(cell)) > 1
    for start, cell in above:
        if ZIP.match(cell):
            zips.append((start, cell))
            if parts and two:  # "521 West 57th Street / New York, New York 10019 / 200 Powder Mill
                break  # Road / Wilmington, Delaware 19803": two offices; the first is the address
        elif re.search(r"[A-Za-z]", cell) and not re.match(r"^\(?\d{3}\)?[ .-]\d{3}-\d{4}$", cell):
            parts.append((start, cell))
    if not parts:
        return
    if not zips:  # "(Address ...)<tab>10504": the ZIP in a cell after the caption
        line_end = doc.text.find("\n", m.end())
        after = cells(doc.text[m.end() : line_end if line_end >= 0 else None], m.end())
        zips += [c for c in after if ZIP.match(c[1])][:1]
    if not zips:  # the ZIP printed below, over its own "(Zip Code)", maybe past the phone and IRS rows
        below = _ZIP_CAPTION_BELOW.search(doc.text, m.end(), min(cover.end, m.end() + 400))
        if below:
            zips.append((below.start(1), below.group(1)))
    value = ", ".join(p.strip(" ,") for _, p in parts)
    if zips:
        value += " " + zips[-1][1]
    pieces = parts + zips
    start = min(s for s, _ in pieces)
    end = max(s + len(c) for s, c in pieces)
    yield _c("principal_office_address", clean_text(value), start, end, 0.8, "address")


def _annual_report_box(doc: Document, cover: Region) -> Iterator[Candidate]:
    """"Form 20-F X Form 40-F": the form whose box is checked (the mark follows its name)."""
    m = re.search(r"Form\s+(?P<a>20-F)\s*\[?\s*(?P<ma>[^\sF\]]?)\s*\]?\s*(?:-+\s*)?"
                  r"Form\s+(?P<b>40-F)\s*\[?\s*(?P<mb>[^\s\]]?)", doc.text[cover.start : cover.end])
    if not m:
        return
    for label, mark in (("a", "ma"), ("b", "mb")):
        if m.group(mark) and m.group(mark) in CHECKED:
            yield _c("annual_report_form", m.group(label), cover.start + m.start(label),
                     cover.start + m.end(label), 0.9, "annual_report_box")
            return


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


def _exchanges_registered(doc: Document, cover: Region) -> Iterator[Candidate]:
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
                yield _c("exchange", cell, cstart, cstart + len(cell), 0.8, "exchange_registered")


def _securities_table(doc: Document, cover: Region) -> Iterator[Candidate]:
    text = doc.text
    m = re.search(r"Trading\s+Symbols?(?:\(s\))?", text[cover.start : cover.end], re.I)
    if not m:
        yield from _exchanges_registered(doc, cover)
        return
    start = cover.start + m.end()
    stop = re.compile(r"Indicate by check mark|emerging growth|Item\s+\d", re.I).search(text, start, cover.end)
    end = stop.start() if stop else min(cover.end, start + 1500)
    for pos, line in iter_lines(text, start, end):
        for cstart, cell in cells(line, pos):
            if _TICKER.match(cell) and cell.upper() not in _NOT_TICKER and not _NOT_TICKER_WORD.match(cell):
                yield _c("ticker", cell.upper(), cstart, cstart + len(cell), 0.85, "securities_table")
            elif _EXCHANGE.search(cell) and len(cell) < 60 and "registered" not in cell.lower() \
                    and not cell.lower().startswith(("name of", "title of")):
                yield _c("exchange", cell.rstrip(" ."), cstart, cstart + len(cell.rstrip(" .")), 0.85,
                         "securities_table")
