"""Scoring on the device: every prediction logged (outbox + audit), decisions kept apart."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import prediction_log, scoring_decision
from app.domain.people import create_person
from app.scoring import instruments, predictions, sessions
from app.storage.local_tables import audit_log, outbox
from app.storage.unit_of_work import Actor
from tests.support import outbox_and_audit, table_count

WORKED = dict(sex="M", birth_date="1989-04-22", conviction_date="2013-02-20",
              first_sanction_date="2001-09-10", assessment_date="2013-03-31",
              previous_sanctions=25, offence_category="taking_driving_away")


@pytest.fixture
def psychologist():
    return Actor("psych1", "MDI", ("psychologist",))


@pytest.fixture
def person_id(act):
    return act(create_person, first_name="Dean", last_name="Marsh",
               date_of_birth="1989-04-22", sex="M")["id"]


@pytest.fixture
def ogrs3_inst():
    return instruments.load("ogrs3", 1)


@pytest.fixture
def scored(act, psychologist, person_id, ogrs3_inst):
    return act(predictions.score_and_log, actor=psychologist, person_id=person_id,
               instrument=ogrs3_inst, answers=WORKED)


def test_score_comes_with_band_inputs_factors_and_limits(scored):
    assert scored["band"] == "HIGH"
    assert scored["outputs"]["p2"] == pytest.approx(0.8984865665141756, abs=1e-12)
    assert scored["inputs"]["offence_category"] == "taking_driving_away"
    assert scored["derived"] == {"age_conv": 23, "age_first": 12, "age_assess": 23,
                                 "previous_sanctions_used": 25}
    # Largest influence first: being 21-24 and male lowers the estimate most.
    first = scored["main_factors"][0]
    assert (first["factor"], first["direction"]) == ("age_sex", "lowers")
    assert first["values"] == {"age_assess": 23, "sex": "M"}
    assert len(scored["main_factors"]) == 3
    assert any("England and Wales" in limit for limit in scored["limits"])
    assert scored["thresholds"]["version"] == "ogrs3@1" and scored["model"]["type"] == "STATIC"
    assert "disregard" in scored["disregard"]


def test_prediction_is_logged_with_model_hash_and_synced(replica, scored, person_id):
    with replica.reader.connect() as conn:
        row = conn.execute(select(prediction_log)).mappings().one()
    model_file = sessions.model_path("ogrs3").read_bytes()
    assert row["id"] == scored["prediction_id"] and row["person_id"] == person_id
    assert (row["instrument_id"], row["instrument_version"]) == ("ogrs3", "1")
    assert (row["model_id"], row["model_version"]) == ("ogrs3", "1")
    assert row["model_sha256"] == hashlib.sha256(model_file).hexdigest()
    assert row["inputs"]["birth_date"] == "1989-04-22" and row["inputs"]["age_assess"] == 23
    assert row["outputs"]["p1"] == pytest.approx(0.8117432421743183, abs=1e-12)
    assert set(row["outputs"]["contributions"]) == {"copas", "previous", "age_sex", "offence"}
    assert row["band"] == "HIGH"
    assert (row["scored_by"], row["created_by"]) == ("psych1", "psych1")
    assert row["scored_at"].tzinfo is not None
    with replica.reader.connect() as conn:
        queued = conn.execute(select(outbox).where(outbox.c.table_name == "prediction_log")).mappings().all()
        audited = conn.execute(select(audit_log).where(audit_log.c.table_name == "prediction_log")).mappings().all()
    assert [(q["row_id"], q["op"], q["status"]) for q in queued] == [(row["id"], "insert", "PENDING")]
    assert queued[0]["changes"]["model_sha256"][1] == row["model_sha256"]
    assert [(a["row_id"], a["action"], a["username"]) for a in audited] == [(row["id"], "INSERT", "psych1")]


def test_a_score_never_fills_in_a_decision(act, replica, scored):
    assert table_count(replica, scoring_decision) == 0
    assert act(predictions.final_band, scored["prediction_id"]) is None
    assert act(predictions.current_decision, scored["prediction_id"]) is None


def test_prediction_log_is_append_only(act, scored):
    with pytest.raises(RuleViolation) as err:
        act(lambda uow: uow.update(prediction_log, scored["prediction_id"], {"band": "LOW"}))
    assert "cannot be edited" in err.value.reason


def test_agree_records_the_decision_apart_from_the_score(act, replica, psychologist, scored):
    before = outbox_and_audit(replica)
    row = act(predictions.record_decision, actor=psychologist,
              prediction_id=scored["prediction_id"], decision="AGREE")
    assert (row["decision"], row["professional_band"], row["decided_by"]) == ("AGREE", None, "psych1")
    assert act(predictions.final_band, scored["prediction_id"]) == "HIGH"
    after = outbox_and_audit(replica)
    assert (after[0] - before[0], after[1] - before[1]) == (1, 1)


@pytest.mark.parametrize("kw,field,reason", [
    (dict(decision="OVERRIDE", professional_band="MEDIUM"), "reason", "is required"),
    (dict(decision="OVERRIDE", professional_band="MEDIUM", reason="   "), "reason", "is required"),
    (dict(decision="OVERRIDE", professional_band="MEDIUM", reason="disagree"), "reason", "at least 20"),
    (dict(decision="OVERRIDE", reason="Long stable employment since release not captured."),
     "professional_band", "needs your own band"),
    (dict(decision="OVERRIDE", professional_band="HIGH",
          reason="Long stable employment since release not captured."), "professional_band",
     "record AGREE instead"),
    (dict(decision="OVERRIDE", professional_band="GREEN",
          reason="Long stable employment since release not captured."), "professional_band",
     "is not one of"),
    (dict(decision="AGREE", professional_band="LOW"), "professional_band", "record OVERRIDE"),
    (dict(decision="MAYBE"), "decision", "is not AGREE or OVERRIDE"),
    (dict(decision=None), "decision", "is not AGREE or OVERRIDE"),
])
def test_override_needs_a_reason_and_a_band(act, replica, psychologist, scored, kw, field, reason):
    before = outbox_and_audit(replica)
    with pytest.raises(ValidationError) as err:
        act(predictions.record_decision, actor=psychologist,
            prediction_id=scored["prediction_id"], **kw)
    assert err.value.field == field and reason in err.value.reason
    assert table_count(replica, scoring_decision) == 0
    assert outbox_and_audit(replica) == before


def test_override_with_reason_sets_the_final_band(act, psychologist, scored):
    reason = "Twelve years without a sanction since the last conviction; static history overstates risk."
    row = act(predictions.record_decision, actor=psychologist, prediction_id=scored["prediction_id"],
              decision="OVERRIDE", professional_band="MEDIUM", reason=f"  {reason}  ")
    assert (row["decision"], row["professional_band"], row["reason"]) == ("OVERRIDE", "MEDIUM", reason)
    assert act(predictions.final_band, scored["prediction_id"]) == "MEDIUM"
    # A changed mind is a new decision; the latest stands and both are kept.
    act(predictions.record_decision, actor=psychologist, prediction_id=scored["prediction_id"],
        decision="AGREE")
    assert act(predictions.final_band, scored["prediction_id"]) == "HIGH"
    history = act(predictions.predictions_for, row["person_id"])
    assert history[0]["decision"]["decision"] == "AGREE"


def test_reading_a_persons_predictions_is_audited(act, replica, psychologist, scored, person_id):
    history = act(predictions.predictions_for, person_id, actor=psychologist)
    assert [h["id"] for h in history] == [scored["prediction_id"]]
    assert history[0]["decision"] is None
    with replica.reader.connect() as conn:
        views = conn.execute(select(audit_log).where(audit_log.c.action == "VIEW")).mappings().all()
    assert [(v["row_id"], v["username"], v["table_name"]) for v in views] == [
        (scored["prediction_id"], "psych1", "prediction_log")]


def test_the_database_refuses_an_override_without_reason(act, replica, scored, person_id):
    """Even a write that bypasses record_decision cannot store an unreasoned override."""
    with pytest.raises(RuleViolation, match="override_reasoned"):
        act(lambda uow: uow.insert(scoring_decision, dict(
            person_id=person_id, prediction_log_id=scored["prediction_id"], decision="OVERRIDE",
            professional_band="LOW", reason=None, decided_by="x", decided_at=uow.now)))
    assert table_count(replica, scoring_decision) == 0


def test_only_roles_that_complete_the_instrument_may_score_or_decide(act, replica, officer,
                                                                      person_id, ogrs3_inst, scored):
    with pytest.raises(RuleViolation) as err:
        act(predictions.score_and_log, actor=officer, person_id=person_id,
            instrument=ogrs3_inst, answers=WORKED)
    assert err.value.field == "role"
    with pytest.raises(RuleViolation):
        act(predictions.record_decision, actor=officer, prediction_id=scored["prediction_id"],
            decision="AGREE")
    assert table_count(replica, prediction_log) == 1


def test_bad_input_is_named_and_nothing_is_logged(act, replica, psychologist, person_id, ogrs3_inst):
    before = outbox_and_audit(replica)
    with pytest.raises(ValidationError) as err:
        act(predictions.score_and_log, actor=psychologist, person_id=person_id,
            instrument=ogrs3_inst, answers={**WORKED, "assessment_date": "2013-01-01"})
    assert err.value.field == "assessment_date"
    with pytest.raises(ValidationError) as err:
        act(predictions.score_and_log, actor=psychologist, person_id="no-such-person",
            instrument=ogrs3_inst, answers=WORKED)
    assert err.value.field == "person_id"
    assert table_count(replica, prediction_log) == 0 and outbox_and_audit(replica) == before


def test_professional_judgements_are_not_predictions(act, psychologist, person_id):
    with pytest.raises(RuleViolation) as err:
        act(predictions.score_and_log, actor=psychologist, person_id=person_id,
            instrument=instruments.load("extremism_spj"), answers={})
    assert "professional judgement" in err.value.reason
