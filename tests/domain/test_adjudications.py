import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import adjudication, hearing, punishment
from app.domain import adjudications as adj_svc
from app.domain import incidents
from app.storage.local_tables import audit_log
from tests.domain.discipline_support import DAY, HOUR, NOW, desk  # noqa: F401

DISCOVERED = NOW - 2 * HOUR
LATER = NOW + 2 * DAY  # when hearings have been held


def _incident(desk, *people, occurred_at=None):
    """An incident discovered at DISCOVERED, or an hour after `occurred_at` if given."""
    parties = [(p, "PERPETRATOR") for p in people]
    discovered = occurred_at + HOUR if occurred_at else DISCOVERED
    return desk(incidents.report_incident, incident_type="FIGHT",
                occurred_at=occurred_at or DISCOVERED - HOUR, discovered_at=discovered,
                location_id=desk.location(), description="Fight at unlock.", parties=parties,
                now=max(discovered, NOW))


def _charged(desk, pid=None, charge="FIGHTING", **kw):
    pid = pid or desk.person()
    inc = _incident(desk, pid, **kw)
    return desk(adj_svc.raise_adjudication, incident_id=inc["id"], person_id=pid,
                charge_code=charge)


def _scheduled(desk, adj, at=NOW + 24 * HOUR):
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED",
         reason="reviewed: proceed")
    return desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=at)


def _proved(desk, adj=None, **kw):
    adj = adj or _charged(desk, **kw)
    h = _scheduled(desk, adj)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR, plea="GUILTY",
         outcome="COMPLETE", finding="CHARGE_PROVED", now=LATER)
    return desk.get(adjudication, adj["id"])


# -- raising ------------------------------------------------------------------------

def test_charge_awaits_review_with_hearing_due_48_hours_after_discovery(desk):
    adj = _charged(desk)
    assert adj["status"] == "AWAITING_REVIEW"
    assert adj["hearing_due_by"] == DISCOVERED + 48 * HOUR


def test_only_a_party_can_be_charged(desk):
    pid, stranger = desk.person(), desk.person()
    inc = _incident(desk, pid)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.raise_adjudication, incident_id=inc["id"], person_id=stranger,
             charge_code="FIGHTING")
    assert err.value.field == "person_id" and "not a party" in err.value.reason


@pytest.mark.parametrize("field,changes,reason", [
    ("charge_code", {"charge_code": "RUDENESS"}, "not a valid adjudication_charge"),
    ("incident_id", {"incident_id": "nope"}, "no incident"),
    ("person_id", {"person_id": ""}, "is required"),
])
def test_bad_charge_names_the_field_and_writes_nothing(desk, field, changes, reason):
    pid = desk.person()
    inc = _incident(desk, pid)
    args = dict(incident_id=inc["id"], person_id=pid, charge_code="FIGHTING")
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.raise_adjudication, **{**args, **changes})
    assert err.value.field == field and reason in err.value.reason


def test_same_open_charge_twice_is_refused_but_can_be_relaid_after_not_proceeding(desk):
    adj = _charged(desk)
    again = dict(incident_id=adj["incident_id"], person_id=adj["person_id"],
                 charge_code="FIGHTING")
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.raise_adjudication, **again)
    assert err.value.field == "charge_code"
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="NOT_PROCEED",
         reason="evidence lost")
    assert desk(adj_svc.raise_adjudication, **again)["status"] == "AWAITING_REVIEW"


def test_a_charge_decided_on_its_merits_cannot_be_laid_again(desk):
    adj = _proved(desk)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.raise_adjudication, incident_id=adj["incident_id"],
             person_id=adj["person_id"], charge_code="FIGHTING", now=LATER)
    assert err.value.field == "charge_code" and "CHARGE_PROVED" in err.value.reason


# -- status ---------------------------------------------------------------------------

def test_status_moves_along_the_graph_with_a_reason(desk):
    adj = _charged(desk)
    row = desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED",
               reason="reviewed by duty governor")
    assert row["status"] == "UNSCHEDULED" and row["status_reason"] == "reviewed by duty governor"


