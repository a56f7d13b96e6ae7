"""Scoring rules of SCHEMA.md."""

from __future__ import annotations

from reviewer.core.evaluate import comparable, score_file
from reviewer.core.schema import load_schema


def test_comparison_rules_of_the_schema() -> None:
    assert comparable("0.90", "dividend_per_share", "decimal") == comparable("0.9", "x", "decimal")
    assert comparable("232,900,000", "x", "integer") == comparable("232900000", "x", "integer")
    assert comparable("Korea  Thrunet Co., Ltd.", "company_name", "text") == comparable(
        "KOREA THRUNET CO., LTD", "company_name", "text")
    assert comparable("1 Infinite Loop, Cupertino, CA", "principal_office_address", "text") == \
        comparable("1 Infinite Loop Cupertino CA", "principal_office_address", "text")
    assert comparable("8-k", "form_type", "code") == comparable("8-K", "form_type", "code")
    assert comparable("2002-11-27", "x", "date") != comparable("2002-11-28", "x", "date")


def test_multi_fields_are_scored_as_sets() -> None:
    schema = load_schema()
    scores = score_file({"ticker": ["KOREA", "KRT"]}, {"ticker": ["korea", "XYZ"], "cik": ["1"]}, schema)
    ticker, missing, extra = scores["ticker"]
    assert (ticker.tp, ticker.fp, ticker.fn) == (1, 1, 1)
    assert missing == ["KRT"] and extra == ["XYZ"]
    assert scores["cik"][0].fp == 1  # a field the gold does not list is a false positive
