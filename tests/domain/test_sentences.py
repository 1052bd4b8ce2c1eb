import datetime as dt

import pytest

from app.core.errors import RuleViolation, ValidationError
from app.domain import sentences


def _offence(housing, pid, **kw):
    args = dict(person_id=pid, code="th68001", description="Theft from a shop",
                category="theft_non_motor", committed_on="2025-11-02")
    args.update(kw)
    return housing.run(sentences.record_offence, **args)


def _charge(housing, offence, **kw):
    args = dict(offence_id=offence, court="Leeds Magistrates", charged_on="2025-11-03")
    args.update(kw)
    return housing.run(sentences.record_charge, **args)


def test_offence_charge_and_sentence_are_recorded_in_order(housing):
    pid = housing.person()
    ep = housing.admit(pid, "A2-01", legal_status="CONVICTED_UNSENTENCED")
    off = _offence(housing, pid, custody_episode_id=ep["id"])
    assert (off["code"], off["category"], off["committed_on"], off["custody_episode_id"]) == (
        "TH68001", "theft_non_motor", dt.date(2025, 11, 2), ep["id"])
    ch = _charge(housing, off["id"])
    assert (ch["person_id"], ch["outcome"], ch["outcome_on"]) == (pid, None, None)
    ch = housing.run(sentences.set_charge_outcome, charge_id=ch["id"], outcome="CONVICTED",
                     outcome_on="2026-02-20")
    assert (ch["outcome"], ch["outcome_on"]) == ("CONVICTED", dt.date(2026, 2, 20))
    sen = housing.run(sentences.record_sentence, custody_episode_id=ep["id"],
                      sentence_type="SDS", length_days=180, start_date="2026-02-27",
                      court="Leeds Crown Court", sentenced_on="2026-02-27", charge_id=ch["id"])
    assert (sen["person_id"], sen["length_days"], sen["start_date"], sen["court"],
            sen["charge_id"]) == (pid, 180, dt.date(2026, 2, 27), "Leeds Crown Court", ch["id"])


def test_an_indeterminate_sentence_needs_no_length(housing):
    ep = housing.admit(housing.person(), "A2-01")
    sen = housing.run(sentences.record_sentence, custody_episode_id=ep["id"],
                      sentence_type="LIFE", start_date="2026-02-27", court="Old Bailey",
                      sentenced_on="2026-02-27")
    assert sen["length_days"] is None


@pytest.mark.parametrize("changes,field,reason", [
    ({"category": "arson_of_the_heart"}, "category", "not a valid offence_category"),
    ({"category": None}, "category", "is required"),
    ({"description": ""}, "description", "is required"),
    ({"code": None}, "code", "is required"),
    ({"committed_on": "2026-03-03"}, "committed_on", "in the future"),
    ({"committed_on": "1970-01-01"}, "committed_on", "date of birth"),
    ({"custody_episode_id": "EP?"}, "custody_episode_id", "no custody episode"),
    ({"person_id": None}, "person_id", "is required"),
])
def test_bad_offence_names_the_field_and_writes_nothing(housing, writes_nothing, changes,
                                                        field, reason):
    pid = housing.person()
    with writes_nothing(), pytest.raises(ValidationError) as err:
        _offence(housing, pid, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_an_offence_cannot_sit_on_someone_elses_episode(housing, writes_nothing):
    ep = housing.admit(housing.person(), "A2-01")
    other = housing.person()
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        _offence(housing, other, custody_episode_id=ep["id"])
    assert err.value.field == "custody_episode_id"


@pytest.mark.parametrize("changes,field,reason", [
    ({"court": " "}, "court", "is required"),
    ({"charged_on": None}, "charged_on", "is required"),
    ({"charged_on": "2025-11-01"}, "charged_on", "before the offence"),
    ({"charged_on": "2026-03-03"}, "charged_on", "in the future"),
    ({"outcome": "MAYBE"}, "outcome", "not a valid charge_outcome"),
    ({"outcome_on": "2026-01-01"}, "outcome", "required when outcome_on"),
    ({"outcome": "ACQUITTED", "outcome_on": "2025-11-01"}, "outcome_on", "before the charge"),
    ({"offence_id": "x"}, "offence_id", "no offence with id"),
])
def test_bad_charge_names_the_field_and_writes_nothing(housing, writes_nothing, changes, field,
                                                       reason):
    off = _offence(housing, housing.person())
    with writes_nothing(), pytest.raises(ValidationError) as err:
        _charge(housing, off["id"], **changes)
    assert err.value.field == field and reason in err.value.reason


def test_charge_outcome_needs_a_date_in_order(housing, writes_nothing):
    ch = _charge(housing, _offence(housing, housing.person())["id"])
    for kw, field in (({"outcome_on": None}, "outcome_on"), ({"outcome": None}, "outcome"),
                      ({"outcome_on": "2026-04-01"}, "outcome_on")):
        with writes_nothing(), pytest.raises(ValidationError) as err:
            housing.run(sentences.set_charge_outcome, charge_id=ch["id"],
                        **{"outcome": "CONVICTED", "outcome_on": "2026-01-10", **kw})
        assert err.value.field == field


@pytest.mark.parametrize("changes,field,reason", [
    ({"length_days": 0}, "length_days", "at least 1"),
    ({"length_days": -30}, "length_days", "at least 1"),
    ({"length_days": None}, "length_days", "is required"),
    ({"length_days": 1.5}, "length_days", "whole number"),
    ({"sentence_type": "LIFE", "length_days": 0}, "length_days", "at least 1"),
    ({"sentence_type": "FINE"}, "sentence_type", "not a valid sentence_type"),
    ({"start_date": "2026-02-26"}, "start_date", "before the date of sentence"),
    ({"sentenced_on": "2026-03-03", "start_date": "2026-03-03"}, "sentenced_on", "future"),
    ({"sentenced_on": "2025-11-01", "start_date": "2025-11-01"}, "sentenced_on",
     "before the charge"),
    ({"court": None}, "court", "is required"),
    ({"custody_episode_id": None}, "custody_episode_id", "is required"),
])
def test_bad_sentence_names_the_field_and_writes_nothing(housing, writes_nothing, changes,
                                                         field, reason):
    pid = housing.person()
    ep = housing.admit(pid, "A2-01")
    ch = _charge(housing, _offence(housing, pid)["id"])
    args = dict(custody_episode_id=ep["id"], sentence_type="SDS", length_days=90,
                start_date="2026-02-27", court="Leeds Crown Court", sentenced_on="2026-02-27",
                charge_id=ch["id"])
    args.update(changes)
    with writes_nothing(), pytest.raises(ValidationError) as err:
        housing.run(sentences.record_sentence, **args)
    assert err.value.field == field and reason in err.value.reason


def test_a_sentence_cannot_use_another_persons_charge(housing, writes_nothing):
    ep = housing.admit(housing.person(), "A2-01")
    ch = _charge(housing, _offence(housing, housing.person())["id"])
    with writes_nothing(), pytest.raises(RuleViolation) as err:
        housing.run(sentences.record_sentence, custody_episode_id=ep["id"], sentence_type="SDS",
                    length_days=90, start_date="2026-02-27", court="Leeds Crown Court",
                    sentenced_on="2026-02-27", charge_id=ch["id"])
    assert err.value.field == "charge_id" and "another person" in err.value.reason
