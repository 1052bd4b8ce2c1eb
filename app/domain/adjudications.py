"""Adjudications: disciplinary charges, hearings and punishments.

The report lifecycle is reference data: each `adjudication_status` code
lists in its `next` attribute the statuses it may move to, and nothing here
hard-codes the graph. Three paths move a report along it:

* `change_status` — a decision taken outside a hearing (review, not
  proceeding, un-scheduling, quashing on appeal), always with a reason;
* `schedule_hearing` — the only way to SCHEDULED, since a scheduled report
  must have a hearing time;
* `record_hearing` — the only way to a status that a hearing decides (the
  statuses named by `hearing_outcome` and `hearing_finding` codes, except
  those a report can also reach before any hearing, such as NOT_PROCEED).

Deadline: the first hearing is due within 48 hours of the incident's
discovery (`hearing_due_by`). Scheduling it later is allowed only with an
explicit `late_reason`, which is kept on the report: hearings do run late
(a sick prisoner, a lockdown), and a refusal would push staff to record a
false time, while a stated reason leaves the lateness reviewable.

Punishment limits come from `punishment_type` attributes (`max_days`,
`max_percent`), and apply to the total of one type on one charge, so a limit
cannot be side-stepped by awarding it twice. A suspended punishment can be
activated by another proved charge committed during the suspension; quashing
a proved charge on appeal quashes its punishments and undoes the activations
it caused.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import adjudication, hearing, incident, punishment
from app.domain import checks
from app.domain.incidents import party_role
from app.storage.unit_of_work import UnitOfWork

HEARING_DUE_WITHIN = dt.timedelta(hours=48)  # DOMAIN.md: within 48 hours of discovery

# Adjudication statuses the code must name: where a report starts, the one
# schedule_hearing moves to, the one punishments follow, and the appeal result.
AWAITING_REVIEW = "AWAITING_REVIEW"
SCHEDULED = "SCHEDULED"
CHARGE_PROVED = "CHARGE_PROVED"
NOT_PROCEED = "NOT_PROCEED"  # the one outcome after which a charge may be laid again
QUASHED = "QUASHED"

# The lifecycle of one punishment row (not reference data: it is bookkeeping).
P_ACTIVE, P_SUSPENDED, P_ACTIVATED, P_QUASHED = "ACTIVE", "SUSPENDED", "ACTIVATED", "QUASHED"


# -- reports and status ---------------------------------------------------------

def raise_adjudication(uow: UnitOfWork, *, incident_id: str, person_id: str,
                       charge_code: Any) -> dict[str, Any]:
    """Charge a party to an incident; the report awaits review, hearing due in 48 h.

    The same charge for the same incident can be laid again only after the
    earlier report was not proceeded with (e.g. re-laid after a police
    referral); while one is open, or once one was decided on its merits
    (proved, dismissed, quashed), a second is refused.
    """
    inc = uow.get(incident, incident_id, field="incident_id")
    uow.codes.require("adjudication_charge", charge_code, "charge_code")
    if not person_id:
        raise ValidationError("person_id", "is required")
    if party_role(uow, incident_id, person_id) is None:
        raise RuleViolation("person_id", "is not a party to this incident")
    earlier = uow.scalar(select(adjudication.c.status).where(
        adjudication.c.incident_id == incident_id, adjudication.c.person_id == person_id,
        adjudication.c.charge_code == charge_code, adjudication.c.status != NOT_PROCEED,
        adjudication.c.voided_at.is_(None)).limit(1))
    if earlier is not None:
        raise RuleViolation("charge_code", f"this person already has a report on this charge "
                                           f"for this incident ({earlier})")
    uow.codes.require("adjudication_status", AWAITING_REVIEW, "status")
    return uow.insert(adjudication, dict(
        incident_id=incident_id, person_id=person_id, charge_code=charge_code,
        status=AWAITING_REVIEW, hearing_due_by=inc["discovered_at"] + HEARING_DUE_WITHIN))


def allowed_next(uow: UnitOfWork, status: str) -> list[str]:
    """The statuses a report in `status` may move to (reference data)."""
    return list(_status(uow, status).attributes.get("next", []))


def change_status(uow: UnitOfWork, *, adjudication_id: str, status: Any, reason: Any,
                  expected_version: int | None = None) -> dict[str, Any]:
    """Move a report to `status` outside a hearing, with a reason.

    Leaving SCHEDULED cancels the hearing that was booked; QUASHED (on appeal)
    quashes the charge's punishments and undoes activations it caused.
    """
    adj = uow.get(adjudication, adjudication_id, field="adjudication_id")
    why = checks.text(reason, "reason", max_len=1000)
    _check_transition(uow, adj["status"], status, "status")
    if status == SCHEDULED:
        raise RuleViolation("status", "a report is scheduled by scheduling its hearing")
    if status in decided_at_hearing(uow):
        raise RuleViolation("status", f"{status} is decided at a hearing; record the hearing")
    row = uow.update(adjudication, adjudication_id, {"status": status, "status_reason": why},
                     expected_version=expected_version)
    if adj["status"] == SCHEDULED:
        for h in _pending_hearings(uow, adjudication_id):
            uow.void(hearing, h["id"], f"hearing cancelled: {why}")
    if status == QUASHED:
        _quash_punishments(uow, adjudication_id)
    return row


def decided_at_hearing(uow: UnitOfWork) -> set[str]:
    """Statuses only a hearing can set: those its outcomes and findings lead to,
    less those a report can also reach straight from review (NOT_PROCEED)."""
    led_to = {c.attributes["status"]
              for d in ("hearing_outcome", "hearing_finding")
              for c in uow.codes.domain(d).values() if c.attributes.get("status")}
    return led_to - set(allowed_next(uow, AWAITING_REVIEW))


# -- hearings ---------------------------------------------------------------------

def schedule_hearing(uow: UnitOfWork, *, adjudication_id: str, scheduled_at: Any,
                     late_reason: Any = None) -> dict[str, Any]:
    """Book the hearing and move the report to SCHEDULED; returns the hearing.

    The first hearing must be due by `hearing_due_by`; a later time needs a
    `late_reason`, which is kept as the report's status reason and audited.
    """
    adj = uow.get(adjudication, adjudication_id, field="adjudication_id")
    when = checks.timestamp(scheduled_at, "scheduled_at")
    _check_transition(uow, adj["status"], SCHEDULED, "status")
    inc = uow.get(incident, adj["incident_id"])
    checks.not_before(when, inc["discovered_at"], "scheduled_at",
                      "the time the incident was discovered")
    late = checks.text(late_reason, "late_reason", max_len=1000, required=False)
    held_before = uow.scalar(select(func.count()).select_from(hearing).where(
        hearing.c.adjudication_id == adjudication_id, hearing.c.held_at.is_not(None),
        hearing.c.voided_at.is_(None)))
    due = adj["hearing_due_by"]
    status_reason = None
    if not held_before and when > due:
        if not late:
            raise RuleViolation(
                "scheduled_at", f"is after the hearing due-by time {due.isoformat()} "
                                "(48 hours from discovery); give a late_reason to schedule it")
        status_reason = f"hearing scheduled after its due-by time: {late}"
    row = uow.insert(hearing, dict(adjudication_id=adjudication_id,
                                   person_id=adj["person_id"], scheduled_at=when))
    uow.update(adjudication, adjudication_id, {"status": SCHEDULED,
                                               "status_reason": status_reason})
    if status_reason:  # kept in the audit log too, as the status reason will change
        uow.audit.append(at=uow.now, username=uow.actor.username,
                         device_id=uow.replica.device_id, action="LATE_HEARING",
                         table_name="adjudication", row_id=adjudication_id,
                         detail={"due_by": due.isoformat(), "scheduled_at": when.isoformat(),
                                 "reason": late})
    return row


def record_hearing(uow: UnitOfWork, *, hearing_id: str, held_at: Any, plea: Any, outcome: Any,
                   finding: Any = None, notes: Any = None,
                   adjudicator: Any = None) -> dict[str, Any]:
    """Record a held hearing: plea, outcome and (for a completed one) finding.

    The report moves to the status the outcome or finding names (reference
    data), if its lifecycle allows it. Returns the updated adjudication.
    """
    h = uow.get(hearing, hearing_id, field="hearing_id")
    if h["held_at"] is not None:
        raise RuleViolation("hearing_id", "this hearing has already been recorded")
    adj = uow.get(adjudication, h["adjudication_id"])
    if adj["status"] != SCHEDULED:
        raise RuleViolation("hearing_id", f"the report is {adj['status']}, not {SCHEDULED}")
    held = checks.timestamp(held_at, "held_at")
    checks.not_future(held, uow.now, "held_at")
    inc = uow.get(incident, adj["incident_id"])
    checks.not_before(held, inc["discovered_at"], "held_at",
                      "the time the incident was discovered")
    uow.codes.require("plea", plea, "plea")
    out = uow.codes.require("hearing_outcome", outcome, "outcome")
    if out.attributes.get("status"):
        if finding is not None:
            raise ValidationError("finding", f"only a completed hearing has a finding, "
                                             f"not one with outcome {outcome}")
        target, field = out.attributes["status"], "outcome"
    else:
        found = uow.codes.require("hearing_finding", finding, "finding")
        if not found.attributes.get("status"):
            raise ValidationError("finding", f"{finding!r} names no report status")
        target, field = found.attributes["status"], "finding"
    _check_transition(uow, adj["status"], target, field)
    who = checks.text(adjudicator, "adjudicator", max_len=80, required=False)
    uow.update(hearing, hearing_id, dict(
        held_at=held, plea=plea, outcome=outcome, finding=finding,
        adjudicator=who or uow.actor.username,
        notes=checks.text(notes, "notes", max_len=8000, required=False)))
    return uow.update(adjudication, adj["id"], {
        "status": target, "status_reason": f"hearing {outcome}" + (
            f", {finding}" if finding else "")})


# -- punishments ----------------------------------------------------------------------

def award_punishment(uow: UnitOfWork, *, adjudication_id: str, punishment_type: Any,
                     days: Any = None, percent: Any = None, start_date: Any = None,
                     suspended_until: Any = None) -> dict[str, Any]:
    """Award a punishment on a proved charge, within its configured limits.

    `days` is required for types with a positive `max_days` and refused for
    those with none (a caution); `percent` (stored in `amount`) only for types
    with `max_percent`. The totals of a type on one charge are limited too.
    With `suspended_until` the punishment is suspended and starts only when
    another proved charge activates it.
    """
    adj = uow.get(adjudication, adjudication_id, field="adjudication_id")
    if adj["status"] != CHARGE_PROVED:
        raise RuleViolation("adjudication_id", f"punishments follow a proved charge; this "
                                               f"report is {adj['status']}")
    kind = uow.codes.require("punishment_type", punishment_type, "punishment_type")
    limits = kind.attributes
    already = uow.rows(select(punishment.c.days, punishment.c.amount).where(
        punishment.c.adjudication_id == adjudication_id,
        punishment.c.punishment_type == punishment_type,
        punishment.c.status != P_QUASHED, punishment.c.voided_at.is_(None)))
    days = _within_limit(days, "days", "days", limits.get("max_days"), kind.label(),
                         sum(r["days"] or 0 for r in already))
    percent = _within_limit(percent, "percent", "%", limits.get("max_percent"), kind.label(),
                            sum(r["amount"] or 0 for r in already))
    until = checks.date(suspended_until, "suspended_until", required=False)
    start = checks.date(start_date, "start_date", required=False)
    if until is not None:
        if start is not None:
            raise ValidationError("start_date", "a suspended punishment starts when activated")
        if until <= uow.now.date():
            raise ValidationError("suspended_until", "must be after today")
    else:
        start = start or uow.now.date()
        inc = uow.get(incident, adj["incident_id"])
        checks.not_before(start, inc["occurred_at"].date(), "start_date",
                          "the date of the incident")
    return uow.insert(punishment, dict(
        adjudication_id=adjudication_id, person_id=adj["person_id"],
        punishment_type=punishment_type, days=days, amount=percent, start_date=start,
        suspended_until=until, status=P_SUSPENDED if until else P_ACTIVE))


def activate_punishment(uow: UnitOfWork, *, punishment_id: str, activated_by_id: str,
                        start_date: Any = None) -> dict[str, Any]:
    """Activate a suspended punishment because of another proved charge.

    The activating charge must be the same person's, proved, and for an
    incident that happened during the suspension.
    """
    pun = uow.get(punishment, punishment_id, field="punishment_id")
    if pun["status"] != P_SUSPENDED:
        raise RuleViolation("punishment_id", f"only a suspended punishment can be activated; "
                                             f"this one is {pun['status']}")
    by = uow.get(adjudication, activated_by_id, field="activated_by_id")
    if by["id"] == pun["adjudication_id"]:
        raise ValidationError("activated_by_id", "must be another charge")
    if by["person_id"] != pun["person_id"]:
        raise ValidationError("activated_by_id", "is a charge against another person")
    if by["status"] != CHARGE_PROVED:
        raise RuleViolation("activated_by_id", f"that charge is {by['status']}, not proved")
    occurred = uow.get(incident, by["incident_id"])["occurred_at"]
    if occurred.date() > pun["suspended_until"]:
        raise RuleViolation("activated_by_id", f"that incident happened after the suspension "
                                               f"ended on {pun['suspended_until']}")
    if occurred < pun["created_at"]:
        raise RuleViolation("activated_by_id", "that incident happened before the punishment "
                                               "was suspended")
    start = checks.date(start_date, "start_date", required=False) or uow.now.date()
    checks.not_before(start, occurred.date(), "start_date", "the activating incident")
    return uow.update(punishment, punishment_id, dict(
        status=P_ACTIVATED, activated_by_id=activated_by_id, start_date=start))


# -- reading ------------------------------------------------------------------------

def adjudication_record(uow: UnitOfWork, adjudication_id: str) -> dict[str, Any]:
    """A report with its `hearings` (held and booked) and `punishments`."""
    row = uow.get(adjudication, adjudication_id, field="adjudication_id")
    row["hearings"] = uow.rows(select(hearing).where(
        hearing.c.adjudication_id == adjudication_id, hearing.c.voided_at.is_(None))
        .order_by(hearing.c.scheduled_at))
    row["punishments"] = uow.rows(select(punishment).where(
        punishment.c.adjudication_id == adjudication_id, punishment.c.voided_at.is_(None))
        .order_by(punishment.c.created_at, punishment.c.id))
    return row


def adjudications_for(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """A person's reports, newest hearing deadline first."""
    return uow.rows(select(adjudication).where(
        adjudication.c.person_id == person_id, adjudication.c.voided_at.is_(None))
        .order_by(adjudication.c.hearing_due_by.desc()))


