"""What the assessment screens ask of the replica (Qt-free; run on the task runner).

Each function is one user action or one read, in its own unit of work, so the
screens never touch the database on the UI thread. Who may do what follows
the instrument file (`roles.complete`, `roles.read`) on top of the data-class
rules of app.core.roles that the domain already applies:

- only a role listed in `roles.complete` may start, save or complete an
  assessment with an instrument, and decide on its score;
- only a role listed in `roles.read` sees a completed assessment's answers,
  band and explanation; others see that it exists and its status;
- countersigning needs the supervisor role *and* read access to the
  instrument, because a supervisor signs what they have reviewed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core import schema as s
from app.core.errors import RuleViolation, ValidationError
from app.core.roles import SUPERVISOR, may_read
from app.domain import assessments
from app.scoring import explain, instruments, predictions, rules
from app.scoring.instruments import Instrument

NEEDS_INSTRUMENT = "criminogenic_needs"
QUEUE_LIMIT = 200


def instrument_for(row: dict[str, Any]) -> Instrument:
    """The exact instrument version an assessment uses."""
    return instruments.load(row["instrument_id"], row["instrument_version"])


def startable(actor) -> list[Instrument]:
    """The newest version of every instrument the user may complete, by title."""
    out = []
    for inst_id in instruments.available():
        inst = instruments.load(inst_id)
        if inst.may_complete(actor.roles):
            out.append(inst)
    return sorted(out, key=lambda i: i.title.casefold())


def _require(inst: Instrument, actor, what: str) -> None:
    """Refuse unless the instrument file lets the user's roles `complete` or `read` it."""
    allowed = inst.may_read(actor.roles) if what == "read" else inst.may_complete(actor.roles)
    if not allowed:
        raise RuleViolation("role", f"your role may not {what} {inst.title} ({inst.key})")


def may_countersign(actor, inst: Instrument, row: dict[str, Any]) -> bool:
    """Whether `actor` may countersign this completed assessment."""
    return (actor.has_role(SUPERVISOR) and inst.may_read(actor.roles)
            and row["status"] == assessments.COMPLETED and row["assessor"] != actor.username)


# -- reads ------------------------------------------------------------------------------

@dataclass
class PersonAssessments:
    """A person's assessments as the Assessments page shows them."""

    person_id: str
    name: str
    drafts: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)  # completed, oldest first
    startable: list[tuple[str, str]] = field(default_factory=list)  # (instrument id, title)


def _person_name(uow, person_id: str) -> str:
    row = uow.get(s.person, person_id, field="person_id")
    return f"{row['first_name']} {row['last_name']}"


def _describe(row: dict[str, Any], actor, entry=None) -> dict[str, Any]:
    """An assessment row for a list: what the user may see of it."""
    try:
        inst = instrument_for(row)
        title, readable = inst.title, inst.may_read(actor.roles)
    except Exception:  # an instrument this device does not have: still list the record
        inst, title, readable = None, f"{row['instrument_id']}@{row['instrument_version']}", False
    scores = row.get("scores") or {}
    return {
        "id": row["id"], "person_id": row["person_id"], "instrument_id": row["instrument_id"],
        "instrument_version": row["instrument_version"], "title": title,
        "status": row["status"], "assessor": row["assessor"], "created_at": row["created_at"],
        "updated_at": row["updated_at"], "completed_at": row["completed_at"],
        "countersigned_by": row["countersigned_by"], "readable": readable,
        "band": scores.get("band") if readable else None,
        "band_label": scores.get("band_label") if readable else None,
        "current": entry.current if entry is not None else None,
        "superseded_by": entry.superseded_by if entry is not None else None,
        "may_countersign": inst is not None and may_countersign(actor, inst, row),
    }


def person_assessments(replica, actor, person_id: str) -> PersonAssessments:
    """A person's drafts and completed assessments, and what the user may start."""
    with replica.unit_of_work(actor) as uow:
        out = PersonAssessments(person_id, _person_name(uow, person_id))
        for entry in assessments.history(uow, person_id=person_id):
            row = _describe(entry.assessment, actor, entry)
            (out.drafts if row["status"] == assessments.DRAFT else out.records).append(row)
    out.startable = [(i.id, i.title) for i in startable(actor)]
    return out


