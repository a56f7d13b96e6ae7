"""The re-extraction plan: what a newer extraction changes, decided without a store."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract.candidate import Candidate
from reviewer.core.reextraction import plan_reextraction, remap_span
from reviewer.core.values import FieldValue, State

OLD = "ACME CORP\nFORM 8-K\nContact: Jane Roe, (555) 010-0000\n"
JANE = (OLD.index("Jane Roe"), OLD.index("Jane Roe") + 8)
PHONE = (OLD.index("(555)"), OLD.index("(555)") + 14)


def fv(fv_id: int, field: str, value: str, state: State, span: tuple[int, int],
       confidence: float | None = 0.9) -> FieldValue:
    return FieldValue(fv_id, 1, field, value, *span, state, confidence, "old", value, "", "t")


def test_untouched_values_follow_the_new_extraction_and_decided_fields_stay() -> None:
    values = [
        fv(1, "company_name", "ACME CORP", State.EXTRACTED, (0, 9)),
        fv(2, "form_type", "8-K", State.EXTRACTED, (15, 18)),
        fv(3, "contact_name", "Jane Roe", State.CORRECTED, JANE),
        fv(4, "contact_phone", "(555) 010-0000", State.EXTRACTED, PHONE),
    ]
    new = [Candidate("company_name", "ACME CORP", 0, 9, 0.5, "new.cover"),  # same value
           Candidate("form_type", "8-K/A", 15, 18, 0.95, "new.header"),  # another value
           Candidate("contact_name", "Jane", JANE[0], JANE[0] + 4, 0.8, "new"),  # a person decided
           Candidate("website", "acme.example", 0, 4, 0.4, "new.web")]  # a new field
    plan = plan_reextraction(OLD, values, Document(OLD, "text"), new)
    assert not plan.text_changed and plan.moved_spans == []
    assert [(i, c.rule, c.confidence) for i, c in plan.refreshed] == [(1, "new.cover", 0.5)]
    assert [v.id for v in plan.removed] == [2, 4]
    assert [(c.name, c.value) for c in plan.added] == [("form_type", "8-K/A"),
                                                      ("website", "acme.example")]
    assert plan.kept_touched == 1
    # What the queue shows afterwards: first company, form; two values under the threshold.
    assert (plan.summary.company_name, plan.summary.form_type, plan.summary.attention) == (
        "ACME CORP", "8-K/A", 2)


def test_a_rejected_value_keeps_its_field_out_of_the_new_extraction() -> None:
    values = [fv(1, "company_name", "ACME CORP", State.REJECTED, (0, 9))]
    new = [Candidate("company_name", "ACME CORP", 0, 9, 0.9, "new")]
    plan = plan_reextraction(OLD, values, Document(OLD, "text"), new)
    assert (plan.added, plan.refreshed, plan.removed, plan.kept_touched) == ([], [], [], 1)
    assert plan.summary.company_name is None  # a rejected value does not stand


def test_when_the_text_changes_decided_spans_move_to_the_nearest_same_words() -> None:
    new_text = "Jane Roe\n" + OLD  # the contact's name now also stands at the top
    values = [fv(3, "contact_name", "Jane Roe", State.CONFIRMED, JANE),
              fv(5, "headline", "ACME", State.ADDED, (0, 4))]
    plan = plan_reextraction(OLD, values, Document(new_text, "text"), [])
    assert plan.text_changed
    # Jane Roe stands twice now: the span goes to the one nearest where it was (shifted by 9).
    assert plan.moved_spans == [(3, JANE[0] + 9, JANE[1] + 9), (5, 9, 13)]
    assert new_text[JANE[0] + 9 : JANE[1] + 9] == "Jane Roe" and new_text[9:13] == "ACME"


def test_a_span_whose_words_are_gone_is_dropped() -> None:
    assert remap_span("abc def", "xyz", 4, 7) == (None, None)
    assert remap_span("abc def", "abcdef abc def", 4, 7) == (3, 6)  # nearer than (11, 14)
    assert remap_span("same", "same", 1, 3) == (1, 3)
    assert remap_span("abc", "abcd", None, None) == (None, None)
