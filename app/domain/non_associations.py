"""Non-associations: two people who must be kept apart, and where.

Only one open non-association may exist per pair (also enforced by a unique
partial index). Every housing, activity and visit decision asks
`open_for` / `warnings_for` and shows what it finds; proceeding anyway needs
an explicit override reason, recorded with the decision. Housing does this
in app.domain.housing_checks, by the `keep_apart` level.

Closing keeps the record (status CLOSED, with who, why and when); reopening
adds a new OPEN record for the pair that points at the closed one
(`reopens_id`, with `reopen_reason`), so the whole history stays readable
with `pair_history`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import non_association
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

OPEN, CLOSED = "OPEN", "CLOSED"


@dataclass(frozen=True)
class OpenNonAssociation:
    id: str
    other_person_id: str
    keep_apart: str  # CELL / LANDING / WING / FACILITY
    reason: str


def pair_key(a: str, b: str) -> str:
    """The same key for (a, b) and (b, a)."""
    return "|".join(sorted((a, b)))


def open_for(uow: UnitOfWork, person_id: str) -> list[OpenNonAssociation]:
    """Open non-associations that involve `person_id`, from their side."""
    rows = uow.rows(select(non_association).where(
        non_association.c.status == "OPEN", non_association.c.voided_at.is_(None),
        or_(non_association.c.person_id == person_id,
            non_association.c.other_person_id == person_id)))
    return [
        OpenNonAssociation(
            r["id"],
            r["other_person_id"] if r["person_id"] == person_id else r["person_id"],
            r["keep_apart"], r["reason"])
        for r in rows
    ]


def between(uow: UnitOfWork, a: str, b: str) -> dict[str, Any] | None:
    """The open non-association between two people, if any."""
    rows = uow.rows(select(non_association).where(and_(
        non_association.c.pair_key == pair_key(a, b), non_association.c.status == "OPEN",
        non_association.c.voided_at.is_(None))))
    return rows[0] if rows else None


def warnings_for(uow: UnitOfWork, person_id: str, others: Iterable[str]) -> list[OpenNonAssociation]:
    """Open non-associations between `person_id` and any of `others`.

    For activity allocation and visit booking: pass the people already in the
    session or visit slot; each result names the other person, the level
    and the reason, to show before the officer confirms.
    """
    wanted = set(others) - {person_id}
    return [na for na in open_for(uow, person_id) if na.other_person_id in wanted]


def create_non_association(uow: UnitOfWork, *, person_id: Any, person_role: Any,
                           other_person_id: Any, other_person_role: Any, reason: Any,
                           keep_apart: Any, comment: Any = None) -> dict[str, Any]:
    """Record that two people must be kept apart; refused if the pair already has an open one."""
    first = live_person(uow, person_id, "person_id")
    second = live_person(uow, other_person_id, "other_person_id")
    if first["id"] == second["id"]:
        raise ValidationError("other_person_id", "must be someone other than person_id")
    uow.codes.require("non_association_role", person_role, "person_role")
    uow.codes.require("non_association_role", other_person_role, "other_person_role")
    uow.codes.require("non_association_reason", reason, "reason")
    uow.codes.require("keep_apart", keep_apart, "keep_apart")
    note = checks.text(comment, "comment", max_len=2000, required=False)
    _refuse_second_open(uow, first["id"], second["id"])
    return uow.insert(non_association, dict(
        person_id=first["id"], person_role=person_role, other_person_id=second["id"],
        other_person_role=other_person_role, pair_key=pair_key(first["id"], second["id"]),
        reason=reason, keep_apart=keep_apart, comment=note, status=OPEN))


def close_non_association(uow: UnitOfWork, *, non_association_id: Any, reason: Any,
                          closed_at: Any = None) -> dict[str, Any]:
    """Close an open non-association, recording who closed it, why and when (default now)."""
    row = _get(uow, non_association_id)
    if row["status"] != OPEN:
        raise RuleViolation("non_association_id", "is already closed")
    why = checks.text(reason, "reason", max_len=500)
    when = checks.timestamp(closed_at, "closed_at", required=False) or uow.now
    checks.not_future(when, uow.now, "closed_at")
    checks.not_before(when, row["created_at"], "closed_at", "the date it was opened")
    return uow.update(non_association, row["id"], {
        "status": CLOSED, "closed_at": when, "closed_by": uow.actor.username,
        "close_reason": why})


def reopen_non_association(uow: UnitOfWork, *, non_association_id: Any, reason: Any,
                           keep_apart: Any = None, person_role: Any = None,
                           other_person_role: Any = None) -> dict[str, Any]:
    """Reopen a closed non-association as a new open record; the closed one stays.

    The new record's created_by/created_at say who reopened it and when;
    `reopens_id` and `reopen_reason` say which record it reopens and why, and
    it keeps the closed record's comment. Level and roles may change on
    reopening; they default to the closed record's.
    """
    old = _get(uow, non_association_id)
    if old["status"] != CLOSED:
        raise RuleViolation("non_association_id", "is still open")
    why = checks.text(reason, "reason", max_len=500)
    level = keep_apart if keep_apart is not None else old["keep_apart"]
    role = person_role if person_role is not None else old["person_role"]
    other_role = other_person_role if other_person_role is not None else old["other_person_role"]
    uow.codes.require("keep_apart", level, "keep_apart")
    uow.codes.require("non_association_role", role, "person_role")
    uow.codes.require("non_association_role", other_role, "other_person_role")
    _refuse_second_open(uow, old["person_id"], old["other_person_id"],
                        field="non_association_id")
    return uow.insert(non_association, dict(
        person_id=old["person_id"], person_role=role, other_person_id=old["other_person_id"],
        other_person_role=other_role, pair_key=old["pair_key"], reason=old["reason"],
        keep_apart=level, status=OPEN, comment=old["comment"], reopens_id=old["id"],
        reopen_reason=why))


def pair_history(uow: UnitOfWork, a: str, b: str) -> list[dict[str, Any]]:
    """Every non-association record of a pair, open and closed, oldest first."""
    return uow.rows(select(non_association).where(
        non_association.c.pair_key == pair_key(a, b), non_association.c.voided_at.is_(None))
        .order_by(non_association.c.created_at, non_association.c.id))


def _get(uow: UnitOfWork, non_association_id: Any) -> dict[str, Any]:
    if not non_association_id:
        raise ValidationError("non_association_id", "is required")
    return uow.get(non_association, non_association_id, field="non_association_id")


def _refuse_second_open(uow: UnitOfWork, a: str, b: str, field: str = "other_person_id") -> None:
    existing = between(uow, a, b)
    if existing is not None:
        raise RuleViolation(field, "these two people already have an open non-association "
                                   f"({existing['keep_apart']}, {existing['reason']})")
