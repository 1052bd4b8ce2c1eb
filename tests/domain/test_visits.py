import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, visit
from app.domain import visits
from app.storage.local_tables import audit_log
from app.storage.unit_of_work import Actor
from tests.domain.discipline_support import DAY, HOUR, NOW, desk  # noqa: F401

TOMORROW_2PM = dt.datetime(2026, 3, 3, 14, 0, tzinfo=dt.timezone.utc)


def _visitor(desk, pid, approve=True, **kw):
    args = dict(person_id=pid, first_name="Ana", last_name="Lopes", relationship="PARTNER")
    args.update(kw)
    v = desk(visits.add_visitor, **args)
    if approve:
        v = desk(visits.approve_visitor, visitor_id=v["id"])
    return v


def _book(desk, pid, vid, start=TOMORROW_2PM, hours=1, **kw):
    return desk(visits.book_visit, person_id=pid, visitor_id=vid, starts_at=start,
                ends_at=start + hours * HOUR, visit_type=kw.pop("visit_type", "SOCIAL"), **kw)


# -- visitors ---------------------------------------------------------------------------

def test_new_visitor_waits_for_approval(desk):
    pid = desk.person()
    v = _visitor(desk, pid, approve=False, date_of_birth="1990-04-02")
    assert v["status"] == "PENDING" and v["date_of_birth"] == dt.date(1990, 4, 2)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _book(desk, pid, v["id"])
    assert err.value.field == "visitor_id" and "pending" in err.value.reason
    assert desk(visits.approve_visitor, visitor_id=v["id"])["status"] == "APPROVED"
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(visits.approve_visitor, visitor_id=v["id"])
    assert err.value.field == "visitor_id"


@pytest.mark.parametrize("changes,field,reason", [
    ({"relationship": "ENEMY"}, "relationship", "not a valid relationship"),
    ({"first_name": " "}, "first_name", "is required"),
    ({"last_name": "x" * 101}, "last_name", "at most 100"),
    ({"date_of_birth": "2099-01-01"}, "date_of_birth", "in the future"),
    ({"person_id": "ghost"}, "person_id", "no person"),
])
def test_bad_visitor_names_the_field_and_writes_nothing(desk, changes, field, reason):
    pid = desk.person()
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _visitor(desk, pid, approve=False, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_ban_cancels_booked_visits_in_the_ban_and_blocks_booking_until_it_ends(desk):
    pid = desk.person()
    v = _visitor(desk, pid)
    inside = _book(desk, pid, v["id"])
    after = _book(desk, pid, v["id"], start=TOMORROW_2PM + 10 * DAY)
    banned = desk(visits.ban_visitor, visitor_id=v["id"], reason="passed drugs at last visit",
                  until="2026-03-10")
    assert banned["status"] == "BANNED" and banned["banned_until"] == dt.date(2026, 3, 10)
    assert banned["cancelled_visits"] == [inside["id"]]
    assert desk.get(visit, inside["id"])["outcome_comment"] == \
        "visitor banned: passed drugs at last visit"
    assert desk.get(visit, after["id"])["status"] == "BOOKED"
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _book(desk, pid, v["id"], start=dt.datetime(2026, 3, 10, 15, 0, tzinfo=dt.timezone.utc))
    assert err.value.field == "visitor_id" and "banned until 2026-03-10" in err.value.reason
    # The day after the ban ends, the earlier approval stands.
    ok = _book(desk, pid, v["id"], start=dt.datetime(2026, 3, 11, 10, 0, tzinfo=dt.timezone.utc))
    assert ok["status"] == "BOOKED"


@pytest.mark.parametrize("changes,field,reason", [
    ({"reason": ""}, "reason", "is required"),
    ({"until": None}, "until", "is required"),
    ({"until": "2026-03-01"}, "until", "in the past"),
    ({"until": "next week"}, "until", "not a date"),
])
def test_bad_ban_names_the_field_and_writes_nothing(desk, changes, field, reason):
    v = _visitor(desk, desk.person())
    args = dict(visitor_id=v["id"], reason="smuggling", until="2026-04-01")
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(visits.ban_visitor, **{**args, **changes})
    assert err.value.field == field and reason in err.value.reason


def test_pending_visitor_cannot_be_banned_and_lifting_needs_a_ban(desk):
    pid = desk.person()
    pending = _visitor(desk, pid, approve=False)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(visits.ban_visitor, visitor_id=pending["id"], reason="x", until="2026-04-01")
    assert err.value.field == "visitor_id"
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(visits.lift_ban, visitor_id=pending["id"], reason="x")
    assert err.value.field == "visitor_id" and "not banned" in err.value.reason


def test_lifting_a_ban_approves_again_and_audits_why(desk, replica):
    pid = desk.person()
    v = _visitor(desk, pid)
    desk(visits.ban_visitor, visitor_id=v["id"], reason="abusive to staff", until="2026-06-01")
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(visits.lift_ban, visitor_id=v["id"], reason=" ")
    assert err.value.field == "reason"
    row = desk(visits.lift_ban, visitor_id=v["id"], reason="apology accepted by governor")
    assert (row["status"], row["banned_until"], row["ban_reason"]) == ("APPROVED", None, None)
    with replica.reader.connect() as conn:
        detail = conn.execute(select(audit_log.c.detail).where(
            audit_log.c.action == "LIFT_BAN")).scalar_one()
    assert detail["reason"] == "apology accepted by governor"
    assert detail["ban_reason"] == "abusive to staff"
    assert _book(desk, pid, v["id"])["status"] == "BOOKED"


# -- booking -------------------------------------------------------------------------------

def test_a_visit_that_already_happened_can_be_recorded(desk):
    pid = desk.person()
    v = _visitor(desk, pid)
    past = _book(desk, pid, v["id"], start=NOW - 3 * DAY)
    done = desk(visits.complete_visit, visit_id=past["id"], comment="entered after outage")
    assert done["status"] == "COMPLETED"


def test_booked_visit_appears_in_the_log(desk):
    pid = desk.person()
    v = _visitor(desk, pid)
    booked = _book(desk, pid, v["id"], visit_type="LEGAL")
    [entry] = desk(visits.visit_log, person_id=pid)
    assert entry["id"] == booked["id"] and entry["status"] == "BOOKED"
    assert (entry["visitor_last_name"], entry["relationship"], entry["visit_type"]) == \
        ("Lopes", "PARTNER", "LEGAL")


@pytest.mark.parametrize("changes,field,reason", [
    ({"ends_at": TOMORROW_2PM}, "ends_at", "after starts_at"),
    ({"ends_at": TOMORROW_2PM - HOUR}, "ends_at", "after starts_at"),
    ({"starts_at": dt.datetime(2026, 3, 3, 14, 0)}, "starts_at", "time zone"),
    ({"starts_at": dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5)))},
     "starts_at", "years 1 to 9999"),
    ({"visit_type": "CONJUGAL"}, "visit_type", "not a valid visit_type"),
    ({"visitor_id": "nobody"}, "visitor_id", "no visitor"),
])
def test_bad_booking_names_the_field_and_writes_nothing(desk, changes, field, reason):
    pid = desk.person()
    v = _visitor(desk, pid)
    args = dict(person_id=pid, visitor_id=v["id"], starts_at=TOMORROW_2PM,
                ends_at=TOMORROW_2PM + HOUR, visit_type="SOCIAL")
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(visits.book_visit, **{**args, **changes})
    assert err.value.field == field and reason in err.value.reason