def countersign_queue(replica, actor) -> list[dict[str, Any]]:
    """Completed assessments of the user's facility awaiting a countersignature
    that this user may give (never their own), oldest first."""
    if not actor.has_role(SUPERVISOR):
        return []
    a, p = s.assessment, s.person
    with replica.reader.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(a, p.c.first_name, p.c.last_name).join(p, p.c.id == a.c.person_id)
            .where(a.c.status == assessments.COMPLETED, a.c.voided_at.is_(None),
                   a.c.facility == actor.facility, a.c.assessor != actor.username)
            .order_by(a.c.completed_at).limit(QUEUE_LIMIT)).mappings()]
    out = []
    for r in rows:
        row = _describe(r, actor)
        if row["may_countersign"]:
            row["name"] = f"{r['first_name']} {r['last_name']}"
            out.append(row)
    return out


@dataclass
class Opened:
    """One assessment opened for editing or reading."""

    row: dict[str, Any]
    instrument: Instrument
    name: str
    editable: bool  # a draft the user may complete
    answers: dict[str, Any] | None  # None when the user may not read them
    result: dict[str, Any] | None  # the explanation (completed assessments)
    decision: dict[str, Any] | None  # the professional's current decision on the score
    may_countersign: bool


def open_assessment(replica, actor, assessment_id: str) -> Opened:
    """Open an assessment; reading its answers is audited (DPA 2018 s.62)."""
    with replica.unit_of_work(actor) as uow:
        row = uow.get(s.assessment, assessment_id, field="assessment_id")
        inst = instrument_for(row)
        _require(inst, actor, "read")
        name = _person_name(uow, row["person_id"])
        readable = may_read(actor.roles, "assessment_answers")
        uow.viewed(s.assessment, assessment_id, "assessment")
        result = decision = None
        if row["status"] != assessments.DRAFT and row["scores"]:
            result = dict(row["scores"])
            if readable:
                result["inputs"] = row["answers"]
            pid = result.get("prediction_id")
            if pid:
                decision = predictions.current_decision(uow, pid)
    editable = row["status"] == assessments.DRAFT and inst.may_complete(actor.roles)
    return Opened(row, inst, name, editable, row["answers"] if readable else None, result,
                  decision, may_countersign(actor, inst, row))


# -- actions ------------------------------------------------------------------------------

def start(replica, actor, person_id: str, instrument_id: str) -> dict[str, Any]:
    """Start a draft with the newest version of an instrument the user may complete."""
    if not instrument_id:
        raise ValidationError("instrument_id", "choose the instrument to use")
    inst = instruments.load(instrument_id)
    _require(inst, actor, "complete")
    with replica.unit_of_work(actor) as uow:
        return assessments.start_draft(uow, person_id=person_id, instrument_id=inst.id,
                                       instrument_version=str(inst.version))


