"""Answers and scoring rules of an instrument: what is asked, what is valid, what it scores.

`visible_items` decides which conditional items are asked given the answers
so far; `check_answers` validates a draft as it is filled in (and, with
`complete=True`, that every visible required item is answered);
`score` applies the instrument's scoring rules.

Rule types (declared in the instrument file):
  sum        adds item scores (yes/no weights, option scores, integers) and
             maps the total to a band
  flag       raised when any of its conditions holds, with the action to take
  profile    orders earlier sum rules (need domains) into a needs profile and
             the priorities to work on
  rating     a structured professional judgement: the professional's own band
             and mandatory written rationale; nothing is computed
  checklist  lists the yes/no items answered yes (e.g. responsivity adaptations)
  model      a statistical model (OGRS3), scored through ONNX (app.scoring.ogrs3)
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.errors import ValidationError
from app.scoring.instruments import BANDS, Condition, Instrument, Item


def condition_holds(cond: Condition, answers: dict[str, Any], inst: Instrument) -> bool:
    """Whether `cond` is met by the answers (an unanswered item meets nothing)."""
    value = answers.get(cond.item)
    if value is None:
        return False
    if cond.op == "equals":
        return value == cond.value and type(value) is type(cond.value)
    if cond.op == "in":
        return value in cond.value
    target = inst.items[cond.item]
    if target.type == "rating":
        return target.rank(value) >= target.rank(cond.value)
    return isinstance(value, int) and value >= cond.value


def visible_items(inst: Instrument, answers: dict[str, Any]) -> list[Item]:
    """The items asked, in order, given the answers so far.

    A condition on an item that is itself hidden never holds, so a chain of
    conditional items collapses when its first answer changes.
    """
    shown: list[Item] = []
    shown_ids: set[str] = set()
    for section in inst.sections:
        for item in section.items:
            cond = item.show_if
            if cond is None or (cond.item in shown_ids and condition_holds(cond, answers, inst)):
                shown.append(item)
                shown_ids.add(item.id)
    return shown


def check_answer(item: Item, value: Any) -> Any:
    """One answer, validated for its item's type; returns the value to store."""
    f = item.id
    if item.type == "yes_no":
        if not isinstance(value, bool):
            raise ValidationError(f, "must be yes (true) or no (false)")
    elif item.type in ("choice", "rating"):
        if item.option(value) is None:
            allowed = ", ".join(repr(o.value) for o in item.options)
            raise ValidationError(f, f"{value!r} is not one of {allowed}")
    elif item.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f, "must be a whole number")
        if value < item.minimum:
            raise ValidationError(f, f"must be at least {item.minimum}")
        if item.maximum is not None and value > item.maximum:
            raise ValidationError(f, f"must be at most {item.maximum}")
    elif item.type == "date":
        if not isinstance(value, str):
            raise ValidationError(f, "must be a date written YYYY-MM-DD")
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f, f"{value!r} is not a date (use YYYY-MM-DD)") from None
        if len(value) != 10:
            raise ValidationError(f, f"{value!r} is not a date (use YYYY-MM-DD)")
    elif item.type == "text":
        if not isinstance(value, str):
            raise ValidationError(f, "must be text")
        value = value.strip()
        if len(value) < item.min_length:
            raise ValidationError(f, f"must be at least {item.min_length} characters "
                                     f"(it has {len(value)})")
        if len(value) > item.max_length:
            raise ValidationError(f, f"must be at most {item.max_length} characters")
    return value


def check_answers(inst: Instrument, answers: dict[str, Any], *,
                  complete: bool = False) -> dict[str, Any]:
    """Validate answers; returns them cleaned (text stripped, blanks dropped).

    A draft (`complete=False`) may leave items unanswered. Answers to items
    that are not asked (their condition does not hold) are refused, so no
    stale answer outlives the answer it depended on; `drop_hidden` clears
    them when the UI changes a parent answer.
    """
    if not isinstance(answers, dict):
        raise ValidationError("answers", "must be an object of item id to answer")
    cleaned: dict[str, Any] = {}
    for key, value in answers.items():
        if key not in inst.items:
            raise ValidationError(key, f"is not an item of {inst.key}")
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        cleaned[key] = check_answer(inst.items[key], value)
    shown = visible_items(inst, cleaned)
    shown_ids = {i.id for i in shown}
    for key in cleaned:
        if key not in shown_ids:
            cond = inst.items[key].show_if
            raise ValidationError(key, f"is not asked unless {cond.describe()}")
    if complete:
        for item in shown:
            if item.required and item.id not in cleaned:
                raise ValidationError(item.id, "is required to complete the assessment")
    return cleaned


