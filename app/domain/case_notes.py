"""Case notes: append-only notes on a person, corrected by amendment.

A note is never edited (the unit of work refuses updates on append-only
tables): a correction is a new note whose `amends_id` points at the note it
corrects, so the record shows what was written, when, and by whom.

Each note has a type and a subtype under it (reference data). A subtype whose
attributes say `sensitive` (health, intelligence) always makes the note
sensitive. Sensitive notes are shown only to roles that may read the data
class `case_notes_sensitive`, and every time one is shown the consultation is
audited (DPA 2018 s.62).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.roles import may_read
from app.core.schema import case_note, person
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

MAX_TEXT = 8000
SENSITIVE_CLASS = "case_notes_sensitive"


def add_note(uow: UnitOfWork, *, person_id: str, note_type: Any, note_subtype: Any, text: Any,
             occurred_at: Any, sensitive: bool = False,
             restricted_use: bool = False) -> dict[str, Any]:
    """Record a case note on a person; the author is the signed-in user.

    `occurred_at` is when the thing noted happened (not in the future);
    `recorded_at` is now. A subtype marked sensitive forces `sensitive`.
    """
    subject = live_person(uow, person_id, "person_id")
    uow.codes.require("case_note_type", note_type, "note_type")
    subtype = uow.codes.require("case_note_subtype", note_subtype, "note_subtype",
                                parent=note_type)
    body = checks.text(text, "text", max_len=MAX_TEXT)
    when = checks.timestamp(occurred_at, "occurred_at")
    checks.not_future(when, uow.now, "occurred_at")
    if when.date() < subject["date_of_birth"]:
        raise ValidationError("occurred_at", "cannot be before the person's date of birth")
    return uow.insert(case_note, dict(
        person_id=person_id, note_type=note_type, note_subtype=note_subtype, text=body,
        sensitive=_flag(sensitive, "sensitive") or bool(subtype.attributes.get("sensitive")),
        restricted_use=_flag(restricted_use, "restricted_use"),
        occurred_at=when, recorded_at=uow.now, author=uow.actor.username))


def amend_note(uow: UnitOfWork, *, note_id: str, text: Any, person_id: str | None = None,
               sensitive: bool = False, restricted_use: bool = False) -> dict[str, Any]:
    """Correct a note by adding an amendment that points at it.

    Only the note's author may amend it (anyone else adds a note of their
    own). The amendment keeps the original's person, type, subtype and
    occurred-at time; it can make the record more guarded (sensitive,
    restricted use) but never less. Amending an amendment amends the
    original note, so a note's corrections form one flat list. A voided
    note cannot be amended.
    """
    original = uow.get(case_note, note_id, field="note_id", include_voided=True)
    if original["amends_id"]:
        original = uow.get(case_note, original["amends_id"], field="note_id",
                           include_voided=True)
    if original["voided_at"] is not None:
        raise RuleViolation("note_id", "this note was voided and cannot be amended")
    if original["author"] != uow.actor.username:
        raise RuleViolation("note_id", f"only its author ({original['author']}) can amend "
                                       "this note; add a new note instead")
    if person_id is not None and person_id != original["person_id"]:
        raise ValidationError("person_id", "an amendment must be on the same person as the note")
    body = checks.text(text, "text", max_len=MAX_TEXT)
    return uow.insert(case_note, dict(
        person_id=original["person_id"], note_type=original["note_type"],
        note_subtype=original["note_subtype"], text=body,
        sensitive=original["sensitive"] or _flag(sensitive, "sensitive"),
        restricted_use=original["restricted_use"] or _flag(restricted_use, "restricted_use"),
        occurred_at=original["occurred_at"], recorded_at=uow.now,
        author=uow.actor.username, amends_id=original["id"]))


def notes_for(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """A person's notes, newest first, each with its `amendments` (oldest first).

    Sensitive notes (and sensitive amendments) are left out for roles that
    may not read them; each sensitive one that is returned is audited as
    consulted. Voided notes are left out. Notes recorded under duplicate
    records that were merged into this person are included.
    """
    uow.get(person, person_id, field="person_id")
    if not may_read(uow.actor.roles, "case_notes"):
        raise RuleViolation("person_id", "your role may not read case notes")
    sees_sensitive = may_read(uow.actor.roles, SENSITIVE_CLASS)
    rows = uow.rows(select(case_note).where(
        case_note.c.person_id.in_(_with_merged(uow, person_id)),
        case_note.c.voided_at.is_(None))
        .order_by(case_note.c.recorded_at, case_note.c.id))
    visible = [r for r in rows if sees_sensitive or not r["sensitive"]]
    roots = {r["id"]: {**r, "amendments": []} for r in visible if r["amends_id"] is None}
    for r in visible:
        if r["amends_id"] in roots:
            roots[r["amends_id"]]["amendments"].append(r)
    for r in visible:
        if r["sensitive"] and (r["amends_id"] is None or r["amends_id"] in roots):
            uow.viewed(case_note, r["id"], "sensitive case note")
    return sorted(roots.values(), key=lambda n: (n["occurred_at"], n["recorded_at"]),
                  reverse=True)


def _with_merged(uow: UnitOfWork, person_id: str) -> list[str]:
    """`person_id` and every record merged into it, directly or through others."""
    ids, frontier = [person_id], [person_id]
    while frontier:
        frontier = [r["id"] for r in uow.rows(select(person.c.id).where(
            person.c.merged_into_id.in_(frontier))) if r["id"] not in ids]
        ids += frontier
    return ids


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "must be true or false")
    return value
