"""Normal forms of SCHEMA.md: dates, months, numbers, text and codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        1,
    )
    for m in names
}
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Dates as filings write them; each alternative names its parts.
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)(?!\d)"
    r"|(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d))\b",
    re.I,
)
MONTH_YEAR_RE = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def date_from_match(m: re.Match[str]) -> str | None:
    """ISO date of a DATE_RE match, None when it names no real day."""
    g = m.groupdict()
    if g["y1"]:
        return _iso(int(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
    if g["y2"]:
        return _iso(int(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
    if g["y3"]:
        return _iso(_year(g["y3"]), int(g["m3"]), int(g["d3"]))
    return _iso(int(g["y4"]), int(g["m4"]), int(g["d4"]))


def iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(YYYY-MM-DD, start, end) of each real date written in text[start:end]."""
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        if iso := date_from_match(m):
            yield iso, m.start(), m.end()


def first_date(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    return next(iter_dates(text, start, end), None)


def parse_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD ("November 27, 2002", "11/27/02", "20021127")."""
    compact = text.strip()
    if re.fullmatch(r"(19|20)\d{6}", compact):
        return _iso(int(compact[:4]), int(compact[4:6]), int(compact[6:]))
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)", compact):  # "01-28-2025", a form's XML
        return _iso(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = DATE_RE.search(text)
    return date_from_match(m) if m else None


def parse_month(text: str) -> str | None:
    """YYYY-MM from "November 2002" or "2002-11"."""
    m = MONTH_YEAR_RE.search(text)
    if m:
        return f"{int(m.group('y')):04d}-{MONTHS[m.group('m').lower().rstrip('.')]:02d}"
    m = re.search(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])\b", text)
    return f"{m.group(1)}-{m.group(2)}" if m else None


_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def parse_integer(text: str) -> str | None:
    """Digits only, scaled out: "232.9 million" -> "232900000"."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", text, re.I)
    if not m:
        return None
    number = m.group(1).replace(",", "")
    scale = _SCALE.get((m.group(2) or "").lower(), 1)
    whole, _, frac = number.partition(".")
    value = int(whole or "0") * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)
    return str(value)


def parse_decimal(text: str) -> str | None:
    """Digits with '.': "$0.25" -> "0.25"; an amount in cents in dollars: "12.25 cents" ->
    "0.1225" (as the dividend rule reads it)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    if not m:
        return None
    number = m.group(0).replace(",", "")
    if _CENTS.match(text, m.end()):
        return f"{float(number) / 100:.6f}".rstrip("0").rstrip(".")
    return number


_CENTS = re.compile(r"\s*(?:cents?\b|¢)", re.I)


def clean_text(text: str) -> str:
    """White space folded, surrounding punctuation and quotes dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" \t\"'“”‘’,;:").strip()


_SUB_LETTER = re.compile(r"\([A-Z]\)")


def _upper_code(code: str) -> str:
    """A code in upper case ("8-k" -> "8-K", "pep28a" -> "PEP28A"), but in a number (an exhibit's)
    letters written small after a digit or in brackets stay as written: "4.1b", "10aa", "10j(ii)"."""
    if not code[:1].isdigit():
        return code.upper()
    out = []
    depth = 0
    kept = False
    for i, ch in enumerate(code):
        depth += (ch == "(") - (ch == ")")
        kept = ch.islower() and (depth > 0 or (i > 0 and (code[i - 1].isdigit() or kept)))
        out.append(ch if kept else ch.upper())
    return "".join(out)


# The top-level domains after which a PDF text layer is known to split an e-mail ("Press@ACME. com").
SPLIT_TLDS = "com|net|org|edu|gov"
_SPLIT_DOMAIN = re.compile(rf"\.\s+(?=(?:{SPLIT_TLDS})$)")


def normalize(value: str, ftype: str) -> str | None:
    """A value typed or selected by the analyst, in the field type's normal form."""
    if ftype == "date":
        return parse_date(value)
    if ftype == "month":
        return parse_month(value)
    if ftype == "date_or_month":
        return parse_date(value) or parse_month(value)
    if ftype == "integer":
        return parse_integer(value)
    if ftype == "decimal":
        return parse_decimal(value)
    if ftype == "code":
        code = clean_text(value)
        if "@" in code:  # an e-mail, as a PDF text layer may split it: "Press@ACME. com"
            return _SPLIT_DOMAIN.sub(".", code.lower()) or None
        # Upper case, but an exhibit's sub-letter as lists write it: 3.1(a), 4.1(b).
        return _SUB_LETTER.sub(lambda m: m.group(0).lower(), _upper_code(code)) or None
    return clean_text(value) or None
