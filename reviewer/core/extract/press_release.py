"""Rules that read the first press release: headline, dateline and date, issuer (its tickers:
listings.py, contacts: contacts.py, website: websites.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from .contacts import CONTACT_WORD, PHONE
from .contacts import RULES as CONTACT_RULES
from .forms import Filing
from .listings import RULES as LISTING_RULES
from .normalize import DATE_RE, clean_text, date_from_match, iter_dates, parse_date
from .regions import Region, cells, find_dateline, form_region, is_rule, iter_lines
from .release_text import EMAIL, ISSUER
from .rules import Hit, Rule, Where, outputs
from .websites import RULES as WEBSITE_RULES


def _opening(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """The release's dateline, and what stands around it: the headline above, the date in it,
    the issuer after it (the company of a release that is the whole document). A release
    without one: its first block is its headline."""
    dl = find_dateline(doc, region)
    if dl is None:
        yield from _top_headline(doc, region)
        return
    place = dl.group("place").strip(" ,")
    yield Hit("dateline", clean_text(place), dl.start("place"), dl.start("place") + len(place))
    headline = list(_headline(doc, region, dl.start()))
    yield from headline
    yield from _release_date(doc, region, dl)
    if _standalone(doc, region):  # a form's cover names the registrant (not the release's issuer)
        issuer = list(_issuer(doc, dl.end()))
        named = _headline_name(doc, region, headline, issuer) if headline else None
        yield from [named] if named else issuer


_NOT_TITLE = re.compile(
    r"^(?:Exhibit|EX-)\s*(?:99|20)|^-+\s*Page\s+\d|^(?:FOR\s+(?:IMMEDIATE\s+)?RELEASE|NEWS\s+RELEASE|PRESS\s+RELEASE"
    r"|RELEASE\s+ON)\b|^NEWS\s*$|^</?(?:PAGE|TABLE|CAPTION|S|C|FN)>|^={3,}", re.I)
# A highlight under the headline: "• Record revenue ...", "•Record revenue", "-  Q4 ...", or the
# bullet alone on its line (a PDF's text layer), its text on the next; a symbol font's bullet
# is a private-use character ("\uf0b7" of Symbol, "\uf0a7" of Wingdings)
_BULLET = re.compile(r"^(?:[•▪●◦■◆➢\ue000-\uf8ff]|[*–—-](?:\s|$))")
# A letterhead line of web addresses only ("www.twitter.com/ford www.facebook.com/ford")
_LINKS_ONLY = re.compile(r"(?:\s*(?:https?://|www\.)\S+)+\s*")
# An exhibit's heading a PDF's text layer sets between the headline and the dateline
_EXHIBIT_HEADING = re.compile(r"^(?:EXHIBIT|Exhibit)\s+(?:99|20)(?:\.\d+)?\s*$")


def _blocks_above(doc: Document, region: Region, end: int, limit: int = 6) -> tuple[list[list[tuple[int, str]]], int]:
    """The blocks of lines (separated by blank lines) above `end`, nearest last, and how many
    of the last stand under a bullet (highlights, and the lines they wrap to); stops at a
    letterhead, contact table or caption. Bulleted highlights are passed over."""
    text = doc.text
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    highlights = 0
    pos = text.rfind("\n", region.start, end)
    while pos > region.start and len(blocks) - highlights < limit:
        prev = text.rfind("\n", region.start, pos) + 1
        line = text[prev:pos]
        pos = prev - 1
        if not line.strip() or is_rule(line):
            if current:
                blocks.insert(0, current)
                current = []
            continue
        if _BULLET.match(line.lstrip()):
            if current:
                blocks.insert(0, current)
                current = []
            highlights = len(blocks)
            continue
        row = cells(line, prev)
        if len(row) == 1 and (_EXHIBIT_HEADING.match(row[0][1]) or _LINKS_ONLY.fullmatch(line)):
            if current:
                blocks.insert(0, current)
                current = []
            continue
        if len(row) != 1 or EMAIL.search(line) or PHONE.search(line) or CONTACT_WORD.search(line) \
                or _NOT_TITLE.match(row[0][1]):
            break
        if DATE_RE.fullmatch(row[0][1].strip(" .")):  # the release's own date line
            if current:
                blocks.insert(0, current)
                current = []
            continue
        current.insert(0, row[0])
    if current and len(blocks) - highlights < limit:
        blocks.insert(0, current)
    return blocks, highlights


def _title_like(block: list[tuple[int, str]]) -> bool:
    """A headline is short, and set in capitals or title case (a sub-headline is a sentence)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", " ".join(c for _, c in block))
    if not words or len(block) > 3:
        return False
    # small words, and "is", a verb some titles set small ("Pipeline is Robust")
    small = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "as",
             "from", "its", "vs", "per", "into", "over", "than", "is"}
    capital = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return capital / len(words) >= 0.8


