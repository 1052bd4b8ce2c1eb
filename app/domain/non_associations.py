"""Non-associations: two people who must be kept apart, and where.

Only one open non-association may exist per pair (also enforced by a unique
partial index). Every housing, activity and visit decision asks
`open_for` / `warnings_for` and shows what it finds; proceeding anyway needs
an explicit override reason, recorded with the decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select

from app.core.schema import non_association
from app.storage.unit_of_work import UnitOfWork


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
