"""The inputs of `recidivism_general`, their encoding and the fixed held-out split.

Seven inputs, in this column order. Race is never an input: it is read from
the data only to report error rates by group on the model card.

The encoding (sex and charge degree as 0/1) happens before the graph, so the
graph input is one float64 matrix; standardising and the contributions
happen inside the graph. The input schema below travels in the ONNX
metadata and in the signed manifest, and the device checks it against its
own encoder before scoring.
"""
from __future__ import annotations

import hashlib

MODEL_ID = "recidivism_general"
INPUT_NAME = "features"

FEATURES: tuple[dict, ...] = (
    {"name": "age", "kind": "integer", "description": "age in whole years at assessment"},
    {"name": "sex", "kind": "category", "encoding": {"F": 0, "M": 1},
     "description": "sex as recorded: F or M"},
    {"name": "priors_count", "kind": "integer", "description": "number of prior adult charges"},
    {"name": "juv_fel_count", "kind": "integer", "description": "juvenile felony charges"},
    {"name": "juv_misd_count", "kind": "integer", "description": "juvenile misdemeanour charges"},
    {"name": "juv_other_count", "kind": "integer", "description": "other juvenile charges"},
    {"name": "charge_degree", "kind": "category", "encoding": {"M": 0, "F": 1},
     "description": "degree of the current charge: F (felony) or M (misdemeanour)"},
)
FEATURE_NAMES: tuple[str, ...] = tuple(f["name"] for f in FEATURES)

HOLDOUT_FRACTION = 0.3
_SPLIT_SALT = "custos-recidivism-general-holdout-v1"


def encode(row) -> list[float]:
    """The model's input vector for one data row (attributes named as FEATURE_NAMES)."""
    out = []
    for feature in FEATURES:
        value = getattr(row, feature["name"])
        out.append(float(feature["encoding"][value] if "encoding" in feature else value))
    return out


def is_held_out(row_id: int) -> bool:
    """Whether a row belongs to the held-out set.

    A salted hash of the row id decides, not a random generator: the split is
    the same whatever the row order, library version or platform.
    """
    digest = hashlib.sha256(f"{_SPLIT_SALT}:{row_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HOLDOUT_FRACTION


def input_schema(ranges: dict[str, tuple[int, int]]) -> dict:
    """The input schema published in the model metadata and the manifest.

    `ranges` are the values seen in training; the device refuses values
    outside them rather than extrapolate.
    """
    columns = []
    for feature in FEATURES:
        column = dict(feature)
        if feature["kind"] == "integer":
            low, high = ranges[feature["name"]]
            column["min"], column["max"] = int(low), int(high)
        columns.append(column)
    return {"name": INPUT_NAME, "type": "float64", "shape": [None, len(FEATURES)],
            "columns": columns}

# Bands on the two-year probability, the same cut points as OGRS3's bands on
# p2 (DOMAIN.md), so a band means the same probability range in every
# statistical instrument Custos shows. `to` is exclusive except for the last.
BANDS: tuple[dict, ...] = (
    {"band": "LOW", "from": 0.0, "to": 0.5},
    {"band": "MEDIUM", "from": 0.5, "to": 0.75},
    {"band": "HIGH", "from": 0.75, "to": 0.9},
    {"band": "VERY_HIGH", "from": 0.9, "to": 1.0},
)
