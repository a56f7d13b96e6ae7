"""Finding a remembered value in a filing's text: in the field's normal form, across line breaks
and runs of spaces, as a whole value (not part of a longer name or address); and the known
filer a filing that gives no registrant of its own names first.

Pure, like core.memory, which proposes what is found here; the learned anchors and the replay
use the same finder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .evaluate import comparable
from .extract.normalize import normalize
from .schema import FieldDef, Schema

ADDRESS = "principal_office_address"
RECOGNISE_WITHIN = 20_000  # a filing that gives no registrant names its company this early
_WEB_OR_MAIL = ("web", "email")
WHOLE_LINE = frozenset({"signer_title"})  # found alone on a line, or after a label or a comma


def value_key(value: str, fd: FieldDef) -> str:
    """The form in which two values of a field are the same value (core.evaluate's rules)."""
    return comparable(value, fd.name, fd.type)


class TextFinder:
    """Finds a value in a filing's text across line breaks and runs of spaces, ignoring case."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        self.lower = lowered if len(lowered) == len(text) else None  # same offsets, or no shortcut

    def find(self, value: str, fd: FieldDef,
             accept: Callable[[tuple[int, int]], bool] | None = None) -> tuple[int, int] | None:
        """The first span of `text` that is `value` in the field's normal form (and that
        `accept` takes, when given), or None."""
        value = value.strip().rstrip(".,")
        pattern = _pattern(value, fd)
        if pattern is None:
            return None
        probe = (re.findall(r"\w+", value) or [""])[0] if fd.name == ADDRESS else value.split()[0]
        if self.lower is None:
            for m in pattern.finditer(self.text):
                if (span := _checked(m, value, fd, self.text)) and (accept is None or accept(span)):
                    return span
            return None
        pos = self.lower.find(probe.lower())
        while pos >= 0:  # the pattern tried only where its first word is
            span = _checked(pattern.match(self.text, pos), value, fd, self.text)
            if span and (accept is None or accept(span)):
                return span
            pos = self.lower.find(probe.lower(), pos + 1)
        return None


def _pattern(value: str, fd: FieldDef) -> re.Pattern[str] | None:
    if fd.name == ADDRESS:  # words in order; commas, line breaks, spaces between them
        words = re.findall(r"\w+", value)
        body = r"[\W_]{1,6}".join(re.escape(w) for w in words)
    else:
        body = r"\s+".join(re.escape(part) for part in value.split())
    if not body:
        return None
    before, after = r"(?<!\w)", r"(?!\w)"
    if fd.kind in _WEB_OR_MAIL:  # not part of a longer address or page
        before, after = r"(?<![\w@./-])", r"(?![\w@/-]|\.\w)"
    return re.compile(before + body + after, re.I)


def _checked(m: re.Match[str] | None, value: str, fd: FieldDef,
             text: str) -> tuple[int, int] | None:
    """The match's span when the text there is the value in the field's normal form (a
    whole-line field, a title, alone on its line or after a label: 'Secretary' is not
    'Assistant Secretary')."""
    if m is None:
        return None
    if fd.name in WHOLE_LINE:
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        after = text[m.end():(text.find("\n", m.end()) + 1 or len(text) + 1) - 1].strip()
        if (before and before[-1] not in ":,/|") or (after and after[0] not in ",;)|"):
            return None
    if fd.type == "text" and not fd.kind and fd.name != ADDRESS and fd.name not in WHOLE_LINE \
            and _inside_a_name(text, m.start(), m.end()):
        return None
    as_written = normalize(_joined(text[m.start():m.end()], fd), fd.type)
    if as_written is None or value_key(as_written, fd) != value_key(value, fd):
        return None
    return m.start(), m.end()


_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z][a-z]|&\s)")
_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+|&)[ \t]+$")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A name found as part of a longer one on its line: "Nasdaq" in "The Nasdaq Global Select
    Market" is not the market remembered as "Nasdaq"."""
    return bool(_NAME_GOES_ON.match(text, end) or _NAME_BEFORE.search(text, max(0, start - 40), start))


def _joined(evidence: str, fd: FieldDef) -> str:
    """Evidence over several lines as Ctrl+E makes it one value (the field's join)."""
    lines = [line.strip() for line in evidence.splitlines() if line.strip()]
    joined = fd.join.join(lines)
    return joined.replace(",,", ",") if fd.join.strip() else joined


def recognised_filer(text: str, names: Iterable[tuple[str, str]], schema: Schema
                     ) -> tuple[str, str] | None:
    """(filer key, name) of the known filer a filing that gives no registrant of its own names
    first in its opening RECOGNISE_WITHIN characters (a certification's "Form 10-Q of Apple
    Inc."), as a whole name; None when it names none."""
    fd = schema.get("company_name")
    if fd is None:
        return None
    finder = TextFinder(text[:RECOGNISE_WITHIN])
    best: tuple[int, str, str] | None = None
    for key, name in names:
        span = finder.find(name, fd)
        if span is not None and (best is None or span[0] < best[0]):
            best = (span[0], key, name)
    return (best[1], best[2]) if best else None
