"""Rules that read a form's cover page: form, registrant, period, file number, address, 6-K box,
and the securities table of an 8-K cover. A value printed above its caption is read there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import EVERY_KIND, Filing, Kind, form_name, form_title
from .normalize import MONTH_YEAR_RE, MONTHS, clean_text, iter_dates
from .regions import Region, cells, is_label, is_rule, iter_lines
from .rules import Hit, Rule, Where, outputs
from .securities import RULES as SECURITIES_RULES

NAME_LABEL = re.compile(
    r"\(\s*(?:Exact\s+name\s+of\s+(?:the\s+)?registrant|Name\s+of\s+(?:the\s+)?registrant"
    r"|Registrant'?s?\s+Name|Translation\s+of\s+registrant)[^)]*\)?", re.I)
# "(Address of principal executive offices)", "(Address, including zip code, of principal executive
# offices)", "(Address of registrant's principal executive offices)", "offices)" wrapped to a line below.
ADDRESS_LABEL = re.compile(
    r"[(\[]?\s*Address(?:,\s+including\s+zip\s+code,?)?(?:\s+and\s+telephone\s+number,\s+including\s+area\s+code,)?"
    r"\s+of\s+(?:(?:the\s+)?registrant[’']?s\s+)?principal\s+executive(?:\s+offices?)?", re.I)
FILE_LABEL = re.compile(r"Commission\s+File\s*(?:Number|No\b\.?)|\bFile\s+No\.|\(Commission\b", re.I)
# 0-10030, 000-30344, 001-35992, 1-416, 333-06718; not phone numbers, IRS numbers or ZIP+4.
FILE_NO = re.compile(r"(?<![\d-])(?:0\d{0,2}|[1-9]|333|81[14])-\d{3,6}(?![\d-])")
REPORT_DATE_LABEL = re.compile(r"Date\s+of\s+(?:Report|earliest\s+event)", re.I)
PERIOD_ENDED = re.compile(r"(?:fiscal\s+year|year|quarterly\s+period|quarter|period)\s+ended:?\s*", re.I)
MONTH_OF = re.compile(r"For\s+the\s+month\s+of:?\s*", re.I)
# A postal code as covers print it: US ZIP (and ZIP+4), Canadian, British ("BS30 8XP", "EC2M 7PP").
_POSTCODE = r"\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}"
ZIP = re.compile(rf"^(?:{_POSTCODE})$")
CHECKED = "xX☒✓✔■☑"


def _form_title(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    if m := form_title(doc):
        name, start = form_name(doc, m)
        yield Hit("form_title", name, start, m.end(1))


COMBINED = re.compile(r"Registrants?,?\s+State\s+of\s+Incorporation", re.I)
_PHONE_CELL = re.compile(r"^\(?\d{3}\)?[ .-]?\d{3}-\d{4}$")
_IRS = re.compile(r"^\d{2}-\d{7}$")


def _combined_registrants(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    """A combined filing's table "Commission File Number | Registrant, State of Incorporation,
    Address and Telephone Number | IRS No.": the first registrant follows the first file number."""
    text = doc.text
    caption = COMBINED.search(text, cover.start, cover.end)
    if not caption:
        return
    file_no = FILE_NO.search(text, caption.end(), min(cover.end, caption.end() + 600))
    if not file_no:
        return
    yield Hit("combined:file", file_no.group(0), file_no.start(), file_no.end())
    pieces = [c for pos, line in iter_lines(text, file_no.end(), min(cover.end, file_no.end() + 600))
              for c in cells(line, pos)]
    if not pieces:
        return
    name_start, name = pieces[0]
    yield Hit("combined:name", clean_text(name), name_start, name_start + len(name))
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
        yield Hit("combined:address", clean_text(value), address[0][0], address[-1][0] + len(address[-1][1]))


def _caption(cell: str) -> bool:
    """A printed caption, or the tail of one wrapped over lines ("organization)", "Identification No.)")."""
    return is_label(cell) or cell.count(")") > cell.count("(")


def _double_spaced(text: str, start: int, end: int) -> bool:
    """Text laid out with a blank line after every line (a PDF's text layer): there one blank line
    does not end a block, two do. A caption wrapped over lines ("(IRS Employer" / "Identification
    No.)") is printed as it wraps: only the values' lines are judged."""
    lines = text[start:end].split("\n")[1:-1]
    filled = [i for i, line in enumerate(lines) if line.strip() and not _caption_piece(line.strip())]
    return len(filled) >= 3 and all(not lines[i + 1].strip() for i in filled if i + 1 < len(lines))


def _caption_piece(line: str) -> bool:
    return line.startswith("(") or _caption(line)