@pytest.mark.parametrize("status,reason_given,field,reason", [
    ("CHARGE_PROVED", "x", "status", "cannot go from AWAITING_REVIEW to CHARGE_PROVED"),
    ("SCHEDULED", "x", "status", "cannot go from AWAITING_REVIEW"),
    ("PENDING", "x", "status", "not a valid adjudication_status"),
    ("UNSCHEDULED", "  ", "reason", "is required"),
])
def test_bad_transition_names_the_field_and_writes_nothing(desk, status, reason_given, field,
                                                          reason):
    adj = _charged(desk)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.change_status, adjudication_id=adj["id"], status=status,
             reason=reason_given)
    assert err.value.field == field and reason in err.value.reason
    assert desk.get(adjudication, adj["id"])["version"] == adj["version"]


def test_refused_transition_lists_what_is_allowed(desk):
    adj = _charged(desk)
    with pytest.raises(RuleViolation, match="allowed: UNSCHEDULED, NOT_PROCEED"):
        desk(adj_svc.change_status, adjudication_id=adj["id"], status="DISMISSED", reason="x")


def test_final_status_allows_nothing(desk):
    adj = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="NOT_PROCEED", reason="x")
    with desk.writes_nothing(), pytest.raises(RuleViolation, match="it is final"):
        desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED",
             reason="changed my mind")


def test_hearing_decisions_cannot_be_set_by_hand(desk):
    adj = _charged(desk)
    _scheduled(desk, adj)
    for status in ("CHARGE_PROVED", "DISMISSED", "ADJOURNED", "REFER_POLICE"):
        with desk.writes_nothing(), pytest.raises(RuleViolation, match="decided at a hearing"):
            desk(adj_svc.change_status, adjudication_id=adj["id"], status=status, reason="x")


def test_unscheduling_cancels_the_booked_hearing(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED",
         reason="prisoner at hospital")
    assert desk.get(hearing, h["id"])["void_reason"] == "hearing cancelled: prisoner at hospital"
    assert desk(adj_svc.adjudication_record, adjudication_id=adj["id"])["hearings"] == []


# -- hearings -----------------------------------------------------------------------------

def test_hearing_within_deadline_schedules_the_report(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj, at=adj["hearing_due_by"])
    assert h["scheduled_at"] == adj["hearing_due_by"] and h["person_id"] == adj["person_id"]
    row = desk.get(adjudication, adj["id"])
    assert row["status"] == "SCHEDULED" and row["status_reason"] is None


def test_late_first_hearing_needs_a_reason(desk):
    adj = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED", reason="ok")
    late = adj["hearing_due_by"] + HOUR
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=late)
    assert err.value.field == "scheduled_at" and "due-by" in err.value.reason
    desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=late,
         late_reason="wing locked down after a fire")
    row = desk.get(adjudication, adj["id"])
    assert row["status"] == "SCHEDULED" and "locked down" in row["status_reason"]
    with desk.replica.reader.connect() as conn:
        detail = conn.execute(select(audit_log.c.detail).where(
            audit_log.c.action == "LATE_HEARING")).scalar_one()
    assert detail["reason"] == "wing locked down after a fire"


def test_adjourned_hearing_is_rescheduled_without_the_deadline(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    row = desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR,
               plea="NOT_ASKED", outcome="ADJOURN", now=LATER)
    assert row["status"] == "ADJOURNED"
    second = desk(adj_svc.schedule_hearing, adjudication_id=adj["id"],
                  scheduled_at=NOW + 5 * DAY, now=LATER)
    assert second["scheduled_at"] == NOW + 5 * DAY


@pytest.mark.parametrize("changes,field,reason", [
    ({"scheduled_at": DISCOVERED - HOUR}, "scheduled_at", "before the time the incident"),
    ({"scheduled_at": "soon"}, "scheduled_at", "not a date and time"),
    ({"adjudication_id": "nope"}, "adjudication_id", "no adjudication"),
])
def test_bad_schedule_names_the_field_and_writes_nothing(desk, changes, field, reason):
    adj = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED", reason="ok")
    args = {"adjudication_id": adj["id"], "scheduled_at": NOW + HOUR, **changes}
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.schedule_hearing, **args)
    assert err.value.field == field and reason in err.value.reason


def test_report_must_be_reviewed_before_its_hearing_is_scheduled(desk):
    adj = _charged(desk)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=NOW + HOUR)
    assert err.value.field == "status"


