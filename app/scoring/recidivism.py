"""Scoring with `recidivism_general`: the two-year general recidivism model.

`score_records(records)` validates each record, scores the valid ones in
chunks (one onnxruntime call per chunk) and returns, in input order, either

    {"id": ..., "p": 0.37, "band": "LOW", "contributions": {"age": -0.41, ...}}

or, for a record that fails validation,

    {"id": ..., "error": {"field": "priors_count", "reason": "must be a whole number"}}

Inputs (names, encodings and allowed ranges come from the signed manifest's
input schema, i.e. from the model itself):

- `age`: whole years, within the training range (on the model card);
- `sex`: "F" or "M";
- `priors_count`, `juv_fel_count`, `juv_misd_count`, `juv_other_count`:
  whole numbers within the training ranges;
- `charge_degree`: "F" (felony) or "M" (misdemeanour).

Values outside the training range are refused rather than extrapolated.
`id` is returned as given (null when absent); other fields are ignored and
never reach the model, race included.

`p` is the modelled probability of a new arrest within two years.
`contributions` are in logit units relative to the average person in the
training data: logit(p) = intercept + sum(contributions), with the
intercept in the model card. Positive values raise the score.

Bands, published with the model in the signed manifest (the same cut
points as the OGRS3 bands on p2, so a band means the same probability range
in every statistical instrument):

    LOW        p < 0.50
    MEDIUM     0.50 <= p < 0.75
    HIGH       0.75 <= p < 0.90
    VERY_HIGH  p >= 0.90

A score is decision support: the professional's decision is recorded apart
from it, and the model card states the limits to show with it.
"""
from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np

from app.core.errors import ValidationError

from .registry import ModelRefused, VerifiedModel, load_model

MODEL_ID = "recidivism_general"
FIELDS = ("age", "sex", "priors_count", "juv_fel_count", "juv_misd_count", "juv_other_count",
          "charge_degree")
CHUNK_SIZE = 65536


def _columns(model: VerifiedModel) -> list[dict]:
    """The model's input columns, refused unless they are exactly the fields this scorer reads."""
    inputs = model.entry.get("inputs") or [{}]
    columns = inputs[0].get("columns") or []
    if tuple(c.get("name") for c in columns) != FIELDS or not model.entry.get("bands"):
        raise ModelRefused(model.model_id, "incompatible",
                           "its signed input schema or bands do not match this version of "
                           "Custos")
    return columns


def _value(record: dict, column: dict) -> float:
    """One field, checked: the encoded value or ValidationError naming the field."""
    name = column["name"]
    if name not in record or record[name] is None:
        raise ValidationError(name, "is required")
    value = record[name]
    if "encoding" in column:
        if not isinstance(value, str) or value not in column["encoding"]:
            allowed = " or ".join(sorted(column["encoding"]))
            raise ValidationError(name, f"must be {allowed}")
        return float(column["encoding"][value])
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValidationError(name, "must be a whole number")
    if not column["min"] <= value <= column["max"]:
        raise ValidationError(name, f"must be between {column['min']} and {column['max']} "
                                    "(the range the model was trained on)")
    return float(value)


def encode(record, columns: list[dict]) -> list[float]:
    """The model input row for one record; ValidationError naming the first bad field."""
    if not isinstance(record, dict):
        raise ValidationError("record", "must be a JSON object")
    return [_value(record, c) for c in columns]


def _fast_encoder(columns: list[dict]):
    """`encode` for the common case of a valid record, without per-field lookups.

    Returns None for any record it does not accept; `encode` then says why.
    Batch scoring spends most of its time here, so it is kept lean.
    """
    specs = [(c["name"], c.get("encoding"), c.get("min"), c.get("max")) for c in columns]

    def fast(record):
        if type(record) is not dict:
            return None
        row = []
        for name, encoding, low, high in specs:
            value = record.get(name)
            if encoding is not None:
                code = encoding.get(value) if type(value) is str else None
                if code is None:
                    return None
                row.append(code)
            elif type(value) is int and low <= value <= high:  # bool is not int here
                row.append(value)
            else:
                return None
        return row

    return fast


def band_of(p: np.ndarray, bands: list[dict]) -> list[str]:
    """The band name of each probability (lower bounds inclusive)."""
    cuts = [b["from_percent"] / 100 for b in bands[1:]]
    names = [b["band"] for b in bands]
    return [names[i] for i in np.searchsorted(cuts, p, side="right").tolist()]


def score_records(records: Sequence, *, model: VerifiedModel | None = None,
                  chunk_size: int = CHUNK_SIZE) -> list[dict]:
    """Score each record: {"id", "p", "band", "contributions"} or {"id", "error"}.

    Loads the verified model unless one is given; raises ModelRefused if it
    may not be used (then nothing is scored).
    """
    model = model or load_model(MODEL_ID)
    columns = _columns(model)
    names = [c["name"] for c in columns]
    input_name = model.entry["inputs"][0]["name"]
    results: list[dict | None] = [None] * len(records)
    valid_at, rows = [], []
    fast = _fast_encoder(columns)
    for i, record in enumerate(records):
        row = fast(record)
        if row is None:
            try:
                row = encode(record, columns)
            except ValidationError as exc:
                record_id = record.get("id") if isinstance(record, dict) else None
                results[i] = {"id": record_id,
                              "error": {"field": exc.field, "reason": exc.reason}}
                continue
        rows.append(row)
        valid_at.append(i)
    if rows:
        x = np.asarray(rows, dtype=np.float64)
        for start in range(0, len(x), chunk_size):
            out = model.run({input_name: x[start:start + chunk_size]})
            bands = band_of(out["probability"], model.entry["bands"])
            # One conversion per chunk: per-row numpy indexing would dominate the time.
            for k, (p, terms) in enumerate(zip(out["probability"].tolist(),
                                               out["contributions"].tolist())):
                i = valid_at[start + k]
                results[i] = {"id": records[i].get("id"), "p": p, "band": bands[k],
                              "contributions": dict(zip(names, terms))}
    return results  # type: ignore[return-value]
