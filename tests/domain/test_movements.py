import datetime as dt

import pytest

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode
from app.domain import custody, locations, movements, non_associations
from app.domain.housing_checks import placement_warnings
from app.storage.unit_of_work import Actor
from tests.support import table_count

UTC = dt.timezone.utc


def _keep_apart(housing, a, b, level):
    return housing.run(non_associations.create_non_association, person_id=a,
                       person_role="VICTIM", other_person_id=b,
                       other_person_role="PERPETRATOR", reason="THREAT", keep_apart=level)


def test_cell_move_records_the_movement_and_the_one_new_location(housing):
    pid = housing.person()
    ep = housing.admit(pid, "A1-02")
    mv = housing.run(movements.move_within, custody_episode_id=ep["id"],
                     to_location_id=housing["B1-01"], comment="Closer to work party")
    assert (mv["movement_type"], mv["direction"], mv["reason"], mv["from_location_id"],
            mv["to_location_id"], mv["override_reason"]) == (
        "INT", "INTERNAL", "CELL_MOVE", housing["A1-02"], housing["B1-01"], None)
    assert housing.episode(ep["id"])["location_id"] == housing["B1-01"]
    assert housing.run(locations.occupancy_count, location_id=housing["A1-02"]) == 0
    assert housing.run(locations.occupancy_count, location_id=housing["B1-01"]) == 1


@pytest.mark.parametrize("target,kw,field,reason", [
    ("A1-02", {}, "to_location_id", "already in A1-02"),
    ("MDI:A1", {}, "to_location_id", "not a place where people are housed"),
    ("LEI:A1-01", {}, "to_location_id", "use a transfer"),
    (None, {}, "to_location_id", "is required"),
    ("A2-01", {"reason": "COURT_APPEARANCE"}, "reason", "does not belong under 'INT'"),
    ("A2-01", {"occurred_at": dt.datetime(2026, 2, 1, tzinfo=UTC)}, "occurred_at",
     "the admission"),
    ("A2-01", {"occurred_at": dt.datetime(2026, 3, 2, 13, 0, tzinfo=UTC)}, "occurred_at",
     "in the future"),
    ("A2-01", {"override_reason": 42}, "override_reason", "must be text"),
    ("A2-01", {"comment": "x" * 1001}, "comment", "at most 1000 characters"),
    ("A2-01", {"custody_episode_id": None}, "custody_episode_id", "is required"),
])
def test_bad_move_names_the_field_and_writes_nothing(housing, writes_nothing, target, kw,
                                                     field, reason):
    ep = housing.admit(housing.person(), "A1-02")
    args = dict(custody_episode_id=ep["id"], to_location_id=target and housing[target])
    args.update(kw)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(movements.move_within, **args)
    assert err.value.field == field and reason in err.value.reason


def test_a_move_cannot_be_dated_before_the_previous_movement(housing, writes_nothing):
    ep = housing.admit(housing.person(), "A1-02")
    housing.run(movements.move_within, custody_episode_id=ep["id"],
                to_location_id=housing["A2-01"], occurred_at=housing.now - dt.timedelta(hours=2))
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(movements.move_within, custody_episode_id=ep["id"],
                    to_location_id=housing["B1-01"],
                    occurred_at=housing.now - dt.timedelta(hours=3))
    assert err.value.field == "occurred_at" and "previous movement" in err.value.reason


@pytest.mark.parametrize("closed", ["A2-01", "MDI:A2", "MDI:A"])
def test_a_deactivated_cell_or_anything_above_it_is_refused(housing, writes_nothing, closed):
    ep = housing.admit(housing.person(), "B1-01")
    housing.run(locations.deactivate_location, location_id=housing[closed], reason="Flood damage")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(movements.move_within, custody_episode_id=ep["id"],
                    to_location_id=housing["A2-01"], override_reason="needed")
    assert err.value.field == "to_location_id"
    assert "is deactivated (Flood damage)" in err.value.reason


def test_over_maximum_capacity_is_refused_even_with_an_override(housing, writes_nothing):
    housing.admit(housing.person(), "A1-02")
    ep = housing.admit(housing.person(), "B1-01")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(movements.move_within, custody_episode_id=ep["id"],
                    to_location_id=housing["A1-02"], override_reason="Governor agreed")
    assert err.value.field == "to_location_id" and "full: 1 of a maximum 1" in err.value.reason


def test_over_operational_capacity_needs_an_override_which_is_recorded(housing, writes_nothing):
    housing.admit(housing.person(), "A1-01")
    ep = housing.admit(housing.person(), "B1-01")
    warnings = housing.run(movements.check_move, custody_episode_id=ep["id"],
                           to_location_id=housing["A1-01"])
    assert [w.kind for w in warnings] == ["CAPACITY"]
    assert "over its operational capacity of 1" in warnings[0].message
    for blank in (None, "   "):
        with writes_nothing(), pytest.raises(movements.OverrideRequired) as err:
            housing.run(movements.move_within, custody_episode_id=ep["id"],
                        to_location_id=housing["A1-01"], override_reason=blank)
        assert err.value.field == "override_reason" and err.value.warnings == warnings
    mv = housing.run(movements.move_within, custody_episode_id=ep["id"],
                     to_location_id=housing["A1-01"], override_reason=" B wing evacuated ")
    assert mv["override_reason"] == "B wing evacuated"
    assert housing.run(locations.occupancy_count, location_id=housing["A1-01"]) == 2


