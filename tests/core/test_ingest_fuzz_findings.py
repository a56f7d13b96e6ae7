"""What `make fuzz` found in ingest (seed 12): each loss is repaired or told, never silent."""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Callable

import pytest
from pdfgen import make_pdf

from reviewer.core.ingest import ingest_bytes

PAGES = ["Exhibit 99.1\nTASER International reports results", "Second page of the release",
         "Third page: contacts and signatures"]
_STREAM = re.compile(rb"<< /Length \d+ >>\nstream\n(.*?)\nendstream", re.S)


def _with_streams(pdf: bytes, damage: dict[int, Callable[[bytes], bytes]]) -> bytes:
    """`pdf` (from make_pdf) with its content streams Flate-compressed, page n's passed through
    damage[n], and its cross-reference table written again for the new offsets."""
    page = 0

    def compress(m: re.Match[bytes]) -> bytes:
        nonlocal page
        page += 1
        data = zlib.compress(m.group(1))
        data = damage.get(page, lambda d: d)(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"

    body = _STREAM.sub(compress, pdf[: pdf.index(b"xref\n")])
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", body)]
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    xref += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, len(body))
    return body + xref + trailer


def _pages(doc_text: str) -> list[str]:
    return [p.strip() for p in re.split(r"-------- Page \d+ --------\n", doc_text)[1:]]


