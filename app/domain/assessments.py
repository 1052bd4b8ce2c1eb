"""Assessment records: draft → completed → countersigned, corrected by new versions.

A draft is saved continuously while the assessor works (often offline for
days). Completing it stores the scores computed by the instrument engine
(app.scoring, called by the caller) and the time; from then on its answers
and scores never change. A supervisor other than the assessor may
countersign it, which only adds the countersignature.

A correction is a new assessment that points at the one it corrects
(`supersedes_id`) with a reason; the original is left exactly as it was, so
what was known and decided at the time stays on record. An assessment is
current while no completed (or countersigned) version supersedes it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.roles import SUPERVISOR, may_read
from app.core.schema import assessment
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

DRAFT, COMPLETED, COUNTERSIGNED = "DRAFT", "COMPLETED", "COUNTERSIGNED"
FINAL = (COMPLETED, COUNTERSIGNED)  # the states in which a record is immutable


@dataclass(frozen=True)
class HistoryEntry:
    assessment: dict[str, Any]
    superseded_by: str | None  # id of the version that corrects it, if any
    current: bool


def start_draft(uow: UnitOfWork, *, person_id: str, instrument_id: Any, instrument_version: Any,
                assessor: Any = None, answers: Any = None) -> dict[str, Any]:
    """Start a draft assessment; the assessor defaults to the signed-in user."""
    _may_assess(uow)
    live_person(uow, person_id)
    instrument = checks.text(instrument_id, "instrument_id", max_len=60)
    version = checks.text(instrument_version, "instrument_version", max_len=20)
    who = checks.text(assessor if assessor is not None else uow.actor.username, "assessor",
                      max_len=80)
    given = _answers(answers if answers is not None else {}, "answers")
    return uow.insert(assessment, dict(
        person_id=person_id, instrument_id=instrument, instrument_version=version,
        status=DRAFT, answers=given, assessor=who))


def save_answers(uow: UnitOfWork, *, assessment_id: str, answers: Any,
                 expected_version: int | None = None) -> dict[str, Any]:
    """Merge answers into a draft (a value of None clears that answer).

    `expected_version` guards against two devices saving over each other.
    """
    _may_assess(uow)
    record = _draft(uow, assessment_id)
    given = _answers(answers, "answers")
    merged = {**record["answers"], **given}
    merged = {k: v for k, v in merged.items() if v is not None}
    return uow.update(assessment, assessment_id, {"answers": merged},
                      expected_version=expected_version)


def complete(uow: UnitOfWork, *, assessment_id: str, scores: Any,
             expected_version: int | None = None) -> dict[str, Any]:
    """Complete a draft with the scores the instrument engine computed for it."""
    _may_assess(uow)
    record = _draft(uow, assessment_id)
    if not record["answers"]:
        raise RuleViolation("answers", "a completed assessment needs its answers")
    if not isinstance(scores, dict) or not scores:
        raise ValidationError("scores", "give the computed scores (a non-empty mapping)")
    scores = _answers(scores, "scores")
    return uow.update(assessment, assessment_id,
                      {"status": COMPLETED, "scores": scores, "completed_at": uow.now},
                      expected_version=expected_version)


def countersign(uow: UnitOfWork, *, assessment_id: str) -> dict[str, Any]:
    """Countersign a completed assessment: a supervisor who is not the assessor."""
    record = uow.get(assessment, assessment_id, field="assessment_id")
    if not uow.actor.has_role(SUPERVISOR):
        raise RuleViolation("countersigned_by", "only a supervisor may countersign")
    if record["status"] != COMPLETED:
        raise RuleViolation("assessment_id",
                            f"only a completed assessment can be countersigned (this one is "
                            f"{record['status'].lower()})")
    if uow.actor.username == record["assessor"]:
        raise RuleViolation("countersigned_by", "the assessor cannot countersign their own "
                                                "assessment")
    later = _superseding(uow, assessment_id)
    if later is not None and later["status"] in FINAL:
        raise RuleViolation("assessment_id", f"has been corrected by {later['id']}; "
                                             "countersign the correction instead")
    return uow.update(assessment, assessment_id, {
        "status": COUNTERSIGNED, "countersigned_by": uow.actor.username,
        "countersigned_at": uow.now})


def correct(uow: UnitOfWork, *, assessment_id: str, reason: Any, assessor: Any = None,
            instrument_version: Any = None) -> dict[str, Any]:
    """Start a correction: a new draft version, copying the answers, that will
    supersede the completed original once it is itself completed."""
    _may_assess(uow)
    why = checks.text(reason, "correction_reason", max_len=1000)
    original = uow.get(assessment, assessment_id, field="assessment_id")
    if original["status"] not in FINAL:
        raise RuleViolation("assessment_id", "a draft is edited, not corrected")
    later = _superseding(uow, assessment_id)
    if later is not None:
        raise RuleViolation("assessment_id", f"is already corrected by {later['id']} "
                                             f"({later['status'].lower()}); correct that one")
    version = checks.text(instrument_version if instrument_version is not None
                          else original["instrument_version"], "instrument_version", max_len=20)
    who = checks.text(assessor if assessor is not None else uow.actor.username, "assessor",
                      max_len=80)
    return uow.insert(assessment, dict(
        person_id=original["person_id"], instrument_id=original["instrument_id"],
        instrument_version=version, status=DRAFT, answers=dict(original["answers"]),
        assessor=who, supersedes_id=assessment_id, correction_reason=why))


def discard_draft(uow: UnitOfWork, *, assessment_id: str, reason: Any) -> dict[str, Any]:
    """Void a draft that will not be completed (completed ones are never voided here)."""
    _may_assess(uow)
    why = checks.text(reason, "reason", max_len=500)
    _draft(uow, assessment_id)
    return uow.void(assessment, assessment_id, why)


def history(uow: UnitOfWork, *, person_id: str,
            instrument_id: str | None = None) -> list[HistoryEntry]:
    """Every live assessment of a person, oldest first, with what supersedes what."""
    stmt = select(assessment).where(assessment.c.person_id == person_id,
                                    assessment.c.voided_at.is_(None))
    if instrument_id is not None:
        stmt = stmt.where(assessment.c.instrument_id == instrument_id)
    rows = uow.rows(stmt.order_by(assessment.c.created_at, assessment.c.id))
    by_original = {r["supersedes_id"]: r for r in rows if r["supersedes_id"]}
    entries = []
    for r in rows:
        nxt = by_original.get(r["id"])
        superseded = nxt is not None and nxt["status"] in FINAL
        entries.append(HistoryEntry(r, nxt["id"] if nxt else None,
                                    current=r["status"] in FINAL and not superseded))
    return entries


def current_for(uow: UnitOfWork, *, person_id: str,
                instrument_id: str | None = None) -> list[dict[str, Any]]:
    """A person's current assessments: completed or countersigned and not superseded."""
    return [e.assessment for e in history(uow, person_id=person_id, instrument_id=instrument_id)
            if e.current]