def hearings_overdue(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Reports past their hearing due-by time that have no hearing booked or held
    yet, most overdue first: the list a duty governor works through."""
    waiting = [AWAITING_REVIEW] + [c for c, code in uow.codes.domain("adjudication_status").items()
                                   if SCHEDULED in code.attributes.get("next", [])]
    any_hearing = select(hearing.c.id).where(hearing.c.adjudication_id == adjudication.c.id,
                                             hearing.c.held_at.is_not(None),
                                             hearing.c.voided_at.is_(None)).exists()
    return uow.rows(select(adjudication).where(
        adjudication.c.status.in_(waiting), adjudication.c.hearing_due_by < uow.now,
        adjudication.c.voided_at.is_(None), ~any_hearing)
        .order_by(adjudication.c.hearing_due_by))


# -- internals ------------------------------------------------------------------------

def _status(uow: UnitOfWork, status: str):
    code = uow.codes.get("adjudication_status", status)
    if code is None:  # a stored status that the reference data no longer knows
        raise RuleViolation("status", f"{status!r} is not a known adjudication status")
    return code


def _check_transition(uow: UnitOfWork, current: str, target: Any, field: str) -> None:
    uow.codes.require("adjudication_status", target, field)
    allowed = allowed_next(uow, current)
    if target not in allowed:
        raise RuleViolation(field, f"a report cannot go from {current} to {target} "
                                   f"(allowed: {', '.join(allowed) or 'none, it is final'})")


def _pending_hearings(uow: UnitOfWork, adjudication_id: str) -> list[dict[str, Any]]:
    return uow.rows(select(hearing).where(
        hearing.c.adjudication_id == adjudication_id, hearing.c.held_at.is_(None),
        hearing.c.voided_at.is_(None)))


def _quash_punishments(uow: UnitOfWork, adjudication_id: str) -> None:
    for p in uow.rows(select(punishment).where(
            punishment.c.adjudication_id == adjudication_id, punishment.c.voided_at.is_(None),
            punishment.c.status != P_QUASHED)):
        uow.update(punishment, p["id"], {"status": P_QUASHED})
    # Suspended punishments that this charge activated go back to suspended.
    for p in uow.rows(select(punishment).where(
            punishment.c.activated_by_id == adjudication_id, punishment.c.voided_at.is_(None),
            punishment.c.status == P_ACTIVATED)):
        uow.update(punishment, p["id"], dict(status=P_SUSPENDED, activated_by_id=None,
                                             start_date=None))


def _within_limit(value: Any, field: str, unit: str, limit: int | None, label: str,
                  already: int) -> int | None:
    """`value` checked against a punishment type's limit (None: not applicable)."""
    if limit is None:
        if value is not None:
            raise ValidationError(field, f"does not apply to {label}")
        return None
    if limit == 0:
        if value not in (None, 0):
            raise ValidationError(field, f"does not apply to {label}")
        return None
    value = checks.integer(value, field, minimum=1)
    if value > limit:
        raise RuleViolation(field, f"{value} {unit} is over the limit of {limit} {unit} "
                                   f"for {label}")
    if already + value > limit:
        raise RuleViolation(field, f"{already} {unit} of {label} already awarded on this "
                                   f"charge; the total may not exceed {limit} {unit}")
    return value