@pytest.mark.parametrize(("how", "damage"), [
    ("cut short", lambda d: d[: len(d) // 2]),  # pdfminer keeps the first half, silently
    ("broken from the start", lambda d: d[:2] + b"\x00" * 8 + d[10:]),  # read as empty, silently
    ("a bad checksum", lambda d: d[:-2] + bytes([d[-2] ^ 0xFF]) + d[-1:]),  # pdfminer logs Data-loss
])
def test_a_damaged_content_stream_is_told_with_its_page(how: str, damage: Callable[[bytes], bytes]) -> None:
    doc = ingest_bytes(_with_streams(make_pdf(PAGES), {2: damage}))
    assert "page 2: its content stream is damaged; text may be missing" in doc.notices, (how, doc.notices)
    assert _pages(doc.text)[0] == PAGES[0]


def test_a_compressed_stream_that_lost_its_filter_or_a_missing_stream_is_told() -> None:
    pdf = _with_streams(make_pdf(PAGES), {})
    no_filter = pdf.replace(b" /Filter /FlateDecode", b" " * len(" /Filter /FlateDecode"), 1)
    assert "page 1: its content stream is damaged; text may be missing" in ingest_bytes(no_filter).notices
    missing = pdf.replace(b"/Contents 7 0 R", b"/Contents 99 0 R")
    assert "page 2: its content stream is damaged; text may be missing" in ingest_bytes(missing).notices


def test_several_damaged_pages_are_named_in_one_notice_and_a_missing_checksum_is_no_damage() -> None:
    cut = lambda d: d[: len(d) // 2]  # noqa: E731
    doc = ingest_bytes(_with_streams(make_pdf(PAGES), {1: cut, 2: lambda d: d[:-4], 3: cut}))
    assert doc.notices == ["pages 1, 3: their content streams are damaged; text may be missing"]
    assert _pages(doc.text)[1] == PAGES[1]  # some producers write no checksum: the stream is whole


def test_pdfminer_warnings_go_to_the_read_on_their_own_thread() -> None:
    damaged = _with_streams(make_pdf(PAGES), {2: lambda d: d[: len(d) // 2]})
    healthy = _with_streams(make_pdf(PAGES), {})
    found: dict[str, list[list[str]]] = {"damaged": [], "healthy": []}

    def read(name: str, data: bytes) -> None:
        for _ in range(15):
            found[name].append(ingest_bytes(data).notices)

    threads = [threading.Thread(target=read, args=a) for a in (("damaged", damaged), ("healthy", healthy))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(n == [] for n in found["healthy"])
    assert all(n == ["page 2: its content stream is damaged; text may be missing"] for n in found["damaged"])


# Control characters: a flipped bit or a cut character reference; none in any corpus file's text.
PARAS = "".join(f"<p>Paragraph {i} of the filing.</p>" for i in range(1, 40))
REST = [f"Paragraph {i} of the filing." for i in range(1, 40)]
_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _html(body: str) -> bytes:
    return f"<html><head><title>Form 8-K</title></head><body>{body}</body></html>\n".encode()


MORE = b"".join(b"Line %d of the exhibit, as it was filed.\n" % i for i in range(20))


@pytest.mark.parametrize(("data", "first"), [
    (b"ACME\x1aCORP announces its results\x01 today; \x7fmore\xc2\x85follows.\n",
     "ACMECORP announces its results today; more follows."),
    (b"Korea\x1fThrunet reports\x0b \x0bresults for the quarter.\n", "Korea Thrunet reports results for the quarter."),
])
def test_control_characters_in_text_are_removed_and_counted(data: bytes, first: str) -> None:
    doc = ingest_bytes(data + MORE)
    assert doc.text.splitlines()[0] == first
    assert doc.text.endswith(MORE.decode())
    n = len(_CONTROLS.findall(data.decode()))
    assert f"{n} control characters removed" in doc.notices


def test_control_characters_from_html_references_and_bytes_are_removed() -> None:
    doc = ingest_bytes(_html("<p>ACME&#16;CORP&#x7f;\x02 INC</p><p>Company&#146;s results\tare\x0c in</p>" + PARAS))
    assert doc.text.splitlines() == ["ACMECORP INC", "Company\u2019s results are in", *REST]
    assert doc.notices == ["3 control characters removed"]  # tabs, form feeds, &#146; (cp1252) are none


def test_a_control_character_never_reaches_an_edgar_header_value() -> None:
    from test_ingest_edgar import CLASSIC

    damaged = CLASSIC.replace("COMPANY CONFORMED NAME:", "COMPANY CONFORMED NAME:", 1)
    name = re.search(r"COMPANY CONFORMED NAME:\s*(.+)", damaged)
    assert name
    damaged = damaged.replace(name.group(1), name.group(1)[:3] + "\x1a" + name.group(1)[3:], 1)
    doc = ingest_bytes(damaged.encode())
    assert doc.header["filers"][0]["company_name"][0] == name.group(1)
    assert "1 control character removed" in doc.notices
    assert not _CONTROLS.search(doc.text)


def test_control_characters_in_a_pdf_page_are_removed_and_counted() -> None:
    pdf = make_pdf(["Exhibit\x0199.1", "Second page"])  # a font whose code 1 is the glyph U+0001
    pdf = pdf.replace(b"/BaseFont /Helvetica >>", b"/BaseFont /Helvetica /Encoding << /Differences [1 /uni0001] >> >>")
    doc = ingest_bytes(_with_streams(pdf, {}))
    assert "Exhibit99.1" in doc.text
    assert "1 control character removed" in doc.notices


# UTF-16 with a bad byte: read with the byte replaced, not refused for it.
TEXT = "ACCESSION NUMBER: 0000950135-01-000920\n" + "".join(
    f"Line {i} of the annual report, with its figures.\n" for i in range(200))


@pytest.mark.parametrize(("codec", "bom", "name"), [
    ("utf-16-le", b"\xff\xfe", "UTF-16 LE"), ("utf-16-be", b"\xfe\xff", "UTF-16 BE"),
    ("utf-16-le", b"", "UTF-16 LE"), ("utf-16-be", b"", "UTF-16 BE"),
])
def test_utf16_with_an_odd_byte_at_the_end_is_read_and_told(codec: str, bom: bytes, name: str) -> None:
    doc = ingest_bytes(bom + TEXT.encode(codec) + b"\x41")
    assert doc.text.startswith("ACCESSION NUMBER") and "Line 199 of the annual report" in doc.text
    assert any(n.startswith(f"read as {name}") and n.endswith("; 1 byte could not be read and was replaced")
               for n in doc.notices), doc.notices


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("damage", [
    lambda d: d[:3001] + d[3002:],  # one byte lost: the rest would read as CJK
    lambda d: d[:3001] + d[3004:],  # three
    lambda d: d[:3001] + b"\x00" + d[3001:],  # one NUL added
    lambda d: d[:2000] + b"\x00" + d[2000:4001] + d[4002:],  # one added, one lost further on
])
def test_utf16_out_of_step_by_a_byte_is_read_in_step_again(codec: str, damage: Callable[[bytes], bytes]) -> None:
    doc = ingest_bytes(b"\xff\xfe" + damage(TEXT.encode(codec)) if codec == "utf-16-le"
                       else damage(TEXT.encode(codec)))
    assert not re.search(r"[\u0100-\ufffc]", doc.text), doc.text[:3000]
    lines = doc.text.splitlines()
    assert sum(line in TEXT.splitlines() for line in lines) >= len(lines) - 3
    assert any("could not be read" in n for n in doc.notices), doc.notices


def test_utf16_le_whose_first_character_is_nul_is_not_utf32() -> None:
    doc = ingest_bytes(b"\xff\xfe" + ("\x00" + TEXT).encode("utf-16-le"))
    assert doc.text.startswith("ACCESSION NUMBER")
    assert "1 NUL byte dropped" in doc.notices


# HTML the parser would read as empty.
def test_a_self_closed_html_tag_no_longer_hides_the_document() -> None:
    data = b'<html xmlns="http://www.w3.org/1999/xhtml"/>' + _html(PARAS)[len(b"<html>"):]
    doc = ingest_bytes(data)
    assert doc.text.splitlines() == REST
    assert any("self-closed <html/>" in n for n in doc.notices), doc.notices


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-16-le"])
def test_utf16_xhtml_with_an_xml_declaration_behind_a_nul_is_read(codec: str) -> None:
    markup = '\x00<?xml version="1.0" encoding="utf-8"?>\n' + _html(PARAS).decode()
    doc = ingest_bytes(markup.encode(codec))  # lxml refused it: "Unicode strings with encoding declaration"
    assert doc.text.splitlines() == REST
    assert "1 NUL byte dropped" in doc.notices
