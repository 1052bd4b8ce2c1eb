"""OGRS3 (Howard et al. 2009): validated inputs, the reference formula, ONNX scoring.

The coefficients live in the instrument file (resources/instruments/ogrs3@N.json,
`model.coefficients`), never in code. Two implementations read them:

  - `reference`: the published formula in plain Python, one person at a time.
    It is what the tests check the published vectors against, and what the
    ONNX graph is checked against.
  - the ONNX graph models_onnx/ogrs3.onnx (built from the same coefficients by
    `python -m models_onnx.ogrs3_graph`), which is what the device scores
    with, so every statistical score runs through one runtime. It takes one
    feature row per person (FEATURES) and returns p1, p2 and the per-term
    contributions to the linear predictor.

Ages are whole years counted as a person's age is: the year is not complete
until the birthday (someone born on 29 February has their birthday on
1 March in other years).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.errors import CustosError, ValidationError

if TYPE_CHECKING:
    import numpy as np

    from app.scoring.instruments import Instrument, Item

INPUTS = ("sex", "birth_date", "conviction_date", "first_sanction_date", "assessment_date",
          "previous_sanctions", "offence_category")
FEATURES = ("previous_sanctions", "age_conv", "age_first", "age_assess", "sex_index",
            "offence_index")
"""Columns of the ONNX input tensor, in order."""
TERMS = ("copas", "previous", "age_sex", "offence")
"""Columns of the ONNX `contributions` output: the terms of the linear predictor x."""
TERM_LABELS = {
    "copas": "rate of previous sanctions over the criminal career (Copas rate)",
    "previous": "whether there are any previous sanctions",
    "age_sex": "age at assessment and sex",
    "offence": "category of the current offence",
}
SEXES = ("M", "F")
MIN_AGE_AT_FIRST_SANCTION = 10
"""OGRS3 was built on sanctions from the age of criminal responsibility (10 in England and Wales)."""


class ModelError(CustosError):
    """A model file that is missing or does not match its instrument."""


@dataclass(frozen=True)
class Inputs:
    """Validated OGRS3 inputs and the ages derived from them."""

    sex: str
    birth_date: dt.date
    conviction_date: dt.date
    first_sanction_date: dt.date
    assessment_date: dt.date
    previous_sanctions: int
    offence_category: str
    age_conv: int
    age_first: int
    age_assess: int

    def derived(self) -> dict[str, int]:
        return {"age_conv": self.age_conv, "age_first": self.age_first,
                "age_assess": self.age_assess}


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years from `birth` to `day`: the year is complete only on the birthday."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _date(record: dict[str, Any], name: str) -> dt.date:
    value = record.get(name)
    if value is None or value == "":
        raise ValidationError(name, "is required")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(name, f"{value!r} is not a date (use YYYY-MM-DD)")


def parse_inputs(record: dict[str, Any], offence_codes) -> Inputs:
    """Validate one person's OGRS3 inputs; errors name the field and the reason."""
    sex = record.get("sex")
    if sex is None or sex == "":
        raise ValidationError("sex", "is required")
    if sex not in SEXES:
        raise ValidationError("sex", f"{sex!r} is not M or F (OGRS3 is defined for these only)")
    birth = _date(record, "birth_date")
    conviction = _date(record, "conviction_date")
    first = _date(record, "first_sanction_date")
    assessed = _date(record, "assessment_date")
    prev = record.get("previous_sanctions")
    if prev is None or prev == "":
        raise ValidationError("previous_sanctions", "is required")
    if isinstance(prev, bool) or not isinstance(prev, int):
        raise ValidationError("previous_sanctions", "must be a whole number")
    if prev < 0:
        raise ValidationError("previous_sanctions", "must be at least 0")
    offence = record.get("offence_category")
    if offence is None or offence == "":
        raise ValidationError("offence_category", "is required")
    if not isinstance(offence, str) or offence not in offence_codes:
        raise ValidationError("offence_category", f"{offence!r} is not an OGRS3 offence category")
    if first < birth:
        raise ValidationError("first_sanction_date", "cannot be before birth_date")
    if conviction < first:
        raise ValidationError("conviction_date", "cannot be before first_sanction_date")
    if assessed < conviction:
        raise ValidationError("assessment_date", "cannot be before conviction_date")
    age_first = age_on(birth, first)
    if age_first < MIN_AGE_AT_FIRST_SANCTION:
        raise ValidationError("first_sanction_date", f"gives an age of {age_first} at first "
                              f"sanction; OGRS3 needs {MIN_AGE_AT_FIRST_SANCTION} or over")
    return Inputs(sex, birth, conviction, first, assessed, prev, offence,
                  age_on(birth, conviction), age_first, age_on(birth, assessed))


