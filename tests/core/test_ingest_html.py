"""HTML and inline XBRL become readable text: blocks on lines, rows on lines, no hidden parts."""

from __future__ import annotations

import pytest

from reviewer.core.document import IngestError
from reviewer.core.ingest import ingest_bytes
from reviewer.core.ingest.html import html_to_text


def test_blocks_and_breaks_become_lines() -> None:
    text = html_to_text("<html><body><p>First   para</p><div>Second<br>line</div></body></html>")
    assert text == "First para\nSecond\nline\n"


def test_line_ends_written_as_character_references_are_line_breaks() -> None:
    # a text layer over page images writes its lines so; source line ends stay spaces
    text = html_to_text("<div><font>NEWS &#13;&#10; &#13;&#10;Acme Reports &#13;&#10;Record Results\n"
                        "for 2017 &#10;CHICAGO, Oct. 3</font></div>")
    assert text == "NEWS\n\nAcme Reports\nRecord Results for 2017\nCHICAGO, Oct. 3\n"


def test_a_plain_text_filing_in_a_bare_html_wrapper_keeps_its_layout() -> None:
    body = ("                                   FORM 20-F\n\nCommission file number                   0-14071\n"
            "                                  ACME N.V.\n"
            "            (Exact name of Registrant as specified in its charter)\n"
            "<TABLE>\n<S>                               <C>\nCommon shares                     New York Stock Exchange\n"
            "</TABLE>\nAT&amp;T\n" + "\n" * 20)
    text = html_to_text("<html><body><div>\n" + body + "</div></body></html>")
    assert text.startswith("                                   FORM 20-F\n\nCommission file number      ")
    assert "\n                                  ACME N.V.\n" in text and "AT&T" in text
    assert "<S>                               <C>\nCommon shares" in text  # EDGAR's tags shown as in a .txt
    # a page with any real markup is HTML as before
    assert html_to_text("<html><body><div>\n" + body + "<p>x</p></div></body></html>").count("\n") < 8


def test_table_rows_are_lines_and_cells_are_tab_separated() -> None:
    html = (
        "<table><tr><td><p>Delaware</p></td><td></td><td><p>0-26841</p></td></tr>"
        "<tr><td>(State)</td><td>&nbsp;</td><td>(File No.)</td></tr></table>"
    )
    assert html_to_text(html) == "Delaware\t0-26841\n(State)\t(File No.)\n"


def test_scripts_styles_and_hidden_xbrl_header_are_dropped() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>alert(1)</script>"
        '<div style="display: none"><ix:header><ix:hidden>0000880984</ix:hidden></ix:header></div>'
        '<p>FORM <ix:nonNumeric name="dei:DocumentType">8-K</ix:nonNumeric></p></body></html>'
    )
    assert html_to_text(html) == "FORM 8-K\n"


def test_xml_declaration_of_inline_xbrl_is_accepted() -> None:
    doc = ingest_bytes(b"<?xml version='1.0' encoding='ASCII'?><html><body><p>Hello</p></body></html>")
    assert doc.format == "html"
    assert doc.text == "Hello\n"


def test_pre_keeps_its_layout() -> None:
    html = "<html><body><pre>  col A     col B\n  1         2</pre></body></html>"
    assert html_to_text(html) == "  col A     col B\n  1         2\n"


def test_deep_but_plausible_nesting_is_read_whole() -> None:
    depth = 1_000
    html = "<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "<p>after</p></body></html>"
    assert html_to_text(html) == "deep\nafter\n"


def test_html_nested_past_the_parser_limit_is_refused_not_read_in_part() -> None:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>"
    with pytest.raises(IngestError, match="nested deeper"):
        html_to_text(html)


def test_external_references_are_not_followed_or_shown() -> None:
    html = (
        '<html><body><img src="http://127.0.0.1:9/x.png"><script src="http://127.0.0.1:9/x.js">'
        '</script><iframe src="http://127.0.0.1:9/"></iframe><p>Text</p></body></html>'
    )
    assert html_to_text(html) == "Text\n"


def test_empty_cells_do_not_join_rows() -> None:
    html = (
        "<table><tr><td>&nbsp;</td><td>ACME, INC.</td><td>&nbsp;</td></tr>"
        "<tr><td>&nbsp;</td><td>&nbsp;</td></tr>"
        "<tr><td>Date: April 25, 2016</td><td>By:</td><td>/s/ Alex Arrow</td><td>&nbsp;</td></tr>"
        "<tr><td>&nbsp;</td><td><p>Name: Alex Arrow</p></td></tr></table>"
    )
    assert html_to_text(html) == "ACME, INC.\nDate: April 25, 2016\tBy:\t/s/ Alex Arrow\nName: Alex Arrow\n"


def _random_html(rnd) -> str:
    """Markup built from the pieces filings are made of, nested at random."""
    words = ["Revenue", "$", "1,234", "  ", "\n", "\t", "&nbsp;", "&#160;", " Net income ", "(3)", "",
             "a\u2003b", " ", "x  y"]
    inline = ["span", "font", "b", "i", "a", "ix:nonfraction", "sup"]
    block = ["p", "div", "center", "h2", "li", "pre"]

    def node(depth: int) -> str:
        r = rnd.random()
        text = rnd.choice(words)
        if depth > 4 or r < 0.25:
            return text
        if r < 0.32:
            return "<br>" + text
        if r < 0.36:
            return "<hr>"
        if r < 0.40:
            return f"<script>var x = '{text}';</script>{rnd.choice(words)}"
        if r < 0.45:
            tag = rnd.choice(inline + block)
            return f'<{tag} style="display: none">hidden {text}</{tag}>{rnd.choice(words)}'
        if r < 0.60:
            rows = "".join(
                "<tr>" + "".join(f"<td>{children(depth + 1)}</td>{rnd.choice(words)}"
                                for _ in range(rnd.randint(0, 4))) + "</tr>"
                for _ in range(rnd.randint(0, 3)))
            return f"<table>{rows}</table>{rnd.choice(words)}"
        tag = rnd.choice(inline + block)
        return f"<{tag}>{children(depth + 1)}</{tag}>{rnd.choice(words)}"

    def children(depth: int) -> str:
        return "".join(node(depth) for _ in range(rnd.randint(0, 4)))

    return f"<html><body>{children(0)}</body></html>"


def test_the_fast_walk_writes_what_the_plain_walk_writes() -> None:
    import random

    from html_reference import reference_walk
    from lxml import etree

    from reviewer.core.ingest.html import _walk

    rnd = random.Random(7)
    differing = []
    for _ in range(3000):
        markup = _random_html(rnd)
        root = etree.fromstring(markup, etree.HTMLParser(remove_comments=True, remove_pis=True))
        if root is not None and _walk(root) != reference_walk(root):
            differing.append(markup)
    assert not differing, differing[:3]