def test_completed_hearing_records_plea_and_finding(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    row = desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR,
               plea="NOT_GUILTY", outcome="COMPLETE", finding="DISMISSED",
               notes="CCTV shows he was defending himself", now=LATER)
    assert row["status"] == "DISMISSED"
    held = desk.get(hearing, h["id"])
    assert (held["plea"], held["outcome"], held["finding"], held["adjudicator"]) == \
        ("NOT_GUILTY", "COMPLETE", "DISMISSED", "officer1")


def test_referral_moves_the_report_to_the_referral_status(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    row = desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR,
               plea="NOT_ASKED", outcome="REFER_POLICE", now=LATER)
    assert row["status"] == "REFER_POLICE"


@pytest.mark.parametrize("changes,field,reason", [
    ({"finding": None}, "finding", "is required"),
    ({"outcome": "ADJOURN"}, "finding", "only a completed hearing"),
    ({"plea": "MAYBE"}, "plea", "not a valid plea"),
    ({"outcome": "DONE"}, "outcome", "not a valid hearing_outcome"),
    ({"held_at": LATER + HOUR}, "held_at", "in the future"),
    ({"held_at": DISCOVERED - HOUR}, "held_at", "before the time the incident"),
])
def test_bad_hearing_record_names_the_field_and_writes_nothing(desk, changes, field, reason):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    args = dict(hearing_id=h["id"], held_at=NOW + 24 * HOUR, plea="GUILTY",
                outcome="COMPLETE", finding="CHARGE_PROVED", now=LATER)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.record_hearing, **{**args, **changes})
    assert err.value.field == field and reason in err.value.reason
    assert desk.get(adjudication, adj["id"])["status"] == "SCHEDULED"


def test_a_hearing_is_recorded_once(desk):
    adj = _proved(desk)
    [h] = desk(adj_svc.adjudication_record, adjudication_id=adj["id"])["hearings"]
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR,
             plea="GUILTY", outcome="COMPLETE", finding="DISMISSED", now=LATER)
    assert err.value.field == "hearing_id" and "already been recorded" in err.value.reason


# -- punishments ----------------------------------------------------------------------------

def _award(desk, adj, **kw):
    return desk(adj_svc.award_punishment, adjudication_id=adj["id"], now=LATER, **kw)


def test_punishment_within_its_limit_starts_today(desk):
    adj = _proved(desk)
    p = _award(desk, adj, punishment_type="LOSS_OF_SOCIAL_VISITS", days=27)
    assert (p["status"], p["days"], p["start_date"]) == ("ACTIVE", 27, LATER.date())
    caution = _award(desk, adj, punishment_type="CAUTION")
    assert caution["days"] is None
    stoppage = _award(desk, adj, punishment_type="STOPPAGE_OF_EARNINGS", days=14, percent=50)
    assert stoppage["amount"] == 50


@pytest.mark.parametrize("kw,field,reason", [
    ({"punishment_type": "LOSS_OF_SOCIAL_VISITS", "days": 28}, "days",
     "over the limit of 27 days"),
    ({"punishment_type": "RESTRICTION_OF_SOCIAL_VISITS", "days": 85}, "days",
     "over the limit of 84 days"),
    ({"punishment_type": "CELLULAR_CONFINEMENT", "days": 22}, "days", "limit of 21"),
    ({"punishment_type": "CELLULAR_CONFINEMENT"}, "days", "is required"),
    ({"punishment_type": "CELLULAR_CONFINEMENT", "days": 0}, "days", "at least 1"),
    ({"punishment_type": "CAUTION", "days": 3}, "days", "does not apply to Caution"),
    ({"punishment_type": "STOPPAGE_OF_EARNINGS", "days": 7, "percent": 51}, "percent",
     "over the limit of 50 %"),
    ({"punishment_type": "CELLULAR_CONFINEMENT", "days": 3, "percent": 10}, "percent",
     "does not apply"),
    ({"punishment_type": "FLOGGING", "days": 1}, "punishment_type", "not a valid"),
    ({"punishment_type": "CAUTION", "start_date": "2026-01-01"}, "start_date",
     "before the date of the incident"),
    ({"punishment_type": "CAUTION", "suspended_until": NOW.date()}, "suspended_until",
     "after today"),
    ({"punishment_type": "CAUTION", "suspended_until": "2026-06-01",
      "start_date": "2026-03-05"}, "start_date", "starts when activated"),
])
def test_punishment_over_its_limit_is_refused_naming_field_and_limit(desk, kw, field, reason):
    adj = _proved(desk)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _award(desk, adj, **kw)
    assert err.value.field == field and reason in err.value.reason


