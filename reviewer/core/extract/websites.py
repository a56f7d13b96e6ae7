"""The company's web address in a press release, as written: its own domain over another's,
a site's root over its pages, never a social, wire or filing host. Outside a release, a site the
filing calls the company's own ("the Company's website", a periodic report's "our website at")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..document import Document
from .forms import Filing, Kind
from .regions import Region, lowered
from .release_text import EMAIL, company_words
from .rules import Hit, Rule, Where, outputs

WEB = re.compile(r"(?:https?://)?www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[\w./~-]*)?", re.I)
_SCHEMES = ("https://", "http://")
WEB_SKIP = re.compile(r"twitter|facebook|linkedin|youtube|instagram|sec\.gov|prnewswire|businesswire|//blog\.|^blog\."
                      r"|globenewswire|webcast|zoom|q4inc|edgar", re.I)

# A web address without "www.": "https://investor.acme.com", or a bare domain where the text
# says it is a site ("its corporate website, acme.com", "visit acme.com").
_SCHEMED = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[\w./~-]*)?", re.I)
_BARE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|io|ai|co|us|biz|info)"
                   r"(?:/[\w./~-]*)?(?![\w@-])", re.I)
_SITE_WORDS = re.compile(r"(?:web\s*site|internet|visit|online|available|found)\b[^.\n]{0,25}$|\bat\s*$", re.I)
# PDF text layers drop spaces: "atwww.acme.comandwww.brand.ioor" -> www.acme.com
_RUN_ON = re.compile(r"^(.*?\.(?:com|net|org|io))(?:and|or|www\.).*$", re.I)
_NAMED_SITE = re.compile(r"(?:web\s*site|visit|information)\b[^.\n]{0,25}$", re.I)
_SITE_HOSTS = re.compile(r"^(?:www\d?\.)?(?:media|investors?|ir|news|newsroom|press)\.", re.I)
# Outside a release, only a site the filing calls the company's own: "the Company's website" or
# "the Registrant's internet site" shortly before it, or in a periodic report's own voice, the
# address right after the words: "available on our website at www.acme.com", "our website
# (www.acme.com)" (not "our ecommerce website www.acme.com", a sales channel the business names).
_COMPANY_SITE = re.compile(r"(?:Company|Registrant)['’]s\s+(?:web\s*site|internet)", re.I)
_OUR_SITE = re.compile(r"\bour\s+web[\s-]*site\s*(?:at\s+|\(\s*|,\s*)?$", re.I)


def _in_release(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    yield from _website(doc, region, "website")


def _outside_release(doc: Document, region: Region, filing: Filing) -> Iterator[Hit]:
    periodic = filing.kind is Kind.PERIODIC

    def owned(start: int) -> bool:
        return bool(_COMPANY_SITE.search(doc.text, max(0, start - 60), start)
                    or (periodic and _OUR_SITE.search(doc.text, max(0, start - 30), start)))

    yield from _website(doc, region, "website:outside", owned)


def _website(doc: Document, region: Region, out: str, owned: Callable[[int], bool] | None = None) -> Iterator[Hit]:
    """The company's web address as written: its own domain (that of its name or its contacts'
    e-mail) over another's, a site's root over its pages, not a media, IR or wire host; where
    `owned` is given, only an address it accepts (by where the address starts)."""
    found = [(s, e, v) for s, e, v in _site_addresses(doc, region)
             if not WEB_SKIP.search(v) and (owned is None or owned(s))]
    if not found:
        return
    own = _own_domains(doc, region)
    hosts = [_host_path(v) for _, _, v in found]

    def rank(i: int) -> tuple[int, int, int, int, int, int]:
        host, path = hosts[i]
        label = _label(host)
        mine = bool(own) and any(label == w or (len(w) >= 4 and (w in label or label in w)) for w in own)
        named = bool(_NAMED_SITE.search(doc.text, max(0, found[i][0] - 40), found[i][0]))
        return (-mine, bool(_SITE_HOSTS.match(host)), path.count("/") + bool(path), -named,
                -(host.startswith("www.")), i)

    best = min(range(len(found)), key=rank)
    if found[best][2].lower().startswith(_SCHEMES):  # the address also written without its scheme
        best = next((i for i, (_, _, v) in enumerate(found)
                     if hosts[i] == hosts[best] and not v.lower().startswith(_SCHEMES)), best)
    start, end, value = found[best]
    yield Hit(out, value, start, end)


def _host_path(value: str) -> tuple[str, str]:
    v = re.sub(r"^https?://", "", value, flags=re.I)
    host, _, path = v.partition("/")
    return host.lower(), path.strip("/")


def _label(host: str) -> str:
    """The name a domain registers: "taser" in investor.taser.com, "acme" in acme.co.uk."""
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("co", "com", "net", "org") and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else host


def _own_domains(doc: Document, region: Region) -> set[str]:
    """Names the company's own sites may use: its name's words, its contacts' e-mail domains."""
    words = {w for w in company_words(doc) if len(w) >= 3 and w not in _GENERIC_NAME_WORDS}
    for m in EMAIL.finditer(doc.text, region.start, min(region.end, region.start + 40000)):
        words.add(_label(m.group(0).rsplit("@", 1)[1].lower()))
    return words