def features_bulk(records: list[dict[str, Any]], offence_index: dict[str, int]
                  ) -> tuple["np.ndarray", list[int | ValidationError]]:
    """Feature rows for many records at once, validated column by column.

    Returns (features, rows): rows[i] is the row of record i in `features`,
    or the ValidationError that `parse_inputs` raises for it. Only records
    that pass every check in bulk take the vectorised path; any other record
    is checked by `parse_inputs` itself, so both paths accept and refuse
    exactly the same inputs with the same messages.
    """
    import numpy as np

    from operator import itemgetter

    n = len(records)
    sex: list[int] = []
    offence: list[int] = []
    prev: list[int] = []
    dates: tuple[list[str], ...] = ([], [], [], [])
    bad: list[int] = []
    filler = "2000-01-01"
    sex_index = {s: i for i, s in enumerate(SEXES)}
    fields = itemgetter("sex", "offence_category", "previous_sanctions", "birth_date",
                        "conviction_date", "first_sanction_date", "assessment_date")
    birth_l, conv_l, first_l, assess_l = dates
    for i, r in enumerate(records):
        try:
            sx, of, p, b, c, f, a = fields(r)
            sx, of = sex_index[sx], offence_index[of]
            good = (type(p) is int and p >= 0 and type(b) is str and len(b) == 10
                    and type(c) is str and len(c) == 10 and type(f) is str and len(f) == 10
                    and type(a) is str and len(a) == 10)
        except (KeyError, TypeError):  # a missing field, or a value that is not a code
            good = False
        if not good:
            bad.append(i)
            sx = of = p = 0
            b = c = f = a = filler
        sex.append(sx)
        offence.append(of)
        prev.append(p)
        birth_l.append(b)
        conv_l.append(c)
        first_l.append(f)
        assess_l.append(a)
    ok = np.ones(n, dtype=bool)
    ok[bad] = False
    parsed = []
    for column in dates:
        try:
            parsed.append(np.array(column, dtype="datetime64[D]"))
        except ValueError:  # some value is not a date: find which, one by one
            good_mask = np.array([_numpy_date_ok(v) for v in column])
            ok &= good_mask
            parsed.append(np.array([v if g else filler for v, g in zip(column, good_mask)],
                                   dtype="datetime64[D]"))
    birth, conviction, first, assessed = parsed
    years = birth.astype("datetime64[Y]")
    b_month = (birth.astype("datetime64[M]") - years.astype("datetime64[M]")).astype(np.int64)
    b_day = (birth - birth.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64)
    b_year = years.astype(np.int64) + 1970

    def age(day):
        y = day.astype("datetime64[Y]")
        month = (day.astype("datetime64[M]") - y.astype("datetime64[M]")).astype(np.int64)
        dom = (day - day.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64)
        before = (month < b_month) | ((month == b_month) & (dom < b_day))
        return (y.astype(np.int64) + 1970) - b_year - before

    age_conv, age_first, age_assess = age(conviction), age(first), age(assessed)
    # numpy reads a few strings Python does not (year 0, a sign): those, and any
    # record breaking a rule, go to parse_inputs for the exact verdict.
    ok &= (b_year >= 1900) & (first >= birth) & (conviction >= first) & (assessed >= conviction)
    ok &= age_first >= MIN_AGE_AT_FIRST_SANCTION
    features = np.column_stack([np.array(prev, dtype=np.float64), age_conv, age_first,
                                age_assess, np.array(sex), np.array(offence)]).astype(np.float64)
    rows: list[int | ValidationError] = list(range(n))
    for i in np.flatnonzero(~ok).tolist():
        try:
            features[i] = feature_row(parse_inputs(records[i], offence_index), offence_index)
        except ValidationError as exc:
            rows[i] = exc
            features[i] = _NEUTRAL  # scored with the rest, never reported
    return features, rows