# A cover flattened to one line keeps its rules: "----- AEGON N.V. - ----- (Exact name of Registrant
# ...)", "(Jurisdiction ...) Mariahoeveplein 50, ... - ----- (Address of ...)": the value sits between
# the rule (or the caption) before it and the rule over its own caption.
_FLAT_VALUE = re.compile(r"(?:-{10,}|\))[ \t]+(?:-[ \t]+)?(?P<v>(?:(?!-{3})[^\n()]){2,120}?)[ \t]+(?:-[ \t]+)?-{10,}[ \t]*$")


def _value_above(doc: Document, label_start: int, floor: int, max_lines: int = 4
                 ) -> list[tuple[int, str]]:
    """The non-caption cells on the lines just above a caption (nearest line last)."""
    text = doc.text
    line_start = text.rfind("\n", floor, label_start) + 1
    flat = _FLAT_VALUE.search(text, max(line_start, label_start - 300), label_start)
    if flat and re.search(r"[A-Za-z]", flat.group("v")):
        return [(flat.start("v"), flat.group("v"))]
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


# A combined filing's cover set as a table: the caption heads its column, the first registrant's name
# the first line below it ("Exact Name of Registrant" / "as specified in its charter" / "PG&E CORPORATION").
NAME_COLUMN = re.compile(r"^[ \t]*Exact\s+Name\s+of\s+Registrants?[ \t]*\n[ \t]*as\s+specified\s+in\s+its\s+charter"
                         r"[ \t]*\n(?:[ \t]*\n)*[ \t]*([^\n(]*[A-Za-z][^\n(]*?)[ \t]*$", re.I | re.M)


