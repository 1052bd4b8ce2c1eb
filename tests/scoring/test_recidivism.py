"""Batch scoring with recidivism_general: probabilities, bands, explanations and per-record
errors, through the verified shipped model."""
from __future__ import annotations

import math

import numpy as np
import pytest

from app.scoring.recidivism import FIELDS, band_of, score_records
from app.scoring.registry import ModelRefused, load_model


def person(**changes) -> dict:
    base = {"id": "A-1", "age": 30, "sex": "M", "priors_count": 2, "juv_fel_count": 0,
            "juv_misd_count": 0, "juv_other_count": 0, "charge_degree": "F"}
    base.update(changes)
    return base


@pytest.fixture(scope="module")
def model():
    return load_model("recidivism_general")


def test_each_score_has_probability_band_and_contributions(model):
    [result] = score_records([person()], model=model)
    assert set(result) == {"id", "p", "band", "contributions"}
    assert result["id"] == "A-1"
    assert 0 < result["p"] < 1
    assert result["band"] == band_of(np.array([result["p"]]), model.entry["bands"])[0]
    assert list(result["contributions"]) == list(FIELDS)


def test_contributions_and_the_card_intercept_reproduce_the_probability(model):
    intercept = model.card["parameters"]["intercept"]
    people = [person(age=a, priors_count=p, sex=s, charge_degree=c)
              for a, p, s, c in [(19, 0, "F", "M"), (45, 12, "M", "F"), (70, 1, "M", "M")]]
    for result in score_records(people, model=model):
        logit = math.log(result["p"] / (1 - result["p"]))
        assert logit == pytest.approx(intercept + sum(result["contributions"].values()),
                                      abs=1e-9)


def test_the_score_moves_the_way_the_card_says(model):
    young_many, old_few = score_records(
        [person(id=1, age=20, priors_count=10), person(id=2, age=60, priors_count=0)],
        model=model)
    assert young_many["p"] > old_few["p"]
    assert young_many["contributions"]["priors_count"] > 0 > old_few["contributions"]["age"]


def test_a_bad_record_gets_an_error_naming_the_field_and_the_others_are_scored(model):
    records = [
        person(id=1),
        person(id=2, age="30"),
        person(id=3, priors_count=2.5),
        person(id=4, sex="X"),
        person(id=5, age=17),
        {"id": 6, "age": 30},
        person(id=7, juv_fel_count=True),
        person(id=8, charge_degree="O"),
        "not an object",
        person(id=10),
    ]
    results = score_records(records, model=model)
    assert [r.get("id") for r in results] == [1, 2, 3, 4, 5, 6, 7, 8, None, 10]
    errors = {r.get("id"): r["error"] for r in results if "error" in r}
    assert errors[2] == {"field": "age", "reason": "must be a whole number"}
    assert errors[3]["field"] == "priors_count"
    assert errors[4] == {"field": "sex", "reason": "must be F or M"}
    assert errors[5]["field"] == "age" and "range the model was trained on" in errors[5]["reason"]
    assert errors[6] == {"field": "sex", "reason": "is required"}
    assert errors[7]["field"] == "juv_fel_count"
    assert errors[8] == {"field": "charge_degree", "reason": "must be F or M"}
    assert errors[None]["field"] == "record"
    assert results[0]["p"] == results[9]["p"]


def test_race_and_other_extra_fields_never_change_a_score(model):
    plain, with_race = score_records([person(), person(race="African-American", name="x")],
                                     model=model)
    assert plain == with_race


def test_chunks_give_the_same_results_as_one_call(model):
    people = [person(id=i, age=18 + i, priors_count=i % 7) for i in range(25)]
    assert score_records(people, model=model, chunk_size=4) == score_records(people,
                                                                             model=model)


def test_bands_follow_the_documented_cut_points(model):
    p = np.array([0.0, 0.4999, 0.5, 0.7499, 0.75, 0.8999, 0.9, 1.0])
    assert band_of(p, model.entry["bands"]) == ["LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH",
                                                 "HIGH", "VERY_HIGH", "VERY_HIGH"]


def test_without_a_model_argument_the_verified_shipped_model_is_used():
    [result] = score_records([person()])
    assert 0 < result["p"] < 1


def test_a_model_with_other_inputs_is_refused_for_this_scorer():
    with pytest.raises(ModelRefused) as info:
        score_records([person()], model=load_model("ogrs3"))
    assert info.value.code == "incompatible"
