import datetime as dt

import pytest

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, movement
from app.domain import custody, locations, movements, people
from tests.support import table_count

UTC = dt.timezone.utc


def test_admission_opens_an_episode_with_a_cell_movement_and_incentive_review(housing, replica):
    pid = housing.person(date_of_birth=dt.date(1990, 1, 1))
    ep = housing.admit(pid, "A1-01", booking_number="b123", legal_status="REMAND",
                       admitted_at=dt.datetime(2026, 1, 31, 9, 30, tzinfo=UTC))
    assert (ep["status"], ep["booking_number"], ep["legal_status"], ep["location_id"],
            ep["incentive_level"], ep["facility"]) == (
        "ACTIVE", "B123", "REMAND", housing["A1-01"], "STD", "MDI")
    # Within 3 months of arrival; 31 January + 3 months is the end of April.
    assert ep["next_incentive_review"] == dt.date(2026, 4, 30)
    [adm] = housing.run(movements.history, person_id=pid)
    assert (adm["movement_type"], adm["direction"], adm["reason"], adm["to_location_id"],
            adm["from_location_id"]) == ("ADM", "IN", "NEW_ADMISSION", housing["A1-01"], None)
    assert table_count(replica, custody_episode) == 1


def test_under_18_is_reviewed_within_a_month_and_facility_default_level_applies(housing):
    housing.run(locations.set_default_incentive_level, code="MDI", level="ENH")
    admitted = dt.datetime(2026, 2, 10, 8, 0, tzinfo=UTC)
    # 18 the day after admission: still under 18 on arrival.
    young = housing.person(date_of_birth=dt.date(2008, 2, 11))
    ep = housing.admit(young, "A2-01", admitted_at=admitted)
    assert (ep["incentive_level"], ep["next_incentive_review"]) == ("ENH", dt.date(2026, 3, 10))
    adult = housing.person(date_of_birth=dt.date(2008, 2, 10))
    ep = housing.admit(adult, "A2-01", admitted_at=admitted)
    assert ep["next_incentive_review"] == dt.date(2026, 5, 10)


def test_at_most_one_episode_in_custody_per_person(housing, writes_nothing):
    pid = housing.person()
    housing.admit(pid, "A2-01")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.admit(pid, "B1-01")
    assert err.value.field == "person_id" and "already in custody" in err.value.reason


def test_readmission_after_release_is_recognised(housing, writes_nothing):
    pid = housing.person()
    first = housing.admit(pid, "A2-01", admitted_at=housing.now - dt.timedelta(days=20))
    housing.run(custody.release, custody_episode_id=first["id"], reason="BAIL",
                released_at=housing.now - dt.timedelta(days=10))
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.admit(pid, "A2-01", reason="NEW_ADMISSION")
    assert err.value.field == "reason" and "READMISSION" in err.value.reason
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.admit(pid, "A2-01", admitted_at=housing.now - dt.timedelta(days=15))
    assert err.value.field == "admitted_at" and "previous episode" in err.value.reason
    second = housing.admit(pid, "A2-01")
    assert housing.run(movements.history, person_id=pid)[-1]["reason"] == "READMISSION"
    assert second["status"] == "ACTIVE"


@pytest.mark.parametrize("changes,field,reason", [
    ({"legal_status": "ON_HOLIDAY"}, "legal_status", "not a valid legal_status code"),
    ({"legal_status": None}, "legal_status", "is required"),
    ({"reason": "COURT_APPEARANCE"}, "reason", "not an admission reason"),
    ({"reason": "TRANSFER_OUT"}, "reason", "not an admission reason"),
    ({"reason": "JAILBREAK"}, "reason", "not a valid movement_reason code"),
    ({"booking_number": "  "}, "booking_number", "is required"),
    ({"booking_number": "taken"}, "booking_number", "already in use"),
    ({"admitted_at": dt.datetime(2026, 3, 3, tzinfo=UTC)}, "admitted_at", "in the future"),
    ({"admitted_at": dt.datetime(1984, 1, 1, tzinfo=UTC)}, "admitted_at", "date of birth"),
    ({"admitted_at": dt.datetime(2026, 3, 1)}, "admitted_at", "time zone"),
    ({"admitted_at": "yesterday"}, "admitted_at", "not a date and time"),
    ({"location_id": "MDI:A1"}, "location_id", "not a place where people are housed"),
    ({"location_id": None}, "location_id", "is required"),
    ({"person_id": None}, "person_id", "is required"),
    ({"comment": 5}, "comment", "must be text"),
    ({"person_id": "no-such-person"}, "person_id", "no person with id"),
])
def test_bad_admission_names_the_field_and_writes_nothing(housing, writes_nothing, changes,
                                                          field, reason):
    housing.admit(housing.person(), "B1-01", booking_number="TAKEN")
    pid = housing.person()
    args = dict(person_id=pid, booking_number="N1", legal_status="REMAND",
                location_id=housing["A2-01"])
    args.update(changes)
    if isinstance(args["location_id"], str) and ":" in args["location_id"]:
        args["location_id"] = housing[args["location_id"]]
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(custody.admit, **args)
    assert err.value.field == field and reason in err.value.reason


