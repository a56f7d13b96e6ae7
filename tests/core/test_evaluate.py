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


def test_corrections_count_what_the_analyst_does_per_filing(tmp_path) -> None:
    from reviewer.core.evaluate import evaluate

    gold = [
        {"file": "a", "fields": {"cik": ["1"], "ticker": ["AA", "AB"], "headline": ["Up"]}},
        {"file": "b", "fields": {"cik": ["2"]}},
    ]
    said = {"a": {"cik": ["9"], "ticker": ["AA"], "website": ["www.a.com"]},  # wrong, missing, extra
            "b": {"cik": ["2"]}}
    ev = evaluate(gold, tmp_path, load_schema(), lambda p: said[p.name])
    # a: cik wrong (1), ticker AB missing (1), headline missing (1), website extra (1); b: none
    assert ev.corrections == {"a": 4, "b": 0}
    assert ev.corrections_per_filing == 2.0 and ev.without_corrections == 0.5
    assert ev.to_json()["corrections"] == {"per_filing": 2.0, "filings_without": 0.5}


def test_wrong_values_under_the_attention_threshold() -> None:
    from reviewer.core.evaluate import Bucket, wrong_below

    buckets = [Bucket(0.0, 0.5, 4, 1), Bucket(0.5, 0.6, 2, 1), Bucket(0.6, 0.8, 10, 9), Bucket(0.8, 1.0001, 20, 19)]
    assert wrong_below(buckets, 0.6) == (4, 6)
