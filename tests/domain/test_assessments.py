import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, StaleRecord, ValidationError
from app.core.schema import assessment
from app.domain import assessments as S
from app.storage.unit_of_work import Actor
from tests.domain.regime_support import NOW, new_person, refused, run, snapshot

PSY = Actor("psy1", "MDI", ("psychologist",))
SUPER = Actor("super1", "MDI", ("supervisor",))
SCORES = {"p1": 0.81, "p2": 0.90, "band": "VERY_HIGH"}


@pytest.fixture
def psy(replica):
    return lambda fn, **kw: run(replica, PSY, fn, **kw)


@pytest.fixture
def person_id(replica, officer):
    return new_person(replica, officer)


def _stored(replica, assessment_id):
    with replica.reader.connect() as conn:
        return dict(conn.execute(select(assessment).where(
            assessment.c.id == assessment_id)).mappings().one())


def _completed(psy, person_id, answers=None):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="ogrs3",
                instrument_version="3.0", answers=answers or {"sex": "M", "prev": 25})
    return psy(S.complete, assessment_id=draft["id"], scores=SCORES)


def test_draft_is_saved_continuously_then_completed(psy, replica, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="ogrs3",
                instrument_version="3.0")
    assert (draft["status"], draft["assessor"], draft["answers"]) == ("DRAFT", "psy1", {})
    psy(S.save_answers, assessment_id=draft["id"], answers={"sex": "M", "prev": 3})
    saved = psy(S.save_answers, assessment_id=draft["id"], answers={"prev": 25, "sex": None,
                                                                    "offence": "robbery"})
    assert saved["answers"] == {"prev": 25, "offence": "robbery"}  # merged; None clears
    done = run(replica, PSY, S.complete, now=NOW + dt.timedelta(hours=2),
               assessment_id=draft["id"], scores=SCORES)
    stored = _stored(replica, draft["id"])
    assert stored["status"] == "COMPLETED" and stored["scores"] == SCORES
    assert stored["completed_at"] == NOW + dt.timedelta(hours=2) == done["completed_at"]


def test_saving_over_someone_elses_newer_save_is_refused(psy, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="ogrs3",
                instrument_version="3.0")
    psy(S.save_answers, assessment_id=draft["id"], answers={"a": 1}, expected_version=1)
    with pytest.raises(StaleRecord):
        psy(S.save_answers, assessment_id=draft["id"], answers={"a": 2}, expected_version=1)


@pytest.mark.parametrize("kw,field,reason", [
    (dict(instrument_id=" "), "instrument_id", "is required"),
    (dict(instrument_version=None), "instrument_version", "is required"),
    (dict(person_id="nobody"), "person_id", "no person"),
    (dict(answers=["a"]), "answers", "must be a mapping"),
    (dict(answers={"q": float("nan")}), "answers.q", "must be a finite number"),
    (dict(answers={"q": object()}), "answers.q", "must be text, a number"),
])
def test_bad_draft_names_the_field_and_writes_nothing(psy, replica, person_id, kw, field, reason):
    args = dict(person_id=person_id, instrument_id="ogrs3", instrument_version="3.0")
    args.update(kw)
    refused(replica, psy, S.start_draft, field, reason, **args)


def test_completing_needs_answers_and_scores(psy, replica, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="ogrs3",
                instrument_version="3.0")
    refused(replica, psy, S.complete, "answers", "needs its answers", RuleViolation,
            assessment_id=draft["id"], scores=SCORES)
    psy(S.save_answers, assessment_id=draft["id"], answers={"sex": "F"})
    refused(replica, psy, S.complete, "scores", "non-empty mapping",
            assessment_id=draft["id"], scores={})
    refused(replica, psy, S.complete, "scores.p1", "finite", assessment_id=draft["id"],
            scores={"p1": float("inf")})


def test_a_completed_assessment_can_never_be_edited(psy, replica, person_id):
    done = _completed(psy, person_id)
    original = _stored(replica, done["id"])
    refused(replica, psy, S.save_answers, "assessment_id", "can no longer be changed",
            RuleViolation, assessment_id=done["id"], answers={"prev": 0})
    refused(replica, psy, S.complete, "assessment_id", "can no longer be changed",
            RuleViolation, assessment_id=done["id"], scores={"p1": 0.1})
    refused(replica, psy, S.discard_draft, "assessment_id", "can no longer be changed",
            RuleViolation, assessment_id=done["id"], reason="oops")
    run(replica, SUPER, S.countersign, assessment_id=done["id"])
    refused(replica, psy, S.save_answers, "assessment_id", "countersigned and can no longer",
            RuleViolation, assessment_id=done["id"], answers={"prev": 0})
    stored = _stored(replica, done["id"])
    assert (stored["answers"], stored["scores"], stored["completed_at"]) == (
        original["answers"], original["scores"], original["completed_at"])


