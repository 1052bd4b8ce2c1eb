import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import non_association
from app.domain import non_associations as na
from app.domain import people
from tests.support import outbox_and_audit, table_count

UTC = dt.timezone.utc


def _create(housing, a, b, now=None, **kw):
    args = dict(person_id=a, person_role="VICTIM", other_person_id=b,
                other_person_role="PERPETRATOR", reason="BULLYING", keep_apart="LANDING")
    args.update(kw)
    return housing.run(na.create_non_association, now=now, **args)


def test_non_association_is_recorded_open_for_both_people(housing):
    a, b = housing.person(), housing.person()
    row = _create(housing, a, b, comment="Debt on A wing")
    assert (row["status"], row["person_role"], row["other_person_role"], row["keep_apart"],
            row["reason"], row["pair_key"]) == (
        "OPEN", "VICTIM", "PERPETRATOR", "LANDING", "BULLYING", na.pair_key(b, a))
    # Both sides see it, each naming the other.
    assert [(o.id, o.other_person_id) for o in housing.run(na.open_for, person_id=a)] == [
        (row["id"], b)]
    assert [(o.id, o.other_person_id) for o in housing.run(na.open_for, person_id=b)] == [
        (row["id"], a)]
    assert housing.run(na.between, a=b, b=a)["id"] == row["id"]


def test_warnings_for_picks_out_the_people_present(housing):
    a, b, c, d = (housing.person() for _ in range(4))
    ab = _create(housing, a, b)
    _create(housing, d, a, keep_apart="CELL")
    found = housing.run(na.warnings_for, person_id=a, others=[b, c, a])
    assert [(w.id, w.other_person_id) for w in found] == [(ab["id"], b)]
    assert housing.run(na.warnings_for, person_id=c, others=[a, b, d]) == []


@pytest.mark.parametrize("order", ["same", "reversed"])
def test_a_second_open_non_association_for_a_pair_is_refused(housing, writes_nothing, order):
    a, b = housing.person(), housing.person()
    _create(housing, a, b)
    first, second = (a, b) if order == "same" else (b, a)
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        _create(housing, first, second, reason="THREAT", keep_apart="WING")
    assert err.value.field == "other_person_id"
    assert "already have an open non-association (LANDING, BULLYING)" in err.value.reason


def test_the_database_also_refuses_a_second_open_record(housing, replica):
    a, b = housing.person(), housing.person()
    _create(housing, a, b)
    before = outbox_and_audit(replica)
    # Straight to the unit of work, past the service's check (as a sync apply would).
    with pytest.raises(RuleViolation, match="already have an open non-association"):
        housing.run(lambda uow: uow.insert(non_association, dict(
            person_id=b, person_role="UNKNOWN", other_person_id=a,
            other_person_role="UNKNOWN", pair_key=na.pair_key(a, b), reason="OTHER",
            keep_apart="CELL", status="OPEN")))
    assert table_count(replica, non_association) == 1
    assert outbox_and_audit(replica) == before