_SMALL_END = re.compile(r"(?:\b(?:of|to|and|or|the|a|an|for|in|on|at|by|with|as|from|its|&)|[,:;–—-])\s*$", re.I)
_SMALL_START = re.compile(r"^(?:of|to|and|or|the|for|in|on|at|by|with|as|from|its|&)\b", re.I)
# "$16.2 Million of Revenue ...", "13.7% Operating Margin": a line that opens with an amount
# starts a sub-headline's phrase, unless the line above broke off mid-phrase
_FIGURE_START = re.compile(r"^(?:[$€£]\s?\d|\d[\d.,]*\s?%)")


def _wrapped_title(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The title's own lines: a line continues it only when the title was wrapped mid-phrase, or
    set in the same capitals, or when it is the shorter title-cased rest of a long title (a
    PDF's line, or an HTML title broken by a line break); a longer line under a title, or one
    that opens with an amount, is a sub-headline."""
    out = block[:1]
    for prev, line in zip(block, block[1:], strict=False):
        wrapped = _SMALL_END.search(prev[1]) or _SMALL_START.match(line[1]) or (
            prev[1].isupper() and line[1].isupper()) or (
            not prev[1].isupper() and len(prev[1]) >= 30 and len(line[1]) <= len(prev[1])
            and _title_like([line]) and not _FIGURE_START.match(line[1]))
        if not wrapped:
            break
        out.append(line)
    return out


def _blank_block(block: list[tuple[int, str]]) -> bool:
    return bool(re.fullmatch(r"[\W\d]*", " ".join(c for _, c in block)))


def _headline(doc: Document, region: Region, dateline_start: int) -> Iterator[Hit]:
    """The release's title: the topmost title-like block above the dateline paragraph, and
    above its bulleted highlights when one stands there."""
    found, highlights = _blocks_above(doc, region, dateline_start)
    above = found[: len(found) - highlights]
    if highlights and any(_title_like(b) for b in above if not _blank_block(b)):
        found = above
    blocks = [b for b in found if not _blank_block(b)]
    if not blocks:
        return
    titled = [b for b in blocks if _title_like(b)]
    if not titled:  # highlights a PDF set without bullets stand between title and dateline
        further = [b for b in _blocks_above(doc, region, dateline_start, limit=12)[0] if not _blank_block(b)]
        if any(_title_like(b) for b in further):
            blocks = further
            titled = [b for b in blocks if _title_like(b)]
    block = titled[0] if titled else blocks[-1]
    at = blocks.index(block)
    block = _wrapped_title(block[:3])
    if (len(block) == 1 and at + 1 < len(blocks) and len(blocks[at + 1]) == 1 and block[0][1].isupper()
            and blocks[at + 1][0][1].isupper() and len(block[0][1]) >= 40):
        block = block + blocks[at + 1]  # a title in capitals wrapped across a blank line
    value = clean_text(" ".join(c for _, c in block)).rstrip(".")
    if 10 <= len(value) <= 250 and not DATE_RE.fullmatch(value):
        end = block[-1][0] + len(block[-1][1])
        yield Hit("headline" if titled else "headline:untitled", value, block[0][0], end)


_SUBJECT_VERB = r"(?:reports?|announces?|declares?|posts?|completes?|delivers?|to\s+acquire|acquires?|names?|appoints?)\b"
# "Amcor reports fiscal 2023 results": the company a headline opens with, before its verb.
_HEADLINE_SUBJECT = re.compile(
    r"(?P<name>(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and)){0,4}?)\s+" + _SUBJECT_VERB)
_ABOUT = re.compile(r"^[ \t]*About\s+(?P<name>[A-Z][^\n]{1,60}?)[ \t]*$", re.M)


def _standalone(doc: Document, region: Region) -> bool:
    """A release that is the whole document: no header, and no form (a cover) before it."""
    return not (doc.header or {}).get("filers") and region.start <= form_region(doc).start


def _headline_name(doc: Document, region: Region, headline: list[Hit], issuer: list[Hit]) -> Hit | None:
    """The company as a standalone release first names it: a headline that opens with the start of
    its name ("Pfizer Reports ..." for "Pfizer Inc.", "Salesforce Announces ..." under "About
    Salesforce") before its verb, unless a letterhead gave the full name above the headline."""
    names = [h.value for h in issuer] or [m.group("name") for m in _ABOUT.finditer(doc.text, region.start, region.end)]
    title, start = headline[0].value, headline[0].start

    def fold(s: str) -> str:
        return s.replace("’", "'").casefold().rstrip(",")

    words = title.split()
    for name in names:
        if fold(name) in fold(doc.text[region.start : start]):
            return None  # the letterhead named it first
        k = 0
        for a, b in zip(words, name.split(), strict=False):
            if fold(a) != fold(b):
                break
            k += 1
        if k and re.match(_SUBJECT_VERB, " ".join(words[k:]), re.I):
            m = re.match(r"\s*".join(re.escape(w) for w in words[:k]), doc.text[start:])
            end = start + m.end() if m else start + len(" ".join(words[:k]))
            return Hit("headline_name", " ".join(words[:k]).rstrip(","), start, end)
    return None


# A contact caption alone on its line ("CONTACT:", "Media Contacts"): the card is below it
_CAPTION_ONLY = re.compile(r"[ \t]*(?:[A-Za-z]+\s+){0,2}contacts?[ \t]*:?[ \t]*", re.I)


def _top_headline(doc: Document, region: Region) -> Iterator[Hit]:
    """A release with no dateline: its first block of text is its title, and the company the
    title opens with is the issuer; a contact block that opens the release ("CONTACT:" over a
    name and a telephone) is passed over. Unsure, so shown for attention."""
    text = doc.text
    block: list[tuple[int, str]] = []
    contact = ""  # "caption": a caption seen, its card is the next block; "card": inside the card
    for pos, line in iter_lines(text, region.start, min(region.end, region.start + 1500)):
        row = cells(line, pos)
        if not line.strip() or is_rule(line):
            if block:
                break
            if contact == "card":
                contact = ""
            continue
        if contact:
            contact = "card"
            continue
        if len(row) != 1 or _NOT_TITLE.match(row[0][1]) or DATE_RE.fullmatch(row[0][1].strip(" .")):
            if block:
                break
            if len(row) == 1:
                continue
            return
        if EMAIL.search(line) or PHONE.search(line) or CONTACT_WORD.search(line):
            if block:
                return
            contact = "caption" if _CAPTION_ONLY.fullmatch(line) else "card"
            continue
        if _BULLET.match(line.lstrip()):
            return
        block.append(row[0])
        if len(block) > 3:
            return
    if not block:
        return
    block = _wrapped_title(block)
    value = clean_text(" ".join(c for _, c in block)).rstrip(".")
    if not 10 <= len(value) <= 200 or value.endswith(":"):
        return
    end = block[-1][0] + len(block[-1][1])
    yield Hit("headline_top", value, block[0][0], end)
    m = _HEADLINE_SUBJECT.match(value)
    if m and _standalone(doc, region) and not re.match(r"(?:The|A|An|New|First|Second|Third|Fourth|Fiscal|Full)\b", m.group("name")):
        name = m.group("name")
        yield Hit("headline_subject", name, block[0][0], block[0][0] + len(name))


def _release_date(doc: Document, region: Region, dl: re.Match[str]) -> Iterator[Hit]:
    text = doc.text
    if dl.group("date"):
        m = DATE_RE.match(text, dl.start("date"))
        if m and (d := date_from_match(m)):
            yield Hit("dateline_date", d, m.start(), m.end())
            return
        year = _year_hint(doc, region)
        if year:
            d = parse_date(f"{dl.group('date')}, {year}")
            if d:
                yield Hit("dateline_date_year", d, dl.start("date"), dl.end("date"))
                return
    above = list(iter_dates(text, max(region.start, dl.start() - 700), dl.start()))
    if not above:  # a date alone on its line, over a long list of highlights
        top = text.rfind("\n", region.start, max(region.start, dl.start() - 2500)) + 1
        for pos, line in iter_lines(text, max(top, region.start), dl.start()):
            if DATE_RE.fullmatch(line.strip(" .")):
                above = list(iter_dates(text, pos, pos + len(line))) or above
    if above:
        d, s, e = above[-1]  # the date line nearest the dateline
        yield Hit("release_date_line", d, s, e)


def _year_hint(doc: Document, region: Region) -> str | None:
    m = re.search(r"\b(?:19|20)\d\d\b", doc.text[region.start : region.start + 3000])
    if m:
        return m.group(0)
    filed = (doc.header.get("filed_date") or [""])[0] if doc.header else ""
    return filed[:4] or None


def _issuer(doc: Document, start: int) -> Iterator[Hit]:
    m = ISSUER.search(doc.text, start, start + 300)
    if m:
        value = clean_text(m.group(0))
        yield Hit("issuer", value, m.start(), m.start() + len(m.group(0).rstrip(",")))


OFFICE_SENTENCE = re.compile(
    r"principal\s+(?:executive\s+)?offices?\s+(?:are|is)\s+located\s+(?:at|in)\s+([^\n]+(?:\n[^\n]+)?)")


def _office_sentence(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    """"... principal offices are located at 1337-20, Seocho-2 dong, ..., Korea 137-751."."""
    m = OFFICE_SENTENCE.search(doc.text, region.start, region.end)
    if m:
        address = re.split(r"\.(?:\s|$)", m.group(1), maxsplit=1)[0]
        yield Hit("office_sentence", clean_text(address), m.start(1), m.start(1) + len(address))


RULES = (
    Rule("press_release.opening", _opening, where=Where.RELEASE, outputs=outputs(
        "press_release",
        dateline={"dateline": 0.85},
        # a title-like block over the dateline; else the nearest block, or a release's first block
        headline={"headline": 0.8, "headline:untitled": 0.55, "headline_top": 0.55},
        release_date={"dateline_date": 0.9, "release_date_line": 0.7, "dateline_date_year": 0.65},
        # the issuer after the dateline; a standalone release's headline that names it first
        company_name={"issuer": 0.6, "headline_name": 0.6, "headline_subject": 0.5})),
    *LISTING_RULES,
    *CONTACT_RULES,
    Rule("press_release.office_sentence", _office_sentence, where=Where.RELEASE,
         outputs=outputs("press_release", principal_office_address={"office_sentence": 0.65})),
    *WEBSITE_RULES,
)
