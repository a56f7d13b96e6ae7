"""Rules as declarations: what each proposes is a schema field, which filings it reads is data,
a filing is classified once, and a broken rule loses only its own values."""

from __future__ import annotations

import pytest

from reviewer.core.document import Document
from reviewer.core.extract import RULES, extract
from reviewer.core.extract.event_types import EVENT_TYPES, ITEM_EVENTS, OLD_ITEM_EVENTS, SEARCHED
from reviewer.core.extract.forms import Kind, filing_of, kind_of, reported_items
from reviewer.core.extract.regions import Region
from reviewer.core.extract.rules import Hit, Rule, Where, outputs, run
from reviewer.core.schema import load_schema


def _doc(text: str) -> Document:
    return Document(text=text, format="text")


@pytest.mark.parametrize(("form", "kind"), [
    ("8-K", Kind.CURRENT), ("8-K/A", Kind.CURRENT), ("8-K12B", Kind.CURRENT), ("6-K", Kind.FOREIGN),
    ("10-K", Kind.PERIODIC), ("10-KSB", Kind.PERIODIC), ("10-K405", Kind.PERIODIC), ("10-Q/A", Kind.PERIODIC),
    ("20-F", Kind.PERIODIC), ("40-F", Kind.PERIODIC), ("DEF 14A", Kind.OTHER), ("S-1", Kind.OTHER),
    ("SC 13G", Kind.OTHER), ("", Kind.UNKNOWN),
])
def test_a_form_is_one_kind(form: str, kind: Kind) -> None:
    assert kind_of(form) is kind


def test_a_filing_is_classified_from_its_header_else_its_cover_title() -> None:
    doc = _doc("UNITED STATES\nFORM 10-Q\n\nQuarterly report ...\n")
    assert (filing_of(doc).form, filing_of(doc).kind) == ("10-Q", Kind.PERIODIC)
    doc = Document(text="FORM 10-Q\n", format="text", header={"form_type": ["8-K", 0, 3]})
    assert filing_of(doc).kind is Kind.CURRENT  # the header's word over the text's
    doc = _doc("ACME CORP\n\nCURRENT REPORT\nPursuant to Section 13 ...\n\nItem 8.01 Other Events\n")
    filing = filing_of(doc)
    assert filing.kind is Kind.UNKNOWN and filing.titled_current and filing.reads_items
    assert not filing_of(_doc("ACME announces results\n")).reads_items


def test_old_item_numbers_count_only_before_the_renumbering() -> None:
    text = "FORM 8-K\n\nItem 5. Other Events\n\nThe company moved.\n\nItem 2.02 Results of Operations\n"
    old = Document(text=text, format="text", header={"filed_date": ["20010305", 0, 0]})
    new = Document(text=text, format="text", header={"filed_date": ["20100305", 0, 0]})
    assert [h.code for h in reported_items(old)] == ["5", "2.02"]
    assert [h.code for h in reported_items(new)] == ["2.02"]


def test_every_rule_proposes_schema_fields_only() -> None:
    schema = load_schema()
    names = set(schema.names())
    for rule in RULES:
        assert rule.fields <= names, (rule.name, rule.fields - names)
        for out in rule.outputs.values():
            assert 0 < out.confidence <= 1 and out.rule.split(".")[0] in (
                "header", "cover", "form", "press_release", "events", "facts"), (rule.name, out)
    assert len({r.name for r in RULES}) == len(RULES)


def test_event_types_are_the_schemas_and_each_item_names_one() -> None:
    choices = set(load_schema().get("event_type").choices)
    assert {t.name for t in EVENT_TYPES} == choices
    for table, attr in ((ITEM_EVENTS, "items"), (OLD_ITEM_EVENTS, "old_items")):
        for code, name in table.items():
            assert [t.name for t in EVENT_TYPES if code in getattr(t, attr)] == [name], code
    assert all(t.needles for t in SEARCHED)


def test_a_pattern_without_needles_is_refused() -> None:
    from reviewer.core.extract.event_types import EventType, _p

    with pytest.raises(ValueError, match="needles"):
        EventType("novel", _p("novel event"))


def test_an_output_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        outputs("cover", company_name={"x": 0.9}, form_type={"x": 0.8})


def test_a_rule_reads_only_the_kinds_of_filing_it_declares() -> None:
    def find(doc: Document, region: Region, filing: object):
        yield Hit("seen", "yes", region.start, region.start + 1)

    rule = Rule("cover.test", find, outputs=outputs("cover", form_type={"seen": 0.5}),
                where=Where.COVER, kinds=frozenset({Kind.FOREIGN}))
    assert [c.rule for c in run(rule, _doc("FORM 6-K\nReport of foreign issuer\n"))] == ["cover.seen"]
    assert list(run(rule, _doc("FORM 8-K\nCurrent report\n"))) == []
    release_only = Rule("press_release.test", find, outputs=outputs("press_release", headline={"seen": 0.5}),
                        where=Where.RELEASE)
    assert list(run(release_only, _doc("FORM 10-K\nAnnual report\n"))) == []


def test_the_6k_box_and_month_rules_read_6ks_only() -> None:
    cover = ("FORM {form}\n\nFor the month of March 2003\n\nKorea Thrunet Co., Ltd.\n"
             "(Translation of registrant's name into English)\n\n"
             "Form 20-F  X   Form 40-F\n")
    six = {c.name: c.value for c in extract(_doc(cover.format(form="6-K")))}
    eight = {c.name: c.value for c in extract(_doc(cover.format(form="8-K")))}
    assert six["period_of_report"] == "2003-03" and six["annual_report_form"] == "20-F"
    assert "annual_report_form" not in eight and eight.get("period_of_report") != "2003-03"


def test_a_broken_rule_loses_only_its_own_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.core import extract as extraction

    def broken(doc: Document, region: Region, filing: object):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    rules = (Rule("cover.broken", broken, outputs=outputs("cover", form_type={"b": 0.5})), *RULES)
    monkeypatch.setattr(extraction, "RULES", rules)
    doc = _doc("FORM 8-K\n\nAcme Corp.\n(Exact name of registrant as specified in its charter)\n")
    found = {c.name for c in extraction.extract(doc)}
    assert {"form_type", "company_name"} <= found
    assert doc.notices == ["extraction rule cover.broken failed: RuntimeError: boom"]