def test_countersign_by_a_supervisor_who_is_not_the_assessor(psy, replica, person_id):
    done = _completed(psy, person_id)
    refused(replica, psy, S.countersign, "countersigned_by", "only a supervisor",
            RuleViolation, assessment_id=done["id"])
    own = Actor("psy1", "MDI", ("psychologist", "supervisor"))
    refused(replica, lambda fn, **kw: run(replica, own, fn, **kw), S.countersign,
            "countersigned_by", "cannot countersign their own", RuleViolation,
            assessment_id=done["id"])
    row = run(replica, SUPER, S.countersign, assessment_id=done["id"])
    assert (row["status"], row["countersigned_by"], row["countersigned_at"]) == (
        "COUNTERSIGNED", "super1", NOW)
    refused(replica, lambda fn, **kw: run(replica, SUPER, fn, **kw), S.countersign,
            "assessment_id", "only a completed assessment", RuleViolation,
            assessment_id=done["id"])


def test_a_draft_cannot_be_countersigned(psy, replica, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="x", instrument_version="1")
    refused(replica, lambda fn, **kw: run(replica, SUPER, fn, **kw), S.countersign,
            "assessment_id", "(this one is draft)", RuleViolation, assessment_id=draft["id"])


def test_correction_is_a_new_version_and_leaves_the_original_unchanged(psy, replica, person_id):
    done = _completed(psy, person_id)
    original = _stored(replica, done["id"])
    refused(replica, psy, S.correct, "correction_reason", "is required",
            assessment_id=done["id"], reason=" ")
    fix = psy(S.correct, assessment_id=done["id"], reason="Previous sanctions miscounted")
    assert (fix["status"], fix["supersedes_id"], fix["answers"]) == (
        "DRAFT", done["id"], original["answers"])
    # until the correction is completed, the original is still the current assessment
    assert [a["id"] for a in psy(S.current_for, person_id=person_id)] == [done["id"]]
    assert [a["id"] for a in psy(S.drafts_for, person_id=person_id)] == [fix["id"]]
    refused(replica, psy, S.correct, "assessment_id", "already corrected by", RuleViolation,
            assessment_id=done["id"], reason="again")

    psy(S.save_answers, assessment_id=fix["id"], answers={"prev": 12})
    psy(S.complete, assessment_id=fix["id"], scores={"p1": 0.6, "p2": 0.7, "band": "MEDIUM"})
    assert [a["id"] for a in psy(S.current_for, person_id=person_id)] == [fix["id"]]
    history = psy(S.history, person_id=person_id)
    assert [(h.assessment["id"], h.superseded_by, h.current) for h in history] == [
        (done["id"], fix["id"], False), (fix["id"], None, True)]
    assert _stored(replica, done["id"]) == original
    refused(replica, lambda fn, **kw: run(replica, SUPER, fn, **kw), S.countersign,
            "assessment_id", "countersign the correction instead", RuleViolation,
            assessment_id=done["id"])
    assert run(replica, SUPER, S.countersign, assessment_id=fix["id"])["status"] == \
        "COUNTERSIGNED"


def test_a_draft_is_edited_not_corrected(psy, replica, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="x", instrument_version="1")
    refused(replica, psy, S.correct, "assessment_id", "a draft is edited", RuleViolation,
            assessment_id=draft["id"], reason="typo")


def test_a_discarded_correction_frees_the_original_for_another(psy, person_id):
    done = _completed(psy, person_id)
    fix = psy(S.correct, assessment_id=done["id"], reason="wrong offence")
    psy(S.discard_draft, assessment_id=fix["id"], reason="started on the wrong record")
    assert psy(S.drafts_for, person_id=person_id) == []
    again = psy(S.correct, assessment_id=done["id"], reason="wrong offence")
    assert again["supersedes_id"] == done["id"]


def test_current_assessments_per_instrument(psy, person_id, replica, officer):
    ogrs = _completed(psy, person_id)
    draft = psy(S.start_draft, person_id=person_id, instrument_id="psa", instrument_version="1")
    other_person = new_person(replica, officer)
    _completed(psy, other_person)
    assert [a["id"] for a in psy(S.current_for, person_id=person_id)] == [ogrs["id"]]
    assert psy(S.current_for, person_id=person_id, instrument_id="psa") == []
    psy(S.save_answers, assessment_id=draft["id"], answers={"age": 30})
    psy(S.complete, assessment_id=draft["id"], scores={"fta": 2})
    assert len(psy(S.current_for, person_id=person_id)) == 2


def test_nothing_written_when_completing_with_bad_scores(psy, replica, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="x", instrument_version="1",
                answers={"q": 1})
    before = snapshot(replica)
    with pytest.raises(ValidationError, match="scores"):
        psy(S.complete, assessment_id=draft["id"], scores=["not", "a", "mapping"])
    assert snapshot(replica) == before and _stored(replica, draft["id"])["status"] == "DRAFT"


def test_a_role_that_may_not_read_answers_cannot_record_them(replica, officer, psy, person_id):
    draft = psy(S.start_draft, person_id=person_id, instrument_id="x", instrument_version="1")
    as_officer = lambda fn, **kw: run(replica, officer, fn, **kw)  # noqa: E731
    refused(replica, as_officer, S.start_draft, "assessor", "may not record", RuleViolation,
            person_id=person_id, instrument_id="x", instrument_version="1")
    refused(replica, as_officer, S.save_answers, "assessor", "may not record", RuleViolation,
            assessment_id=draft["id"], answers={"q": 1})
