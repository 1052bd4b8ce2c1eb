"""Alerts on a person: coded type → code, active from/to, who authorised them.

An alert is active on day d when active_from <= d and (no active_to, or
d < active_to): `active_to` is the first day it no longer applies, so an
alert closed today no longer shows today. Codes whose reference entry lists
`restricted_roles` may only be added or closed by a user holding one of
those roles. A person cannot hold two alerts with the same code active at the same time.

Closing records who closed the alert and why on the alert itself
(`closed_by`, `close_reason`; `active_to` says from when) and leaves the
comment as it was written. Alerts closed before those columns existed carry
a "Closed ... by ...: ..." line in their comment instead.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import alert, person
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork


def add_alert(uow: UnitOfWork, *, person_id: Any, alert_type: Any, alert_code: Any,
              authorised_by: Any, active_from: Any = None, active_to: Any = None,
              comment: Any = None) -> dict[str, Any]:
    """Add an alert to a person; `active_from` defaults to today."""
    if not person_id:
        raise ValidationError("person_id", "is required")
    uow.get(person, person_id, field="person_id")
    uow.codes.require("alert_type", alert_type, "alert_type")
    code = uow.codes.require("alert_code", alert_code, "alert_code", parent=alert_type)
    _check_role(uow, code, "alert_code")
    who = checks.text(authorised_by, "authorised_by", max_len=80)
    start = checks.date(active_from, "active_from", required=False) or uow.now.date()
    end = checks.date(active_to, "active_to", required=False)
    checks.not_before(end, start, "active_to", "active_from")
    overlap = uow.scalar(select(alert.c.id).where(
        alert.c.person_id == person_id, alert.c.alert_code == alert_code,
        alert.c.voided_at.is_(None),
        or_(alert.c.active_to.is_(None), alert.c.active_to > start),
        *([alert.c.active_from < end] if end is not None else [])).limit(1))
    if overlap is not None:
        raise RuleViolation("alert_code", f"the person already has a {alert_code} alert "
                                          "active in that period")
    return uow.insert(alert, dict(
        person_id=person_id, alert_type=alert_type, alert_code=alert_code,
        active_from=start, active_to=end, authorised_by=who,
        comment=checks.text(comment, "comment", max_len=2000, required=False)))


def close_alert(uow: UnitOfWork, *, alert_id: Any, reason: Any,
                active_to: Any = None) -> dict[str, Any]:
    """Close an alert from `active_to` (default today), recording who, when and why."""
    if not alert_id:
        raise ValidationError("alert_id", "is required")
    row = uow.get(alert, alert_id, field="alert_id")
    why = checks.text(reason, "reason", max_len=500)
    today = uow.now.date()
    end = checks.date(active_to, "active_to", required=False) or today
    if row["active_to"] is not None and row["active_to"] <= today:
        raise RuleViolation("alert_id", f"this alert already ended on {row['active_to']}")
    checks.not_before(end, row["active_from"], "active_to", "active_from")
    checks.not_future(end, uow.now, "active_to")
    code = uow.codes.get("alert_code", row["alert_code"])
    if code is not None:
        _check_role(uow, code, "alert_id")
    return uow.update(alert, row["id"], {"active_to": end, "closed_by": uow.actor.username,
                                         "close_reason": why})


def active_alerts(uow: UnitOfWork, *, person_id: Any, on: dt.date | None = None) -> list[dict[str, Any]]:
    """The person's alerts active on `on` (default today), by type then code."""
    if not person_id:
        raise ValidationError("person_id", "is required")
    day = checks.date(on, "on", required=False) or uow.now.date()
    return uow.rows(select(alert).where(
        alert.c.person_id == person_id, alert.c.voided_at.is_(None),
        alert.c.active_from <= day,
        or_(alert.c.active_to.is_(None), alert.c.active_to > day))
        .order_by(alert.c.alert_type, alert.c.alert_code))


def _check_role(uow: UnitOfWork, code, field: str) -> None:
    allowed = code.attributes.get("restricted_roles")
    if allowed and not uow.actor.has_role(*allowed):
        raise RuleViolation(field, f"{code.code} alerts may only be managed by: "
                                   f"{', '.join(allowed)}")
