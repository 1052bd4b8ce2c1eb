import datetime as dt

import pytest

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import alert
from app.domain import alerts

TODAY = dt.date(2026, 3, 2)


def _add(housing, pid, actor=None, **kw):
    args = dict(person_id=pid, alert_type="H", alert_code="HA", authorised_by="SO Smith")
    args.update(kw)
    return housing.run(alerts.add_alert, actor=actor, **args)


def test_alert_is_added_and_listed_as_active(housing):
    pid = housing.person()
    row = _add(housing, pid, comment="ACCT opened after reception screening")
    assert (row["alert_type"], row["alert_code"], row["active_from"], row["active_to"],
            row["authorised_by"], row["facility"]) == ("H", "HA", TODAY, None, "SO Smith", "MDI")
    _add(housing, pid, alert_type="V", alert_code="V49P")
    active = housing.run(alerts.active_alerts, person_id=pid)
    assert [a["alert_code"] for a in active] == ["HA", "V49P"]
    assert housing.run(alerts.active_alerts, person_id=housing.person()) == []


@pytest.mark.parametrize("changes,field,reason", [
    ({"alert_type": "Z"}, "alert_type", "not a valid alert_type code"),
    ({"alert_code": "XEL"}, "alert_code", "does not belong under 'H'"),
    ({"alert_code": "NOPE"}, "alert_code", "not a valid alert_code code"),
    ({"alert_code": None}, "alert_code", "is required"),
    ({"authorised_by": " "}, "authorised_by", "is required"),
    ({"active_from": "2026-03-10", "active_to": "2026-03-09"}, "active_to",
     "cannot be before active_from"),
    ({"active_from": "02/03/2026"}, "active_from", "not a date"),
    ({"person_id": "ghost"}, "person_id", "no person with id"),
])
def test_bad_alert_names_the_field_and_writes_nothing(housing, writes_nothing, changes, field,
                                                      reason):
    pid = housing.person()
    with writes_nothing(), pytest.raises(ValidationError) as err:
        _add(housing, pid, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_restricted_codes_need_one_of_their_roles(housing, writes_nothing, supervisor):
    pid = housing.person()
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        _add(housing, pid, alert_type="X", alert_code="XEL")
    assert err.value.field == "alert_code" and "supervisor" in err.value.reason
    row = _add(housing, pid, actor=supervisor, alert_type="X", alert_code="XEL")
    assert row["created_by"] == "super1"
    # Closing it is as restricted as opening it.
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(alerts.close_alert, alert_id=row["id"], reason="Off escape list")
    assert err.value.field == "alert_id"
    # An unrestricted code of the same type is open to officers.
    assert _add(housing, pid, alert_type="X", alert_code="XSA")["alert_code"] == "XSA"


def test_same_code_cannot_be_active_twice_in_overlapping_periods(housing, writes_nothing):
    pid = housing.person()
    _add(housing, pid, active_from="2026-03-01", active_to="2026-03-20")
    for period in ({}, {"active_from": "2026-03-19"}, {"active_from": "2026-02-01"}):
        with writes_nothing(), pytest.raises(RuleViolation) as err:
            _add(housing, pid, **period)
        assert err.value.field == "alert_code" and "already has a HA alert" in err.value.reason
    # A later period that starts when the first ends is fine.
    assert _add(housing, pid, active_from="2026-03-20")["active_from"] == dt.date(2026, 3, 20)


def test_closing_ends_the_alert_and_records_who_why_when(housing):
    pid = housing.person()
    row = _add(housing, pid, active_from="2026-02-01", comment="Opened at reception")
    closed = housing.run(alerts.close_alert, alert_id=row["id"], reason="ACCT closed at review")
    assert closed["active_to"] == TODAY
    assert (closed["closed_by"], closed["close_reason"]) == ("officer1", "ACCT closed at review")
    assert closed["comment"] == "Opened at reception"  # what was written at opening, unchanged
    with housing.replica.reader.connect() as conn:
        stored = conn.execute(select(alert.c.closed_by, alert.c.close_reason, alert.c.comment)
                              .where(alert.c.id == row["id"])).one()
    assert tuple(stored) == ("officer1", "ACCT closed at review", "Opened at reception")
    assert housing.run(alerts.active_alerts, person_id=pid) == []
    # Still shown for a day it was active.
    assert [a["id"] for a in housing.run(alerts.active_alerts, person_id=pid,
                                         on=dt.date(2026, 2, 15))] == [row["id"]]
    # And the code can be raised again.
    assert _add(housing, pid)["active_to"] is None


@pytest.mark.parametrize("kw,field,reason", [
    ({"reason": ""}, "reason", "is required"),
    ({"active_to": "2026-01-31"}, "active_to", "cannot be before active_from"),
    ({"active_to": "2026-03-03"}, "active_to", "in the future"),
    ({"alert_id": "nope"}, "alert_id", "no alert with id"),
    ({"alert_id": None}, "alert_id", "is required"),
])
def test_bad_close_names_the_field_and_writes_nothing(housing, writes_nothing, kw, field, reason):
    row = _add(housing, housing.person(), active_from="2026-02-01")
    args = dict(alert_id=row["id"], reason="No longer needed")
    args.update(kw)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(alerts.close_alert, **args)
    assert err.value.field == field and reason in err.value.reason


def test_an_alert_already_ended_cannot_be_closed_again(housing, writes_nothing):
    row = _add(housing, housing.person(), active_from="2026-02-01")
    housing.run(alerts.close_alert, alert_id=row["id"], reason="Done",
                active_to="2026-02-20")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(alerts.close_alert, alert_id=row["id"], reason="Again")
    assert err.value.field == "alert_id" and "already ended on 2026-02-20" in err.value.reason


def test_an_alert_starting_later_is_not_active_yet(housing):
    pid = housing.person()
    _add(housing, pid, alert_type="C", alert_code="CC1", active_from="2026-04-01")
    assert housing.run(alerts.active_alerts, person_id=pid) == []
    assert len(housing.run(alerts.active_alerts, person_id=pid, on="2026-04-01")) == 1
