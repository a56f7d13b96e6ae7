"""HTML whose lines are the text's own, not the markup's: a plain-text filing in a bare HTML
wrapper, and line ends written as character references. A browser would run both into one
paragraph; the filing view keeps their lines."""

from __future__ import annotations

import html
import re

from .textfile import normalize_text

# A plain-text document in a bare HTML wrapper ("<html><body><div>" around an old filing laid out
# in spaces, with EDGAR's own <TABLE>, <S>, <C>, <PAGE> tags): its line ends are its layout.
_TEXT_TAGS = frozenset("html head title body div pre table s c caption page fn".split())
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_WRAPPER_TAG = re.compile(r"</?(?:html|head|body|div|pre)\b[^>]*>|<title\b[^>]*>.*?</title\s*>", re.I | re.S)

# A line end written as a character reference is the author's line break, not source layout (a
# generator's text layer over page images writes its lines so): one is a line break, two or more
# in a row a blank line; the spaces after them go with them.
_ENCODED_BREAK = r"(?:&#(?:13|x0?d);)?&#(?:10|x0?a);"  # it opens with "&#": the scan skips fast
_ENCODED_BREAKS = re.compile(f"{_ENCODED_BREAK}(?:[ \t]*{_ENCODED_BREAK})*[ \t]*", re.I)
_LINE_FEED = re.compile(r"&#(?:10|x0?a);", re.I)


def wrapped_text(markup: str) -> str | None:
    """The text of a laid-out plain-text document that only a bare HTML wrapper makes HTML;
    None for any other markup."""
    if markup.count("\n") < 20:
        return None
    names = set()
    for m in _TAG_NAME.finditer(markup):  # a real page's first <p>, <td> or <span> ends this early
        name = m.group(1).lower()
        if name not in _TEXT_TAGS:
            return None
        names.add(name)
    if not names & {"body", "div"}:
        return None
    text = normalize_text(html.unescape(_WRAPPER_TAG.sub("", markup)))
    return text.strip("\n") + "\n" if text.strip() else None


def with_encoded_breaks(markup: str) -> str:
    """`markup` with each run of encoded line ends made a line break, or a blank line."""
    if "&#10;" not in markup and not ("&#x" in markup and _LINE_FEED.search(markup)):
        return markup
    return _ENCODED_BREAKS.sub(_break, markup)


def _break(m: re.Match[str]) -> str:
    return "<br><p></p>" if len(_LINE_FEED.findall(m.group())) > 1 else "<br>"