_NEUTRAL = (0.0, 20.0, 20.0, 20.0, 0.0, 0.0)


def _numpy_date_ok(value: str) -> bool:
    import numpy as np

    try:
        np.datetime64(value, "D")
        return True
    except ValueError:
        return False


# -- the reference formula ------------------------------------------------------

def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def age_band(age: int, thresholds: list[int]) -> int:
    """Index of the age band: how many band lower bounds `age` has reached."""
    return sum(age >= t for t in thresholds)


def reference(inputs: Inputs, coefficients: dict[str, Any]) -> dict[str, Any]:
    """The published OGRS3 formula in plain Python (no numpy, no ONNX)."""
    c = coefficients
    prev = min(inputs.previous_sanctions, c["previous_cap"])
    copas = math.log((1 + prev) / (c["copas_offset"] + inputs.age_conv - inputs.age_first))
    terms = {
        "copas": c["copas"] * copas,
        "previous": c["any_previous"] if prev > 0 else c["no_previous"],
        "age_sex": c["age_sex"][inputs.sex][age_band(inputs.age_assess, c["age_bands"])],
        "offence": c["offence"][inputs.offence_category],
    }
    x = sum(terms.values())
    return {"p1": _logistic(x + c["intercept_1y"]), "p2": _logistic(x + c["intercept_2y"]),
            "x": x, "copas": copas, "contributions": terms}


