"""Invariants of the discipline, grievance, case note and visit rules, under any
sequence of actions.

Each example works on fresh people in the same replica (the fixtures are
per test, not per example), so examples do not interfere.
"""
import datetime as dt
import json
from importlib import resources

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.schema import adjudication, grievance, hearing, punishment, visit
from app.domain import adjudications as adj_svc
from app.domain import case_notes, grievances, incidents, visits
from tests.domain.discipline_support import DAY, HOUR, NOW, PSYCHOLOGIST, desk  # noqa: F401
from tests.support import outbox_and_audit


def _reference(domain):
    """The codes of a reference file, read from the shipped data (not a copy of it)."""
    raw = (resources.files("resources") / "reference" / f"{domain}.json").read_bytes()
    return json.loads(raw)["codes"]


def _codes(domain):
    return {c["code"]: c.get("attributes", {}) for c in _reference(domain)}


def _parents(domain):
    return {c["code"]: c.get("parent") for c in _reference(domain)}


STATUSES = _codes("adjudication_status")
OUTCOMES = sorted(_codes("hearing_outcome"))
FINDINGS = sorted(_codes("hearing_finding"))
PUNISHMENTS = _codes("punishment_type")
GRIEVANCE_STATUSES = _codes("grievance_status")


def _examples(n):
    """Modest example counts: each example is several real units of work. The
    fixtures are per test, so the health check about them does not apply."""
    return settings(max_examples=n, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _new_charge(desk, at):
    pid = desk.person()
    inc = desk(incidents.report_incident, incident_type="ASSAULT", occurred_at=at - HOUR,
               discovered_at=at, location_id=desk.location(), description="Assault.",
               parties=[(pid, "PERPETRATOR")], now=at)
    return desk(adj_svc.raise_adjudication, incident_id=inc["id"], person_id=pid,
                charge_code="ASSAULT", now=at)


def _attempt(desk, kind, a, b, adj_id, t):
    if kind == "status":
        desk(adj_svc.change_status, adjudication_id=adj_id, status=a, reason=b, now=t)
    elif kind == "schedule":
        due = desk.get(adjudication, adj_id)["hearing_due_by"]
        when = min(t, due) if a == "on_time" else max(t, due + HOUR)
        desk(adj_svc.schedule_hearing, adjudication_id=adj_id, scheduled_at=when,
             late_reason="lockdown" if a == "late_with_reason" else None, now=t)
    else:
        pending = [h for h in desk(adj_svc.adjudication_record,
                                   adjudication_id=adj_id)["hearings"] if h["held_at"] is None]
        held = pending[0]["scheduled_at"] if pending else t
        desk(adj_svc.record_hearing, hearing_id=pending[0]["id"] if pending else "none",
             held_at=held, plea="NOT_GUILTY", outcome=a, finding=b, now=max(t, held))


def _step(data, status):
    """A next action, biased towards the moves the graph allows so that deep
    states (hearings, appeals) are reached, but with plenty of wrong moves too."""
    natural = ("hearing" if status == "SCHEDULED" else
               "schedule" if "SCHEDULED" in STATUSES[status]["next"] else "status")
    kind = data.draw(st.sampled_from([natural] * 3 + ["status", "schedule", "hearing"]))
    if kind == "status":
        allowed = STATUSES[status]["next"]
        target = data.draw(st.one_of(st.sampled_from(allowed or ["BOGUS"]),
                                     st.sampled_from(sorted(STATUSES) + ["BOGUS"])))
        return kind, target, data.draw(st.sampled_from(["reviewed", "reviewed", ""]))
    if kind == "schedule":
        return kind, data.draw(st.sampled_from(["on_time", "late", "late_with_reason"])), None
    outcome = data.draw(st.sampled_from(OUTCOMES))
    if outcome == "COMPLETE":
        return kind, outcome, data.draw(st.sampled_from(FINDINGS + [None]))
    return kind, outcome, data.draw(st.sampled_from([None, None, FINDINGS[0]]))


@_examples(30)
@given(data=st.data(), length=st.integers(1, 12))
def test_adjudication_status_only_ever_follows_the_allowed_graph(desk, data, length):
    t = NOW
    adj = _new_charge(desk, t)
    history = [adj["status"]]
    for _ in range(length):
        kind, a, b = _step(data, history[-1])
        t += 2 * HOUR
        before = desk.get(adjudication, adj["id"])
        entries = outbox_and_audit(desk.replica)
        try:
            _attempt(desk, kind, a, b, adj["id"], t)
        except ValidationError:
            # Refused: nothing at all was written.
            assert desk.get(adjudication, adj["id"])["version"] == before["version"]
            assert outbox_and_audit(desk.replica) == entries
            continue
        after = desk.get(adjudication, adj["id"])["status"]
        assert after in STATUSES[before["status"]]["next"], (before["status"], after)
        history.append(after)
        # A scheduled report always has exactly one hearing waiting to be held.
        with desk.replica.reader.connect() as conn:
            waiting = conn.execute(select(hearing.c.id).where(
                hearing.c.adjudication_id == adj["id"], hearing.c.held_at.is_(None),
                hearing.c.voided_at.is_(None))).all()
        assert len(waiting) == (1 if after == "SCHEDULED" else 0)
    for old, new in zip(history, history[1:]):
        assert new in STATUSES[old]["next"]


award = st.fixed_dictionaries({
    "punishment_type": st.sampled_from(sorted(PUNISHMENTS)),
    "days": st.one_of(st.none(), st.integers(-5, 100)),
    "percent": st.one_of(st.none(), st.integers(-5, 120)),
})


def _proved_charge(desk):
    adj = _new_charge(desk, NOW)
    desk(adj_svc.change_status, adjudication_id=adj["id"], status="UNSCHEDULED", reason="ok")
    h = desk(adj_svc.schedule_hearing, adjudication_id=adj["id"], scheduled_at=NOW + HOUR)
    desk(adj_svc.record_hearing, hearing_id=h["id"], held_at=NOW + HOUR, plea="GUILTY",
         outcome="COMPLETE", finding="CHARGE_PROVED", now=NOW + DAY)
    return adj


@_examples(20)
@given(awards=st.lists(award, min_size=1, max_size=8))
def test_no_punishment_ever_exceeds_its_limit(desk, awards):
    adj = _proved_charge(desk)
    for kw in awards:
        entries = outbox_and_audit(desk.replica)
        try:
            desk(adj_svc.award_punishment, adjudication_id=adj["id"], now=NOW + DAY, **kw)
        except ValidationError as err:
            assert err.field in ("days", "percent")
            assert outbox_and_audit(desk.replica) == entries
    with desk.replica.reader.connect() as conn:
        rows = conn.execute(select(punishment).where(
            punishment.c.adjudication_id == adj["id"])).mappings().all()
    totals: dict[str, tuple[int, int]] = {}
    for r in rows:
        limits = PUNISHMENTS[r["punishment_type"]]
        days, pct = totals.get(r["punishment_type"], (0, 0))
        totals[r["punishment_type"]] = (days + (r["days"] or 0), pct + (r["amount"] or 0))
        if r["days"] is not None:
            assert 1 <= r["days"] <= limits["max_days"]
        if r["amount"] is not None:
            assert 1 <= r["amount"] <= limits["max_percent"]
    for kind, (days, pct) in totals.items():
        assert days <= PUNISHMENTS[kind].get("max_days", 0)
        assert pct <= PUNISHMENTS[kind].get("max_percent", 0)


booking = st.tuples(st.integers(0, 20), st.integers(1, 6))  # start (half-hours on), length


@_examples(15)
@given(bookings=st.lists(booking, min_size=1, max_size=8))
def test_a_persons_booked_visits_never_overlap(desk, bookings):
    pid = desk.person()
    guest = desk(visits.add_visitor, person_id=pid, first_name="Ana", last_name="Lopes",
                 relationship="PARENT")
    desk(visits.approve_visitor, visitor_id=guest["id"])
    base = NOW + DAY
    for start, length in bookings:
        starts = base + start * dt.timedelta(minutes=30)
        try:
            desk(visits.book_visit, person_id=pid, visitor_id=guest["id"], starts_at=starts,
                 ends_at=starts + length * dt.timedelta(minutes=30), visit_type="SOCIAL")
        except ValidationError as err:
            assert err.field == "starts_at"
    with desk.replica.reader.connect() as conn:
        booked = conn.execute(select(visit.c.starts_at, visit.c.ends_at).where(
            visit.c.person_id == pid, visit.c.status == "BOOKED")).all()
    booked = sorted(booked)
    assert booked, "the first booking always succeeds"
    for (_, earlier_end), (later_start, _) in zip(booked, booked[1:]):
        assert earlier_end <= later_start


@_examples(20)
@given(moves=st.lists(st.one_of(
    st.tuples(st.just("status"), st.sampled_from(sorted(GRIEVANCE_STATUSES))),
    st.tuples(st.just("respond"), st.sampled_from(["UPHELD", "NOT_UPHELD"]))),
    min_size=1, max_size=8))
def test_grievance_follows_its_lifecycle_and_every_answer_is_on_record(desk, moves):
    pid = desk.person()
    g = desk(grievances.log_grievance, person_id=pid, kind="REQUEST", category="PROPERTY",
             routed_to="WING_STAFF", subject="Missing radio", details="Not returned.")
    status, answers = g["status"], 0
    for kind, value in moves:
        try:
            if kind == "status":
                desk(grievances.change_status, grievance_id=g["id"], status=value,
                     reason="because")
            else:
                desk(grievances.respond, grievance_id=g["id"], outcome=value, text="answer")
        except ValidationError:
            assert desk.get(grievance, g["id"])["status"] == status
            continue
        new = desk.get(grievance, g["id"])["status"]
        assert new in GRIEVANCE_STATUSES[status]["next"]
        answers += new == "ANSWERED"
        status = new
    [listed] = desk(grievances.grievances_for, person_id=pid)
    assert len(listed["responses"]) == answers  # ANSWERED is only ever reached by a response


@_examples(15)
@given(notes=st.lists(st.tuples(st.sampled_from(["GEN_NOTE", "OBS_GEN", "HLT_MH", "SEC_INT"]),
                                st.booleans(), st.lists(st.booleans(), max_size=2)),
                      min_size=1, max_size=5))
def test_officers_never_see_a_sensitive_note_and_amendments_stay_with_their_note(desk, notes):
    pid = desk.person()
    subtypes = _parents("case_note_subtype")
    written = {}
    for subtype, sensitive, amendments in notes:
        n = desk(case_notes.add_note, person_id=pid, note_type=subtypes[subtype],
                 note_subtype=subtype, text="note", occurred_at=NOW - HOUR, sensitive=sensitive)
        written[n["id"]] = [desk(case_notes.amend_note, note_id=n["id"], text="fix",
                                 sensitive=s)["id"] for s in amendments]
    for_officer = desk(case_notes.notes_for, person_id=pid)
    for_psych = desk(case_notes.notes_for, person_id=pid, actor=PSYCHOLOGIST)
    assert not any(n["sensitive"] or any(a["sensitive"] for a in n["amendments"])
                   for n in for_officer)
    assert {n["id"]: [a["id"] for a in n["amendments"]] for n in for_psych} == written
