"""HTML that would lose text in the parser: found before parsing, repaired, and told.

libxml2 (2.14, an HTML5 tokenizer) reads an unclosed `<!--` comment, or an unclosed
<script>, <style>, <title> ... element, to the end of the file, and drops everything after
`</html>`: one damaged byte can hide the rest of a filing. A well-formed filing has none of
these and is passed through untouched; a damaged one is repaired where the rest would be
lost, and each repair is a one-line notice.
"""

from __future__ import annotations

import html
import re

# Elements whose content the tokenizer reads as raw text up to their own end tag.
_RAW = ("script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes")
_HAZARD = re.compile(r"<!--|<(" + "|".join(_RAW) + r")(?=[\t\n\f\r />])", re.I)
_COMMENT_END = re.compile(r"--!?>")
_TAG_END = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:]*[\t\n\f\r />]")
_HTML_END = re.compile(r"</html[\t\n\f\r ]*>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:--!?>|\Z)", re.S)
_TAGS = re.compile(r"<[^>]*>")
_LAST_TAG = re.compile(r"<[A-Za-z/!?][^>]*\Z")
_CLOSERS: dict[str, re.Pattern[str]] = {}
_UNSEEN = re.compile(r"<(script|style|title|head)[\t\n\f\r />].*?</\1\s*>|<!--.*?-->", re.I | re.S)
_WORD = re.compile(r"[^\W\d_]{3,}")
_SELF_CLOSED_ROOT = re.compile(r"""<html(?=[\t\n\f\r />])(?:[^<>"'/]|"[^"]*"|'[^']*'|/(?!\s*>))*(/)\s*>""", re.I)


def size(chars: int) -> str:
    """A length for a notice: bytes under a kilobyte, else KB."""
    return f"{chars / 1024:,.0f} KB" if chars >= 1024 else f"{chars:,} characters"


def repair_markup(markup: str, notices: list[str]) -> str:
    """`markup` with what would swallow the rest of the document closed; a notice for each."""
    markup = _open_root(markup, notices)
    pieces: list[str] = []
    done = 0  # markup[:done] is in pieces
    pos = 0
    while m := _HAZARD.search(markup, pos):
        if m.group(1) is None:  # a comment; `<!-->` and `<!--->` are empty comments
            if markup.startswith((">", "->"), m.end()):
                pos = m.end() + 1
                continue
            close = _COMMENT_END.search(markup, m.end())
            if close:
                pos = close.end()
                continue
            rest = len(markup) - m.start()
            gt = markup.find(">", m.end())
            pieces.append(markup[done : m.start()])
            if gt >= 0:  # `<!` starts a comment that ends at the next `>`
                pieces.append("<!")
                how = "ended at the next '>'"
            else:
                how = "shown as text"
            done = pos = m.start() + 4
            notices.append(f"an unclosed <!-- comment at character {m.start():,} hid the rest of "
                           f"the document ({size(rest)}); {how}")
            continue
        name = m.group(1).lower()
        tag_end = _TAG_END.match(markup, m.end())
        if not tag_end:  # a cut-off tag: told at the end of the document
            pos = m.end()
            continue
        closer = _CLOSERS.get(name)
        if closer is None:
            closer = _CLOSERS[name] = re.compile(f"</{name}(?=[\t\n\f\r />])", re.I)
        close = closer.search(markup, tag_end.end())
        if close:
            pos = close.end()
            continue
        # Unclosed: the element ends where the next tag begins, so the rest is read as HTML.
        rest = len(markup) - m.start()
        nxt = _ANY_TAG.search(markup, tag_end.end())
        cut = nxt.start() if nxt else len(markup)
        pieces.append(markup[done:cut])
        pieces.append(f"</{name}>")
        done = pos = cut
        notices.append(f"an unclosed <{name}> at character {m.start():,} hid the rest of the "
                       f"document ({size(rest)}); ended at the next tag")
    if done:
        pieces.append(markup[done:])
        markup = "".join(pieces)
    return _cut_off_tag(markup, notices)


def _open_root(markup: str, notices: list[str]) -> str:
    """`<html .../>` (a deletion can leave one) ends the document for the parser, which then
    shows none of what follows: read as `<html ...>`."""
    m = _SELF_CLOSED_ROOT.search(markup, 0, 65536)
    if not m or not markup[m.end() :].strip():
        return markup
    notices.append(f"a self-closed <html/> tag at character {m.start():,} would hide the rest of the "
                   f"document ({size(len(markup) - m.end())}); read as <html>")
    return markup[: m.start(1)] + markup[m.end(1) :]


def _cut_off_tag(markup: str, notices: list[str]) -> str:
    """A document that ends inside a tag (a truncated file) loses that tag's text: told."""
    last = markup.rfind("<")
    if last >= 0 and ">" not in markup[last:] and _LAST_TAG.match(markup, last):
        tail = markup[last:]
        if len(tail.strip()) > 1:
            notices.append(f"the document ends inside a tag at character {last:,} "
                           f"({size(len(tail))} after it not read)")
    return markup


def after_html_end(markup: str, text: str, notices: list[str]) -> str | None:
    """The markup to read again, without `</html>`, when the parser dropped the text after
    `</html>` (libxml2 2.14 does); None when nothing after it was lost."""
    end = _HTML_END.search(markup)
    if not end:
        return None
    after = markup[end.end() :]
    words = _WORD.findall(html.unescape(_TAGS.sub(" ", _COMMENT.sub(" ", after[-4096:]))))
    if not words or words[-1] in text:
        return None
    notices.append(f"text after </html> at character {end.start():,} "
                   f"({size(len(after))}) would be dropped; shown")
    return _HTML_END.sub("", markup)


def lost_end(markup: str, text: str) -> str | None:
    """A notice when the last word of the markup's visible text is not near the end of the
    text read from it: something (an unclosed quote in a tag) swallowed the end."""
    tail = markup[-4096:]
    crude = html.unescape(_TAGS.sub(" ", _UNSEEN.sub(" ", tail)))
    words = _WORD.findall(crude[-1024:])
    if not words or words[-1] in text[-(len(tail) + 1024) :]:
        return None
    where = tail.rfind(words[-1])
    return (f"the end of the document was not read: its last words ('{words[-1]}', "
            f"{size(len(tail) - where)} from the end) are not in the text; a damaged tag?")