def _clean(inst: Instrument, stored: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """Stored answers updated with `given` (None clears), hidden answers dropped, checked."""
    merged = {**stored, **given}
    merged = {k: v for k, v in merged.items() if v is not None}
    return rules.check_answers(inst, rules.drop_hidden(inst, merged))


def save(replica, actor, assessment_id: str, answers: dict[str, Any],
         expected_version: int | None = None) -> dict[str, Any]:
    """Save a draft's answers (the autosave). Answers no longer asked are cleared."""
    with replica.unit_of_work(actor) as uow:
        row = uow.get(s.assessment, assessment_id, field="assessment_id")
        inst = instrument_for(row)
        _require(inst, actor, "complete")
        cleaned = _clean(inst, row["answers"], answers)
        # Every item is sent: a None removes an answer that was cleared or hidden.
        full = {iid: cleaned.get(iid) for iid in inst.items}
        if {k: v for k, v in full.items() if v is not None} == row["answers"]:
            return row  # nothing changed: no new version, no outbox entry
        return assessments.save_answers(uow, assessment_id=assessment_id, answers=full,
                                        expected_version=expected_version)


def _stored_result(explained: dict[str, Any]) -> dict[str, Any]:
    # The answers are kept once, in `answers` (their own, narrower data class).
    return {k: v for k, v in explained.items() if k not in ("inputs",)}


def complete(replica, actor, assessment_id: str, answers: dict[str, Any],
             expected_version: int | None = None) -> dict[str, Any]:
    """Save the last answers and complete the draft in one transaction.

    The instrument engine scores the answers; a statistical model's prediction
    is logged (app.scoring.predictions) and its id kept with the scores, so the
    professional's decision can refer to it. No decision is written here.
    Returns the explanation with `assessment` (the completed row).
    """
    with replica.unit_of_work(actor) as uow:
        row = uow.get(s.assessment, assessment_id, field="assessment_id")
        inst = instrument_for(row)
        _require(inst, actor, "complete")
        cleaned = rules.check_answers(inst, _clean(inst, row["answers"], answers), complete=True)
        full = {iid: cleaned.get(iid) for iid in inst.items}
        row = assessments.save_answers(uow, assessment_id=assessment_id, answers=full,
                                       expected_version=expected_version)
        if inst.statistical and inst.model is not None:
            explained = predictions.score_and_log(uow, person_id=row["person_id"],
                                                  instrument=inst, answers=cleaned,
                                                  assessment_id=assessment_id)
        else:
            explained = explain.assess(inst, cleaned)
        row = assessments.complete(uow, assessment_id=assessment_id,
                                   scores=_stored_result(explained))
    return {**explained, "assessment": row}


def decide(replica, actor, prediction_id: str, decision: str | None, reason: str,
           professional_band: str | None) -> dict[str, Any]:
    """Record the professional's decision on a score: AGREE or OVERRIDE with a reason."""
    if decision is None:
        raise ValidationError("decision", "choose whether you agree with the score or "
                                          "override it")
    with replica.unit_of_work(actor) as uow:
        return predictions.record_decision(
            uow, prediction_id=prediction_id, decision=decision,
            reason=reason if reason and reason.strip() else None,
            professional_band=professional_band if decision == "OVERRIDE" else None)


def countersign(replica, actor, assessment_id: str) -> dict[str, Any]:
    """Countersign a completed assessment the supervisor may read."""
    with replica.unit_of_work(actor) as uow:
        row = uow.get(s.assessment, assessment_id, field="assessment_id")
        _require(instrument_for(row), actor, "read")
        return assessments.countersign(uow, assessment_id=assessment_id)


# -- the profile summary ------------------------------------------------------------------

@dataclass
class Summary:
    """A person's needs and risk as the profile shows them."""

    person_id: str
    needs: list[dict[str, Any]] = field(default_factory=list)  # domains, highest need first
    priorities: list[str] = field(default_factory=list)  # domain labels
    needs_date: dt.datetime | None = None
    history: list[dict[str, Any]] = field(default_factory=list)  # newest first
    restricted: int = 0  # completed assessments the user may not read


def summary(replica, actor, person_id: str) -> Summary:
    """Needs profile from the current needs assessment, and every completed
    assessment's band by date (with the professional's own band where they
    overrode a score)."""
    out = Summary(person_id)
    with replica.unit_of_work(actor) as uow:
        entries = [e for e in assessments.history(uow, person_id=person_id)
                   if e.assessment["status"] in assessments.FINAL]
        for e in entries:
            row = e.assessment
            try:
                inst = instrument_for(row)
            except Exception:
                out.restricted += 1
                continue
            if not inst.may_read(actor.roles):
                out.restricted += 1
                continue
            scores = row["scores"] or {}
            profile = next((r for r in (scores.get("outputs") or {}).values()
                            if isinstance(r, dict) and r.get("type") == "profile"), None)
            labels = {d["id"]: d["label"] for d in (profile or {}).get("profile", [])}
            priorities = [labels.get(p, p) for p in (profile or {}).get("priorities", [])]
            decided = None
            if scores.get("prediction_id"):
                decided = predictions.current_decision(uow, scores["prediction_id"])
            out.history.append({
                "id": row["id"], "date": row["completed_at"], "title": inst.title,
                "instrument_id": inst.id, "band": scores.get("band"),
                "band_label": scores.get("band_label"), "status": row["status"],
                "current": e.current, "predicted": bool(scores.get("prediction_id")),
                "priorities": priorities if profile else None,
                "decision": decided["decision"] if decided else None,
                "professional_band": decided["professional_band"] if decided else None,
            })
            if inst.id == NEEDS_INSTRUMENT and e.current and profile:
                out.needs = profile["profile"]
                out.priorities = priorities
                out.needs_date = row["completed_at"]
    out.history.sort(key=lambda h: (h["date"] is not None, h["date"]), reverse=True)
    return out
