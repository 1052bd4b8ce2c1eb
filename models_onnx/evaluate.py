"""Held-out metrics for the model card: discrimination, calibration and error rates by group.

Everything is computed for the model and for the COMPAS decile score on the
same rows, so the card compares like with like. A person is "flagged" when
the model's band is MEDIUM or higher (p >= 0.5) and, for COMPAS, when the
decile is 5 or more (ProPublica's Medium/High).
"""
from __future__ import annotations

import math

import numpy as np
from sklearn.metrics import roc_auc_score

MODEL_FLAG_AT = 0.5
COMPAS_FLAG_AT = 5

# Groups too small to estimate rates on the held-out rows are pooled with "Other".
RACE_GROUPS = {"African-American": "African-American", "Caucasian": "Caucasian",
               "Hispanic": "Hispanic", "Other": "Other", "Asian": "Other",
               "Native American": "Other"}
SEX_GROUPS = {"F": "Female", "M": "Male"}

CALIBRATION_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def r4(x: float | None) -> float | None:
    """Rounded for the card (4 decimals); None stays None."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


def wilson(k: int, n: int, z: float = 1.959964) -> list[float] | None:
    """95% Wilson interval of a proportion k/n."""
    if n == 0:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [r4(centre - half), r4(centre + half)]


def error_rates(y: np.ndarray, flagged: np.ndarray) -> dict:
    """Confusion counts, FPR and FNR (with 95% intervals) and PPV of a yes/no flag."""
    y, flagged = y.astype(bool), flagged.astype(bool)
    tp = int(np.sum(flagged & y))
    fp = int(np.sum(flagged & ~y))
    tn = int(np.sum(~flagged & ~y))
    fn = int(np.sum(~flagged & y))
    return {
        "true_positive": tp, "false_positive": fp, "true_negative": tn, "false_negative": fn,
        "false_positive_rate": r4(fp / (fp + tn)) if fp + tn else None,
        "false_positive_rate_ci95": wilson(fp, fp + tn),
        "false_negative_rate": r4(fn / (fn + tp)) if fn + tp else None,
        "false_negative_rate_ci95": wilson(fn, fn + tp),
        "positive_predictive_value": r4(tp / (tp + fp)) if tp + fp else None,
        "accuracy": r4((tp + tn) / len(y)) if len(y) else None,
    }


def auc(y: np.ndarray, score: np.ndarray) -> float | None:
    return r4(roc_auc_score(y, score)) if len(set(y.tolist())) == 2 else None


def calibration_table(y: np.ndarray, p: np.ndarray, edges=CALIBRATION_EDGES) -> list[dict]:
    """Mean predicted probability against the observed rate, per probability bin."""
    out = []
    for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:])):
        last = i == len(edges) - 2
        mask = (p >= lo) & ((p <= hi) if last else (p < hi))
        n = int(mask.sum())
        out.append({"from": lo, "to": hi, "n": n,
                    "mean_predicted": r4(p[mask].mean()) if n else None,
                    "observed": r4(y[mask].mean()) if n else None})
    return out


def expected_calibration_error(y: np.ndarray, p: np.ndarray,
                               edges=CALIBRATION_EDGES) -> float:
    """Row-weighted mean |mean predicted - observed| over the calibration bins."""
    bins = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, len(edges) - 2)
    total = 0.0
    for b in np.unique(bins):
        mask = bins == b
        total += mask.sum() * abs(p[mask].mean() - y[mask].mean())
    return r4(total / len(y))


def model_summary(y: np.ndarray, p: np.ndarray) -> dict:
    """AUC, Brier score, calibration and error rates of the model's probabilities."""
    return {
        "n": int(len(y)),
        "base_rate": r4(y.mean()),
        "auc": auc(y, p),
        "brier_score": r4(np.mean((p - y) ** 2)),
        "mean_predicted": r4(p.mean()),
        "observed_rate": r4(y.mean()),
        "expected_calibration_error": expected_calibration_error(y, p),
        "calibration": calibration_table(y, p),
        "flag_rule": f"p >= {MODEL_FLAG_AT} (band MEDIUM or higher)",
        "error_rates": error_rates(y, p >= MODEL_FLAG_AT),
    }


def compas_summary(y: np.ndarray, decile: np.ndarray) -> dict:
    """The same measures for the COMPAS decile score (calibration as observed rate per decile)."""
    per_decile = []
    for d in range(1, 11):
        mask = decile == d
        n = int(mask.sum())
        per_decile.append({"decile": d, "n": n, "observed": r4(y[mask].mean()) if n else None})
    return {
        "n": int(len(y)),
        "auc": auc(y, decile),
        "calibration": per_decile,
        "flag_rule": f"decile >= {COMPAS_FLAG_AT} (COMPAS Medium or High)",
        "error_rates": error_rates(y, decile >= COMPAS_FLAG_AT),
    }


def by_group(labels: list[str], y: np.ndarray, p: np.ndarray, decile: np.ndarray) -> dict:
    """Model and COMPAS measures for each group (sorted by name)."""
    labels_arr = np.array(labels)
    out = {}
    for group in sorted(set(labels)):
        mask = labels_arr == group
        gy, gp, gd = y[mask], p[mask], decile[mask]
        out[group] = {
            "n": int(mask.sum()),
            "base_rate": r4(gy.mean()),
            "model": {
                "auc": auc(gy, gp),
                "mean_predicted": r4(gp.mean()),
                "observed_rate": r4(gy.mean()),
                "calibration": calibration_table(gy, gp, (0.0, 0.3, 0.5, 0.7, 1.0)),
                "error_rates": error_rates(gy, gp >= MODEL_FLAG_AT),
            },
            "compas": {
                "auc": auc(gy, gd),
                "observed_rate_low_deciles_1_4": r4(gy[gd < COMPAS_FLAG_AT].mean())
                if np.any(gd < COMPAS_FLAG_AT) else None,
                "observed_rate_flagged_deciles_5_10": r4(gy[gd >= COMPAS_FLAG_AT].mean())
                if np.any(gd >= COMPAS_FLAG_AT) else None,
                "error_rates": error_rates(gy, gd >= COMPAS_FLAG_AT),
            },
        }
    return out
