"""Answering and scoring instruments: conditional items, answer checks, sums, bands, flags,
the needs profile, the responsivity checklist and structured professional judgements."""
from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.scoring import explain, instruments, rules


@pytest.fixture(scope="module")
def suicide():
    return instruments.load("suicide_self_harm_screen")


def _no_risk(inst) -> dict:
    """Complete answers to the suicide screen that raise no concern."""
    answers = {i.id: False for i in inst.items.values() if i.type == "yes_no"}
    answers["hope"] = "HOPEFUL"
    return rules.drop_hidden(inst, answers)


def _ids(items):
    return [i.id for i in items]


def test_conditional_items_appear_only_when_their_answer_is_given(suicide):
    shown = _ids(rules.visible_items(suicide, {}))
    assert "plan" not in shown and "last_self_harm" not in shown
    shown = _ids(rules.visible_items(suicide, {"thoughts_end_life": True}))
    assert shown.index("thoughts_end_life") < shown.index("plan") < shown.index("intent")
    assert "means_access" not in shown  # depends on `plan`, not yet answered yes
    shown = _ids(rules.visible_items(suicide, {"thoughts_end_life": True, "plan": True}))
    assert "means_access" in shown
    # Changing the first answer collapses the whole chain.
    shown = _ids(rules.visible_items(suicide, {"thoughts_end_life": False, "plan": True}))
    assert "plan" not in shown and "means_access" not in shown


def test_answer_to_an_item_not_asked_is_refused(suicide):
    with pytest.raises(ValidationError) as err:
        rules.check_answers(suicide, {"thoughts_end_life": False, "plan": True})
    assert err.value.field == "plan"
    assert "not asked unless thoughts_end_life is True" in err.value.reason
    assert rules.drop_hidden(suicide, {"thoughts_end_life": False, "plan": True}) == {
        "thoughts_end_life": False}


def test_conditional_items_are_required_only_when_shown(suicide):
    answers = _no_risk(suicide)
    rules.check_answers(suicide, answers, complete=True)  # plan/intent not required
    answers["thoughts_end_life"] = True
    with pytest.raises(ValidationError) as err:
        rules.check_answers(suicide, answers, complete=True)
    assert (err.value.field, err.value.reason) == ("plan", "is required to complete the assessment")


def test_draft_may_be_partial_but_completion_needs_every_required_item(suicide):
    assert rules.check_answers(suicide, {"thoughts_end_life": False}) == {"thoughts_end_life": False}
    with pytest.raises(ValidationError) as err:
        rules.check_answers(suicide, {"thoughts_end_life": False}, complete=True)
    assert err.value.field == "thoughts_self_harm"


@pytest.mark.parametrize("instrument,item,value,reason", [
    ("suicide_self_harm_screen", "thoughts_end_life", "yes", "must be yes (true) or no (false)"),
    ("suicide_self_harm_screen", "hope", "OPTIMISTIC", "is not one of"),
    ("ogrs3", "previous_sanctions", 501, "must be at most 500"),
    ("ogrs3", "previous_sanctions", -1, "must be at least 0"),
    ("ogrs3", "previous_sanctions", True, "must be a whole number"),
    ("ogrs3", "birth_date", "1989-02-30", "is not a date"),
    ("ogrs3", "birth_date", "1989-4-22", "is not a date"),
    ("ogrs3", "sex", "X", "is not one of 'M', 'F'"),
    ("violence_spj", "rationale", "Seems fine.", "must be at least 50 characters"),
    ("violence_spj", "setting", 42, "must be text"),
    ("ogrs3", "favourite_colour", "blue", "is not an item of ogrs3@1"),
])
def test_bad_answers_name_the_item(instrument, item, value, reason):
    inst = instruments.load(instrument)
    with pytest.raises(ValidationError) as err:
        rules.check_answers(inst, {item: value})
    assert err.value.field == item
    assert reason in err.value.reason


