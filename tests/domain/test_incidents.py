import datetime as dt

import pytest

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import incident, incident_party
from app.domain import incidents
from tests.domain.discipline_support import HOUR, NOW, desk  # noqa: F401
from tests.support import outbox_and_audit, table_count


def _report(desk, parties, **kw):
    args = dict(incident_type="FIGHT", occurred_at=NOW - 3 * HOUR,
                discovered_at=NOW - 2 * HOUR,
                description="Two men fighting on the landing at unlock.", parties=parties)
    args.update(kw)
    if "location_id" not in args:
        args["location_id"] = desk.location()
    return desk(incidents.report_incident, **args)


def test_report_records_incident_parties_and_reporter(desk, replica):
    a, b = desk.person(), desk.person()
    loc = desk.location()
    before = outbox_and_audit(replica)
    inc = _report(desk, [(a, "PERPETRATOR"), (b, "VICTIM")], location_id=loc)
    assert inc["reported_by"] == "officer1" and inc["discovered_at"] == NOW - 2 * HOUR
    assert [(p["person_id"], p["role"]) for p in inc["parties"]] == [(a, "PERPETRATOR"),
                                                                     (b, "VICTIM")]
    assert outbox_and_audit(replica) == (before[0] + 3, before[1] + 3)
    stored = desk(incidents.get_incident, incident_id=inc["id"])
    assert {p["person_id"] for p in stored["parties"]} == {a, b}


def test_discovery_at_the_moment_it_happened_is_fine(desk):
    a = desk.person()
    inc = _report(desk, [(a, "INVOLVED")], occurred_at=NOW, discovered_at=NOW)
    assert inc["occurred_at"] == inc["discovered_at"] == NOW


@pytest.mark.parametrize("field,changes,reason", [
    ("incident_type", {"incident_type": "RIOT!"}, "not a valid incident_type"),
    ("discovered_at", {"discovered_at": NOW - 4 * HOUR}, "before occurred_at"),
    ("discovered_at", {"discovered_at": NOW + HOUR}, "in the future"),
    ("occurred_at", {"occurred_at": "yesterday"}, "not a date and time"),
    ("location_id", {"location_id": None}, "is required"),
    ("location_id", {"location_id": "nowhere"}, "no location"),
    ("description", {"description": ""}, "is required"),
    ("parties", {"parties": []}, "at least one"),
])
def test_bad_report_names_the_field_and_writes_nothing(desk, field, changes, reason):
    a = desk.person()
    loc = desk.location()
    changes.setdefault("location_id", loc)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _report(desk, changes.pop("parties", [(a, "PERPETRATOR")]), **changes)
    assert err.value.field == field and reason in err.value.reason


@pytest.mark.parametrize("parties,field,reason", [
    ([("nobody", "VICTIM")], "parties[0].person_id", "no person"),
    ([("A", "BYSTANDER")], "parties[0].role", "not a valid incident_role"),
    ([("A", "VICTIM"), ("A", "WITNESS")], "parties[1].person_id", "already a party"),
    (["A"], "parties[0]", "(person_id, role) pair"),
])
def test_bad_party_names_which_one_and_writes_nothing(desk, parties, field, reason):
    a = desk.person()
    loc = desk.location()
    parties = [p.replace("A", a) if isinstance(p, str) else (a if p[0] == "A" else p[0], p[1])
               for p in parties]
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _report(desk, parties, location_id=loc)
    assert err.value.field == field and reason in err.value.reason


def test_party_found_later_is_added_once(desk, replica):
    a, b = desk.person(), desk.person()
    inc = _report(desk, [(a, "PERPETRATOR")])
    desk(incidents.add_party, incident_id=inc["id"], person_id=b, role="WITNESS")
    assert desk(incidents.party_role, incident_id=inc["id"], person_id=b) == "WITNESS"
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(incidents.add_party, incident_id=inc["id"], person_id=b, role="VICTIM")
    assert err.value.field == "person_id"
    assert table_count(replica, incident_party) == 2


def test_incident_report_cannot_be_edited(desk, replica):
    a = desk.person()
    inc = _report(desk, [(a, "PERPETRATOR")])
    with desk.writes_nothing(), pytest.raises(RuleViolation):
        with replica.unit_of_work(desk.actor) as uow:
            uow.update(incident, inc["id"], {"description": "nothing happened"})


def test_merged_person_cannot_be_a_party(desk):
    from app.domain import people
    a, b = desk.person(), desk.person()
    desk(people.merge_people, keep_id=a, duplicate_id=b, reason="same fingerprints")
    loc = desk.location()
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _report(desk, [(b, "VICTIM")], location_id=loc)
    assert err.value.field == "parties[0].person_id" and a in err.value.reason


def test_timestamps_must_carry_a_zone(desk):
    a = desk.person()
    loc = desk.location()
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _report(desk, [(a, "VICTIM")], location_id=loc,
                discovered_at=dt.datetime(2026, 3, 2, 8, 0))
    assert err.value.field == "discovered_at" and "time zone" in err.value.reason
