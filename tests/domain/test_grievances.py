import datetime as dt

import pytest
from sqlalchemy import select, update

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import grievance, grievance_response, ref_code
from app.domain import grievances
from app.storage.local_tables import audit_log
from app.storage.reference import Codes
from tests.domain.discipline_support import DAY, HOUR, NOW, desk  # noqa: F401
from tests.support import table_count


def _log(desk, pid, **kw):
    args = dict(person_id=pid, kind="GRIEVANCE", category="FOOD", routed_to="WING_STAFF",
                subject="Cold meals", details="Meals on B wing arrive cold every evening.")
    args.update(kw)
    return desk(grievances.log_grievance, **args)


def test_grievance_is_submitted_and_due_by_the_kinds_deadline(desk):
    pid = desk.person()
    g = _log(desk, pid)
    assert (g["status"], g["submitted_at"], g["routed_to"]) == ("SUBMITTED", NOW, "WING_STAFF")
    assert g["due_by"] == NOW.date() + dt.timedelta(days=5)
    r = _log(desk, pid, kind="REQUEST", category="FINANCE", routed_to="FINANCE",
             submitted_at=NOW - DAY)
    assert r["due_by"] == (NOW - DAY).date() + dt.timedelta(days=7)


def test_category_with_a_default_route_routes_itself(desk, replica):
    # An agency configures HEALTH grievances to go to healthcare by default.
    with replica.engine.begin() as conn:
        conn.execute(update(ref_code).where(ref_code.c.domain == "grievance_category",
                                            ref_code.c.code == "HEALTH")
                     .values(attributes={"route": "HEALTHCARE"}))
        replica.codes = Codes.read(conn)
    pid = desk.person()
    assert _log(desk, pid, category="HEALTH", routed_to=None)["routed_to"] == "HEALTHCARE"
    assert _log(desk, pid, category="HEALTH", routed_to="GOVERNOR")["routed_to"] == "GOVERNOR"


