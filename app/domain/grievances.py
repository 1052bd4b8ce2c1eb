"""Grievances and requests: logged, routed to a staff group, answered on time.

The kinds (GRIEVANCE, REQUEST) and the days allowed to answer each are the
`grievance_deadline` reference codes; categories, staff groups, outcomes and
the status lifecycle (`next` attribute of `grievance_status`) are reference
data too. A category may name a default staff group in its `route`
attribute; without one, the officer must route the grievance.

A response is append-only and is the only way to ANSWERED, so an answered
grievance always has the answer on record. An appeal starts a new deadline.
The reason for the latest status change is kept on the grievance
(`status_reason`, and in the audit log); a response clears it, because the
response itself is the explanation.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import grievance, grievance_response, person
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

SUBMITTED = "SUBMITTED"  # where every grievance starts
ANSWERED = "ANSWERED"  # set only by a response
APPEALED = "APPEALED"  # restarts the clock


def log_grievance(uow: UnitOfWork, *, person_id: str, kind: Any, category: Any, subject: Any,
                  details: Any, routed_to: Any = None,
                  submitted_at: Any = None) -> dict[str, Any]:
    """Log a grievance or request; it is due by submission date + the kind's days."""
    live_person(uow, person_id)
    deadline = uow.codes.require("grievance_deadline", kind, "kind")
    cat = uow.codes.require("grievance_category", category, "category")
    if routed_to is None or routed_to == "":
        routed_to = cat.attributes.get("route")
        if not routed_to:
            raise ValidationError("routed_to", f"is required: category {category} has no "
                                               "default staff group")
    uow.codes.require("staff_group", routed_to, "routed_to")
    title = checks.text(subject, "subject", max_len=200)
    body = checks.text(details, "details", max_len=8000)
    when = checks.timestamp(submitted_at, "submitted_at", required=False) or uow.now
    checks.not_future(when, uow.now, "submitted_at")
    uow.codes.require("grievance_status", SUBMITTED, "status")
    return uow.insert(grievance, dict(
        person_id=person_id, kind=kind, category=category, routed_to=routed_to,
        subject=title, details=body, status=SUBMITTED, submitted_at=when,
        due_by=_due(deadline, when.date())))


def change_status(uow: UnitOfWork, *, grievance_id: str, status: Any, reason: Any,
                  expected_version: int | None = None) -> dict[str, Any]:
    """Move a grievance along its lifecycle, with a reason (on the row and in the audit log).

    ANSWERED is reached only by adding a response; an appeal sets a new due date.
    """
    row = uow.get(grievance, grievance_id, field="grievance_id")
    why = checks.text(reason, "reason", max_len=1000)
    _check_transition(uow, row["status"], status, "status")
    if status == ANSWERED:
        raise RuleViolation("status", "a grievance is answered by adding a response")
    changes: dict[str, Any] = {"status": status, "status_reason": why}
    if status == APPEALED:
        changes["due_by"] = _due(uow.codes.require("grievance_deadline", row["kind"], "kind"),
                                 uow.now.date())
    updated = uow.update(grievance, grievance_id, changes, expected_version=expected_version)
    uow.audit.append(at=uow.now, username=uow.actor.username, device_id=uow.replica.device_id,
                     action="STATUS", table_name="grievance", row_id=grievance_id,
                     detail={"from": row["status"], "to": status, "reason": why})
    return updated


def reroute(uow: UnitOfWork, *, grievance_id: str, routed_to: Any,
            reason: Any) -> dict[str, Any]:
    """Send a grievance still awaiting an answer to another staff group, with a reason."""
    row = uow.get(grievance, grievance_id, field="grievance_id")
    uow.codes.require("staff_group", routed_to, "routed_to")
    why = checks.text(reason, "reason", max_len=1000)
    if row["status"] not in _awaiting_answer(uow):
        raise RuleViolation("grievance_id", f"this grievance is {row['status']}; only one "
                                            "awaiting an answer can be rerouted")
    if routed_to == row["routed_to"]:
        raise ValidationError("routed_to", f"is already {routed_to}")
    updated = uow.update(grievance, grievance_id, {"routed_to": routed_to})
    uow.audit.append(at=uow.now, username=uow.actor.username, device_id=uow.replica.device_id,
                     action="REROUTE", table_name="grievance", row_id=grievance_id,
                     detail={"from": row["routed_to"], "to": routed_to, "reason": why})
    return updated


def respond(uow: UnitOfWork, *, grievance_id: str, outcome: Any, text: Any) -> dict[str, Any]:
    """Answer a grievance: an append-only response, and the status becomes ANSWERED."""
    row = uow.get(grievance, grievance_id, field="grievance_id")
    uow.codes.require("grievance_outcome", outcome, "outcome")
    body = checks.text(text, "text", max_len=8000)
    _check_transition(uow, row["status"], ANSWERED, "grievance_id")
    response = uow.insert(grievance_response, dict(
        grievance_id=grievance_id, person_id=row["person_id"], responder=uow.actor.username,
        responded_at=uow.now, outcome=outcome, text=body))
    uow.update(grievance, grievance_id, {"status": ANSWERED, "status_reason": None})
    return response


def overdue(uow: UnitOfWork, *, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Grievances awaiting an answer whose due date has passed, oldest due first.

    "Awaiting an answer" is read from the lifecycle: any status that can
    still move to ANSWERED.
    """
    today = today or uow.now.date()
    return uow.rows(select(grievance).where(
        grievance.c.status.in_(_awaiting_answer(uow)), grievance.c.due_by < today,
        grievance.c.voided_at.is_(None))
        .order_by(grievance.c.due_by, grievance.c.submitted_at))


def grievances_for(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """A person's grievances, newest first, each with its `responses`."""
    uow.get(person, person_id, field="person_id")
    rows = uow.rows(select(grievance).where(
        grievance.c.person_id == person_id, grievance.c.voided_at.is_(None))
        .order_by(grievance.c.submitted_at.desc()))
    responses = uow.rows(select(grievance_response).where(
        grievance_response.c.person_id == person_id, grievance_response.c.voided_at.is_(None))
        .order_by(grievance_response.c.responded_at, grievance_response.c.id))
    for r in rows:
        r["responses"] = [x for x in responses if x["grievance_id"] == r["id"]]
    return rows


def _awaiting_answer(uow: UnitOfWork) -> list[str]:
    """Statuses that can still move to ANSWERED (read from the lifecycle)."""
    return [c for c, code in uow.codes.domain("grievance_status").items()
            if ANSWERED in code.attributes.get("next", [])]


def _due(deadline, start: dt.date) -> dt.date:
    days = deadline.attributes.get("days")
    if not isinstance(days, int) or days < 0:
        raise ValidationError("kind", f"{deadline.code} has no deadline configured")
    return start + dt.timedelta(days=days)


def _check_transition(uow: UnitOfWork, current: str, target: Any, field: str) -> None:
    uow.codes.require("grievance_status", target, "status")
    code = uow.codes.get("grievance_status", current)
    allowed = list(code.attributes.get("next", [])) if code else []
    if target not in allowed:
        raise RuleViolation(field, f"a grievance cannot go from {current} to {target} "
                                   f"(allowed: {', '.join(allowed) or 'none, it is final'})")