def test_visitor_of_someone_else_cannot_book(desk):
    pid, other = desk.person(), desk.person()
    v = _visitor(desk, other)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _book(desk, pid, v["id"])
    assert err.value.field == "visitor_id" and "visitor list" in err.value.reason


def test_person_must_be_in_custody(desk, replica):
    gone = desk.person(in_custody=False)
    v = _visitor(desk, gone)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _book(desk, gone, v["id"])
    assert err.value.field == "person_id" and "not in custody" in err.value.reason
    released = desk.person()
    v2 = _visitor(desk, released)
    with replica.unit_of_work(desk.actor, now=NOW) as uow:
        ep = uow.rows(select(custody_episode).where(custody_episode.c.person_id == released))[0]
        uow.update(custody_episode, ep["id"], {"status": "RELEASED", "released_at": NOW - DAY})
    with desk.writes_nothing(), pytest.raises(RuleViolation):
        _book(desk, released, v2["id"])


def test_person_must_be_held_at_the_bookers_facility(desk):
    pid = desk.person()  # held at MDI
    v = _visitor(desk, pid)
    elsewhere = Actor("officer9", "LEI", ("officer",))
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _book(desk, pid, v["id"], actor=elsewhere)
    assert err.value.field == "person_id" and "not in custody at LEI" in err.value.reason


def test_overlapping_visits_of_one_person_are_refused_but_back_to_back_is_fine(desk):
    pid = desk.person()
    v1, v2 = _visitor(desk, pid), _visitor(desk, pid, first_name="Rui")
    _book(desk, pid, v1["id"], hours=2)
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _book(desk, pid, v2["id"], start=TOMORROW_2PM + HOUR)
    assert err.value.field == "starts_at" and "overlaps" in err.value.reason
    assert _book(desk, pid, v2["id"], start=TOMORROW_2PM + 2 * HOUR)["status"] == "BOOKED"