_GENERIC_NAME_WORDS = frozenset(
    "inc incorporated corp corporation company ltd limited llc plc the and international group holdings"
    " technologies systems".split())


def _site_addresses(doc: Document, region: Region) -> Iterator[tuple[int, int, str]]:
    """Web addresses in the region as (start, end, value): "www." ones, "https://" ones, and bare
    domains the text names as a site; each address once."""
    text, low = doc.text, lowered(doc)
    seen: list[tuple[int, int]] = []
    for m in _web_addresses(doc, region):
        value = _site_value(m.group(0))
        seen.append((m.start(), m.end()))
        yield m.start(), m.start() + len(value), value
    pos = region.start
    while (at := low.find("http", pos, region.end)) >= 0:
        pos = at + 4
        m = _SCHEMED.match(text, at, region.end)  # type: ignore[assignment]
        if m is None or any(s <= at < e for s, e in seen):
            continue
        value = _site_value(m.group(0))
        seen.append((m.start(), m.end()))
        pos = m.end()
        yield m.start(), m.start() + len(value), value
    pos = region.start
    while (at := low.find(".com", pos, region.end)) >= 0:
        pos = at + 4
        begin = at
        while begin > region.start and (text[begin - 1].isalnum() or text[begin - 1] in ".-"):
            begin -= 1
        if begin == at or text[begin - 1 : begin] in ("@", "/") or any(s <= begin < e for s, e in seen):
            continue
        m = _BARE.match(text, begin, region.end)  # type: ignore[assignment]
        if m is None or not _SITE_WORDS.search(text, max(region.start, begin - 40), begin):
            continue
        value = _site_value(m.group(0))
        seen.append((m.start(), m.end()))
        pos = m.end()
        yield m.start(), m.start() + len(value), value


def _site_value(found: str) -> str:
    """The address as written, without the sentence's stop after it or the slash that only ends
    a site's host ("www.pge.com/" is the site www.pge.com)."""
    value = _trim_run_on(found.rstrip(".,;"))
    bare = re.sub(r"^https?://", "", value, flags=re.I)
    return value[:-1] if bare.endswith("/") and bare.count("/") == 1 else value


def _trim_run_on(value: str) -> str:
    m = _RUN_ON.match(value)
    return m.group(1) if m else value


def _web_addresses(doc: Document, region: Region) -> Iterator[re.Match[str]]:
    """WEB.finditer over the region, tried only where "www." is: WEB's optional scheme and
    case-insensitivity would otherwise make sre try it at every character."""
    text, low = doc.text, lowered(doc)
    pos = last = region.start
    while (at := low.find("www.", pos, region.end)) >= 0:
        begin = at
        for scheme in _SCHEMES:
            if at - len(scheme) >= last and low.startswith(scheme, at - len(scheme)):
                begin = at - len(scheme)
                break
        m = WEB.match(text, begin, region.end)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = last = m.end()


RULES = (
    Rule("press_release.website", _in_release, where=Where.RELEASE,
         outputs=outputs("press_release", website={"website": 0.7})),
    # a filing without a release: a site the form calls the company's own, unsure
    Rule("press_release.website_outside", _outside_release, where=Where.NO_RELEASE,
         outputs=outputs("press_release", website={"website:outside": 0.5})),
)