@pytest.mark.parametrize("changes,field,reason", [
    ({"routed_to": None}, "routed_to", "no default staff group"),
    ({"routed_to": "JANITOR"}, "routed_to", "not a valid staff_group"),
    ({"kind": "COMPLAINT"}, "kind", "not a valid grievance_deadline"),
    ({"category": "WEATHER"}, "category", "not a valid grievance_category"),
    ({"subject": ""}, "subject", "is required"),
    ({"details": None}, "details", "is required"),
    ({"submitted_at": NOW + HOUR}, "submitted_at", "in the future"),
    ({"person_id": "ghost"}, "person_id", "no person"),
])
def test_bad_grievance_names_the_field_and_writes_nothing(desk, changes, field, reason):
    pid = desk.person()
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _log(desk, pid, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_response_answers_the_grievance_and_cannot_be_edited(desk, replica):
    pid = desk.person()
    g = _log(desk, pid)
    resp = desk(grievances.respond, grievance_id=g["id"], outcome="UPHELD",
                text="Kitchen will send hot trolleys from Monday.", now=NOW + DAY)
    assert (resp["responder"], resp["responded_at"], resp["person_id"]) == \
        ("officer1", NOW + DAY, pid)
    assert desk.get(grievance, g["id"])["status"] == "ANSWERED"
    with desk.writes_nothing(), pytest.raises(RuleViolation):
        with replica.unit_of_work(desk.actor) as uow:
            uow.update(grievance_response, resp["id"], {"text": "never mind"})
    [listed] = desk(grievances.grievances_for, person_id=pid)
    assert [r["outcome"] for r in listed["responses"]] == ["UPHELD"]


@pytest.mark.parametrize("changes,field,reason", [
    ({"outcome": "MAYBE"}, "outcome", "not a valid grievance_outcome"),
    ({"text": "  "}, "text", "is required"),
    ({"grievance_id": "nope"}, "grievance_id", "no grievance"),
])
def test_bad_response_names_the_field_and_writes_nothing(desk, changes, field, reason):
    g = _log(desk, desk.person())
    args = dict(grievance_id=g["id"], outcome="NOT_UPHELD", text="Meals checked: hot.")
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(grievances.respond, **{**args, **changes})
    assert err.value.field == field and reason in err.value.reason


def test_status_follows_the_lifecycle_with_a_reason_in_the_audit_log(desk, replica):
    g = _log(desk, desk.person())
    row = desk(grievances.change_status, grievance_id=g["id"], status="IN_PROGRESS",
               reason="asked catering for temperatures")
    assert row["status"] == "IN_PROGRESS"
    with replica.reader.connect() as conn:
        detail = conn.execute(select(audit_log.c.detail).where(
            audit_log.c.action == "STATUS", audit_log.c.row_id == g["id"])).scalar_one()
    assert detail == {"from": "SUBMITTED", "to": "IN_PROGRESS",
                      "reason": "asked catering for temperatures"}


def test_the_latest_status_reason_is_kept_on_the_grievance(desk, replica):
    g = _log(desk, desk.person())
    desk(grievances.change_status, grievance_id=g["id"], status="IN_PROGRESS",
         reason="asked catering for temperatures")
    desk(grievances.respond, grievance_id=g["id"], outcome="NOT_UPHELD", text="Meals are hot.")
    [answered] = desk(grievances.grievances_for, person_id=g["person_id"])
    # The response is the explanation of ANSWERED; an older reason would mislead.
    assert (answered["status"], answered["status_reason"]) == ("ANSWERED", None)
    appealed = desk(grievances.change_status, grievance_id=g["id"], status="APPEALED",
                    reason="disputes the temperature log", now=NOW + DAY)
    assert appealed["status_reason"] == "disputes the temperature log"
    with replica.reader.connect() as conn:
        stored = conn.execute(select(grievance.c.status, grievance.c.status_reason).where(
            grievance.c.id == g["id"])).one()
    assert tuple(stored) == ("APPEALED", "disputes the temperature log")


@pytest.mark.parametrize("status,reason_given,field,reason", [
    ("CLOSED", "x", "status", "cannot go from SUBMITTED to CLOSED"),
    ("ANSWERED", "x", "status", "adding a response"),
    ("LOST", "x", "status", "not a valid grievance_status"),
    ("WITHDRAWN", "", "reason", "is required"),
])
def test_bad_status_change_names_the_field_and_writes_nothing(desk, status, reason_given, field,
                                                             reason):
    g = _log(desk, desk.person())
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(grievances.change_status, grievance_id=g["id"], status=status, reason=reason_given)
    assert err.value.field == field and reason in err.value.reason


def test_withdrawn_grievance_cannot_be_answered(desk):
    g = _log(desk, desk.person())
    desk(grievances.change_status, grievance_id=g["id"], status="WITHDRAWN",
         reason="prisoner withdrew it")
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(grievances.respond, grievance_id=g["id"], outcome="INFORMATION", text="noted")
    assert err.value.field == "grievance_id" and "WITHDRAWN to ANSWERED" in err.value.reason


def test_appeal_restarts_the_clock_and_is_answered_again(desk):
    g = _log(desk, desk.person())
    desk(grievances.respond, grievance_id=g["id"], outcome="NOT_UPHELD", text="Meals are hot.")
    appealed = desk(grievances.change_status, grievance_id=g["id"], status="APPEALED",
                    reason="disputes the temperature log", now=NOW + 3 * DAY)
    assert appealed["due_by"] == (NOW + 3 * DAY).date() + dt.timedelta(days=5)
    desk(grievances.respond, grievance_id=g["id"], outcome="PARTLY_UPHELD",
         text="Two cold meals confirmed.", now=NOW + 4 * DAY)
    desk(grievances.change_status, grievance_id=g["id"], status="CLOSED", reason="accepted",
         now=NOW + 5 * DAY)
    assert table_count(desk.replica, grievance_response) == 2


def test_overdue_lists_grievances_still_waiting_after_their_due_date(desk):
    pid = desk.person()
    old = _log(desk, pid, submitted_at=NOW - 10 * DAY)  # due NOW - 5 days
    older_request = _log(desk, pid, kind="REQUEST", submitted_at=NOW - 20 * DAY)
    answered = _log(desk, pid, submitted_at=NOW - 10 * DAY)
    desk(grievances.respond, grievance_id=answered["id"], outcome="UPHELD", text="done")
    withdrawn = _log(desk, pid, submitted_at=NOW - 10 * DAY)
    desk(grievances.change_status, grievance_id=withdrawn["id"], status="WITHDRAWN",
         reason="withdrawn")
    _log(desk, pid)  # not yet due
    in_progress = _log(desk, pid, submitted_at=NOW - 6 * DAY)  # due yesterday
    desk(grievances.change_status, grievance_id=in_progress["id"], status="IN_PROGRESS",
         reason="looking into it")
    late = desk(grievances.overdue)
    assert [g["id"] for g in late] == [older_request["id"], old["id"], in_progress["id"]]
    on_due_day = desk(grievances.overdue, today=(NOW - 5 * DAY).date())
    assert old["id"] not in [g["id"] for g in on_due_day]


def test_reroute_while_awaiting_an_answer_with_a_reason(desk, replica):
    g = _log(desk, desk.person())
    row = desk(grievances.reroute, grievance_id=g["id"], routed_to="RESIDENTIAL_MANAGER",
               reason="complaint is about wing staff")
    assert row["routed_to"] == "RESIDENTIAL_MANAGER"
    for changes, field in (({"routed_to": "RESIDENTIAL_MANAGER"}, "routed_to"),
                           ({"routed_to": "NOBODY"}, "routed_to"),
                           ({"reason": ""}, "reason")):
        args = dict(grievance_id=g["id"], routed_to="GOVERNOR", reason="escalate")
        with desk.writes_nothing(), pytest.raises(ValidationError) as err:
            desk(grievances.reroute, **{**args, **changes})
        assert err.value.field == field
    desk(grievances.respond, grievance_id=g["id"], outcome="UPHELD", text="Apology given.")
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(grievances.reroute, grievance_id=g["id"], routed_to="GOVERNOR", reason="late")
    assert err.value.field == "grievance_id" and "ANSWERED" in err.value.reason
