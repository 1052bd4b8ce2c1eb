import datetime as dt

import pytest

from app.core.errors import ValidationError
from app.core.schema import person, person_identifier
from app.domain import people
from tests.support import outbox_and_audit, table_count

DOB = dt.date(1990, 5, 17)


def _create(act, **kw):
    args = dict(first_name="Maria", last_name="Santos", date_of_birth=DOB, sex="F")
    args.update(kw)
    return act(people.create_person, **args)


def test_intake_records_person_identifiers_and_aliases(act, replica):
    row = _create(act, identifiers=[("POLICE_NUMBER", "ab/123")], aliases=[("Mary", "Santos")])
    assert row["first_name"] == "Maria" and row["facility"] == "MDI"
    assert table_count(replica, person_identifier) == 1
    assert outbox_and_audit(replica) == (3, 3)


def test_intake_refuses_likely_duplicate_until_officer_explains(act, replica):
    first = _create(act)
    with pytest.raises(people.DuplicatePerson) as err:
        _create(act, first_name="maria")
    assert err.value.matches[0].person_id == first["id"]
    assert table_count(replica, person) == 1
    _create(act, not_duplicate_reason="Different mother's name; checked with police")
    assert table_count(replica, person) == 2


def test_same_identifier_is_a_duplicate_even_with_another_name(act):
    _create(act, identifiers=[("NATIONAL_ID", "X1")])
    with pytest.raises(people.DuplicatePerson, match="same NATIONAL_ID"):
        _create(act, first_name="Ana", last_name="Lopes", date_of_birth=dt.date(1980, 1, 1),
                identifiers=[("NATIONAL_ID", "x1")])


@pytest.mark.parametrize("field,value,reason", [
    ("first_name", "  ", "is required"),
    ("sex", "Q", "not a valid sex code"),
    ("date_of_birth", "17/05/1990", "not a date"),
    ("date_of_birth", dt.date(2999, 1, 1), "in the future"),
])
def test_bad_intake_names_the_field_and_writes_nothing(act, replica, field, value, reason):
    with pytest.raises(ValidationError) as err:
        _create(act, **{field: value})
    assert err.value.field == field and reason in err.value.reason
    assert table_count(replica, person) == 0
    assert outbox_and_audit(replica) == (0, 0)


def test_merge_points_duplicate_at_kept_record(act):
    a = _create(act)
    b = _create(act, not_duplicate_reason="unsure at reception")
    act(people.merge_people, keep_id=a["id"], duplicate_id=b["id"], reason="same fingerprints")
    assert act(people.resolve, b["id"]) == a["id"]
    with pytest.raises(ValidationError, match="already merged"):
        act(people.merge_people, keep_id=a["id"], duplicate_id=b["id"], reason="again")