def coefficients_sha256(coefficients: dict[str, Any]) -> str:
    """Hash of the coefficients as canonical JSON; the ONNX graph records it."""
    canonical = json.dumps(coefficients, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


# -- ONNX scoring -----------------------------------------------------------------

def feature_row(inputs: Inputs, offence_index: dict[str, int]) -> tuple[float, ...]:
    """One row of the ONNX input tensor (FEATURES order)."""
    return (float(inputs.previous_sanctions), float(inputs.age_conv), float(inputs.age_first),
            float(inputs.age_assess), float(SEXES.index(inputs.sex)),
            float(offence_index[inputs.offence_category]))


@dataclass
class Scorer:
    """OGRS3 of one instrument version bound to its checked ONNX session."""

    instrument: "Instrument"
    model: Any  # app.scoring.sessions.LoadedModel
    offence_index: dict[str, int]
    band_mins: list[float]
    band_names: list[str]

    @property
    def coefficients(self) -> dict[str, Any]:
        return self.instrument.model["coefficients"]

    def run(self, features: "np.ndarray") -> dict[str, "np.ndarray"]:
        """Score an (n, 6) float64 feature tensor in one ONNX call."""
        p1, p2, contributions = self.model.session.run(
            ["p1", "p2", "contributions"], {"features": features})
        return {"p1": p1, "p2": p2, "contributions": contributions}

    def bands(self, p2: "np.ndarray") -> list[str]:
        """Band of each p2, on p2 as a percentage."""
        import numpy as np

        idx = np.searchsorted(np.asarray(self.band_mins), p2 * 100.0, side="right") - 1
        names = self.band_names
        return [names[i] for i in idx.tolist()]

    def band(self, p2: float) -> str:
        from app.scoring.rules import band_for

        return band_for(self.instrument.model["bands"], p2 * 100.0)

    def score(self, record: dict[str, Any]) -> dict[str, Any]:
        """One person's p1, p2, band and named contributions, scored through ONNX."""
        import numpy as np

        inputs = parse_inputs(record, self.offence_index)
        out = self.run(np.array([feature_row(inputs, self.offence_index)], dtype=np.float64))
        p1, p2 = float(out["p1"][0]), float(out["p2"][0])
        terms = dict(zip(TERMS, (float(v) for v in out["contributions"][0])))
        return {"inputs": inputs, "p1": p1, "p2": p2, "band": self.band(p2),
                "contributions": terms, "x": sum(terms.values())}


_SCORERS: dict[str, Scorer] = {}


def scorer(instrument: "Instrument | None" = None) -> Scorer:
    """The OGRS3 scorer for `instrument` (default: the newest OGRS3), checked once.

    Refuses a model file built from other coefficients than the instrument's,
    so the device never scores with a graph that disagrees with its file.
    """
    from app.scoring import instruments, sessions

    inst = instrument or instruments.load("ogrs3")
    cached = _SCORERS.get(inst.key)
    if cached is not None and cached.instrument is inst:
        return cached
    block = inst.model
    loaded = sessions.session_for(block["id"])
    meta = loaded.metadata
    want = coefficients_sha256(block["coefficients"])
    if meta.get("coefficients_sha256") != want:
        raise ModelError(
            f"model {block['id']} version {loaded.version} was not built from the coefficients of "
            f"{inst.file_name}; rebuild it with `python -m models_onnx.ogrs3_graph`")
    offence_index = {code: i for i, code in enumerate(block["coefficients"]["offence"])}
    made = Scorer(inst, loaded, offence_index, [b["min"] for b in block["bands"]],
                  [b["band"] for b in block["bands"]])
    _SCORERS[inst.key] = made
    return made


def score_answers(inst: "Instrument", answers: dict[str, Any]) -> dict[str, Any]:
    """Score the answers of an OGRS3 assessment (used by the `model` scoring rule)."""
    out = scorer(inst).score(answers)
    return {"value": out["p2"], "band": out["band"], "p1": out["p1"], "p2": out["p2"],
            "contributions": out["contributions"], "derived": out["inputs"].derived()}


# -- validation of the instrument file's model block --------------------------------

def check_model_block(ck, model: dict[str, Any], items: dict[str, "Item"]) -> None:
    """Check `model` of an OGRS3 instrument file (called by the instrument loader)."""
    from app.scoring.instruments import _check_bands

    ck.ident(model, "id", "model")
    ck.get(model, "title", str, "model")
    c = ck.get(model, "coefficients", dict, "model")
    p = "model.coefficients"
    for key in ("copas", "any_previous", "no_previous", "intercept_1y", "intercept_2y",
                "copas_offset"):
        ck.get(c, key, (int, float), p)
    if ck.get(c, "previous_cap", int, p) < 1:
        ck.fail(f"{p}.previous_cap", "must be at least 1")
    if c["copas_offset"] <= 0:
        ck.fail(f"{p}.copas_offset", "must be positive")
    bands = ck.get(c, "age_bands", list, p)
    if not bands or any(isinstance(b, bool) or not isinstance(b, int) for b in bands) \
            or bands != sorted(set(bands)):
        ck.fail(f"{p}.age_bands", "must be increasing whole-number lower bounds of the age bands")
    table = ck.get(c, "age_sex", dict, p)
    if sorted(table) != sorted(SEXES):
        ck.fail(f"{p}.age_sex", "must have exactly the keys M and F")
    for sex in SEXES:
        row = ck.get(table, sex, list, f"{p}.age_sex")
        if len(row) != len(bands) + 1 or not all(_is_number(v) for v in row):
            ck.fail(f"{p}.age_sex.{sex}", f"must be {len(bands) + 1} numbers, one per age band")
    offence = ck.get(c, "offence", dict, p)
    if not offence or not all(_is_number(v) for v in offence.values()):
        ck.fail(f"{p}.offence", "must map each offence category code to a number")
    from app.scoring.instruments import reference_codes

    unknown = sorted(set(offence) - reference_codes("offence_category"))
    if unknown:
        ck.fail(f"{p}.offence", f"{unknown[0]!r} is not an offence_category code")
    _check_bands(ck, ck.get(model, "bands", list, "model"), "model.bands")
    for name in INPUTS:
        if name not in items:
            ck.fail("sections", f"an OGRS3 instrument needs an item {name!r}")
    offered = [o.value for o in items["offence_category"].options]
    if offered != list(offence):
        ck.fail(f"{p}.offence", "must list the same codes, in the same order, as the options "
                                "of the offence_category item")


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