def test_check_move_writes_nothing_and_refuses_what_a_move_would(housing, writes_nothing):
    housing.admit(housing.person(), "A1-02")
    ep = housing.admit(housing.person(), "B1-01")
    with writes_nothing():
        assert housing.run(movements.check_move, custody_episode_id=ep["id"],
                           to_location_id=housing["A2-01"]) == []
    with writes_nothing(), pytest.raises(RuleViolation, match="full"):
        housing.run(movements.check_move, custody_episode_id=ep["id"],
                    to_location_id=housing["A1-02"])


# The other person is in A1-01; the mover goes to the target cell.
# A1-02 shares landing A1, A2-01 shares wing A, B1-01 shares only the facility.
@pytest.mark.parametrize("level,target,warned", [
    ("CELL", "A1-01", True), ("CELL", "A1-02", False),
    ("LANDING", "A1-02", True), ("LANDING", "A2-01", False),
    ("WING", "A2-01", True), ("WING", "B1-01", False),
    ("FACILITY", "B1-01", True),
])
def test_non_association_warns_when_they_would_share_its_level(housing, writes_nothing, level,
                                                               target, warned):
    other = housing.person(first_name="Olly", last_name="Other")
    housing.admit(other, "A1-01")
    mover = housing.person()
    na = _keep_apart(housing, mover, other, level)
    with writes_nothing():
        warnings = [w for w in housing.run(placement_warnings, person_id=mover,
                                           to_location_id=housing[target])
                    if w.kind == "NON_ASSOCIATION"]
    assert bool(warnings) == warned
    if warned:
        [w] = warnings
        assert (w.other_person_id, w.non_association_id, w.keep_apart) == (other, na["id"], level)
        assert "Olly Other" in w.message and "THREAT" in w.message
        with writes_nothing(), pytest.raises(movements.OverrideRequired) as err:
            housing.admit(mover, target)
        assert any(x.kind == "NON_ASSOCIATION" for x in err.value.warnings)
    ep = housing.admit(mover, target, override_reason="Only bed; staff briefed" if warned else None)
    assert housing.episode(ep["id"])["location_id"] == housing[target]


def test_non_association_applies_to_moves_and_ends_when_closed(housing, writes_nothing):
    a, b = housing.person(), housing.person()
    housing.admit(a, "A2-01")
    ep_b = housing.admit(b, "B1-01")
    na = _keep_apart(housing, a, b, "WING")
    with writes_nothing(), pytest.raises(movements.OverrideRequired) as err:
        housing.run(movements.move_within, custody_episode_id=ep_b["id"],
                    to_location_id=housing["A1-02"])
    assert [w.other_person_id for w in err.value.warnings] == [a]
    housing.run(non_associations.close_non_association, non_association_id=na["id"],
                reason="Resolved at mediation")
    housing.run(movements.move_within, custody_episode_id=ep_b["id"],
                to_location_id=housing["A1-02"])


def test_non_association_with_someone_released_does_not_warn(housing):
    a, b = housing.person(), housing.person()
    ep_a = housing.admit(a, "A2-01")
    _keep_apart(housing, a, b, "FACILITY")
    housing.run(custody.release, custody_episode_id=ep_a["id"], reason="BAIL")
    assert housing.admit(b, "A2-01")["status"] == "ACTIVE"


def test_court_trip_keeps_the_cell_and_returns_to_it(housing, writes_nothing):
    pid = housing.person()
    ep = housing.admit(pid, "A1-02")
    out = housing.run(movements.out_to_court, custody_episode_id=ep["id"])
    assert (out["movement_type"], out["direction"], out["reason"], out["from_location_id"]) == (
        "CRT", "OUT", "COURT_APPEARANCE", housing["A1-02"])
    row = housing.episode(ep["id"])
    assert (row["status"], row["out_reason"], row["location_id"]) == (
        "OUT", "CRT", housing["A1-02"])
    # The kept bed still counts: nobody else can take the only place.
    other = housing.admit(housing.person(), "B1-01")
    with writes_nothing(), pytest.raises(RuleViolation, match="full"):
        housing.run(movements.move_within, custody_episode_id=other["id"],
                    to_location_id=housing["A1-02"])
    # While out, no other movement but a return (or release).
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(movements.move_within, custody_episode_id=ep["id"],
                    to_location_id=housing["A2-01"])
    assert err.value.field == "custody_episode_id" and "record their return" in err.value.reason
    back = housing.run(movements.return_to_facility, custody_episode_id=ep["id"])
    assert (back["movement_type"], back["direction"], back["reason"], back["to_location_id"]) == (
        "CRT", "IN", "RETURN_FROM_COURT", housing["A1-02"])
    row = housing.episode(ep["id"])
    assert (row["status"], row["out_reason"], row["location_id"]) == (
        "ACTIVE", None, housing["A1-02"])


