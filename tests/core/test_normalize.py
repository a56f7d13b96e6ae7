"""The normal forms of values, as the extractor proposes them and the analyst types them."""

from __future__ import annotations

import pytest

from reviewer.core.extract.normalize import normalize


@pytest.mark.parametrize(("typed", "normal"), [
    ("8-k", "8-K"), ("10-q/a", "10-Q/A"), ("aapl", "AAPL"), ("0-10030", "0-10030"),
    ("3.1(A)", "3.1(a)"), ("4.1b", "4.1b"), ("10aa", "10aa"), ("10j(ii)(a)", "10j(ii)(a)"),
    ("10-e-1", "10-E-1"), ("IBM 24A", "IBM 24A"), ("PEP28a", "PEP28A"), (" 99.1 ", "99.1"),
])
def test_a_code_is_upper_case_but_an_exhibits_small_letters_stay(typed: str, normal: str) -> None:
    assert normalize(typed, "code") == normal


@pytest.mark.parametrize(("typed", "normal"), [
    ("November 27, 2002", "2002-11-27"), ("11/27/02", "2002-11-27"), ("20021127", "2002-11-27"),
    ("01-28-2025", "2025-01-28"), ("13-01-2025", None), ("2025-01-28", "2025-01-28"),
])
def test_dates_as_filings_write_them(typed: str, normal: str | None) -> None:
    assert normalize(typed, "date") == normal


def test_an_email_a_pdf_text_layer_split_after_its_last_dot_is_one_address() -> None:
    """Selecting "Press@ACME. com" fills press@acme.com, as extraction reads it; a space before
    anything but a final top-level domain is kept (no address is made up)."""
    assert normalize("Press@ACME. com", "code") == "press@acme.com"
    assert normalize("ir@acme.com", "code") == "ir@acme.com"
    assert normalize("ir@acme. company", "code") == "ir@acme. company"
