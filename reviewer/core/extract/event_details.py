"""What an event's report says of it: a split's ratio, share counts and date, a meeting's date,
a delisting notice's date and market, a petition's date and court, a dividend's amount and
dates. Each finder reads a stretch of news (`chunk`, at `base` in the text) and yields hits
named after the outputs its event type declares (event_types.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .normalize import first_date, parse_integer
from .rules import Hit

_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
              "fifty": 50, "hundred": 100}


def _num(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUM_WORDS.get(word)


def _count(words: str, numerals: str | None) -> int | None:
    """"two hundred (200)": the numerals in brackets when given, else the words."""
    if numerals:
        return int(numerals.replace(",", ""))
    parts = words.lower().replace("-", " ").split()
    if len(parts) == 2 and parts[1] == "hundred" and _num(parts[0]):
        return (_num(parts[0]) or 0) * 100
    return _num(words) if len(parts) == 1 else None


# "one (1) share for each two hundred (200) shares", "1 new share for every 10 existing shares".
_FOR_EACH = re.compile(
    r"\b(?P<n>\d+|[a-z]+)\s+(?:\((?P<nn>\d[\d,]*)\)\s+)?(?:new\s+)?shares?\s+(?:of\s+(?:[\w-]+\s+){0,4}?)?"
    r"for\s+(?:each|every)\s+(?P<o>\d[\d,]*|[a-z]+(?:[ -]hundred)?)\s+(?:\((?P<on>\d[\d,]*)\)\s+)?"
    r"(?:old\s+|existing\s+|outstanding\s+|issued\s+)?shares?", re.I)
# When a split takes effect: "effective on", "payable on or about", "with delivery on or about".
_EFFECTIVE = re.compile(r"(?:take\s+effect|become\s+effective|be\s+effective|effective|payable|distributed"
                        r"|delivery)\s+(?:on\s+)?(?:or\s+about\s+)?(?:as\s+of\s+)?", re.I)
_SHARES = r"((?:approximately\s+)?[\d.,]+\s*(?:million|billion)?)\s+(?:shares\s+)?"
# "reduced to 12.7 million shares from 38.1 million shares", "increased from approximately 14,160,806
# shares to 28,321,612 shares".
_AFTER_BEFORE = re.compile(r"(?:reduced|decreased|increased)\s+to\s+" + _SHARES + r"from\s+" + _SHARES, re.I)
_BEFORE_AFTER = re.compile(r"(?:reduced|decreased|increased|go|change)\s+from\s+" + _SHARES + r"to\s+" + _SHARES, re.I)


def _share_counts(base: int, chunk: str) -> Iterator[Hit]:
    pairs = [(m, 1, 2) for m in _AFTER_BEFORE.finditer(chunk)] + [(m, 2, 1) for m in _BEFORE_AFTER.finditer(chunk)]
    for m, after, before in pairs[:1]:
        for group, rule in ((after, "shares_after"), (before, "shares_before")):
            if value := parse_integer(m.group(group)):
                yield Hit(rule, value, base + m.start(group), base + m.end(group))


def split(text: str, base: int, chunk: str) -> Iterator[Hit]:
    """A split's ratio ("one-for-ten", "ten shares ... consolidated into one share", "one (1)
    share for each two hundred (200) shares"), the share counts before and after, its date."""
    m = re.search(r"\b(\w+)\s+(?:\(\d+\)\s+)?shares?\s+of\s+(?:the\s+)?(?:existing\s+)?(?:common\s+)?"
                  r"(?:stock\s+)?(?:of\s+the\s+company\s+)?(?:will\s+be|were|are|shall\s+be)\s+"
                  r"(?:consolidated|combined|converted|reclassified)\s+into\s+(\w+)\s+(?:\(\d+\)\s+)?"
                  r"(?:new\s+)?share", chunk, re.I)
    if m and _num(m.group(1)) and _num(m.group(2)):
        ratio = f"{_num(m.group(2))}-for-{_num(m.group(1))}"
        yield Hit("split_ratio", ratio, base + m.start(), base + m.end())
    else:
        m = re.search(r"\b(\d+|one|two|three|four|five|ten|fifteen|twenty)[- ]for[- ]"
                      r"(\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|fifty)\b", chunk, re.I)
        if m and _num(m.group(1)) and _num(m.group(2)):
            ratio = f"{_num(m.group(1))}-for-{_num(m.group(2))}"
            yield Hit("split_ratio", ratio, base + m.start(), base + m.end())
        elif m := _FOR_EACH.search(chunk):
            new, old = _count(m.group("n"), m.group("nn")), _count(m.group("o"), m.group("on"))
            if new and old and new != old:
                yield Hit("split_ratio:for_each", f"{new}-for-{old}", base + m.start(), base + m.end())
    yield from _share_counts(base, chunk)
    for m in _EFFECTIVE.finditer(chunk):
        if d := first_date(text, base + m.end(), base + m.end() + 40):
            yield Hit("split_effective", *d)
            break


def meeting(text: str, base: int, chunk: str) -> Iterator[Hit]:
    if d := meeting_date(text, base, chunk):
        yield Hit("meeting_date", *d)


def delisting(text: str, base: int, chunk: str) -> Iterator[Hit]:
    """The date the notice was received, and the market that sent it."""
    m = re.search(r"[^.]*(?:received|receipt)[^.]*(?:Determination|notice|letter)[^.]*\.", chunk)
    if m and (d := first_date(text, base + m.start(), base + m.end())):
        yield Hit("delisting_notice_date", *d)
    m = re.search(r"delisted\s+from\s+the\s+((?:[A-Z][\w]*\s+){0,4}(?:Market|Exchange))", chunk) or \
        re.search(r"(?:letter|notice|notification|determination)\s+from\s+((?:[Tt]he\s+)?(?:[A-Z][\w]*\s+){0,4}"
                  r"(?:Market|Exchange))", chunk)
    if m:
        yield Hit("delisting_market", m.group(1), base + m.start(1), base + m.end(1))