def drafts_for(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """Drafts in progress for a person, including corrections not yet completed."""
    return [e.assessment for e in history(uow, person_id=person_id)
            if e.assessment["status"] == DRAFT]


def _may_assess(uow: UnitOfWork) -> None:
    # Answers are clinical (data class assessment_answers): a role that may not
    # read them may not write them either. The sync server enforces the same.
    if not may_read(uow.actor.roles, "assessment_answers"):
        raise RuleViolation("assessor", "your role may not record assessment answers")


def _draft(uow: UnitOfWork, assessment_id: str) -> dict[str, Any]:
    record = uow.get(assessment, assessment_id, field="assessment_id")
    if record["status"] != DRAFT:
        raise RuleViolation("assessment_id", f"this assessment is {record['status'].lower()} and "
                                             "can no longer be changed; correct it instead")
    return record


def _superseding(uow: UnitOfWork, assessment_id: str) -> dict[str, Any] | None:
    rows = uow.rows(select(assessment).where(assessment.c.supersedes_id == assessment_id,
                                             assessment.c.voided_at.is_(None)))
    return rows[0] if rows else None


def _answers(value: Any, field: str) -> dict[str, Any]:
    """A mapping of question ids to JSON values (finite numbers only)."""
    if not isinstance(value, dict):
        raise ValidationError(field, "must be a mapping of question ids to answers")
    for key, answer in value.items():
        if not isinstance(key, str) or not key.strip():
            raise ValidationError(field, f"{key!r} is not a question id")
        try:
            json.dumps(answer, allow_nan=False)
        except TypeError:
            raise ValidationError(f"{field}.{key}", "must be text, a number, true/false, "
                                                    "a list or a mapping") from None
        except ValueError:  # NaN or infinity: not JSON, and not a real answer or score
            raise ValidationError(f"{field}.{key}", "must be a finite number") from None
    return dict(value)