def test_sum_bands_and_flags_of_the_suicide_screen(suicide):
    low = rules.score(suicide, _no_risk(suicide))
    assert low["band"] == "LOW" and low["scores"]["total"]["value"] == 0 and low["flags"] == []

    answers = {**_no_risk(suicide), "previous_self_harm": True, "last_self_harm": "YEAR",
               "recent_loss": True, "hope": "LITTLE"}
    medium = rules.score(suicide, answers)
    assert medium["scores"]["total"]["value"] == 2 + 1 + 1 + 2
    assert medium["band"] == "MEDIUM" and medium["flags"] == []

    answers.update(thoughts_end_life=True, plan=True, intent=False, means_access=True)
    high = rules.score(suicide, answers)
    assert high["scores"]["total"]["value"] == 6 + 3 + 3 + 2
    assert high["band"] == "HIGH"
    flags = {f["id"]: f for f in high["flags"]}
    assert set(flags) == {"immediate_action", "referral"}
    assert "Do not leave the person alone" in flags["immediate_action"]["action"]
    assert flags["immediate_action"]["because"] == ["plan is True"]


def test_staff_concern_raises_the_immediate_flag_even_when_the_total_is_low(suicide):
    result = rules.score(suicide, {**_no_risk(suicide), "staff_concern": True})
    assert result["band"] == "LOW"
    assert [f["id"] for f in result["flags"]] == ["immediate_action"]


def test_needs_profile_orders_domains_and_names_priorities():
    inst = instruments.load("criminogenic_needs")
    answers = {i.id: "NONE" for i in inst.items.values() if i.type == "rating"}
    answers.update(sm_use="SIGNIFICANT", sm_offending="SIGNIFICANT", at_justify="SIGNIFICANT",
                   at_victims="SOME", ee_skills="SOME", ee_history="SOME", le_boredom="SOME",
                   as_peers="SOME", as_status="SOME")
    result = rules.score(inst, answers)
    profile = result["scores"]["profile"]
    assert [d["id"] for d in profile["profile"][:4]] == [
        "substance_misuse", "attitudes", "associates", "education_employment"]
    assert [d["band"] for d in profile["profile"][:5]] == ["HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW"]
    # At most three priorities, from domains with at least some need.
    assert profile["priorities"] == ["substance_misuse", "attitudes", "associates"]
    assert result["scores"]["leisure"] == {
        "type": "sum", "label": "Leisure and recreation", "value": 1, "band": "LOW",
        "contributions": {"le_boredom": 1.0}}


def test_no_needs_means_no_priorities():
    inst = instruments.load("criminogenic_needs")
    answers = {i.id: "NONE" for i in inst.items.values() if i.type == "rating"}
    assert rules.score(inst, answers)["scores"]["profile"]["priorities"] == []


def test_responsivity_checklist_lists_adaptations_without_a_score():
    inst = instruments.load("responsivity_checklist")
    answers = {i.id: False for i in inst.items.values() if i.type == "yes_no"}
    answers.update(literacy=True, language=True, language_detail="Polish interpreter",
                   readiness="AMBIVALENT")
    result = explain.assess(inst, answers)
    assert result["band"] == "NOT_APPLICABLE" and result["statistical"] is False
    assert result["outputs"]["considerations"]["items"] == ["literacy", "language"]
    assert [f["factor"] for f in result["main_factors"]] == ["literacy", "language"]


def _violence_answers(inst, **over):
    answers = {i.id: "NO" for i in inst.items.values() if i.type == "choice"}
    answers.update(
        imminence="MONTHS", setting="Custody, standard wing", review_date="2027-05-01",
        formulation="Violence has occurred when intoxicated and in disputes over debt with peers.",
        scenarios="Most likely: a fight with a peer over debt on the wing, causing moderate injury.",
        management="Debt support, substance misuse programme and monitoring of associations.",
        judgement="MEDIUM",
        rationale="Two past assaults in similar circumstances; current debt and drug use persist, "
                  "but the person engages with support.")
    answers.update(over)
    return answers


