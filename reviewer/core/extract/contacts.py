"""The people a press release names as its contacts, with the telephones and e-mails listed for
them: under a "Contact" caption (a block up to a gap, over a page break inside a contact), or
set as cards with no caption (name, company, department, then a telephone or e-mail)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .forms import Filing
from .normalize import clean_text, normalize
from .regions import Region, cells, iter_lines
from .release_text import EMAIL, SPLIT_EMAIL, company_words
from .rules import Hit, Rule, Where, outputs

# "(408) 974-1896", "1.650.607.0349", "425/313-8203", international "+61 3 9226 9028", and an
# extension as written after the number ("800-978-2737 ext. 2011", "x 204").
PHONE = re.compile(
    r"(?<![\w.-])(?:(?:\+?\d{1,3}[-. ])?(?:\(\d{3}\)\s?|\d{3}[-./])\d{3,4}[-.]\d{4}"
    r"|\+\d{1,3}(?:[ .-]\d{1,4}){2,4}\d*)(?:,?[ \t]*(?:ext\.?|extension|x)[ \t]*\d{1,5})?(?![\w-])", re.I)
CONTACT_WORD = re.compile(
    r"(?:^|\t)[ \t/]*(?:[A-Za-z]+\s+){0,2}CONTACTS?\b|\bCONTACTS?\s*:|Investor\s+Relations\s*:"
    r"|further\s+information,?\s+(?:please\s+)?contact\b|information\s+please\s+contact\b", re.I | re.M)
PERSON = re.compile(
    r"^(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){1,2}$")
NOT_PERSON = re.compile(
    r"\b(?:Inc|Corp|Co|Company|Group|Relations|Communications|Corporate|Investor|Investors|Media|PR|IR|Press"
    r"|Contact|Contacts|Public|Affairs|Release|News|Immediate|Phone|Fax|Office|Department|Services"
    r"|Consulting|Helpline|Inquiries|Community|Financial|Officer|President|Director|Manager|Street"
    r"|Road|Avenue|Suite|Korea|Nasdaq|NYSE|Stock|Market|About|Website|Email|Hotline|Toll|Advisors"
    r"|Partners|Associates|Capital|Agency|Strategies|LLC|Ltd|Bank|Trust"
    # table captions and headline fragments that a contact block runs into
    r"|Months|Weeks|Ended|Quarter|Fiscal|Year|Results|Record|International|Sales|Revenue)\b", re.I)


def _contact_blocks(doc: Document, region: Region) -> list[Region]:
    """Stretches of the release that list contacts: after a 'Contact' caption, up to a gap (not a
    page break between a person and their telephone or e-mail)."""
    text = doc.text
    blocks: list[Region] = []
    for m in CONTACT_WORD.finditer(text, region.start, region.end):
        line_start = text.rfind("\n", region.start, m.start()) + 1
        if blocks and line_start < blocks[-1].end:
            continue
        end = line_start
        gap = count = since = 0
        last = ""  # the line above: a long one runs on into the next (a sentence naming contacts)
        unreached = False  # a person named whose telephone or e-mail has not come yet
        resume = -1  # past a page break that stands inside a contact
        for pos, line in iter_lines(text, line_start, region.end):
            if pos < resume:
                continue
            if not line.strip() and unreached and (turn := _page_turn(text, pos, region.end)) is not None:
                resume = turn
                continue
            if not line.strip():
                gap += 1
                # a contact table in columns a PDF gives one cell a line: the next person may
                # stand under a caption ("Media - Europe") after the blank line, and a person's
                # reach under their agency's name
                after = text.find("\n", pos + 1)
                if gap >= 2 or (count > 2 and not _contactish(text, pos + 1)
                                and not (after > 0 and _person_line(text, after + 1))
                                and not (after > 0 and unreached and _contactish(text, after + 1))):
                    break
                continue
            gap = 0
            count += 1
            if count > 1 and len(last.strip()) <= 80 and _note(line, pos):
                break
            last = line
            if EMAIL.search(line) or PHONE.search(line):
                unreached = False
            elif _person_line(text, pos):
                unreached = True
            # up to 14 lines; a longer table while its short cells keep naming people
            since = 0 if _contactish(text, pos) else since + 1
            if count > 40 or (count > 14 and (since >= 4 or len(line.strip()) > 60)):
                break
            end = pos + len(line)
        blocks.append(Region(line_start, end))
        if len(blocks) >= 3:
            break
    return blocks


# A contact's department on the line under their name: "Investor Relations", "Media Relations"
_DEPARTMENT = re.compile(r"^[ \t]*(?:Investor|Media|Public|Press|Corporate)\s+(?:Relations|Communications|Affairs)[ \t]*$",
                         re.M)


def _contact_cards(doc: Document, region: Region) -> Iterator[Region]:
    """Contacts set as cards with no caption over them: a person alone on a line, their company
    and department under it, then their telephone or e-mail (also at the top of the next page),
    up to a blank line."""
    text = doc.text
    for m in _DEPARTMENT.finditer(text, region.start, region.end):
        start = m.start()  # up the card to its first line: a blank line or a page's marker above
        for _ in range(4):
            above = text.rfind("\n", region.start, start - 1) + 1
            line = text[above : start - 1]
            if start <= region.start or not line.strip() or re.match(r"-+\s*Page\s+\d", line):
                break
            start = above
        if not region.start < start < m.start() or not _person_line(text, start):
            continue
        gap = re.compile(r"\n[ \t]*\n").search(text, m.end(), min(region.end, m.end() + 300))
        end = gap.start() if gap else m.end()
        card = text[m.end() : end]
        if gap and not (EMAIL.search(card) or PHONE.search(card)) \
                and (turn := _page_turn(text, gap.start() + 1, region.end)) is not None:
            after = re.compile(r"\n[ \t]*\n").search(text, turn, min(region.end, turn + 300))
            end = after.start() if after else min(region.end, turn + 300)
            card = text[turn:end]
        if len(card) < 200 and (EMAIL.search(card) or PHONE.search(card)):
            yield Region(start, end)


_PAGE_TURN = re.compile(r"(?:[ \t]*\n)*[ \t]*-+\s*Page\s+\d+\s*-+[ \t]*\n(?:[ \t]*\n)*")


def _page_turn(text: str, pos: int, end: int) -> int | None:
    """A contact's reach printed on the next page: from the blank line at `pos` only blank lines and
    a page's marker ("-------- Page 4 --------"), then a line with an e-mail or telephone; where
    that line starts."""
    m = _PAGE_TURN.match(text, pos, end)
    if not m:
        return None
    stop = text.find("\n", m.end(), end)
    line = text[m.end() : stop if stop >= 0 else end]
    return m.end() if EMAIL.search(line) or SPLIT_EMAIL.search(line) or PHONE.search(line) else None


def _note(line: str, pos: int) -> bool:
    """A closing note under the contacts ("NOTE TO EDITORS: For additional information visit ...
    or email the Media Helpline at ..."): a long line of prose that names no person (under a
    short line: not the rest of a sentence that names the contacts)."""
    return len(line.strip()) > 80 and len(cells(line, pos)) == 1 and not any(
        _person(seg) for _, seg in _segments(line, pos))


def _contactish(text: str, pos: int) -> bool:
    """The next line continues a contact list: a person, an e-mail or a telephone number."""
    stop = text.find("\n", pos)
    line = text[pos : stop if stop >= 0 else pos + 200]
    return bool(EMAIL.search(line) or PHONE.search(line)
                or (not _address_line(line) and any(_person(seg) for _, seg in _segments(line, pos))))


def _person_line(text: str, pos: int) -> bool:
    """A line that names a person alone (the first line of the next contact's cell)."""
    stop = text.find("\n", pos)
    line = text[pos : stop if stop >= 0 else pos + 200].strip()
    return _person(line)


def _address_line(line: str) -> bool:
    """A footer's address ("83 Tower Road North, Warmley, Bristol, England, ..., United Kingdom"):
    four commas or more, and a number; its place names are no people."""
    return line.count(",") >= 4 and bool(re.search(r"\d", line))


def _segments(line: str, pos: int) -> Iterator[tuple[int, str]]:
    """Cells of a line, and the comma-separated pieces of each: where a name may stand."""
    for cstart, cell in cells(line, pos):
        for m in re.finditer(r"[^,;]+", cell):
            piece = re.sub(r"^\s*(?:or|and)\s+|\s+(?:or|and)\s*$", "", m.group(0)).strip(" /")
            piece = re.sub(r"^(?:[A-Za-z]+\s+){0,3}[A-Za-z]+\s*:\s*|^.*\bcontact\s+", "", piece, flags=re.I)
            # "Erin Curtis by phone at 480-515-6330": the name before how to reach them
            piece = re.sub(r"\s+(?:by|at|via|on)\s+(?:phone|telephone|e-?mail|calling|\S*\d|\S+@).*$", "", piece)
            piece = re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.\s+", "", piece)  # the honorific is not the name
            if piece and len(piece.split()) <= 6:
                yield cstart + m.start() + m.group(0).find(piece.split()[0]), piece


def _person(name: str, company_words: frozenset[str] = frozenset()) -> bool:
    if not PERSON.match(name) or NOT_PERSON.search(name):
        return False
    words = {w.casefold() for w in re.findall(r"[\w'’]+", name)}
    return not (company_words and words <= company_words)


def _contacts(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """People named as contacts, with the e-mails and telephones listed in their blocks."""
    text = doc.text
    company = company_words(doc)
    blocks = _contact_blocks(doc, region)
    blocks += [c for c in _contact_cards(doc, region) if not any(b.start <= c.start < b.end for b in blocks)]
    for block in blocks:
        names = []
        for pos, line in iter_lines(text, block.start, block.end):
            if _address_line(line) and not (EMAIL.search(line) or PHONE.search(line)):
                continue
            for start, seg in _segments(line, pos):
                if _person(seg, company):
                    names.append(Hit("contact_name", clean_text(seg), start, start + len(seg)))
        if not names:  # a company or department line with a switchboard: not a person contact
            continue
        yield from names
        for pos, line in iter_lines(text, block.start, block.end):
            for m in SPLIT_EMAIL.finditer(line):
                yield Hit("contact_email", normalize(m.group(0), "code") or "", pos + m.start(), pos + m.end())
            for m in EMAIL.finditer(line):
                skip = 2 if re.search(r"e-?mail\s*$", line[: m.start()], re.I) and m.group(0)[:2].lower() == "at" \
                    else 0  # "via email atIR@acme.com": a text layer that lost the space after "at"
                yield Hit("contact_email", m.group(0)[skip:].lower(), pos + m.start() + skip, pos + m.end())
            for m in PHONE.finditer(line):
                if "fax" in line[max(0, m.start() - 8) : m.start()].lower():
                    continue
                yield Hit("contact_phone", m.group(0), pos + m.start(), pos + m.end())


RULES = (
    Rule("press_release.contacts", _contacts, where=Where.RELEASE, outputs=outputs(
        "press_release", contact_name={"contact_name": 0.75}, contact_email={"contact_email": 0.8},
        contact_phone={"contact_phone": 0.75})),
)