def test_limit_applies_to_the_total_of_a_type_on_one_charge(desk):
    adj = _proved(desk)
    _award(desk, adj, punishment_type="CELLULAR_CONFINEMENT", days=14)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _award(desk, adj, punishment_type="CELLULAR_CONFINEMENT", days=8)
    assert err.value.field == "days" and "14 days" in err.value.reason \
        and "21 days" in err.value.reason
    _award(desk, adj, punishment_type="CELLULAR_CONFINEMENT", days=7)


def test_no_punishment_before_the_charge_is_proved(desk):
    adj = _charged(desk)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _award(desk, adj, punishment_type="CAUTION")
    assert err.value.field == "adjudication_id" and "AWAITING_REVIEW" in err.value.reason


def test_suspended_punishment_is_activated_by_a_later_proved_charge(desk):
    first = _proved(desk)
    pid = first["person_id"]
    p = _award(desk, first, punishment_type="FORFEITURE_OF_PRIVILEGES", days=14,
               suspended_until=dt.date(2026, 6, 1))
    assert (p["status"], p["start_date"]) == ("SUSPENDED", None)
    # A second offence during the suspension, proved at a later hearing.
    second = desk(adj_svc.raise_adjudication,
                  incident_id=_incident(desk, pid, occurred_at=LATER + DAY)["id"],
                  person_id=pid, charge_code="THREATS", now=LATER + 2 * DAY)
    assert second["status"] == "AWAITING_REVIEW"
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.activate_punishment, punishment_id=p["id"], activated_by_id=second["id"],
             now=LATER + 2 * DAY)
    assert err.value.field == "activated_by_id" and "not proved" in err.value.reason
    _prove_later(desk, second)
    act = desk(adj_svc.activate_punishment, punishment_id=p["id"],
               activated_by_id=second["id"], now=LATER + 5 * DAY)
    assert (act["status"], act["activated_by_id"], act["start_date"]) == \
        ("ACTIVATED", second["id"], (LATER + 5 * DAY).date())
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.activate_punishment, punishment_id=p["id"],
             activated_by_id=second["id"], now=LATER + 5 * DAY)
    assert err.value.field == "punishment_id"


def _prove_later(desk, adj):
    """Take a report raised at LATER + 2 days through to a proved charge."""
    t = LATER + 2 * DAY
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED",
         reason="ok", now=t)
    h = desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=t + HOUR,
             late_reason="follows the earlier charge", now=t)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=t + HOUR, plea="GUILTY",
         outcome="COMPLETE", finding="CHARGE_PROVED", now=t + 2 * HOUR)


def test_activation_needs_the_same_person_and_an_offence_within_the_suspension(desk):
    first = _proved(desk)
    p = _award(desk, first, punishment_type="CAUTION", suspended_until=dt.date(2026, 3, 20))
    someone_else = _proved(desk)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.activate_punishment, punishment_id=p["id"],
             activated_by_id=someone_else["id"], now=LATER)
    assert err.value.field == "activated_by_id" and "another person" in err.value.reason
    with pytest.raises(ValidationError, match="another charge"):
        desk(adj_svc.activate_punishment, punishment_id=p["id"], activated_by_id=first["id"],
             now=LATER)
    pid = first["person_id"]
    after = desk(adj_svc.raise_adjudication,
                 incident_id=_incident(desk, pid, occurred_at=NOW + 30 * DAY)["id"],
                 person_id=pid, charge_code="DISOBEY", now=LATER + 2 * DAY)
    # Proved a month on, for an incident after the suspension ended.
    t = NOW + 31 * DAY
    desk(adj_svc.change_status, adjudication_id=after["id"], status="UNSCHEDULED", reason="ok",
         now=t)
    h = desk(adj_svc.schedule_hearing, adjudication_id=after["id"], scheduled_at=t,
             late_reason="entered late", now=t)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=t, plea="GUILTY",
         outcome="COMPLETE", finding="CHARGE_PROVED", now=t + HOUR)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.activate_punishment, punishment_id=p["id"], activated_by_id=after["id"],
             now=t + HOUR)
    assert err.value.field == "activated_by_id" and "after the suspension" in err.value.reason


