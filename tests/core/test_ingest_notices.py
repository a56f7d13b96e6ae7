"""Nothing is lost silently: a guessed encoding, a swallowed region, a dropped NUL is a notice,
and where the parser would hide the rest of a filing the rest is read after all."""

from __future__ import annotations

import pytest
from test_ingest_edgar import CLASSIC

from reviewer.core.ingest import ingest_bytes
from reviewer.core.ingest.html import html_to_text

PARAS = "".join(f"<p>Paragraph {i} of the filing.</p>" for i in range(1, 40))
REST = [f"Paragraph {i} of the filing." for i in range(1, 40)]


def _html(body: str, head: str = "<title>Form 8-K</title>") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>\n".encode()


def _has(notices: list[str], *words: str) -> bool:
    return any(all(w in n for w in words) for n in notices)


def test_a_well_formed_filing_has_no_notices() -> None:
    doc = ingest_bytes(_html("<!-- a comment --><script>if (a<b) x();</script>" + PARAS,
                             "<title>T</title><style>p{}</style>"))
    assert doc.notices == []
    assert doc.text.splitlines() == REST


@pytest.mark.parametrize(("damage", "words"), [
    ("<p>One</p><!-- Field: Page; Sequence: 1 --<p>Two</p>", ("unclosed <!-- comment", "KB")),
    ("<p>One</p><script>var x = 1;<p>Two</p>", ("unclosed <script>",)),
    ("<p>One</p><style>p { color: red }<p>Two</p>", ("unclosed <style>",)),
    ("<p>One</p><noscript>Enable scripts<p>Two</p>", ("unclosed <noscript>",)),
])
def test_an_unclosed_comment_or_script_no_longer_hides_the_rest(damage: str, words: tuple[str, ...]) -> None:
    doc = ingest_bytes(_html(damage + PARAS))
    assert _has(doc.notices, *words), doc.notices
    assert "Two" in doc.text.splitlines()
    assert doc.text.splitlines()[-39:] == REST


def test_an_unclosed_comment_with_no_tag_after_it_is_shown_as_text() -> None:
    notices: list[str] = []
    text = html_to_text("<html><body><p>One</p><!-- Two, and the rest of the text", notices)
    assert text == "One\nTwo, and the rest of the text\n"
    assert _has(notices, "unclosed <!--", "shown as text")


def test_one_bad_byte_in_the_title_end_tag_no_longer_hides_the_filing() -> None:
    data = _html(PARAS).replace(b"</title>", b"</TI\x93LE>")
    doc = ingest_bytes(data)
    assert doc.text.splitlines() == REST
    assert _has(doc.notices, "unclosed <title>")
    assert _has(doc.notices, "read as cp1252", "not valid UTF-8", "0x93")


def test_text_after_the_end_of_html_is_read() -> None:
    doc = ingest_bytes(_html("<p>One</p>") + PARAS.encode())
    assert doc.text.splitlines() == ["One", *REST]
    assert _has(doc.notices, "after </html>")


def test_a_comment_or_end_tag_after_the_end_of_html_is_no_notice() -> None:
    doc = ingest_bytes(_html(PARAS) + b"<!-- generated -->\n</TEXT>\n")
    assert doc.notices == []


def test_a_file_that_ends_inside_a_tag_says_so() -> None:
    doc = ingest_bytes(_html(PARAS)[:-30] + b"<a href='http://www.example.com/ir")
    assert _has(doc.notices, "ends inside a tag")


def test_an_unclosed_quote_that_swallows_the_end_says_so() -> None:
    doc = ingest_bytes(_html('<p>Zero</p><p class="x>One</p>' + PARAS))
    assert doc.text == "Zero\n"
    assert _has(doc.notices, "end of the document was not read", "'filing'"), doc.notices


def test_an_unclosed_quote_that_swallows_markup_says_so() -> None:
    doc = ingest_bytes(_html('<p class="x>One</p><p class="y">Two</p>' + PARAS))
    assert _has(doc.notices, "unclosed quote"), doc.notices


def test_nul_bytes_in_html_are_dropped_with_a_notice() -> None:
    doc = ingest_bytes(_html("<p>ACME\x00 CORP\x00\x00</p>" + PARAS))
    assert "\x00" not in doc.text and "\ufffd" not in doc.text
    assert doc.text.splitlines()[0] == "ACME CORP"
    assert "3 NUL bytes dropped" in doc.notices


def test_replacement_characters_inserted_by_the_parser_are_told() -> None:
    doc = ingest_bytes(_html("<p>ACME&#0;CORP</p>" + PARAS))
    assert _has(doc.notices, "1 invalid character", "replaced")


def test_replacement_characters_in_the_file_itself_are_not_blamed_on_the_parser() -> None:
    doc = ingest_bytes(_html("<p>ACME \ufffd CORP</p>" + PARAS))
    assert doc.notices == []


@pytest.mark.parametrize(("data", "words"), [
    (_html("<p>Caf\xe9</p>" + PARAS).replace(b"Caf", b"Caf\xe9"), ("read as cp1252", "0xE9")),
    (_html("<p>Café</p>" + PARAS).decode().encode("utf-16-le"), ("UTF-16 LE", "no byte-order mark")),
    (b"\xfe\xff" + _html("<p>Café</p>" + PARAS).decode().encode("utf-16-be"), ("UTF-16 BE", "byte-order mark")),
    (CLASSIC.replace("Announces", "Announces \u201cnew\u201d").encode("cp1252"), ("read as cp1252", "0x93")),
    (CLASSIC.encode("utf-16-le"), ("UTF-16 LE",)),
])
def test_html_and_edgar_read_in_a_guessed_encoding_say_so(data: bytes, words: tuple[str, ...]) -> None:
    doc = ingest_bytes(data)
    assert doc.format in ("html", "edgar")
    assert _has(doc.notices, *words), doc.notices


def test_utf8_html_and_edgar_have_no_encoding_notice() -> None:
    assert ingest_bytes(CLASSIC.encode()).notices == []
    assert ingest_bytes(b"\xef\xbb\xbf" + _html(PARAS)).notices == []


def test_edgar_fewer_documents_than_the_header_declares() -> None:
    two = CLASSIC[: CLASSIC.index("<DOCUMENT>\n<TYPE>GRAPHIC")]
    doc = ingest_bytes(two.encode())
    assert len(doc.documents()) == 2
    assert _has(doc.notices, "declares 3 documents", "2 were found")


def test_edgar_html_document_damage_is_told_with_its_document() -> None:
    damaged = CLASSIC.replace("<TEXT>\n<HTML>", "<TEXT>\n<HTML><!-- unclosed", 1)
    assert damaged != CLASSIC
    doc = ingest_bytes(damaged.encode())
    assert _has(doc.notices, "document 2 (EX-99.1)", "unclosed <!--")
    assert "Example Corp Announces Results" in doc.text


def test_edgar_nul_bytes_are_dropped_with_a_notice() -> None:
    doc = ingest_bytes(CLASSIC.replace("Announces", "Ann\x00ounces").encode())
    assert "\x00" not in doc.text and "Announces" in doc.text
    assert "1 NUL byte dropped" in doc.notices


def test_text_nul_bytes_are_dropped_with_a_notice() -> None:
    doc = ingest_bytes(b"Korea Thrunet Co., Ltd.\x00 announces its results\x00 today.\n")
    assert doc.text == "Korea Thrunet Co., Ltd. announces its results today.\n"
    assert "2 NUL bytes dropped" in doc.notices
