import datetime as dt

import pytest

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import facility, location
from app.domain import custody, locations, movements
from tests.support import table_count


def test_facility_and_tree_are_recorded_with_their_capacities(housing, replica):
    assert table_count(replica, facility) == 2
    root = housing.run(locations.facility_root, code="MDI")
    assert root["kind"] == "FACILITY" and root["parent_id"] is None
    cell = housing.run(lambda uow: uow.get(location, housing["A1-01"]))
    assert (cell["kind"], cell["facility"], cell["certified_capacity"],
            cell["operational_capacity"], cell["max_capacity"]) == ("CELL", "MDI", 1, 1, 2)
    chain = housing.run(locations.ancestry, location_id=housing["A1-01"])
    assert [c["kind"] for c in chain] == ["CELL", "LANDING", "WING", "FACILITY"]


def test_locations_belong_to_their_facility_whoever_creates_them(housing):
    # The officer works at MDI, yet the LEI tree is LEI's.
    cell = housing.run(lambda uow: uow.get(location, housing["LEI:A1-01"]))
    assert cell["facility"] == "LEI"


def _cell(housing, **kw):
    args = dict(parent_id=housing["MDI:A1"], code="A1-09", name="Cell A1-09", kind="CELL",
                certified_capacity=1, operational_capacity=1, max_capacity=2)
    args.update(kw)
    return housing.run(locations.create_location, **args)


