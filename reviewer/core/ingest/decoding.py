"""Decoding that never refuses a filing for a few bad bytes: they are replaced, counted and told.

UTF-16 has a second way to go wrong: one byte lost or added (an odd number of them) puts the
rest of the file out of step, and every character after it decodes, without an error, as a
different character (Latin text becomes CJK). Filings are mostly ASCII, whose UTF-16 form has
a NUL in every high byte; where the NULs move to the other byte of each pair the text is read
in step again, one byte replaced there.
"""

from __future__ import annotations

import codecs
import re
import threading

_BAD = threading.local()  # bytes replaced by the decode in progress on this thread
# Four or more characters in a row whose UTF-16 form has a NUL byte after a non-NUL one: in UTF-16
# LE in step these start at even offsets, in UTF-16 BE at odd ones; out of step, the other way.
_ASCII_RUN = re.compile(rb"(?:[\x01-\xff]\x00){4,}")
_MAX_SHIFTS = 10_000  # a file out of step more often is read as it comes after that


def _count_and_replace(err: UnicodeError) -> tuple[str, int]:
    """Each undecodable stretch becomes one U+FFFD; its bytes are counted for the notice."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    _BAD.count = getattr(_BAD, "count", 0) + (err.end - err.start)
    return "\ufffd", err.end


codecs.register_error("reviewer-count", _count_and_replace)


def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """(text, bytes that could not be read and were replaced by U+FFFD)."""
    _BAD.count = 0
    text = data.decode(encoding, errors="reviewer-count")
    return text, _BAD.count


def decode_utf16(data: bytes, encoding: str) -> tuple[str, int]:
    """(text, bytes replaced) of UTF-16 `data` (no BOM), read in step again after each byte
    lost or added: the byte after the last run of ASCII in step, before a run out of step, is
    replaced."""
    lag = 0 if encoding == "utf-16-le" else 1  # a run starts this far into a character
    if not data[lag::2].count(0):  # no low byte is NUL: no ASCII character is out of step
        return decode_counting(data, encoding)
    parity = lag  # where a run in step starts: a character's start, plus the lag
    pieces: list[str] = []
    bad = pos = good_end = 0  # good_end: the end of the last character of a run in step
    for run in _ASCII_RUN.finditer(data):
        if run.start() % 2 == parity:
            good_end = run.end() - lag
            continue
        if len(pieces) >= 2 * _MAX_SHIFTS:
            break
        text, n = decode_counting(data[pos:good_end], encoding)
        pieces += [text, "\ufffd"]
        bad, pos, good_end, parity = bad + n + 1, good_end + 1, run.end() - lag, 1 - parity
    text, n = decode_counting(data[pos:], encoding)
    pieces.append(text)
    return "".join(pieces), bad + n


def looks_like_utf16(head: bytes) -> str | None:
    """utf-16-le or utf-16-be when most of `head` is ASCII written as UTF-16 (wherever its
    NULs fall: NULs inserted or lost move them), else None."""
    runs = list(_ASCII_RUN.finditer(head))
    if sum(len(r.group()) for r in runs) < 0.6 * len(head) or len(head) < 8:
        return None
    return "utf-16-le" if runs[0].start() % 2 == 0 else "utf-16-be"
