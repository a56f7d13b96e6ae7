"""CSV cells a spreadsheet would run as formulas are neutralised, however they are disguised."""

from __future__ import annotations

import csv
import io

import pytest

from reviewer.core.export import safe_cell, write_csv
from reviewer.core.schema import load_schema


@pytest.mark.parametrize("value", [
    " =1+1",  # space
    "\u00a0=HYPERLINK(\"http://x\")",  # no-break space
    "\ufeff=cmd|' /C calc'!A0",  # byte-order mark
    "\u200b+SUM(A1:A9)",  # zero-width space
    "\u2060@SUM(A1)",  # word joiner
    "\u3000-2+3",  # ideographic space
    " \t =1",  # several, mixed
    "\uff1d1+1",  # full-width =
    "\uff0bSUM(A1)",  # full-width +
    "\uff0d1+2",  # full-width -
    "\uff20SUM(A1)",  # full-width @
    " \uff1dA1",  # full-width behind a space
])
def test_disguised_formulas_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-1.5", "-12", "1.5", "Korea Thrunet", " Acme =1", "", "8-K"])
def test_real_numbers_and_plain_text_are_kept(value: str) -> None:
    assert safe_cell(value) == value


def test_written_csv_carries_the_neutralised_cell() -> None:
    schema = load_schema()
    name = schema.names()[0]
    out = io.StringIO()
    doc = {"id": 1, "source_path": "a.txt", "format": "text", "status": "reviewed"}
    write_csv(out, schema, [(doc, [(name, "\u200b=HYPERLINK(\"http://x\")")])])
    row = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert row[6] == "'\u200b=HYPERLINK(\"http://x\")"
