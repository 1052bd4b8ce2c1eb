"""OGRS3: the published worked example, hand-computed vectors, ONNX against Python."""
from __future__ import annotations

import math

import numpy as np
import pytest

from app.core.errors import ValidationError
from app.scoring import instruments, ogrs3

WORKED = dict(sex="M", birth_date="1989-04-22", conviction_date="2013-02-20",
              first_sanction_date="2001-09-10", assessment_date="2013-03-31",
              previous_sanctions=25, offence_category="taking_driving_away")

# Computed by hand from the DOMAIN.md formula and tables (ages, age band, terms).
VECTORS = [
    # no previous sanctions, female 50+, first sanction is the current conviction
    (dict(sex="F", birth_date="1960-05-10", conviction_date="2015-06-01",
          first_sanction_date="2015-06-01", assessment_date="2015-07-01",
          previous_sanctions=0, offence_category="fraud_forgery"),
     (55, 55, 55), 0.02552991252623361, 0.051033088042235115, "LOW"),
    # 60 previous sanctions are capped at 50; male 16-17
    (dict(sex="M", birth_date="2000-01-15", conviction_date="2017-03-01",
          first_sanction_date="2012-02-01", assessment_date="2017-04-01",
          previous_sanctions=60, offence_category="burglary_domestic"),
     (17, 12, 17), 0.9612529452354497, 0.9807409283665888, "VERY_HIGH"),
    # the day before the 21st birthday: still in the 18-20 band
    (dict(sex="M", birth_date="1995-06-15", conviction_date="2016-01-10",
          first_sanction_date="2010-01-01", assessment_date="2016-06-14",
          previous_sanctions=4, offence_category="violence"),
     (20, 14, 20), 0.4465240902146014, 0.6234971127510065, "MEDIUM"),
    # on the 21st birthday: the 21-24 band
    (dict(sex="M", birth_date="1995-06-15", conviction_date="2016-01-10",
          first_sanction_date="2010-01-01", assessment_date="2016-06-15",
          previous_sanctions=4, offence_category="violence"),
     (20, 14, 21), 0.3449897168845976, 0.5194918592462058, "MEDIUM"),
    # born on 29 February: not yet 21 on 28 February...
    (dict(sex="F", birth_date="2000-02-29", conviction_date="2019-05-01",
          first_sanction_date="2015-03-01", assessment_date="2021-02-28",
          previous_sanctions=3, offence_category="theft_non_motor"),
     (19, 15, 20), 0.5155015718368557, 0.6859321044930935, "MEDIUM"),
    # ...21 on 1 March
    (dict(sex="F", birth_date="2000-02-29", conviction_date="2019-05-01",
          first_sanction_date="2015-03-01", assessment_date="2021-03-01",
          previous_sanctions=3, offence_category="theft_non_motor"),
     (19, 15, 21), 0.4827614965189044, 0.6570469544468012, "MEDIUM"),
    # the youngest band (11 and under), female
    (dict(sex="F", birth_date="2010-01-01", conviction_date="2021-05-01",
          first_sanction_date="2020-06-01", assessment_date="2021-06-01",
          previous_sanctions=1, offence_category="robbery"),
     (11, 10, 11), 0.15616270301370827, 0.275295688573844, "LOW"),
]


@pytest.fixture(scope="module")
def inst():
    return instruments.load("ogrs3", 1)


@pytest.fixture(scope="module")
def scorer(inst):
    return ogrs3.scorer(inst)


def _inputs(inst, record):
    return ogrs3.parse_inputs(record, inst.model["coefficients"]["offence"])


def test_worked_example_python_and_onnx(inst, scorer):
    ref = ogrs3.reference(_inputs(inst, WORKED), inst.model["coefficients"])
    assert ref["p1"] == pytest.approx(0.8117432421743183, abs=1e-15)
    assert ref["p2"] == pytest.approx(0.8984865665141756, abs=1e-15)
    onnx_out = scorer.score(WORKED)
    assert onnx_out["p1"] == pytest.approx(0.8117432421743183, abs=1e-12)
    assert onnx_out["p2"] == pytest.approx(0.8984865665141756, abs=1e-12)
    assert onnx_out["band"] == "HIGH"  # 89.8% is in 75-89


@pytest.mark.parametrize("record,ages,p1,p2,band", VECTORS)
def test_hand_computed_vectors(inst, scorer, record, ages, p1, p2, band):
    parsed = _inputs(inst, record)
    assert (parsed.age_conv, parsed.age_first, parsed.age_assess) == ages
    ref = ogrs3.reference(parsed, inst.model["coefficients"])
    assert ref["p1"] == pytest.approx(p1, abs=1e-14)
    assert ref["p2"] == pytest.approx(p2, abs=1e-14)
    out = scorer.score(record)
    assert out["p1"] == pytest.approx(p1, abs=1e-12)
    assert out["p2"] == pytest.approx(p2, abs=1e-12)
    assert out["band"] == band


def test_contributions_reproduce_the_logits(scorer):
    for record in [WORKED] + [v[0] for v in VECTORS]:
        out = scorer.score(record)
        x = sum(out["contributions"].values())
        c = scorer.coefficients
        assert math.log(out["p1"] / (1 - out["p1"])) == pytest.approx(x + c["intercept_1y"], abs=1e-9)
        assert math.log(out["p2"] / (1 - out["p2"])) == pytest.approx(x + c["intercept_2y"], abs=1e-9)