def bankruptcy(text: str, base: int, chunk: str) -> Iterator[Hit]:
    """The date of the petition, and the court it was filed with."""
    dated = court = False
    for m in re.finditer(r"filed\s+(?:a\s+)?(?:voluntary\s+)?petitions?[^.]*\.", chunk, re.I):
        d = first_date(text, base + m.start(), base + m.end())
        if d and not dated:
            dated = True
            yield Hit("petition_date", *d)
        c = re.search(r"with\s+the\s+((?:[A-Z][\w.]*\s+)+(?:of\s+the\s+)?(?:[A-Z][\w.]*\s+)*Court"
                      r"(?:\s+(?:for|of)\s+the\s+(?:[A-Z][\w.]*\s*)+)?)", m.group(0))
        if c and not court:
            court = True
            value = " ".join(c.group(1).split())
            s = base + m.start() + c.start(1)
            yield Hit("court", value, s, s + len(c.group(1).rstrip()))


# "The Annual Meeting of Shareholders of Apple Inc. was held on March 1, 2019", "On November 14, 2024,
# Oracle Corporation held its 2024 Annual Meeting of Stockholders": the date in the sentence.
_MEETING = re.compile(r"\b(?:annual|special|extraordinary)\s+(?:general\s+)?(?:(?:share|stock)holders['’]?\s+)?"
                      r"(?:general\s+)?meeting|\bmeeting\s+of\s+(?:stockholders|shareholders)", re.I)
_HELD = re.compile(r"\b(?:held|convened|reconvened)\b", re.I)


# A sentence ends at ". " before a capital, not after "Inc." or an initial; or at a blank line.
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bDr)"
                           r"(?<!\b[A-Z])\.\s+(?=[A-Z“\"(])|\n[ \t]*\n")


def _sentence_around(chunk: str, at: int) -> tuple[int, int]:
    start = 0
    for end in _SENTENCE_END.finditer(chunk, max(0, at - 600), at):
        start = end.end()
    after = _SENTENCE_END.search(chunk, at)
    return start, after.start() if after else len(chunk)


def meeting_date(text: str, base: int, chunk: str) -> tuple[str, int, int] | None:
    for m in _MEETING.finditer(chunk):
        lo, hi = _sentence_around(chunk, m.start())
        sentence = chunk[lo:hi]
        held = _HELD.search(sentence)
        if held and not re.search(r"\bwill\s+be\s+held|\bto\s+be\s+held", sentence, re.I):
            at = base + lo + held.end()  # "held on November 25, 2002", else "On May 1, 2025, ... held"
            if d := first_date(text, at, min(base + hi, at + 80)) or first_date(text, base + lo, base + hi):
                return d
    old = re.search(r"meeting\s+(?:of\s+(?:stockholders|shareholders)\s+)?(?:was\s+)?(?:held\s+)?on\s+", chunk, re.I)
    return first_date(text, base + old.end(), base + old.end() + 80) if old else None


_PER_SHARE = re.compile(r"\$\s?(\d*\.\d+|\d+)\s+(?:per|a)\s+(?:common\s+)?share"
                        r"|(\d+(?:\.\d+)?)\s+cents\s+(?:per|a)\s+(?:common\s+)?share", re.I)
# "payable on February 15, 2024", "with a payment date of July 30, 2014", "$0.01 per share on April 1".
_PAYABLE = re.compile(r"(?:payable|paid|payment\s+date\s+(?:of|is|will\s+be)|distributed)\s+(?:on\s+)?"
                      r"(?:or\s+about\s+)?|per\s+(?:common\s+)?share\s+on\s+", re.I)
# "of record on", "of record as of the close of business on", "record date of".
_RECORD = re.compile(r"of\s+record\s+(?:(?:at|as\s+of)\s+the\s+close\s+of\s+business\s+)?(?:on|as\s+of)?\s*"
                     r"|record\s+date\s+(?:of|is|will\s+be)\s+", re.I)


def dividend(text: str, base: int, chunk: str) -> Iterator[Hit]:
    # the amount the board declared, over a year's total or last year's amount said before it
    declared = re.search(r"declared?\b|\bdeclaration\b|\bdividend\s+of\b", chunk, re.I)
    m = _PER_SHARE.search(chunk, declared.end(), declared.end() + 200) if declared else None
    loose = "" if m else ":loose"  # an amount not after the declaration: maybe last year's
    m = m or _PER_SHARE.search(chunk)
    if m and m.group(1):  # "$.90 per share": 0.90
        value = "0" + m.group(1) if m.group(1).startswith(".") else m.group(1)
        yield Hit("dividend_per_share" + loose, value, base + m.start(1), base + m.end(1))
    elif m:  # "12.25 cents per share": in dollars, derived from the words
        value = f"{float(m.group(2)) / 100:.6f}".rstrip("0").rstrip(".")
        yield Hit("dividend_per_share:cents" + loose, value, base + m.start(), base + m.end())
    for rule, pattern in (("dividend_payment_date", _PAYABLE), ("dividend_record_date", _RECORD)):
        for p in pattern.finditer(chunk):
            if d := first_date(text, base + p.end(), base + p.end() + 30):
                yield Hit(rule, *d)
                break