@pytest.mark.parametrize("changes,field,reason", [
    ({"kind": "TENT"}, "kind", "not a valid location_kind code"),
    ({"kind": "WING"}, "kind", "cannot be placed directly under a LANDING"),
    ({"parent_id": None}, "parent_id", "is required"),
    ({"parent_id": "nope"}, "parent_id", "no location with id"),
    ({"code": " "}, "code", "is required"),
    ({"code": "a1-01"}, "code", "already a location of MDI"),
    ({"max_capacity": None}, "max_capacity", "is required"),
    ({"operational_capacity": None}, "operational_capacity", "is required"),
    ({"operational_capacity": 3}, "operational_capacity", "cannot exceed the maximum"),
    ({"certified_capacity": 3}, "certified_capacity", "cannot exceed the maximum"),
    ({"certified_capacity": -1}, "certified_capacity", "at least 0"),
    ({"max_capacity": 0, "operational_capacity": 0}, "max_capacity", "at least 1"),
    ({"max_capacity": "2"}, "max_capacity", "whole number"),
])
def test_bad_location_names_the_field_and_writes_nothing(housing, writes_nothing, changes,
                                                         field, reason):
    with writes_nothing(), pytest.raises(ValidationError) as err:
        _cell(housing, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_a_unit_may_have_no_capacity_but_if_given_it_must_be_sane(housing, writes_nothing):
    unit = housing.run(locations.create_location, parent_id=housing["MDI"], code="C",
                       name="C wing", kind="WING")
    assert unit["max_capacity"] is None
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(locations.create_location, parent_id=housing["MDI"], code="D",
                    name="D wing", kind="WING", operational_capacity=40)
    assert err.value.field == "max_capacity"


@pytest.mark.parametrize("changes,field,reason", [
    ({"code": "M"}, "code", "2-40 letters"),
    ({"code": "MDI"}, "code", "already exists"),
    ({"name": ""}, "name", "is required"),
    ({"default_incentive_level": "GOLD"}, "default_incentive_level", "not a valid"),
])
def test_bad_facility_names_the_field_and_writes_nothing(housing, writes_nothing, changes,
                                                         field, reason):
    args = dict(code="BRX", name="HMP Brixton")
    args.update(changes)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(locations.create_facility, **args)
    assert err.value.field == field and reason in err.value.reason


def test_deactivate_records_reason_and_planned_date_and_reactivate_clears_them(housing):
    planned = housing.now.date() + dt.timedelta(days=30)
    row = housing.run(locations.deactivate_location, location_id=housing["A2-01"],
                      reason="Window repair", planned_reactivation=planned)
    assert (row["active"], row["deactivation_reason"], row["planned_reactivation"]) == (
        False, "Window repair", planned)
    row = housing.run(locations.reactivate_location, location_id=housing["A2-01"])
    assert (row["active"], row["deactivation_reason"], row["planned_reactivation"]) == (
        True, None, None)


def test_no_new_cell_under_a_deactivated_landing(housing, writes_nothing):
    housing.run(locations.deactivate_location, location_id=housing["MDI:A2"], reason="Refit")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        _cell(housing, parent_id=housing["MDI:A2"])
    assert err.value.field == "parent_id" and "deactivated" in err.value.reason


@pytest.mark.parametrize("kw,field,reason", [
    ({"reason": "  "}, "reason", "is required"),
    ({"planned_reactivation": "2026-03-01"}, "planned_reactivation", "in the past"),
    ({"planned_reactivation": "soon"}, "planned_reactivation", "not a date"),
    ({"location_id": "MDI"}, "location_id", "facility cannot be deactivated"),
    ({"location_id": "A1-01"}, "location_id", "1 person is housed"),
    ({"location_id": "MDI:A"}, "location_id", "1 person is housed"),
])
def test_bad_deactivation_names_the_field_and_writes_nothing(housing, writes_nothing, kw,
                                                             field, reason):
    housing.admit(housing.person(), "A1-01")
    args = {"location_id": "A2-01", "reason": "Flooded"}
    args.update(kw)
    args["location_id"] = housing[args["location_id"]]
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(locations.deactivate_location, **args)
    assert err.value.field == field and reason in err.value.reason


def test_reactivation_is_refused_when_not_needed_or_the_parent_is_closed(housing, writes_nothing):
    with writes_nothing(), pytest.raises(RuleViolation, match="not deactivated"):
        housing.run(locations.reactivate_location, location_id=housing["A2-01"])
    housing.run(locations.deactivate_location, location_id=housing["A2-01"], reason="Damp")
    housing.run(locations.deactivate_location, location_id=housing["MDI:A2"], reason="Refit")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(locations.reactivate_location, location_id=housing["A2-01"])
    assert err.value.field == "location_id" and "A2 is deactivated" in err.value.reason


def test_capacity_cannot_drop_below_the_people_housed(housing, writes_nothing):
    housing.admit(housing.person(), "A1-01")
    housing.admit(housing.person(), "A1-01", override_reason="Reception overflow")
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(locations.set_capacity, location_id=housing["A1-01"],
                    operational_capacity=1, max_capacity=1)
    assert err.value.field == "max_capacity" and "2 people" in err.value.reason
    row = housing.run(locations.set_capacity, location_id=housing["A1-01"],
                      certified_capacity=2, operational_capacity=2, max_capacity=3)
    assert (row["operational_capacity"], row["max_capacity"]) == (2, 3)


def test_occupants_of_a_wing_include_its_cells_and_people_out_at_court(housing):
    ann = housing.person(first_name="Ann", last_name="Able")
    bob = housing.person(first_name="Bob", last_name="Baker")
    cid = housing.person(first_name="Cid", last_name="Cole")
    ep_ann = housing.admit(ann, "A1-01")
    housing.admit(bob, "A2-01")
    housing.admit(cid, "B1-01")
    housing.run(movements.out_to_court, custody_episode_id=ep_ann["id"])

    wing_a = housing.run(locations.occupants, location_id=housing["MDI:A"])
    assert [(r["last_name"], r["location_code"], r["status"]) for r in wing_a] == [
        ("Able", "A1-01", "OUT"), ("Baker", "A2-01", "ACTIVE")]
    assert [r["last_name"] for r in housing.run(locations.occupants,
                                                location_id=housing["A2-01"])] == ["Baker"]
    out = housing.run(locations.out_of_facility, facility_code="MDI")
    assert [(r["person_id"], r["out_reason"]) for r in out] == [(ann, "CRT")]


def test_unit_roll_counts_people_in_and_out_per_unit_with_capacity(housing):
    eps = [housing.admit(housing.person(), cell) for cell in ("A1-01", "A2-01", "B1-01")]
    housing.run(movements.temporary_absence, custody_episode_id=eps[1]["id"], reason="HOSPITAL")
    released = housing.admit(housing.person(), "A2-01")
    housing.run(custody.release, custody_episode_id=released["id"], reason="BAIL")
    roll = {line.code: line for line in housing.run(locations.unit_roll, facility_code="MDI")}
    assert (roll["A"].in_cell, roll["A"].out, roll["A"].total) == (1, 1, 2)
    assert (roll["A"].operational_capacity, roll["A"].max_capacity) == (4, 5)
    assert (roll["B"].in_cell, roll["B"].out, roll["B"].max_capacity) == (1, 0, 1)
    # A deactivated cell holds nobody, so it leaves the unit's capacity.
    housing.run(locations.deactivate_location, location_id=housing["A1-02"], reason="Damp")
    roll = {line.code: line for line in housing.run(locations.unit_roll, facility_code="MDI")}
    assert roll["A"].max_capacity == 4
    # Nor do the cells of a deactivated landing, though each cell is itself active.
    housing.run(custody.release, custody_episode_id=eps[0]["id"], reason="BAIL")
    housing.run(locations.deactivate_location, location_id=housing["MDI:A1"], reason="Refit")
    roll = {line.code: line for line in housing.run(locations.unit_roll, facility_code="MDI")}
    assert (roll["A"].in_cell, roll["A"].out, roll["A"].max_capacity) == (0, 1, 2)


def test_roll_of_an_unknown_facility_names_the_field(housing):
    with pytest.raises(ValidationError) as err:
        housing.run(locations.unit_roll, facility_code="XYZ")
    assert err.value.field == "facility_code"


def test_facility_default_incentive_level_can_change(housing, writes_nothing):
    row = housing.run(locations.set_default_incentive_level, code="MDI", level="ENH")
    assert row["default_incentive_level"] == "ENH"
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(locations.set_default_incentive_level, code="MDI", level="GOLD")
    assert err.value.field == "level"
