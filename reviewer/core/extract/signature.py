"""The form's signature block: the date it was signed, the signer's name and title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing, Kind
from .normalize import DATE_RE, clean_text, first_date
from .regions import Region, cells, is_rule, iter_lines, line_start_matches, lowered
from .rules import Hit, Rule, outputs


def _title(out: str, value: str, start: int, end: int) -> Hit:
    return Hit(out, _without_trailing_date(value), start, end)


def _without_trailing_date(title: str) -> str:
    """A signature table's date column is not part of the signer's title."""
    dates = list(DATE_RE.finditer(title))
    last = dates[-1] if dates else None
    if last is not None and not title[last.end() :].strip(" ,."):
        return title[: last.start()].rstrip(" ,")
    return title


SIGNATURE_HEADING = re.compile(r"S ?I ?G ?N ?A ?T ?U ?R ?E ?S?[ \t]*$", re.M)  # `^[ \t]*` before it
# Case-insensitive: searched in the lowered text.
SIGNED_SENTENCE = re.compile(r"caused\s+this\s+report\s+to\s+be\s+signed\s+on\s+its\s+behalf[^.]*\.")
# A name, with its suffix after a comma ("William C. Ford, Jr.", "John B. Douglas, III").
PERSON_NAME = (r"[A-Z][A-Za-z.'’-]*(?: {1,2}[A-Z][A-Za-z.'’-]*){1,4}"
               r"(?:,[ \t]*(?:(?:Jr|Sr)\.?|III|II|IV)(?![A-Za-z]))?")


# A conformed signature: "/s/ Jane Roe", or as Canadian filers write it, '(signed) "Jane Roe"'.
SIGNED_BY = re.compile(r"/s/|\(signed\)|\bBy:", re.I)
_SLASH = re.compile(r"(?:/s/|\(signed\))[ \t]*[\"“]?(" + PERSON_NAME + r")", re.I)
# A conformed signature signed by an attorney-in-fact: "By: I. Martin Inglis*", and below the
# directors' table "*By: /s/ Peter Sherry, Jr. ... Attorney-in-Fact".
_STARRED = re.compile(r"\bBy:?[ \t]+(" + PERSON_NAME + r")[ \t]*\*")
_DATE_LABEL = re.compile(r"\bDated?\b:?[ \t]*")


def _signature(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text = doc.text
    anchors = [m.end() for _, m in line_start_matches(SIGNATURE_HEADING, text, text, region.start, region.end)]
    sentences = list(SIGNED_SENTENCE.finditer(lowered(doc), region.start, region.end))
    anchors += [m.end() for m in sentences]
    if not anchors:
        return
    anchors.sort()
    start = anchors[-1]
    for a in anchors:  # the form's own block: the first heading or sentence that a signature follows
        signed = SIGNED_BY.search(text, a, a + 800)  # (an exhibit's signature pages come later)
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
        yield Hit("signature_date", d, s, e)
    yield from signer(doc, start, block_end)


def signer(doc: Document, start: int, end: int) -> Iterator[Hit]:
    """The signer signed first in text[start:end]: his name, and his title ("signer_title", or
    "signer_title:labelled" after "Title:", "signer_title:below" on the lines under the name)."""
    text = doc.text
    name_label = re.compile(r"Name:[ \t]*(" + PERSON_NAME + r")", re.M).search(text, start, end)
    title_label = re.compile(r"(?<!/)Title:[ \t]*(?:\n[ \t]*){0,3}([^\n\t:]+)").search(text, start, end)
    if title_label and (not _TITLE_WORDS.search(title_label.group(1)) or "/s/" in title_label.group(1)):
        title_label = None  # "Title:" with the signature line under it: the title is elsewhere
    slash = _SLASH.search(text, start, end)
    starred = _STARRED.search(text, start, slash.start() if slash else end)
    if starred:  # "By: I. Martin Inglis*": the officer's conformed name; the "/s/" is his attorney's
        slash = starred
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
        signed = (slash.group(1), slash.start(1), slash.end(1))
        name = typed if typed and _same_person(typed[0], signed[0]) else signed
        after = typed[2] if name is typed else slash.end()
        if typed and _letters(typed[0]) == _letters(signed[0]) and not signed[0].isupper():
            name = signed  # "(I Martin Inglis)" typed under "I. Martin Inglis*": as signed
    if name is None:
        return
    yield Hit("signer_name", _as_written(name[0]), name[1], name[2])
    if title_label:
        title, title_end = _continued_title(text, title_label.group(1).strip(), title_label.end(1), end)
        yield _title("signer_title:labelled", clean_text(title), title_label.start(1), title_end)
    elif after is not None:
        yield from _title_after(doc, after, end, name[0].strip())


# A title that cannot end here: "..., General Counsel" + "and Corporate Secretary", "Legal Counsel and
# Assistant" + "Secretary", "Chief Executive" + "Officer and President".
# Case-free: a title set in capitals wraps as "EXECUTIVE VICE PRESIDENT AND" + "CHIEF FINANCIAL OFFICER".
_DANGLING = re.compile(r"(?:,|\b(?:and|of|&|the|Vice|Chief|Executive|Senior|Assistant|Associate|Deputy|General"
                       r"|Financial|Operating|Accounting|Corporate))$", re.I)
_CONNECTOR = re.compile(r"(?:and|&|of)\s", re.I)
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


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _typed_name_after(doc: Document, pos: int, end: int) -> tuple[str, int, int] | None:
    """The typed name under a /s/ signature (the line after, skipping rules)."""
    for lstart, line in iter_lines(doc.text, doc.text.find("\n", pos) + 1, end):
        if not line.strip() or is_rule(line) or _BY_LINE.match(line):
            continue
        row = cells(line, lstart)
        if not row:
            continue
        if len(row) > 1 and row[0][1] == "Date":  # "Date<tab>William F. Oplinger": the date's caption
            row = row[1:]
        cstart, cell = row[0]
        if _COMPANY_LINE.search(cell):  # "COSTCO WHOLESALE CORPORATION" between /s/ and the name
            continue
        if cell.startswith("(") and cell.endswith(")"):  # "(Matthew W. Janzaruk)" typed in brackets
            cstart, cell = cstart + 1, cell[1:-1]
        m = re.match(PERSON_NAME + r"(?=,|$)", cell)
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


_AFTER_COMMA = re.compile(r"[ \t]*,\s*([^\n\t]+)")


def _title_after(doc: Document, pos: int, end: int, name: str = "") -> Iterator[Hit]:
    """The signer's title: after the name's comma, on the same row's cells, or on the next lines."""
    text = doc.text
    # The title after the name's own comma ("Donald G. Smith, Chairman, President," + "Treasurer and
    # Chief Executive Officer"), else after the name's comma further down, where the /s/ line has no
    # title ("Brien M. Chase, Senior Vice President" + "and Chief Financial Officer"): never the
    # same name's line in the directors' table below, which the first would be.
    m = _AFTER_COMMA.match(text, pos, end)
    at = text.find(name + ",", pos, end) if name and not (m and _TITLE_WORDS.search(m.group(1))) else -1
    while at >= 0 and not (m and _TITLE_WORDS.search(m.group(1))):
        m = _AFTER_COMMA.match(text, at + len(name), end)
        at = text.find(name + ",", at + 1, end)  # the name found as text: no pattern compiled per name
    if m and _TITLE_WORDS.search(m.group(1)):
        title, title_end = _continued_title(text, m.group(1).strip(), m.end(1), end)
        yield _title("signer_title", clean_text(title), m.start(1), title_end)
        return
    line_end = text.find("\n", pos)
    line_end = end if line_end < 0 else min(line_end, end)
    rest = text[pos:line_end]
    row = [c for c in cells(rest, pos) if _TITLE_WORDS.search(c[1]) or c[1].endswith(",")]
    if row and _TITLE_WORDS.search(row[0][1]):
        value = _without_trailing_date(" ".join(c for _, c in row))
        column = row[0][0] - (text.rfind("\n", 0, row[0][0]) + 1)  # a table's title column wraps
        value, value_end = _continued_title(text, value, row[-1][0] + len(row[-1][1]), end, column)
        yield _title("signer_title", clean_text(value), row[0][0], value_end)
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
        yield _title("signer_title:below", clean_text(value), pieces[0][0], pieces[-1][0] + len(pieces[-1][1]))


