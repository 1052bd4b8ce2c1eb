"""Incidents: what happened, where, when it was discovered, and who was involved.

An incident report is append-only (it is a statement made at a time): a
party found later is added as another row, never by editing the report.
Adjudications (app.domain.adjudications) are raised against its parties.
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import incident, incident_party, location, person
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork

MAX_DESCRIPTION = 8000


def report_incident(uow: UnitOfWork, *, incident_type: Any, occurred_at: Any,
                    discovered_at: Any, location_id: Any, description: Any,
                    parties: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Report an incident with its parties, given as (person_id, role) pairs.

    Times must be in order: occurred_at ≤ discovered_at ≤ now. The reporter
    is the signed-in user. Returns the incident with a `parties` list.
    """
    uow.codes.require("incident_type", incident_type, "incident_type")
    occurred = checks.timestamp(occurred_at, "occurred_at")
    discovered = checks.timestamp(discovered_at, "discovered_at")
    checks.not_future(discovered, uow.now, "discovered_at")
    checks.not_before(discovered, occurred, "discovered_at", "occurred_at")
    if not location_id:
        raise ValidationError("location_id", "is required")
    uow.get(location, location_id, field="location_id")
    text = checks.text(description, "description", max_len=MAX_DESCRIPTION)
    parties = list(parties or [])
    if not parties:
        raise ValidationError("parties", "at least one person must be named")
    checked, seen = [], set()
    for i, party in enumerate(parties):
        person_id, role = _party(uow, party, f"parties[{i}]")
        if person_id in seen:
            raise ValidationError(f"parties[{i}].person_id", "this person is already a party")
        seen.add(person_id)
        checked.append((person_id, role))
    row = dict(uow.insert(incident, dict(  # a copy: the inserted row is still buffered
        incident_type=incident_type, occurred_at=occurred, discovered_at=discovered,
        location_id=location_id, description=text, reported_by=uow.actor.username)))
    row["parties"] = [
        uow.insert(incident_party, dict(incident_id=row["id"], person_id=p, role=r))
        for p, r in checked
    ]
    return row


def add_party(uow: UnitOfWork, *, incident_id: str, person_id: str, role: Any) -> dict[str, Any]:
    """Add a person found to be involved after the report was made."""
    uow.get(incident, incident_id, field="incident_id")
    person_id, role = _party(uow, (person_id, role), "party")
    if party_role(uow, incident_id, person_id) is not None:
        raise RuleViolation("person_id", "this person is already a party to the incident")
    return uow.insert(incident_party, dict(incident_id=incident_id, person_id=person_id,
                                           role=role))


def party_role(uow: UnitOfWork, incident_id: str, person_id: str) -> str | None:
    """The role of `person_id` in the incident, or None if not a party."""
    return uow.scalar(select(incident_party.c.role).where(
        incident_party.c.incident_id == incident_id, incident_party.c.person_id == person_id,
        incident_party.c.voided_at.is_(None)))


def get_incident(uow: UnitOfWork, incident_id: str) -> dict[str, Any]:
    """The incident with its `parties`."""
    row = uow.get(incident, incident_id, field="incident_id")
    row["parties"] = uow.rows(select(incident_party).where(
        incident_party.c.incident_id == incident_id, incident_party.c.voided_at.is_(None))
        .order_by(incident_party.c.created_at, incident_party.c.id))
    return row


def _party(uow: UnitOfWork, party: Any, field: str) -> tuple[str, str]:
    try:
        person_id, role = party
    except (TypeError, ValueError):
        raise ValidationError(field, "must be a (person_id, role) pair") from None
    if not person_id:
        raise ValidationError(f"{field}.person_id", "is required")
    row = uow.get(person, person_id, field=f"{field}.person_id")
    if row["merged_into_id"]:
        raise RuleViolation(f"{field}.person_id",
                            f"this record was merged into {row['merged_into_id']}")
    uow.codes.require("incident_role", role, f"{field}.role")
    return person_id, role
