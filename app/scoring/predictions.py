"""The prediction log and the professional's decision, kept apart (ARCHITECTURE.md §5).

`score_and_log` scores a statistical instrument for a person and appends
what the model said to `prediction_log`: model id, version and the SHA-256
of the file actually run, the inputs, the outputs, who and when. Both tables
are replicated and append-only, and every write goes through the unit of
work, so each record has its outbox entry (it syncs) and its audit entry.

`record_decision` records what the professional decided about a prediction:
AGREE, or OVERRIDE with their own band and a mandatory reason. Nothing here
ever writes a decision on its own: a prediction without a decision has no
final band (`final_band` returns None), whatever the model said.

Structured professional judgements (scoring.statistical = false) are not
predictions: their rating is itself the professional's decision, stored with
the assessment, so they are refused here.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import assessment, person, prediction_log, scoring_decision
from app.domain import checks
from app.scoring import explain
from app.scoring.instruments import BANDS, Instrument
from app.storage.unit_of_work import UnitOfWork

DECISIONS = ("AGREE", "OVERRIDE")
MIN_REASON = 20
"""Characters an override reason needs: enough to say why, not just 'disagree'."""


def _require_completer(uow: UnitOfWork, inst: Instrument, what: str) -> None:
    if not inst.may_complete(uow.actor.roles):
        raise RuleViolation("role", f"{', '.join(uow.actor.roles)} may not {what} "
                                    f"{inst.title} ({inst.key})")


def score_and_log(uow: UnitOfWork, *, person_id: str, instrument: Instrument,
                  answers: dict[str, Any], assessment_id: str | None = None) -> dict[str, Any]:
    """Score a statistical instrument, log the prediction, return it explained.

    The returned explanation carries `prediction_id`, which a decision refers to.
    """
    _require_completer(uow, instrument, "score")
    if not instrument.statistical or instrument.model is None:
        raise RuleViolation("instrument", f"{instrument.key} is a professional judgement, not a "
                                          "statistical prediction; record it as an assessment")
    uow.get(person, person_id, field="person_id")
    if assessment_id is not None:
        row = uow.get(assessment, assessment_id, field="assessment_id")
        if row["person_id"] != person_id:
            raise ValidationError("assessment_id", "belongs to another person")
        if (row["instrument_id"], str(row["instrument_version"])) != \
                (instrument.id, str(instrument.version)):
            raise ValidationError("assessment_id", f"is an assessment with "
                                  f"{row['instrument_id']}@{row['instrument_version']}, "
                                  f"not {instrument.key}")
    explained = explain.assess(instrument, answers)
    model = explained["model"]
    outputs = {**explained["outputs"],
               "contributions": {f["factor"]: f["contribution"] for f in explained["factors"]},
               "logit": explained["logit"], "thresholds_version": explained["thresholds"]["version"],
               "model_type": model["type"]}
    row = uow.insert(prediction_log, dict(
        person_id=person_id, assessment_id=assessment_id,
        instrument_id=instrument.id, instrument_version=str(instrument.version),
        model_id=model["id"], model_version=model["version"], model_sha256=model["sha256"],
        inputs={**explained["inputs"], **explained["derived"]}, outputs=outputs,
        band=explained["band"], scored_by=uow.actor.username, scored_at=uow.now,
    ))
    return {**explained, "prediction_id": row["id"]}


def record_decision(uow: UnitOfWork, *, prediction_id: str, decision: str,
                    reason: str | None = None,
                    professional_band: str | None = None) -> dict[str, Any]:
    """Record the professional's decision on a logged prediction.

    AGREE accepts the model's band (a reason is optional). OVERRIDE needs the
    professional's own band, different from the model's, and a reason of at
    least MIN_REASON characters. A later decision supersedes an earlier one;
    both are kept.
    """
    from app.scoring import instruments

    pred = uow.get(prediction_log, prediction_id, field="prediction_id")
    inst = instruments.load(pred["instrument_id"], pred["instrument_version"])
    _require_completer(uow, inst, "decide on")
    if decision not in DECISIONS:
        raise ValidationError("decision", f"{decision!r} is not AGREE or OVERRIDE")
    text = checks.text(reason, "reason", max_len=4000, required=(decision == "OVERRIDE"))
    if decision == "OVERRIDE":
        if len(text) < MIN_REASON:
            raise ValidationError("reason", f"an override needs a reason of at least {MIN_REASON} "
                                            "characters saying why the score does not fit")
        if professional_band is None:
            raise ValidationError("professional_band", "an override needs your own band")
        if professional_band not in BANDS:
            raise ValidationError("professional_band", f"{professional_band!r} is not one of "
                                                       f"{', '.join(BANDS)}")
        if professional_band == pred["band"]:
            raise ValidationError("professional_band", f"is the model's band ({pred['band']}); "
                                                       "record AGREE instead")
    elif professional_band is not None and professional_band != pred["band"]:
        raise ValidationError("professional_band", "differs from the model's band; record "
                                                   "OVERRIDE with a reason instead")
    return uow.insert(scoring_decision, dict(
        person_id=pred["person_id"], prediction_log_id=prediction_id, decision=decision,
        professional_band=professional_band if decision == "OVERRIDE" else None,
        reason=text, decided_by=uow.actor.username, decided_at=uow.now,
    ))


def current_decision(uow: UnitOfWork, prediction_id: str) -> dict[str, Any] | None:
    """The latest decision on a prediction, or None if nobody has decided yet."""
    rows = uow.rows(
        select(scoring_decision)
        .where(scoring_decision.c.prediction_log_id == prediction_id,
               scoring_decision.c.voided_at.is_(None))
        .order_by(scoring_decision.c.decided_at.desc(), scoring_decision.c.id.desc())
        .limit(1))
    return rows[0] if rows else None


def final_band(uow: UnitOfWork, prediction_id: str) -> str | None:
    """The band the professional settled on; None while no decision is recorded."""
    decision = current_decision(uow, prediction_id)
    if decision is None:
        return None
    if decision["decision"] == "OVERRIDE":
        return decision["professional_band"]
    return uow.get(prediction_log, prediction_id)["band"]


def predictions_for(uow: UnitOfWork, person_id: str) -> list[dict[str, Any]]:
    """A person's logged predictions, newest first, each with its current decision.

    Reading them is a consultation of assessment records, so each one read is
    audited (DPA 2018 s.62) in the caller's unit of work.
    """
    rows = uow.rows(select(prediction_log)
                    .where(prediction_log.c.person_id == person_id,
                           prediction_log.c.voided_at.is_(None))
                    .order_by(prediction_log.c.scored_at.desc(), prediction_log.c.id.desc()))
    for row in rows:
        row["decision"] = current_decision(uow, row["id"])
        uow.viewed(prediction_log, row["id"], "prediction")
    return rows
