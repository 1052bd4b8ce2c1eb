"""Offences, charges and sentences.

An offence (what was done, with its OGRS3 category) leads to charges (where
and when it was charged, and the outcome), and a conviction to a sentence
on a custody episode. Dates must run in order: committed, charged, outcome,
sentenced, started; none in the future except a sentence's start, which may
be set for a consecutive sentence.

Determinate sentence types (those with a `release_fraction` in the
reference data) need a length in days; indeterminate ones (life, IPP) have
no fixed length, but if one is given it must be positive.
"""
from __future__ import annotations

from typing import Any

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import charge, custody_episode, offence, person, sentence
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork


def record_offence(uow: UnitOfWork, *, person_id: Any, code: Any, description: Any,
                   category: Any, committed_on: Any = None,
                   custody_episode_id: Any = None) -> dict[str, Any]:
    """Record an offence a person is accused or convicted of."""
    who = _person(uow, person_id)
    code = checks.text(code, "code", max_len=40).upper()
    text = checks.text(description, "description", max_len=2000)
    uow.codes.require("offence_category", category, "category")
    when = checks.date(committed_on, "committed_on", required=False)
    checks.not_future(when, uow.now, "committed_on")
    checks.not_before(when, who["date_of_birth"], "committed_on", "the date of birth")
    if custody_episode_id:
        _episode_of(uow, custody_episode_id, who["id"])
    return uow.insert(offence, dict(
        person_id=who["id"], custody_episode_id=custody_episode_id or None, code=code,
        description=text, category=category, committed_on=when))


def record_charge(uow: UnitOfWork, *, offence_id: Any, court: Any, charged_on: Any,
                  outcome: Any = None, outcome_on: Any = None) -> dict[str, Any]:
    """Record a charge for an offence at a court, with its outcome if known."""
    if not offence_id:
        raise ValidationError("offence_id", "is required")
    off = uow.get(offence, offence_id, field="offence_id")
    where = checks.text(court, "court")
    when = checks.date(charged_on, "charged_on")
    checks.not_future(when, uow.now, "charged_on")
    checks.not_before(when, off["committed_on"], "charged_on", "the offence")
    result, result_on = _outcome(uow, outcome, outcome_on, when)
    return uow.insert(charge, dict(
        person_id=off["person_id"], offence_id=off["id"], court=where, charged_on=when,
        outcome=result, outcome_on=result_on))


def set_charge_outcome(uow: UnitOfWork, *, charge_id: Any, outcome: Any,
                       outcome_on: Any) -> dict[str, Any]:
    """Record the outcome of a charge (convicted, acquitted...) and its date."""
    if not charge_id:
        raise ValidationError("charge_id", "is required")
    row = uow.get(charge, charge_id, field="charge_id")
    if outcome is None:
        raise ValidationError("outcome", "is required")
    result, result_on = _outcome(uow, outcome, outcome_on, row["charged_on"])
    if result_on is None:
        raise ValidationError("outcome_on", "is required")
    return uow.update(charge, row["id"], {"outcome": result, "outcome_on": result_on})


def record_sentence(uow: UnitOfWork, *, custody_episode_id: Any, sentence_type: Any,
                    start_date: Any, court: Any, sentenced_on: Any, length_days: Any = None,
                    charge_id: Any = None) -> dict[str, Any]:
    """Record a sentence passed on a person, on their custody episode."""
    if not custody_episode_id:
        raise ValidationError("custody_episode_id", "is required")
    ep = uow.get(custody_episode, custody_episode_id, field="custody_episode_id")
    kind = uow.codes.require("sentence_type", sentence_type, "sentence_type")
    determinate = kind.attributes.get("release_fraction") is not None
    days = checks.integer(length_days, "length_days", minimum=1, required=determinate)
    where = checks.text(court, "court")
    passed = checks.date(sentenced_on, "sentenced_on")
    checks.not_future(passed, uow.now, "sentenced_on")
    start = checks.date(start_date, "start_date")
    checks.not_before(start, passed, "start_date", "the date of sentence")
    if charge_id:
        ch = uow.get(charge, charge_id, field="charge_id")
        if ch["person_id"] != ep["person_id"]:
            raise RuleViolation("charge_id", "is a charge of another person")
        checks.not_before(passed, ch["charged_on"], "sentenced_on", "the charge")
    return uow.insert(sentence, dict(
        person_id=ep["person_id"], custody_episode_id=ep["id"], charge_id=charge_id or None,
        sentence_type=sentence_type, length_days=days, start_date=start, court=where,
        sentenced_on=passed, facility=ep["facility"]))


def _person(uow: UnitOfWork, person_id: Any) -> dict[str, Any]:
    if not person_id:
        raise ValidationError("person_id", "is required")
    return uow.get(person, person_id, field="person_id")


def _episode_of(uow: UnitOfWork, custody_episode_id: Any, person_id: str) -> dict[str, Any]:
    ep = uow.get(custody_episode, custody_episode_id, field="custody_episode_id")
    if ep["person_id"] != person_id:
        raise RuleViolation("custody_episode_id", "is a custody episode of another person")
    return ep


def _outcome(uow: UnitOfWork, outcome: Any, outcome_on: Any, charged_on) -> tuple[Any, Any]:
    result_on = checks.date(outcome_on, "outcome_on", required=False)
    if outcome is None:
        if result_on is not None:
            raise ValidationError("outcome", "is required when outcome_on is given")
        return None, None
    uow.codes.require("charge_outcome", outcome, "outcome")
    checks.not_future(result_on, uow.now, "outcome_on")
    checks.not_before(result_on, charged_on, "outcome_on", "the charge")
    return outcome, result_on