def test_a_merged_record_cannot_be_admitted(housing, writes_nothing):
    keep, dup = housing.person(), housing.person()
    housing.run(people.merge_people, keep_id=keep, duplicate_id=dup, reason="same prints")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.admit(dup, "A2-01")
    assert err.value.field == "person_id" and keep in err.value.reason


def test_legal_status_changes_on_an_episode_in_custody(housing, writes_nothing):
    ep = housing.admit(housing.person(), "A2-01")
    row = housing.run(custody.change_legal_status, custody_episode_id=ep["id"],
                      legal_status="SENTENCED")
    assert row["legal_status"] == "SENTENCED" and row["version"] == 2
    for bad, field in (("SENTENCED", "legal_status"), ("LIMBO", "legal_status")):
        with writes_nothing(), pytest.raises(ValidationError) as err:
            housing.run(custody.change_legal_status, custody_episode_id=ep["id"],
                        legal_status=bad)
        assert err.value.field == field
    housing.run(custody.release, custody_episode_id=ep["id"], reason="END_OF_SENTENCE")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(custody.change_legal_status, custody_episode_id=ep["id"],
                    legal_status="RECALL")
    assert err.value.field == "custody_episode_id" and "released" in err.value.reason


def test_release_records_the_movement_and_clears_the_location(housing):
    pid = housing.person()
    ep = housing.admit(pid, "A1-02")
    row = housing.run(custody.release, custody_episode_id=ep["id"], reason="CONDITIONAL_RELEASE",
                      comment="Collected by family")
    assert (row["status"], row["location_id"], row["released_at"]) == (
        "RELEASED", None, housing.now)
    rel = housing.run(movements.history, person_id=pid)[-1]
    assert (rel["movement_type"], rel["direction"], rel["reason"], rel["from_location_id"],
            rel["comment"]) == ("REL", "OUT", "CONDITIONAL_RELEASE", housing["A1-02"],
                                "Collected by family")
    # The cell is free again.
    assert housing.run(locations.occupancy_count, location_id=housing["A1-02"]) == 0
    assert housing.run(custody.active_episode, person_id=pid) is None


def test_someone_out_at_court_can_be_released_from_court(housing):
    ep = housing.admit(housing.person(), "A1-02")
    housing.run(movements.out_to_court, custody_episode_id=ep["id"])
    row = housing.run(custody.release, custody_episode_id=ep["id"], reason="ACQUITTED")
    assert (row["status"], row["out_reason"], row["location_id"]) == ("RELEASED", None, None)


@pytest.mark.parametrize("kw,field,reason", [
    ({"reason": "CELL_MOVE"}, "reason", "does not belong under 'REL'"),
    ({"reason": None}, "reason", "is required"),
    ({"released_at": dt.datetime(2026, 2, 1, tzinfo=UTC)}, "released_at", "the admission"),
    ({"released_at": dt.datetime(2026, 3, 2, 12, 1, tzinfo=UTC)}, "released_at", "future"),
    ({"custody_episode_id": "nope"}, "custody_episode_id", "no custody episode"),
])
def test_bad_release_names_the_field_and_writes_nothing(housing, writes_nothing, kw, field,
                                                        reason):
    ep = housing.admit(housing.person(), "A1-02")
    args = dict(custody_episode_id=ep["id"], reason="BAIL")
    args.update(kw)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(custody.release, **args)
    assert err.value.field == field and reason in err.value.reason


def test_release_twice_is_refused(housing, writes_nothing):
    ep = housing.admit(housing.person(), "A1-02")
    housing.run(custody.release, custody_episode_id=ep["id"], reason="BAIL")
    with writes_nothing(), pytest.raises(RuleViolation, match="not in custody"):
        housing.run(custody.release, custody_episode_id=ep["id"], reason="BAIL")


def test_movement_rows_cannot_be_edited(housing, replica):
    ep = housing.admit(housing.person(), "A1-02")
    mv_id = housing.run(lambda uow: uow.scalar(
        movement.select().with_only_columns(movement.c.id)
        .where(movement.c.custody_episode_id == ep["id"])))
    with pytest.raises(RuleViolation, match="cannot be edited"):
        housing.run(lambda uow: uow.update(movement, mv_id, {"reason": "READMISSION"}))


def test_age_counts_whole_years_up_to_the_birthday():
    assert custody.age_on(dt.date(2008, 2, 29), dt.date(2026, 2, 28)) == 17
    assert custody.age_on(dt.date(2008, 2, 29), dt.date(2026, 3, 1)) == 18
    assert custody.add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)
    assert custody.add_months(dt.date(2025, 12, 15), 1) == dt.date(2026, 1, 15)


def test_check_admission_lists_warnings_and_refusals_without_writing(housing, writes_nothing):
    housing.admit(housing.person(), "A1-01")
    pid = housing.person()
    with writes_nothing():
        [w] = housing.run(custody.check_admission, person_id=pid, location_id=housing["A1-01"])
        assert w.kind == "CAPACITY"
        assert housing.run(custody.check_admission, person_id=pid,
                           location_id=housing["A2-01"]) == []
    housing.admit(housing.person(), "A1-02")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(custody.check_admission, person_id=pid, location_id=housing["A1-02"])
    assert err.value.field == "location_id" and "full" in err.value.reason