def _registrant(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    m = NAME_LABEL.search(doc.text, cover.start, cover.end)
    if not m:
        if (col := NAME_COLUMN.search(doc.text, cover.start, cover.end)) and len(col.group(1)) < 120:
            yield Hit("registrant", clean_text(col.group(1)), col.start(1), col.end(1))
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
        yield Hit("registrant", value, start, start + len(cell.rstrip(" ,;:")))


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


def _month(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    """A 6-K's period: "For the month of March 2003", else the month of the cover's first date."""
    text = doc.text
    m = MONTH_OF.search(text, cover.start, cover.end)
    if m:
        my = MONTH_YEAR_RE.match(text, m.end()) or MONTH_YEAR_RE.search(text, m.end(), m.end() + 40)
        if my:
            month = f"{int(my.group('y')):04d}-{MONTHS[my.group('m').lower().rstrip('.')]:02d}"
            yield Hit("month_of", month, my.start(), my.end())
            return
    dates = list(iter_dates(text, cover.start, min(cover.end, cover.start + 3000)))
    if dates:
        d, s, e = dates[0]
        yield Hit("6k_cover_date", d[:7], s, e)


def _period(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    """The date of report (the earliest event), a periodic report's period ended, or an 8-K
    cover's date on a line of its own."""
    text = doc.text
    m = REPORT_DATE_LABEL.search(text, cover.start, cover.end)
    if m:
        line_end = text.find("\n", m.end())
        window_end = min(cover.end, max(line_end, m.end()) + 80)
        near = list(iter_dates(text, max(cover.start, m.start() - 60), window_end))
        near = [d for d in near if d[1] >= m.start() - 60]
        if near:
            d, s, e = min(near)  # "August 19, 2009 (August 3, 2009)": the earliest event
            yield Hit("date_of_report", d, s, e)
            return
    m = PERIOD_ENDED.search(text, cover.start, cover.end) if filing.kind is Kind.PERIODIC else None
    if m:
        dates = list(iter_dates(text, m.end(), m.end() + 40))
        if dates:
            d, s, e = dates[0]
            yield Hit("period_ended", d, s, e)
            return
    label = NAME_LABEL.search(text, cover.start, cover.end)
    if filing.kind is Kind.CURRENT and label:
        limit = label.start()
        for pos, line in iter_lines(text, cover.start, limit):
            dates = list(iter_dates(line))
            if len(dates) == 1 and len(line.strip()) <= dates[0][2] - dates[0][1] + 2:
                d, s, e = dates[0]
                yield Hit("cover_date_line", d, pos + s, pos + e)
                return


# A prospectus states the issuer's file number in a sentence ("Our SEC file number is 1-10257"); the
# header's SEC FILE NUMBER there is the registration statement's (333-...).
STATED_FILE_NO = re.compile(
    r"\b(?:our|the\s+(?:company|registrant|issuer)[’']s)\s+(?:SEC|Commission)\s+file\s+(?:number|No\.?)\s+is\s+"
    rf"({FILE_NO.pattern})", re.I)


def _stated_file_number(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    if m := STATED_FILE_NO.search(doc.text, region.start, region.end):
        yield Hit("file_number:stated", m.group(1), m.start(1), m.end(1))


def _file_number(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    for m in FILE_LABEL.finditer(text, cover.start, cover.end):
        aligned = _cell_above(doc, m.start(), cover.start)
        if aligned is not None and FILE_NO.fullmatch(aligned[1]):
            start, value = aligned
            yield Hit("file_number", value, start, start + len(value))
            return
        best = None
        for f in FILE_NO.finditer(text, max(cover.start, m.start() - 300), min(cover.end, m.end() + 200)):
            distance = m.start() - f.end() if f.end() <= m.start() else f.start() - m.end()
            if best is None or distance < best[0]:
                best = (distance, f)
        if best is not None:
            f = best[1]
            yield Hit("file_number:near", f.group(0), f.start(), f.end())
            return


# The ZIP over its own "(Zip Code)", a blank line or the cell's rule ("85255" / "______") between.
_ZIP_CAPTION_BELOW = re.compile(rf"^[ \t]*((?-i:{_POSTCODE}))[ \t]*\n(?:[ \t]*(?:_{{3,}}|-{{3,}})?[ \t]*\n){{0,2}}"
                                r"[ \t]*\((?:Zip|Post)", re.I | re.M)
# A PDF's text layer may print a street number's superscript ("85th") apart: "17800 N. 85  St." over
# the caption, "th" alone on a line below it.
_SUPERSCRIPT_GAP = re.compile(r"(?<=\d)[ \t]{2,}(?=[A-Z])")
_SUPERSCRIPT_BELOW = re.compile(r"[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(st|nd|rd|th)[ \t]*$", re.M)


def _address(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
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
        elif len(cell) > 150:  # a page flattened to one line before its caption: no address cell
            return
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
    caption_end = doc.text.find("\n", m.end())
    suffix = _SUPERSCRIPT_BELOW.match(doc.text, caption_end) if caption_end >= 0 else None
    gaps = list(_SUPERSCRIPT_GAP.finditer(value))
    if suffix and len(gaps) == 1 and _ordinal(int(re.findall(r"\d+", value[: gaps[0].start()])[-1])) == suffix.group(1):
        value = f"{value[: gaps[0].start()]} {suffix.group(1)} {value[gaps[0].end() :]}"
        end = suffix.end(1)
    yield Hit("address", clean_text(value), start, end)


def _ordinal(number: int) -> str:
    """The suffix of a number's ordinal: 85 -> "th", 21 -> "st", 112 -> "th"."""
    n = number % 100
    return "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _annual_report_box(doc: Document, cover: Region, filing: Filing) -> Iterator[Hit]:
    """"Form 20-F X Form 40-F": the form whose box is checked (the mark follows its name)."""
    m = re.search(r"Form\s+(?P<a>20-F)\s*\[?\s*(?P<ma>[^\sF\]]?)\s*\]?\s*(?:-+\s*)?"
                  r"Form\s+(?P<b>40-F)\s*\[?\s*(?P<mb>[^\s\]]?)", doc.text[cover.start : cover.end])
    if not m:
        return
    for label, mark in (("a", "ma"), ("b", "mb")):
        if m.group(mark) and m.group(mark) in CHECKED:
            yield Hit("annual_report_box", m.group(label), cover.start + m.start(label),
                      cover.start + m.end(label))
            return


NOT_FOREIGN = EVERY_KIND - {Kind.FOREIGN}

# In the order they run: of two values proposed with the same confidence, the first stands.
RULES = (
    Rule("cover.form_title", _form_title, where=Where.COVER,
         outputs=outputs("cover", form_type={"form_title": 0.9})),
    Rule("cover.combined", _combined_registrants, where=Where.COVER, outputs=outputs(
        "cover", commission_file_number={"combined:file": 0.93}, company_name={"combined:name": 0.93},
        principal_office_address={"combined:address": 0.88})),
    Rule("cover.registrant", _registrant, where=Where.COVER,
         outputs=outputs("cover", company_name={"registrant": 0.92})),
    Rule("cover.month", _month, where=Where.COVER, kinds=frozenset({Kind.FOREIGN}),
         outputs=outputs("cover", period_of_report={"month_of": 0.93, "6k_cover_date": 0.6})),
    Rule("cover.period", _period, where=Where.COVER, kinds=NOT_FOREIGN, outputs=outputs(
        "cover", period_of_report={"date_of_report": 0.9, "period_ended": 0.85, "cover_date_line": 0.6})),
    Rule("cover.file_number", _file_number, where=Where.COVER, outputs=outputs(
        "cover", commission_file_number={"file_number": 0.92, "file_number:near": 0.9})),
    Rule("cover.stated_file_number", _stated_file_number, kinds=frozenset({Kind.OTHER, Kind.UNKNOWN}),
         outputs=outputs("cover", commission_file_number={"file_number:stated": 0.7})),
    Rule("cover.address", _address, where=Where.COVER,
         outputs=outputs("cover", principal_office_address={"address": 0.8})),
    Rule("cover.annual_report_box", _annual_report_box, where=Where.COVER, kinds=frozenset({Kind.FOREIGN}),
         outputs=outputs("cover", annual_report_form={"annual_report_box": 0.9})),
    *SECURITIES_RULES,
)
