"""The merge rules of app.core.merge on their own (no database, no clock)."""
from __future__ import annotations

import inspect

from app.core import merge
from app.core.schema import case_note, person

ROW = {"first_name": "Ada", "last_name": "Lovelace", "date_of_birth": "1990-05-01",
       "voided_at": None}


def test_untouched_fields_take_the_change_and_touched_ones_conflict():
    result = merge.merge_update(person, ROW, {"first_name": ["Ada", "Augusta"],
                                              "last_name": ["Byron", "King"]})
    assert result.apply == {"first_name": "Augusta"}
    assert result.conflicts == [merge.FieldConflict("last_name", "Byron", "Lovelace", "King")]


def test_the_same_edit_twice_is_no_conflict():
    result = merge.merge_update(person, {**ROW, "first_name": "Augusta"},
                                {"first_name": ["Ada", "Augusta"]})
    assert result.unchanged == ["first_name"] and not result.apply and not result.conflicts


def test_values_compare_by_meaning_not_spelling():
    row = {"occurred_at": "2026-01-01T10:00:00+00:00"}
    result = merge.merge_update(case_note, row, {"occurred_at": ["2026-01-01T11:00:00+01:00",
                                                                 "2026-01-02T10:00:00+00:00"]})
    assert result.apply == {"occurred_at": "2026-01-02T10:00:00+00:00"}


def test_a_second_void_changes_nothing():
    voided = {**ROW, "voided_at": "2026-01-01T10:00:00+00:00", "voided_by": "a",
              "void_reason": "first"}
    again = merge.merge_void(voided, {"voided_at": "2026-01-02T10:00:00+00:00",
                                      "voided_by": "b", "void_reason": "second"})
    assert not again.apply and not again.conflicts
    first = merge.merge_void(ROW, {"voided_at": "2026-01-02T10:00:00+00:00", "voided_by": "b",
                                   "void_reason": "second"})
    assert first.apply["void_reason"] == "second"


def test_no_merge_rule_can_see_a_clock():
    for fn in (merge.merge_update, merge.merge_insert, merge.merge_void):
        params = set(inspect.signature(fn).parameters)
        assert not params & {"hlc", "at", "time", "now", "clock"}
    assert merge.is_append_only(case_note) and not merge.is_append_only(person)