def test_quashing_on_appeal_quashes_punishments_and_undoes_activations(desk):
    first = _proved(desk)
    pid = first["person_id"]
    suspended = _award(desk, first, punishment_type="CAUTION",
                       suspended_until=dt.date(2026, 6, 1))
    second = desk(adj_svc.raise_adjudication,
                  incident_id=_incident(desk, pid, occurred_at=LATER + DAY)["id"],
                  person_id=pid, charge_code="THREATS", now=LATER + 2 * DAY)
    _prove_later(desk, second)
    own = desk(adj_svc.award_punishment, adjudication_id=second["id"],
               punishment_type="LOSS_OF_SOCIAL_VISITS", days=10, now=LATER + 3 * DAY)
    desk(adj_svc.activate_punishment, punishment_id=suspended["id"],
         activated_by_id=second["id"], now=LATER + 3 * DAY)

    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(adj_svc.change_status, adjudication_id=second["id"], status="QUASHED", reason="")
    assert err.value.field == "reason"
    desk(adj_svc.change_status, adjudication_id=second["id"], status="QUASHED",
         reason="appeal upheld: procedural error", now=LATER + 10 * DAY)
    assert desk.get(punishment, own["id"])["status"] == "QUASHED"
    back = desk.get(punishment, suspended["id"])
    assert (back["status"], back["activated_by_id"], back["start_date"]) == \
        ("SUSPENDED", None, None)
    with desk.writes_nothing(), pytest.raises(RuleViolation):
        desk(adj_svc.award_punishment, adjudication_id=second["id"],
             punishment_type="CAUTION", now=LATER + 10 * DAY)


def test_only_a_proved_charge_can_be_quashed(desk):
    adj = _charged(desk)
    h = _scheduled(desk, adj)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + 24 * HOUR,
         plea="NOT_GUILTY", outcome="COMPLETE", finding="DISMISSED", now=LATER)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(adj_svc.change_status, adjudication_id=adj["id"], status="QUASHED",
             reason="appeal", now=LATER)
    assert err.value.field == "status"


def test_a_persons_reports_are_listed(desk):
    adj = _charged(desk)
    listed = desk(adj_svc.adjudications_for, person_id=adj["person_id"])
    assert [a["id"] for a in listed] == [adj["id"]]


def test_status_change_on_a_report_changed_meanwhile_is_refused(desk):
    from app.core.errors import StaleRecord

    adj = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED", reason="ok")
    with desk.writes_nothing(), pytest.raises(StaleRecord):
        desk(adj_svc.change_status, adjudication_id=adj["id"], status="NOT_PROCEED",
             reason="seen on an old screen", expected_version=adj["version"])


def test_discipline_offers_the_whole_area_under_one_name(desk):
    from app.domain import discipline

    pid = desk.person()
    inc = desk(discipline.report_incident, incident_type="DRUGS", occurred_at=DISCOVERED,
               discovered_at=DISCOVERED, location_id=desk.location(),
               description="Spice found in cell.", parties=[(pid, "PERPETRATOR")])
    adj = desk(discipline.raise_adjudication, incident_id=inc["id"], person_id=pid,
               charge_code="DRUGS")
    assert desk(discipline.allowed_next, status=adj["status"]) == ["UNSCHEDULED", "NOT_PROCEED"]


def test_reports_past_their_hearing_deadline_are_listed_until_a_hearing_is_booked(desk):
    waiting = _charged(desk)
    reviewed = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=reviewed["id"], status="UNSCHEDULED",
         reason="ok")
    booked = _charged(desk)
    _scheduled(desk, booked)
    dropped = _charged(desk)
    desk(adj_svc.change_status, adjudication_id=dropped["id"], status="NOT_PROCEED",
         reason="victim withdrew")
    assert desk(adj_svc.hearings_overdue) == []  # nothing is due yet
    after_deadline = waiting["hearing_due_by"] + HOUR
    overdue = desk(adj_svc.hearings_overdue, now=after_deadline)
    assert {a["id"] for a in overdue} == {waiting["id"], reviewed["id"]}
    # An adjourned report has had its hearing: the deadline is met.
    h = desk(adj_svc.schedule_hearing, adjudication_id=reviewed["id"], scheduled_at=NOW + HOUR)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + HOUR, plea="NOT_ASKED",
         outcome="ADJOURN", now=after_deadline)
    assert [a["id"] for a in desk(adj_svc.hearings_overdue, now=after_deadline)] == \
        [waiting["id"]]