def test_return_from_temporary_absence_to_another_cell_is_checked(housing, writes_nothing):
    pid = housing.person()
    ep = housing.admit(pid, "A1-02")
    housing.run(movements.temporary_absence, custody_episode_id=ep["id"], reason="HOSPITAL")
    housing.admit(housing.person(), "B1-01")
    for fn in (movements.check_return, movements.return_to_facility):
        with writes_nothing(), pytest.raises(RuleViolation, match="full"):
            housing.run(fn, custody_episode_id=ep["id"], to_location_id=housing["B1-01"])
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(movements.return_to_facility, custody_episode_id=ep["id"],
                    reason="RETURN_FROM_COURT")
    assert err.value.field == "reason" and "does not belong under 'TAP'" in err.value.reason
    with writes_nothing():
        assert housing.run(movements.check_return, custody_episode_id=ep["id"],
                           to_location_id=housing["A2-01"]) == []
    back = housing.run(movements.return_to_facility, custody_episode_id=ep["id"],
                       to_location_id=housing["A2-01"])
    assert (back["reason"], back["to_location_id"]) == ("RETURN_FROM_TAP", housing["A2-01"])
    assert housing.episode(ep["id"])["location_id"] == housing["A2-01"]
    assert housing.run(locations.occupancy_count, location_id=housing["A1-02"]) == 0


@pytest.mark.parametrize("fn,kw,field,reason", [
    (movements.out_to_court, {"reason": "HOSPITAL"}, "reason", "does not belong under 'CRT'"),
    (movements.out_to_court, {"reason": "RETURN_FROM_COURT"}, "reason", "goes IN, not OUT"),
    (movements.temporary_absence, {"reason": "COURT_APPEARANCE"}, "reason", "under 'TAP'"),
    (movements.temporary_absence, {"occurred_at": "2026-03-02T09:00"}, "occurred_at",
     "time zone"),
    (movements.return_to_facility, {}, "custody_episode_id", "is not out"),
])
def test_bad_absence_names_the_field_and_writes_nothing(housing, writes_nothing, fn, kw,
                                                        field, reason):
    ep = housing.admit(housing.person(), "A1-02")
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(fn, custody_episode_id=ep["id"], **kw)
    assert err.value.field == field and reason in err.value.reason


def test_transfer_out_ends_the_episode_here_and_the_receiver_admits(housing, replica):
    pid = housing.person()
    ep = housing.admit(pid, "A1-02", legal_status="SENTENCED")
    mv = housing.run(movements.transfer_out, custody_episode_id=ep["id"], to_facility="lei")
    assert (mv["movement_type"], mv["direction"], mv["reason"], mv["to_facility"],
            mv["from_location_id"]) == ("TRN", "OUT", "TRANSFER_OUT", "LEI", housing["A1-02"])
    row = housing.episode(ep["id"])
    assert (row["status"], row["location_id"], row["released_at"]) == (
        "TRANSFERRED", None, housing.now)
    lei_officer = Actor("officer9", "LEI", ("officer",))
    later = housing.now + dt.timedelta(hours=3)
    new = housing.run(custody.admit, actor=lei_officer, now=later, person_id=pid,
                      booking_number=ep["booking_number"] + "-L", legal_status="SENTENCED",
                      location_id=housing["LEI:A1-01"], reason="TRANSFER_IN")
    assert (new["facility"], new["status"]) == ("LEI", "ACTIVE")
    last = housing.run(movements.history, person_id=pid)[-1]
    assert (last["movement_type"], last["direction"], last["reason"]) == ("TRN", "IN", "TRANSFER_IN")
    assert table_count(replica, custody_episode, custody_episode.c.status.in_(("ACTIVE", "OUT"))) == 1


@pytest.mark.parametrize("kw,field,reason", [
    ({"to_facility": "MDI"}, "to_facility", "already in"),
    ({"to_facility": "NOWHERE"}, "to_facility", "no facility with code"),
    ({"to_facility": None}, "to_facility", "is required"),
    ({"reason": "TRANSFER_IN"}, "reason", "goes IN, not OUT"),
])
def test_bad_transfer_names_the_field_and_writes_nothing(housing, writes_nothing, kw, field,
                                                         reason):
    ep = housing.admit(housing.person(), "A1-02")
    args = dict(custody_episode_id=ep["id"], to_facility="LEI")
    args.update(kw)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(movements.transfer_out, **args)
    assert err.value.field == field and reason in err.value.reason
