"""Every score with its reasons: band, inputs used, main factors and the model's limits.

`assess(instrument, answers)` scores complete answers of any instrument and
returns one JSON-ready explanation. What a professional sees, and what the
prediction log keeps, is this explanation, never a bare number:

  instrument, title, band, band_label   the result in the instrument's words
  statistical                           false for structured judgements
  model                                 id, version, SHA-256 of the file run, type
  outputs                               probabilities (p1, p2) or rule results
  thresholds                            the band cut points and their version
  inputs, derived                       the answers used and values derived
                                        from them (ages, capped counts)
  factors, main_factors                 what drove the result, largest first
  flags                                 raised flags with the action to take
  limits                                what the result cannot tell you
  disregard                             how to set the score aside
"""
from __future__ import annotations

from typing import Any

from app.scoring import rules
from app.scoring.instruments import Instrument

MAIN_FACTORS = 3
DISREGARD = ("This score supports, and never replaces, professional judgement. Record your own "
             "decision separately: agree, or override it with your reasons. You may disregard "
             "the score where it does not fit the facts of the case.")


def assess(inst: Instrument, answers: dict[str, Any]) -> dict[str, Any]:
    """Score complete answers of `inst` and explain the result."""
    result = rules.score(inst, answers)
    used = rules.check_answers(inst, answers, complete=True)
    out: dict[str, Any] = {
        "instrument": inst.key, "title": inst.title, "kind": inst.kind,
        "statistical": inst.statistical, "band": result["band"],
        "band_label": _band_label(inst, result),
        "inputs": used, "derived": {}, "model": None, "outputs": {}, "factors": [],
        "flags": result["flags"], "limits": list(inst.limits),
        "disregard": DISREGARD if inst.statistical else None,
    }
    primary = result["scores"].get(inst.primary) if inst.primary else None
    if primary and primary["type"] == "model":
        _explain_model(inst, primary, out)
    else:
        _explain_rules(inst, result, out)
    out["main_factors"] = out["factors"][:MAIN_FACTORS]
    return out


def _band_label(inst: Instrument, result: dict[str, Any]) -> str:
    band = result["band"]
    candidates: list[dict[str, Any]] = []
    if inst.model:
        candidates = inst.model["bands"]
    elif inst.primary and inst.rule(inst.primary)["type"] == "sum":
        candidates = inst.rule(inst.primary)["bands"]
    elif inst.primary and inst.rule(inst.primary)["type"] == "rating":
        item = inst.items[inst.rule(inst.primary)["item"]]
        opt = item.option(band)
        return opt.label if opt else band
    for b in candidates:
        if b["band"] == band:
            return b.get("label", band)
    return band.replace("_", " ").capitalize()


def _explain_model(inst: Instrument, scored: dict[str, Any], out: dict[str, Any]) -> None:
    from app.scoring import ogrs3

    model = ogrs3.scorer(inst).model
    out["model"] = {"id": model.model_id, "version": model.version, "sha256": model.sha256,
                    "type": inst.model.get("type", "STATIC")}
    out["outputs"] = {"p1": scored["p1"], "p2": scored["p2"], "band": scored["band"]}
    # The cut points live in the instrument file, so its version is the thresholds' version.
    out["thresholds"] = {"version": inst.key, "on": inst.model.get("band_on", "p2"),
                         "bands": inst.model["bands"]}
    out["factors_scale"] = ("terms of the OGRS3 linear predictor in log-odds: a positive term "
                            "raises the estimate, a negative one lowers it")
    out["derived"] = dict(scored["derived"])
    coef = inst.model["coefficients"]
    out["derived"]["previous_sanctions_used"] = min(out["inputs"]["previous_sanctions"],
                                                    coef["previous_cap"])
    out["logit"] = {"x": sum(scored["contributions"].values()),
                    "intercept_1y": coef["intercept_1y"], "intercept_2y": coef["intercept_2y"]}
    out["factors"] = [
        {"factor": term, "label": ogrs3.TERM_LABELS[term], "contribution": value,
         "direction": "raises" if value > 0 else "lowers" if value < 0 else "neutral",
         "values": _term_values(term, out)}
        for term, value in sorted(scored["contributions"].items(), key=lambda kv: -abs(kv[1]))
    ]


def _term_values(term: str, out: dict[str, Any]) -> dict[str, Any]:
    """The inputs behind one OGRS3 term, so a reader can check it."""
    i, d = out["inputs"], out["derived"]
    return {
        "copas": {"previous_sanctions": d["previous_sanctions_used"],
                  "age_conv": d["age_conv"], "age_first": d["age_first"]},
        "previous": {"previous_sanctions": i["previous_sanctions"]},
        "age_sex": {"age_assess": d["age_assess"], "sex": i["sex"]},
        "offence": {"offence_category": i["offence_category"]},
    }[term]


def _explain_rules(inst: Instrument, result: dict[str, Any], out: dict[str, Any]) -> None:
    out["outputs"] = result["scores"]
    factors: list[dict[str, Any]] = []
    for rule_id, res in result["scores"].items():
        if res["type"] == "sum":
            for iid, value in res["contributions"].items():
                factors.append({"factor": iid, "label": inst.items[iid].label,
                                "contribution": value, "rule": rule_id,
                                "answer": out["inputs"].get(iid)})
        elif res["type"] == "rating":
            # A professional judgement is explained by its own rationale.
            factors.append({"factor": inst.rule(rule_id)["rationale"], "label": res["label"],
                            "contribution": None, "rule": rule_id, "answer": res["rationale"]})
        elif res["type"] == "checklist":
            for iid, label in zip(res["items"], res["labels"]):
                factors.append({"factor": iid, "label": label, "contribution": None,
                                "rule": rule_id, "answer": True})
    factors.sort(key=lambda f: -abs(f["contribution"] or 0))
    out["factors"] = factors