def test_violence_spj_result_is_the_professional_rating_with_reasons():
    inst = instruments.load("violence_spj")
    result = explain.assess(inst, _violence_answers(inst, h_previous_violence="YES"))
    assert result["band"] == "MEDIUM" and result["band_label"] == "Moderate"
    judgement = result["outputs"]["judgement"]
    assert judgement["value"] is None  # factors are not counted into a score
    assert judgement["rationale"].startswith("Two past assaults")
    assert result["disregard"] is None  # nothing statistical to disregard
    with pytest.raises(ValidationError) as err:
        rules.score(inst, _violence_answers(inst, rationale=None))
    assert (err.value.field, err.value.reason) == ("rationale", "is required to complete the assessment")


def test_extremism_spj_needs_a_written_rationale_and_gives_no_score():
    inst = instruments.load("extremism_spj")
    answers = {i.id: "NO" for i in inst.items.values() if i.type == "choice"}
    answers.update(sources="Interview on 2026-11-20 and the security file (verified).",
                   concern="LOW", review_date="2027-05-20",
                   management="Continue education; review if new information is received.",
                   rationale="Short reason.")
    with pytest.raises(ValidationError) as err:
        rules.score(inst, answers)
    assert err.value.field == "rationale" and "at least 100 characters" in err.value.reason
    answers["rationale"] = ("No engagement with any extremist group or material is evidenced; the "
                            "grievance expressed concerns his sentence, not a cause, and he has "
                            "strong family ties that he values.")
    result = explain.assess(inst, answers)
    assert result["band"] == "LOW" and result["statistical"] is False and result["model"] is None
    assert all(s.get("value") is None for s in result["outputs"].values())


def test_roles_who_may_complete_and_read():
    spj = instruments.load("extremism_spj")
    assert spj.may_complete(["psychologist"]) and not spj.may_complete(["case_manager"])
    assert spj.may_read(["central_office"]) and not spj.may_read(["supervisor"])


def test_at_least_conditions_on_ratings_and_integers():
    """An item can depend on a rating reaching a level, or a number reaching a value."""
    import copy
    import json

    doc = json.loads((instruments._shipped() / "mental_health_screen@1.json").read_text())
    doc = copy.deepcopy(doc)
    recent = doc["sections"][1]["items"]
    recent.insert(1, {"id": "mood_details", "label": "Tell me more about your mood", "type": "text",
                      "show_if": {"item": "low_mood", "at_least": "MOST_DAYS"}})
    recent.append({"id": "nights", "label": "Nights without sleep this week", "type": "integer",
                   "min": 0, "max": 7, "show_if": {"item": "sleep", "at_least": "SOME_DAYS"}})
    recent.append({"id": "sleep_help", "label": "Wants help with sleep", "type": "yes_no",
                   "show_if": {"item": "nights", "at_least": 3}})
    inst = instruments.parse_instrument("mental_health_screen@1.json", json.dumps(doc).encode())
    shown = lambda answers: _ids(rules.visible_items(inst, answers))  # noqa: E731
    assert "mood_details" not in shown({"low_mood": "SOME_DAYS"})
    assert "mood_details" in shown({"low_mood": "MOST_DAYS"})
    assert "mood_details" in shown({"low_mood": "EVERY_DAY"})
    assert "nights" not in shown({"sleep": "NOT_AT_ALL"})
    assert "sleep_help" not in shown({"sleep": "SOME_DAYS", "nights": 2})
    assert "sleep_help" in shown({"sleep": "SOME_DAYS", "nights": 3})
    with pytest.raises(ValidationError) as err:
        rules.check_answers(inst, {"sleep": "NOT_AT_ALL", "nights": 5})
    assert err.value.field == "nights" and "sleep is at least 'SOME_DAYS'" in err.value.reason