# -- ownership reports: Form 4, Schedules 13G/13D, 13F, Form D ------------------------------
# Their forms carry no SIGNATURES heading with a "caused this report to be signed" sentence: the
# XML forms sign in tags, the text forms under a caption ("Signature of Reporting Person") or with
# labels ("Signature:", "Name/Title:"). The first signer is the one.
_XML_BLOCKS = ("<ownerSignature>", "<signatureDetails>", "<signatureBlock>")
_XML_FIELD = re.compile(r"<(signatureName|signature|signatureTitle|title|signatureDate|date)>"
                        r"[ \t\n]*([^<\n]*[^<\s])[ \t\n]*</\1>")
# How a signer says that he signs for another: a capacity, not a title ("/s/ Katherine Kwiat, power
# of attorney", "Marta Woods by Power of Attorney", "Name/Title Attorney-In-Fact").
_CAPACITY = re.compile(r"[ \t,]*\b(?:(?:as|by)\s+)?(?:attorney[- ]in[- ]fact|power\s+of\s+attorney)", re.I)
_REPORTING_PERSON = re.compile(r"signature\s+of\s+reporting\s+person")  # in the lowered text
_SIGNATURE_LABEL = re.compile(r"signature:")  # in the lowered text: "Signature: /s/ ..." + "Name/Title: ..."
_NAME_TITLE = re.compile(r"^[ \t]*Name\s*/\s*Title:?[ \t]*([^\n]+)", re.I | re.M)


