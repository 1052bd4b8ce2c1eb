"""The model card of `recidivism_general`, as JSON and as Markdown.

The card is generated from the training run itself (no hand-typed numbers)
and holds no timestamp, so it is byte-identical between runs. Published
figures quoted from ProPublica are only shown next to the same figures
recomputed from the data, as a check that the data was read correctly.
"""
from __future__ import annotations

import hashlib
import json

import numpy as np

from . import data, evaluate, features

# ProPublica, "How We Analyzed the COMPAS Recidivism Algorithm" (2016): COMPAS
# Medium/High counted as positive, on the 6,172 filtered rows.
PROPUBLICA_PUBLISHED = {
    "false_positive_rate": {"African-American": 0.4485, "Caucasian": 0.2345},
    "false_negative_rate": {"African-American": 0.2799, "Caucasian": 0.4772},
}

INTENDED_USE = [
    "Decision support for trained forensic psychologists and case managers: one input to a "
    "structured professional judgement about the likelihood of a new arrest within two years.",
    "Adults (18 or over) whose inputs lie inside the ranges seen in training (listed under "
    "inputs).",
    "Explaining a score: the per-feature contributions show what moved it and by how much.",
    "Prioritising who is offered rehabilitative programmes and support, alongside needs "
    "assessment.",
]
PROHIBITED_USE = [
    "Any decision made on the score alone: every decision about liberty, security "
    "classification, release, parole, bail or sentence is the professional's, recorded "
    "separately with a reason (EU AI Act Annex III 6(d); GDPR Art. 22).",
    "Setting or lengthening a sentence, or deciding punishment.",
    "Use on people under 18, or with inputs outside the training ranges (the device refuses "
    "them rather than extrapolate).",
    "Use with race, ethnicity or their proxies as inputs, or to infer them.",
    "Use in a population where it has not been validated locally: it was trained on pretrial "
    "defendants in one US county in 2013-2014.",
    "Reading a probability or band as a certainty about one person: it is the observed rate "
    "among similar people in the training data.",
    "Use after the expiry date in the signed manifest, or after an administrator withdraws it.",
]
LIMITATIONS = [
    "The outcome is a new arrest (any charge) within two years, not proven reoffending; "
    "arrest rates reflect policing as well as behaviour, and differ by neighbourhood and group.",
    "Trained on Broward County, Florida, pretrial defendants screened in 2013-2014; base rates "
    "and the meaning of a prior charge differ elsewhere and over time.",
    "Static history only (age, sex, charge counts, charge degree): it knows nothing of change, "
    "treatment, protective factors or the criminogenic needs a person can work on.",
    "Modest discrimination (AUC about 0.7, like COMPAS on the same rows): many people in every "
    "band will not be rearrested, and many in LOW will.",
    "Error rates differ between groups (see the tables): see the statement on calibration and "
    "error-rate balance.",
]