def test_non_associated_visit_at_the_same_time_needs_an_override(desk, replica):
    victim, bully = desk.person(), desk.person()
    na = desk.keep_apart(victim, bully, level="CELL")
    v_victim, v_bully = _visitor(desk, victim), _visitor(desk, bully, first_name="Rui")
    theirs = _book(desk, bully, v_bully["id"], hours=2)
    with desk.writes_nothing(), pytest.raises(visits.NonAssociationWarning) as err:
        _book(desk, victim, v_victim["id"], start=TOMORROW_2PM + HOUR)
    assert err.value.field == "override_reason"
    [clash] = err.value.clashes
    assert (clash.non_association_id, clash.other_person_id, clash.other_visit_id) == \
        (na, bully, theirs["id"])
    booked = _book(desk, victim, v_victim["id"], start=TOMORROW_2PM + HOUR,
                   override_reason="separate booths, two officers in the hall")
    with replica.reader.connect() as conn:
        detail = conn.execute(select(audit_log.c.detail).where(
            audit_log.c.action == "OVERRIDE", audit_log.c.row_id == booked["id"])).scalar_one()
    assert detail == {"reason": "separate booths, two officers in the hall",
                      "non_associations": [na]}
    # The reason travels with the visit itself, not only in this device's audit log.
    assert booked["override_reason"] == "separate booths, two officers in the hall"
    with replica.reader.connect() as conn:
        stored = conn.execute(select(visit.c.override_reason).where(
            visit.c.id == booked["id"])).scalar_one()
    assert stored == "separate booths, two officers in the hall"


def test_a_reason_given_when_nothing_was_overridden_is_not_stored(desk):
    pid = desk.person()
    guest = _visitor(desk, pid)
    booked = _book(desk, pid, guest["id"], override_reason="just in case")
    assert booked["override_reason"] is None


def test_non_association_is_no_warning_at_another_time_or_facility(desk):
    victim, bully = desk.person(), desk.person()
    desk.keep_apart(victim, bully)
    v_victim, v_bully = _visitor(desk, victim), _visitor(desk, bully, first_name="Rui")
    _book(desk, bully, v_bully["id"])
    assert _book(desk, victim, v_victim["id"], start=TOMORROW_2PM + HOUR)["status"] == "BOOKED"
    # Someone non-associated held at another facility, with a visit there at the same time.
    elsewhere = Actor("officer9", "LEI", ("officer",))
    far = desk.person(facility="LEI")
    desk.keep_apart(victim, far)
    v_far = desk(visits.add_visitor, person_id=far, first_name="Eva", last_name="Lopes",
                 relationship="SIBLING", actor=elsewhere)
    desk(visits.approve_visitor, visitor_id=v_far["id"], actor=elsewhere)
    _book(desk, far, v_far["id"], start=TOMORROW_2PM + DAY, actor=elsewhere)
    assert _book(desk, victim, v_victim["id"], start=TOMORROW_2PM + DAY)["status"] == "BOOKED"


# -- outcomes ------------------------------------------------------------------------------

def test_visit_outcomes(desk):
    pid = desk.person()
    v = _visitor(desk, pid)
    a = _book(desk, pid, v["id"])
    b = _book(desk, pid, v["id"], start=TOMORROW_2PM + 2 * HOUR)
    c = _book(desk, pid, v["id"], start=TOMORROW_2PM + DAY)
    after = TOMORROW_2PM + 3 * HOUR
    assert desk(visits.complete_visit, visit_id=a["id"], comment="calm visit",
                now=after)["status"] == "COMPLETED"
    assert desk(visits.no_show, visit_id=b["id"], now=after)["status"] == "NO_SHOW"
    cancelled = desk(visits.cancel_visit, visit_id=c["id"], reason="prisoner at court", now=after)
    assert (cancelled["status"], cancelled["outcome_comment"]) == ("CANCELLED", "prisoner at court")
    log = desk(visits.visit_log, person_id=pid)
    assert [e["status"] for e in log] == ["CANCELLED", "NO_SHOW", "COMPLETED"]


def test_outcome_rules_name_the_field_and_write_nothing(desk):
    pid = desk.person()
    v = _visitor(desk, pid)
    a = _book(desk, pid, v["id"])
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(visits.complete_visit, visit_id=a["id"])
    assert err.value.field == "visit_id" and "not started" in err.value.reason
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(visits.cancel_visit, visit_id=a["id"], reason="")
    assert err.value.field == "reason"
    desk(visits.cancel_visit, visit_id=a["id"], reason="visitor ill")
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(visits.no_show, visit_id=a["id"], now=TOMORROW_2PM + DAY)
    assert err.value.field == "visit_id" and "CANCELLED" in err.value.reason


def test_visitors_are_listed_for_their_person(desk):
    pid = desk.person()
    _visitor(desk, pid, first_name="Zoe", last_name="Brown")
    _visitor(desk, pid)
    _visitor(desk, desk.person())
    names = [v["last_name"] for v in desk(visits.visitors_for, person_id=pid)]
    assert names == ["Brown", "Lopes"]