def test_onnx_equals_python_on_many_people(inst, scorer):
    """10,000 generated people, scored in one ONNX call, against the reference formula."""
    rng = np.random.default_rng(7)
    codes = list(inst.model["coefficients"]["offence"])
    import datetime as dt

    records = []
    for _ in range(10_000):
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 60)))
        first = birth + dt.timedelta(days=int(rng.integers(366 * 10 + 3, 365 * 40)))
        conv = first + dt.timedelta(days=int(rng.integers(0, 365 * 15)))
        assess = conv + dt.timedelta(days=int(rng.integers(0, 900)))
        records.append(dict(sex="MF"[int(rng.integers(0, 2))], birth_date=birth.isoformat(),
                            conviction_date=conv.isoformat(), first_sanction_date=first.isoformat(),
                            assessment_date=assess.isoformat(),
                            previous_sanctions=int(rng.integers(0, 80)),
                            offence_category=codes[int(rng.integers(0, len(codes)))]))
    parsed = [_inputs(inst, r) for r in records]
    features = np.array([ogrs3.feature_row(p, scorer.offence_index) for p in parsed])
    out = scorer.run(features)
    ref = [ogrs3.reference(p, inst.model["coefficients"]) for p in parsed]
    assert np.max(np.abs(out["p1"] - [r["p1"] for r in ref])) < 1e-6
    assert np.max(np.abs(out["p2"] - [r["p2"] for r in ref])) < 1e-6
    ref_terms = np.array([[r["contributions"][t] for t in ogrs3.TERMS] for r in ref])
    assert np.max(np.abs(out["contributions"] - ref_terms)) < 1e-6
    assert scorer.bands(out["p2"]) == [scorer.band(r["p2"]) for r in ref]


@pytest.mark.parametrize("p2,band", [(0.4999, "LOW"), (0.50, "MEDIUM"), (0.7499, "MEDIUM"),
                                     (0.75, "HIGH"), (0.8999, "HIGH"), (0.90, "VERY_HIGH"),
                                     (0.0, "LOW"), (0.999, "VERY_HIGH")])
def test_bands_on_p2_percent(scorer, p2, band):
    assert scorer.band(p2) == band
    assert scorer.bands(np.array([p2])) == [band]


@pytest.mark.parametrize("change,field,reason", [
    (dict(sex="X"), "sex", "not M or F"),
    (dict(sex=None), "sex", "is required"),
    (dict(birth_date="22/04/1989"), "birth_date", "not a date"),
    (dict(conviction_date="2013-02-30"), "conviction_date", "not a date"),
    (dict(assessment_date=20130331), "assessment_date", "not a date"),
    (dict(previous_sanctions=-1), "previous_sanctions", "at least 0"),
    (dict(previous_sanctions=2.5), "previous_sanctions", "whole number"),
    (dict(previous_sanctions="25"), "previous_sanctions", "whole number"),
    (dict(offence_category="shoplifting"), "offence_category", "not an OGRS3 offence category"),
    (dict(first_sanction_date="2013-03-01"), "conviction_date", "before first_sanction_date"),
    (dict(assessment_date="2013-01-01"), "assessment_date", "before conviction_date"),
    (dict(first_sanction_date="1989-01-01"), "first_sanction_date", "before birth_date"),
    (dict(first_sanction_date="1998-09-10"), "first_sanction_date", "age of 9"),
])
def test_bad_inputs_name_the_field(inst, change, field, reason):
    with pytest.raises(ValidationError) as err:
        _inputs(inst, {**WORKED, **change})
    assert err.value.field == field
    assert reason in err.value.reason


def test_missing_input_is_named(inst):
    record = dict(WORKED)
    del record["first_sanction_date"]
    with pytest.raises(ValidationError) as err:
        _inputs(inst, record)
    assert (err.value.field, err.value.reason) == ("first_sanction_date", "is required")


def test_bulk_validation_accepts_and_refuses_exactly_what_one_by_one_does(inst, scorer):
    """The vectorised batch path and parse_inputs agree on every record, good or bad."""
    import random

    rng = random.Random(3)
    bad_values = {
        "sex": ["X", None, "", 1, ["M"], "m"],
        "birth_date": ["1989-02-30", "0000-01-01", "+989-04-22", "1899-12-31", "1989-4-22",
                       19890422, None, "1989-04-22T00:00", "2001-09-11"],
        "conviction_date": ["2013-13-01", "2000-01-01", "2013-02-29", None, "2013-02-20 "],
        "first_sanction_date": ["1999-04-21", "1999-04-22", "2013-02-21", "", "x" * 10],
        "assessment_date": ["2013-02-19", "2013-02-20", "2024-02-29", "2023-02-29"],
        "previous_sanctions": [-1, 2.5, "3", True, None, 0, 51, 10**6],
        "offence_category": ["x", None, ["violence"], "VIOLENCE", "other"],
    }
    records = []
    for _ in range(600):
        record = dict(WORKED)
        for _ in range(rng.choice([0, 1, 1, 2])):
            field = rng.choice(list(bad_values))
            if rng.random() < 0.1:
                record.pop(field, None)
            else:
                record[field] = rng.choice(bad_values[field])
        records.append(record)
    features, rows = ogrs3.features_bulk(records, scorer.offence_index)
    accepted = refused = 0
    for record, row in zip(records, rows):
        try:
            expected = ogrs3.feature_row(ogrs3.parse_inputs(record, scorer.offence_index),
                                         scorer.offence_index)
        except ValidationError as exc:
            refused += 1
            assert isinstance(row, ValidationError), record
            assert (row.field, row.reason) == (exc.field, exc.reason)
        else:
            accepted += 1
            assert tuple(features[row]) == expected, record
    assert accepted > 100 and refused > 100