def drop_hidden(inst: Instrument, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers without those to items that are no longer asked."""
    shown = {i.id for i in visible_items(inst, answers)}
    return {k: v for k, v in answers.items() if k in shown}


def item_score(item: Item, value: Any) -> float:
    """What one answer adds to a sum rule (0 when unanswered)."""
    if value is None:
        return 0.0
    if item.type == "yes_no":
        return item.yes_score if value else item.no_score
    if item.type in ("choice", "rating"):
        return float(item.option(value).score)
    return float(value)


def band_for(bands: list[dict[str, Any]], value: float) -> str:
    """The band whose range holds `value` (bands are ordered by `min`)."""
    found = "NOT_APPLICABLE"
    for band in bands:
        if value >= band["min"]:
            found = band["band"]
    return found


def score(inst: Instrument, answers: dict[str, Any]) -> dict[str, Any]:
    """Apply every scoring rule to complete answers.

    Returns {"instrument", "band", "statistical", "scores": {rule id: result},
    "flags": [...]}; the band is the primary rule's, else NOT_APPLICABLE.
    Statistical models are scored through ONNX by app.scoring.ogrs3.
    """
    answers = check_answers(inst, answers, complete=True)
    results: dict[str, dict[str, Any]] = {}
    flags: list[dict[str, Any]] = []
    for rule in inst.rules:
        kind = rule["type"]
        if kind == "sum":
            parts = {iid: item_score(inst.items[iid], answers.get(iid)) for iid in rule["items"]}
            total = sum(parts.values())
            total = int(total) if float(total).is_integer() else total
            results[rule["id"]] = {
                "type": "sum", "label": rule["label"], "value": total,
                "band": band_for(rule["bands"], total),
                "contributions": {k: v for k, v in parts.items() if v},
            }
        elif kind == "flag":
            met = [c.describe() for c in rule["any"] if condition_holds(c, answers, inst)]
            results[rule["id"]] = {"type": "flag", "label": rule["label"], "raised": bool(met),
                                   "because": met}
            if met:
                flags.append({"id": rule["id"], "label": rule["label"], "action": rule["action"],
                              "because": met})
        elif kind == "profile":
            results[rule["id"]] = _profile(rule, results)
        elif kind == "rating":
            results[rule["id"]] = {
                "type": "rating", "label": rule["label"], "band": answers[rule["item"]],
                "rationale": answers[rule["rationale"]], "value": None,
            }
        elif kind == "checklist":
            marked = [iid for iid in rule["items"] if answers.get(iid) is True]
            results[rule["id"]] = {"type": "checklist", "label": rule["label"], "items": marked,
                                   "labels": [inst.items[i].label for i in marked]}
        elif kind == "model":
            from app.scoring import ogrs3

            results[rule["id"]] = {"type": "model", "label": rule["label"],
                                   **ogrs3.score_answers(inst, answers)}
    band = results[inst.primary]["band"] if inst.primary else "NOT_APPLICABLE"
    return {"instrument": inst.key, "band": band, "statistical": inst.statistical,
            "scores": results, "flags": flags}


def _profile(rule: dict[str, Any], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Need domains ordered by band then score; priorities are those at or above the threshold."""
    order = {b: i for i, b in enumerate(BANDS[:-1])}  # NOT_APPLICABLE ranks below LOW
    domains = [{"id": sid, "label": results[sid]["label"], "band": results[sid]["band"],
                "value": results[sid]["value"]} for sid in rule["scores"]]
    # Stable sort: equal domains keep the instrument's order.
    ranked = sorted(domains, key=lambda d: (-order.get(d["band"], -1), -d["value"]))
    floor = order[rule["priority_from"]]
    priorities = [d["id"] for d in ranked if order.get(d["band"], -1) >= floor]
    top = rule.get("top")
    if isinstance(top, int) and top > 0:
        priorities = priorities[:top]
    return {"type": "profile", "label": rule["label"], "profile": ranked, "priorities": priorities}