def _sha256(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def _propublica_check(rows) -> dict:
    """ProPublica's published COMPAS error rates next to the same rates recomputed here."""
    y = np.array([r.two_year_recid for r in rows])
    decile = np.array([r.decile_score for r in rows])
    race = np.array([r.race for r in rows])
    recomputed = {"false_positive_rate": {}, "false_negative_rate": {}}
    for group in ("African-American", "Caucasian"):
        mask = race == group
        rates = evaluate.error_rates(y[mask], decile[mask] >= evaluate.COMPAS_FLAG_AT)
        for key in recomputed:
            recomputed[key][group] = rates[key]
    return {"rows": len(rows), "published": PROPUBLICA_PUBLISHED, "recomputed": recomputed,
            "compas_auc_all_filtered_rows": evaluate.auc(y, decile),
            "note": "ProPublica's published rates come from the subset of its survival "
                    "analysis; on the two-year file with the standard filter the same rule "
                    "gives the recomputed rates, with the same direction and a similar gap."}


def _tradeoff(by_race: dict) -> str:
    black, white = by_race["African-American"], by_race["Caucasian"]
    m_b, m_w = black["model"], white["model"]
    return (
        "When base rates differ between groups, a score can be calibrated within each group or "
        "have equal false-positive and false-negative rates across them, but not both "
        "(Chouldechova 2017; Kleinberg, Mullainathan and Raghavan 2016). Here the held-out base "
        f"rate is {black['base_rate']:.1%} for African-American and {white['base_rate']:.1%} "
        "for Caucasian defendants. This model is fitted for calibration and is not adjusted "
        "per group (that would need race as an input, which Custos forbids). As a result its "
        f"false-positive rate is {m_b['error_rates']['false_positive_rate']:.1%} against "
        f"{m_w['error_rates']['false_positive_rate']:.1%}, and its false-negative rate "
        f"{m_b['error_rates']['false_negative_rate']:.1%} against "
        f"{m_w['error_rates']['false_negative_rate']:.1%}: more African-American "
        "defendants who were not rearrested are flagged, and more Caucasian defendants who "
        "were rearrested are not. A model not given race is not exactly calibrated within each "
        "race group either: its mean predicted probability is "
        f"{m_b['mean_predicted']:.1%} against an observed {m_b['observed_rate']:.1%} for "
        f"African-American and {m_w['mean_predicted']:.1%} against "
        f"{m_w['observed_rate']:.1%} for Caucasian defendants. We report both and decide in "
        "the open: a band is an observed rate among similar people, never a reason on its own "
        "to treat anyone more "
        "harshly, and the professional records their own decision."
    )


def build_card(*, version: str, pipeline, all_rows, rows, train_rows, test_rows,
               y_test: np.ndarray, p_test: np.ndarray, ranges: dict,
               onnx_bytes: bytes) -> dict:
    """The card as a JSON-ready dict, from one training run."""
    scaler, model = pipeline.named_steps["scale"], pipeline.named_steps["logit"]
    decile = np.array([r.decile_score for r in test_rows])
    sex = [evaluate.SEX_GROUPS[r.sex] for r in test_rows]
    race = [evaluate.RACE_GROUPS[r.race] for r in test_rows]
    by_race = evaluate.by_group(race, y_test, p_test, decile)
    dates = sorted(r.screening_date for r in rows)
    return {
        "model_id": features.MODEL_ID,
        "version": version,
        "onnx_file": f"{features.MODEL_ID}.onnx",
        "onnx_sha256": _sha256(onnx_bytes),
        "summary": "Probability of a new arrest within two years, from seven facts of criminal "
                   "history, age and sex. Logistic regression on standardised inputs.",
        "outcome": "two_year_recid: a new charge within two years of the COMPAS screening",
        "predictor_type": "STATIC",
        "intended_use": INTENDED_USE,
        "prohibited_use": PROHIBITED_USE,
        "limitations": LIMITATIONS,
        "race_is_an_input": False,
        "inputs": features.input_schema(ranges)["columns"],
        "bands": list(features.BANDS),
        "explanation": "contributions[i] = coef[i] * (x[i] - mean[i]) / scale[i], in logit "
                       "units; logit = intercept + sum(contributions); p = 1 / (1 + e^-logit). "
                       "A contribution of 0 is the training average.",
        "parameters": {
            "intercept": round(float(model.intercept_[0]), 12),
            "features": {name: {"coef": round(float(model.coef_[0][i]), 12),
                                "mean": round(float(scaler.mean_[i]), 12),
                                "scale": round(float(scaler.scale_[i]), 12)}
                         for i, name in enumerate(features.FEATURE_NAMES)},
            "solver": "scikit-learn LogisticRegression(C=1.0, lbfgs, L2)",
        },
        "training_data": {
            "source": data.SOURCE,
            "csv_sha256": data.CSV_SHA256,
            "wheel_sha256": data.WHEEL_SHA256,
            "location": "Broward County, Florida, USA (pretrial defendants)",
            "screening_period": {"from": dates[0], "to": dates[-1]},
            "outcome_window": "two years after screening",
            "rows_in_file": len(all_rows),
            "filter": "ProPublica's standard filter: days_b_screening_arrest within +/-30, "
                      "is_recid != -1, c_charge_degree != 'O', score_text != 'N/A'",
            "rows_after_filter": len(rows),
            "split": f"held out when a salted SHA-256 of the row id falls in the lowest "
                     f"{features.HOLDOUT_FRACTION:.0%} (fixed, order-independent)",
            "training_rows": len(train_rows),
            "held_out_rows": len(test_rows),
            "personal_data": "names and dates of birth in the file are dropped on reading; "
                             "the data is downloaded at train time and never committed",
        },
        "performance": {
            "held_out": {"model": evaluate.model_summary(y_test, p_test),
                         "compas": evaluate.compas_summary(y_test, decile)},
            "by_sex": evaluate.by_group(sex, y_test, p_test, decile),
            "by_race": by_race,
            "race_groups_note": "Asian ({asian} held-out rows) and Native American ({native}) "
                                "are pooled with Other: too few rows to estimate their rates."
                                .format(asian=sum(r.race == "Asian" for r in test_rows),
                                        native=sum(r.race == "Native American"
                                                   for r in test_rows)),
            "flag_rules": {"model": f"p >= {evaluate.MODEL_FLAG_AT} (band MEDIUM or higher)",
                           "compas": f"decile >= {evaluate.COMPAS_FLAG_AT} (Medium or High)"},
        },
        "propublica_check": _propublica_check(rows),
        "calibration_vs_error_rate_balance": _tradeoff(by_race),
    }


def to_json(card: dict) -> str:
    """Stable JSON text of the card."""
    return json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _pct(x) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def _num(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _group_table(groups: dict) -> list[str]:
    lines = ["| group | n | base rate | model AUC | COMPAS AUC | model FPR | COMPAS FPR | "
             "model FNR | COMPAS FNR | model mean p / observed |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, g in groups.items():
        m, c = g["model"], g["compas"]
        lines.append(
            f"| {name} | {g['n']} | {_pct(g['base_rate'])} | {_num(m['auc'])} | "
            f"{_num(c['auc'])} | {_pct(m['error_rates']['false_positive_rate'])} | "
            f"{_pct(c['error_rates']['false_positive_rate'])} | "
            f"{_pct(m['error_rates']['false_negative_rate'])} | "
            f"{_pct(c['error_rates']['false_negative_rate'])} | "
            f"{_pct(m['mean_predicted'])} / {_pct(m['observed_rate'])} |")
    return lines


def _group_calibration(groups: dict) -> list[str]:
    first = next(iter(groups.values()))["model"]["calibration"]
    bins = [f"p {b['from']:.1f}-{b['to']:.1f}" for b in first]
    lines = ["| group | " + " | ".join(bins) + " | COMPAS deciles 1-4 | COMPAS deciles 5-10 |",
             "|---|" + "---|" * (len(bins) + 2)]
    for name, g in groups.items():
        cells = [f"{_pct(b['mean_predicted'])} / {_pct(b['observed'])} (n={b['n']})"
                 for b in g["model"]["calibration"]]
        c = g["compas"]
        lines.append(f"| {name} | " + " | ".join(cells) +
                     f" | {_pct(c['observed_rate_low_deciles_1_4'])} | "
                     f"{_pct(c['observed_rate_flagged_deciles_5_10'])} |")
    return lines


def to_markdown(card: dict) -> str:
    """The card as Markdown, rendered from the JSON card."""
    perf = card["performance"]
    model, compas = perf["held_out"]["model"], perf["held_out"]["compas"]
    td = card["training_data"]
    out = [f"# Model card: {card['model_id']} {card['version']}", "", card["summary"], "",
           f"Type: {card['predictor_type']} (history and demographics only). Outcome: "
           f"{card['outcome']}.", "",
           f"ONNX file `{card['onnx_file']}`, SHA-256 `{card['onnx_sha256']}`.", "",
           "## Intended use", ""]
    out += [f"- {u}" for u in card["intended_use"]]
    out += ["", "## Prohibited use", ""] + [f"- {u}" for u in card["prohibited_use"]]
    out += ["", "## Limitations", ""] + [f"- {u}" for u in card["limitations"]]
    out += ["", "## Inputs", "", "Race is never an input.", "",
            "| input | meaning | values |", "|---|---|---|"]
    for col in card["inputs"]:
        values = (", ".join(f"{k}={v}" for k, v in col["encoding"].items())
                  if "encoding" in col else f"{col['min']}-{col['max']}")
        out.append(f"| {col['name']} | {col['description']} | {values} |")
    out += ["", "## Bands", "", "| band | probability |", "|---|---|"]
    for b in card["bands"]:
        out.append(f"| {b['band']} | {b['from']:.2f} to {b['to']:.2f} |")
    out += ["", "## Explanations", "", card["explanation"], "",
            "## Training data", "",
            f"- Source: {td['source']} (CSV SHA-256 `{td['csv_sha256']}`).",
            f"- Where and when: {td['location']}, screened {td['screening_period']['from']} to "
            f"{td['screening_period']['to']}; outcome window {td['outcome_window']}.",
            f"- Rows: {td['rows_in_file']} in the file; {td['rows_after_filter']} after "
            f"{td['filter']}.",
            f"- Split: {td['training_rows']} training, {td['held_out_rows']} held out; "
            f"{td['split']}.",
            f"- Personal data: {td['personal_data']}.",
            "", "## Held-out performance, against COMPAS on the same rows", "",
            "| measure | this model | COMPAS decile |", "|---|---|---|",
            f"| AUC | {_num(model['auc'])} | {_num(compas['auc'])} |",
            f"| flagged when | {model['flag_rule']} | {compas['flag_rule']} |",
            f"| accuracy | {_pct(model['error_rates']['accuracy'])} | "
            f"{_pct(compas['error_rates']['accuracy'])} |",
            f"| false-positive rate | {_pct(model['error_rates']['false_positive_rate'])} | "
            f"{_pct(compas['error_rates']['false_positive_rate'])} |",
            f"| false-negative rate | {_pct(model['error_rates']['false_negative_rate'])} | "
            f"{_pct(compas['error_rates']['false_negative_rate'])} |",
            f"| Brier score | {_num(model['brier_score'])} | n/a (not a probability) |",
            f"| mean predicted / observed | {_pct(model['mean_predicted'])} / "
            f"{_pct(model['observed_rate'])} | n/a |",
            f"| expected calibration error | {_num(model['expected_calibration_error'])} | n/a |",
            "", "### Calibration of the model (held out)", "",
            "| predicted | n | mean predicted | observed |", "|---|---|---|---|"]
    for row in model["calibration"]:
        out.append(f"| {row['from']:.1f}-{row['to']:.1f} | {row['n']} | "
                   f"{_pct(row['mean_predicted'])} | {_pct(row['observed'])} |")
    out += ["", "### Calibration of COMPAS (held out): observed rate per decile", "",
            "| decile | n | observed |", "|---|---|---|"]
    for row in compas["calibration"]:
        out.append(f"| {row['decile']} | {row['n']} | {_pct(row['observed'])} |")
    calibration_note = ["", "Calibration within groups: the model's mean predicted probability "
                        "/ observed rate per probability range, and the observed rate for "
                        "COMPAS's low and flagged deciles.", ""]
    out += ["", "## By sex (held out)", ""] + _group_table(perf["by_sex"])
    out += calibration_note + _group_calibration(perf["by_sex"])
    out += ["", "## By race group (held out)", "", perf["race_groups_note"], ""]
    out += _group_table(perf["by_race"])
    out += calibration_note + _group_calibration(perf["by_race"])
    check = card["propublica_check"]
    out += ["", "## Check against ProPublica's published figures", "",
            f"COMPAS on all {check['rows']} filtered rows, Medium/High counted as positive. "
            f"{check['note']}", "",
            "| rate | group | published | recomputed here |", "|---|---|---|---|"]
    for rate, groups in check["published"].items():
        for group, value in groups.items():
            out.append(f"| {rate.replace('_', ' ')} | {group} | {_pct(value)} | "
                       f"{_pct(check['recomputed'][rate][group])} |")
    out += ["", "## Calibration against error-rate balance", "",
            card["calibration_vs_error_rate_balance"], ""]
    return "\n".join(out)