def _ownership(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    text, low = doc.text, lowered(doc)
    blocks = [(at, tag) for tag in _XML_BLOCKS if (at := text.find(tag, region.start, region.end)) >= 0]
    if blocks:
        at, tag = min(blocks)
        yield from _xml_signature(text, at, max(at, text.find("</" + tag[1:], at, region.end)))
        return
    caption = _REPORTING_PERSON.search(low, region.start, region.end)
    if caption:  # "/s/ Name  Date" over "** Signature of Reporting Person  Date", or under it
        lo = caption.start()
        for _ in range(3):
            lo = max(region.start, text.rfind("\n", region.start, lo))
        signed = _SLASH.search(text, lo, min(region.end, caption.end() + 300))
        if signed and _first_signed(low, region.start, lo):
            yield Hit("signer_name:ownership", _as_written(signed.group(1)), signed.start(1), signed.end(1))
            found = first_date(text, min(signed.end(), caption.end()), min(region.end, caption.end() + 300))
            if found:
                yield Hit("signature_date:ownership", *found)
        return
    for label in _SIGNATURE_LABEL.finditer(low, region.start, region.end):
        signed = re.compile(r"[ \t]*(?:/s/[ \t]*)?(" + PERSON_NAME + r")").match(text, label.end(), region.end)
        if not signed or not (label.start() == 0 or text[label.start() - 1] in "\n \t"):
            continue
        if not _first_signed(low, region.start, label.start()):
            return  # a form signed above, an exhibit's "Signature:" below it
        yield Hit("signer_name:ownership", _as_written(signed.group(1)), signed.start(1), signed.end(1))
        titled = _NAME_TITLE.search(text, signed.end(), min(region.end, signed.end() + 400))
        if titled:
            title = titled.group(1).strip()
            title = title.split(",", 1)[1].strip() if "," in title else title  # "Jane Doe, Director"
            if _TITLE_WORDS.search(title) and not _CAPACITY.match(title):
                start = titled.end(1) - len(title)
                yield Hit("signer_title:ownership", clean_text(title), start, titled.end(1))
        dated = _DATE_LABEL.search(text, max(region.start, label.start() - 300), min(region.end, signed.end() + 400))
        found = first_date(text, dated.end(), min(region.end, dated.end() + 40)) if dated else None
        if found:
            yield Hit("signature_date:ownership", *found)
        return


def _first_signed(low: str, start: int, at: int) -> bool:
    """Whether nothing is signed in low[start:at]: no "/s/", no "By:"."""
    return low.find("/s/", start, at) < 0 and _BY.search(low, start, at) is None


_BY = re.compile(r"\bby:")  # in the lowered text


def _xml_signature(text: str, start: int, end: int) -> Iterator[Hit]:
    """The first signer in an XML form's signature element: name, title and date in their tags."""
    tags: dict[str, re.Match[str]] = {}
    for m in _XML_FIELD.finditer(text, start, end):
        tags.setdefault(m.group(1).replace("signature", "").lower() or "name", m)
    name = tags.get("name")
    if name:
        value = re.sub(r"^/s/\s*", "", name.group(2))
        value = re.split(r",|" + _CAPACITY.pattern, value, maxsplit=1, flags=re.I)[0].strip()
        if value:
            at = name.start(2) + name.group(2).find(value)
            yield Hit("signer_name:ownership", _as_written(value), at, at + len(value))
    title = tags.get("title")
    if title and not _CAPACITY.match(title.group(2)):
        yield Hit("signer_title:ownership", clean_text(title.group(2)), title.start(2), title.end(2))
    dated = tags.get("date")
    if dated:  # "2025-01-10", "01/17/2025", "10-16-2023"
        found = first_date(dated.group(2).replace("-", "/") if re.match(r"\d\d-", dated.group(2))
                           else dated.group(2))
        if found:
            yield Hit("signature_date:ownership", found[0], dated.start(2), dated.end(2))


def _as_written(name: str) -> str:
    name = name.strip()
    if name.isupper():
        name = re.sub(r"\b(?:Ii|Iii|Iv)\b", lambda r: r.group().upper(), name.title())
    return re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", name)  # "Douglas E.Klint" as printed


RULES = (
    Rule("form.signature", _signature, outputs=outputs(
        "form", signature_date={"signature_date": 0.88}, signer_name={"signer_name": 0.85},
        # a title after "Title:" is surer than one read after the name or under it
        signer_title={"signer_title:labelled": 0.85, "signer_title": 0.8, "signer_title:below": 0.75})),
    Rule("form.ownership_signature", _ownership, kinds=frozenset({Kind.OTHER, Kind.UNKNOWN}), outputs=outputs(
        "form", signature_date={"signature_date:ownership": 0.85}, signer_name={"signer_name:ownership": 0.8},
        signer_title={"signer_title:ownership": 0.8})),
)