@pytest.mark.parametrize("changes,field,reason", [
    ({"person_role": "BYSTANDER"}, "person_role", "not a valid non_association_role"),
    ({"other_person_role": None}, "other_person_role", "is required"),
    ({"reason": "DISLIKE"}, "reason", "not a valid non_association_reason"),
    ({"keep_apart": "CORRIDOR"}, "keep_apart", "not a valid keep_apart"),
    ({"other_person_id": "SELF"}, "other_person_id", "someone other than"),
    ({"other_person_id": "nobody"}, "other_person_id", "no person with id"),
    ({"person_id": None}, "person_id", "is required"),
])
def test_bad_non_association_names_the_field_and_writes_nothing(housing, writes_nothing,
                                                                changes, field, reason):
    a, b = housing.person(), housing.person()
    if changes.get("other_person_id") == "SELF":
        changes = {"other_person_id": a}
    with writes_nothing(), pytest.raises(ValidationError) as err:
        _create(housing, a, b, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_a_merged_record_cannot_be_named(housing, writes_nothing):
    a, b, dup = housing.person(), housing.person(), housing.person()
    housing.run(people.merge_people, keep_id=b, duplicate_id=dup, reason="same person")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        _create(housing, a, dup)
    assert err.value.field == "other_person_id" and b in err.value.reason


def test_close_records_who_why_when_and_reopen_keeps_the_history(housing, supervisor):
    a, b = housing.person(), housing.person()
    first = _create(housing, a, b, now=housing.now - dt.timedelta(days=2),
                    comment="Debt on A wing")
    closed_at = housing.now - dt.timedelta(minutes=5)
    closed = housing.run(na.close_non_association, non_association_id=first["id"],
                         reason="Both moved to separate sites", closed_at=closed_at)
    assert (closed["status"], closed["closed_by"], closed["close_reason"], closed["closed_at"]) == (
        "CLOSED", "officer1", "Both moved to separate sites", closed_at)
    assert housing.run(na.between, a=a, b=b) is None
    assert housing.run(na.open_for, person_id=a) == []

    later = housing.now + dt.timedelta(days=3)
    again = housing.run(na.reopen_non_association, actor=supervisor, now=later,
                        non_association_id=first["id"], reason="Threats renewed on return",
                        keep_apart="WING")
    assert (again["status"], again["created_by"], again["created_at"], again["keep_apart"],
            again["person_role"], again["reason"]) == (
        "OPEN", "super1", later, "WING", "VICTIM", "BULLYING")
    # The new record points at the one it reopens and says why; the pair's comment carries on.
    assert (again["reopens_id"], again["reopen_reason"], again["comment"]) == (
        first["id"], "Threats renewed on return", "Debt on A wing")
    with housing.replica.reader.connect() as conn:
        stored = conn.execute(select(non_association.c.reopens_id,
                                     non_association.c.reopen_reason)
                              .where(non_association.c.id == again["id"])).one()
    assert tuple(stored) == (first["id"], "Threats renewed on return")
    assert first["reopens_id"] is None and first["reopen_reason"] is None
    history = housing.run(na.pair_history, a=b, b=a)
    assert [(h["id"], h["status"]) for h in history] == [(first["id"], "CLOSED"),
                                                         (again["id"], "OPEN")]
    # Close and reopen again: every step stays on record.
    housing.run(na.close_non_association, non_association_id=again["id"], reason="Resolved",
                now=later)
    third = housing.run(na.reopen_non_association, non_association_id=again["id"],
                        reason="Flare-up", now=later)
    assert (third["reopens_id"], third["reopen_reason"]) == (again["id"], "Flare-up")
    assert [h["status"] for h in housing.run(na.pair_history, a=a, b=b)] == [
        "CLOSED", "CLOSED", "OPEN"]


@pytest.mark.parametrize("kw,field,reason", [
    ({"reason": " "}, "reason", "is required"),
    ({"closed_at": dt.datetime(2026, 3, 2, 12, 30, tzinfo=UTC)}, "closed_at", "in the future"),
    ({"closed_at": dt.datetime(2026, 3, 1, tzinfo=UTC)}, "closed_at", "before the date it was"),
    ({"non_association_id": "nope"}, "non_association_id", "no non association with id"),
])
def test_bad_close_names_the_field_and_writes_nothing(housing, writes_nothing, kw, field, reason):
    a, b = housing.person(), housing.person()
    row = _create(housing, a, b)
    args = dict(non_association_id=row["id"], reason="Settled")
    args.update(kw)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(na.close_non_association, **args)
    assert err.value.field == field and reason in err.value.reason


def test_closing_twice_and_reopening_an_open_record_are_refused(housing, writes_nothing):
    a, b = housing.person(), housing.person()
    row = _create(housing, a, b)
    with writes_nothing(), pytest.raises(RuleViolation, match="still open"):
        housing.run(na.reopen_non_association, non_association_id=row["id"], reason="x")
    housing.run(na.close_non_association, non_association_id=row["id"], reason="Settled")
    with writes_nothing(), pytest.raises(RuleViolation, match="already closed"):
        housing.run(na.close_non_association, non_association_id=row["id"], reason="Settled")


def test_reopening_when_the_pair_already_has_a_new_open_record_is_refused(housing, writes_nothing):
    a, b = housing.person(), housing.person()
    old = _create(housing, a, b)
    housing.run(na.close_non_association, non_association_id=old["id"], reason="Settled")
    _create(housing, b, a, reason="VIOLENCE", keep_apart="CELL")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(na.reopen_non_association, non_association_id=old["id"], reason="again")
    assert err.value.field == "non_association_id" and "VIOLENCE" in err.value.reason


def test_bad_reopen_names_the_field_and_writes_nothing(housing, writes_nothing):
    a, b = housing.person(), housing.person()
    old = _create(housing, a, b)
    housing.run(na.close_non_association, non_association_id=old["id"], reason="Settled")
    for kw, field in (({"reason": ""}, "reason"), ({"keep_apart": "ROOF"}, "keep_apart"),
                      ({"person_role": "WITNESS"}, "person_role")):
        with writes_nothing(), pytest.raises(ValidationError) as err:
            housing.run(na.reopen_non_association, non_association_id=old["id"],
                        **{"reason": "again", **kw})
        assert err.value.field == field
