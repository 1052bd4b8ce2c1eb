"""Instrument files: the seven shipped instruments, validation errors, versions side by side."""
from __future__ import annotations

import copy
import json

import pytest

from app.core.errors import NotFound
from app.core.roles import ROLES
from app.scoring import instruments
from app.scoring.instruments import InstrumentError, parse_instrument

SHIPPED = {
    "ogrs3": "actuarial", "suicide_self_harm_screen": "screen", "mental_health_screen": "screen",
    "criminogenic_needs": "needs", "responsivity_checklist": "checklist",
    "violence_spj": "spj", "extremism_spj": "spj",
}


def _doc(name: str) -> dict:
    return json.loads((instruments._shipped() / f"{name}@1.json").read_text())


def _parse(doc: dict, name: str | None = None):
    name = name or f"{doc['id']}@{doc['version']}.json"
    return parse_instrument(name, json.dumps(doc).encode())


def test_every_shipped_instrument_loads_and_is_what_it_says():
    loaded = {i.id: i for i in instruments.load_all()}
    assert set(SHIPPED) <= set(loaded)
    for inst_id, kind in SHIPPED.items():
        inst = loaded[inst_id]
        assert inst.kind == kind
        assert inst.limits and inst.sections and inst.title
        assert inst.complete_roles <= set(ROLES) and inst.complete_roles <= inst.read_roles
        # Officers read operational data only; clinical instruments are not theirs.
        assert not inst.may_complete(["officer"]) and not inst.may_read(["officer"])
        assert inst.may_complete(["psychologist"])


def test_needs_assessment_covers_the_central_eight():
    inst = instruments.load("criminogenic_needs")
    needs = [s.need for s in inst.sections]
    assert needs == ["CRIMINAL_HISTORY", "ATTITUDES", "ASSOCIATES", "ANTISOCIAL_PATTERN",
                     "EDUCATION_EMPLOYMENT", "FAMILY_MARITAL", "LEISURE", "SUBSTANCE_MISUSE"]
    assert inst.rule("profile")["type"] == "profile"


def test_extremism_spj_has_no_statistical_score_and_requires_a_rationale():
    inst = instruments.load("extremism_spj")
    assert inst.statistical is False and inst.model is None
    assert {r["type"] for r in inst.rules} == {"rating"}
    rationale = inst.items[inst.rule("concern")["rationale"]]
    assert rationale.type == "text" and rationale.required and rationale.min_length >= 100


def test_ogrs3_file_holds_the_published_coefficients():
    c = instruments.load("ogrs3").model["coefficients"]
    assert c["copas"] == 1.251124464 and c["intercept_2y"] == 2.121705678
    assert c["age_sex"]["F"][-1] == -2.44983716
    assert len(c["offence"]) == 20 and c["offence"]["soliciting"] == 0.760608858


def test_unknown_instrument_and_version_are_not_found():
    with pytest.raises(NotFound):
        instruments.load("lsi_r")
    with pytest.raises(NotFound):
        instruments.load("ogrs3", 99)


def _mutations():
    """(description, instrument, change function, expected field suffix, reason fragment)."""
    def set_(path, value):
        def change(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return change

    def delete(path):
        def change(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]
        return change

    return [
        ("missing title", "suicide_self_harm_screen", delete(["title"]), "title", "is required"),
        ("unknown kind", "suicide_self_harm_screen", set_(["kind"], "quiz"), "kind", "not one of"),
        ("unknown role", "suicide_self_harm_screen", set_(["roles", "complete"], ["nurse"]),
         "roles.complete[0]", "is not a role"),
        ("completer cannot read", "suicide_self_harm_screen",
         set_(["roles", "read"], ["central_office"]), "roles.read", "must include"),
        ("no limits", "suicide_self_harm_screen", set_(["limits"], []), "limits", "at least one"),
        ("unknown answer type", "suicide_self_harm_screen",
         set_(["sections", 0, "items", 0, "type"], "slider"), "sections[0].items[0].type",
         "not one of"),
        ("condition on a later item", "suicide_self_harm_screen",
         set_(["sections", 0, "items", 1, "show_if"], {"item": "staff_concern", "equals": True}),
         "sections[0].items[1].show_if.item", "not an item defined before"),
        ("condition with a value the item cannot have", "suicide_self_harm_screen",
         set_(["sections", 0, "items", 1, "show_if"], {"item": "thoughts_end_life", "equals": "yes"}),
         "sections[0].items[1].show_if.equals", "compare with true or false"),
        ("integer without min", "ogrs3", delete(["sections", 1, "items", 2, "min"]),
         "sections[1].items[2].min", "is required"),
        ("property of another type", "ogrs3",
         set_(["sections", 0, "items", 1, "min_length"], 3), "sections[0].items[1].min_length",
         "not a property of a date item"),
        ("option offered twice", "mental_health_screen",
         set_(["sections", 2, "items", 1, "options", 1, "value"], "SETTLED"),
         "sections[2].items[1].options[1].value", "offered twice"),
        ("sum over a text item", "mental_health_screen",
         set_(["scoring", "rules", 0, "items"], ["observations"]), "scoring.rules[0].items[0]",
         "cannot be summed"),
        ("bands out of order", "mental_health_screen",
         set_(["scoring", "rules", 0, "bands", 1, "min"], 0), "scoring.rules[0].bands[1].min",
         "increasing order"),
        ("band that is not a band", "mental_health_screen",
         set_(["scoring", "rules", 0, "bands", 0, "band"], "GREEN"),
         "scoring.rules[0].bands[0].band", "not one of"),
        ("primary names no rule", "mental_health_screen", set_(["scoring", "primary"], "nope"),
         "scoring.primary", "not the id of a scoring rule"),
        ("SPJ that computes a score", "extremism_spj",
         set_(["scoring", "rules"], [{"id": "total", "type": "sum", "label": "Total",
                                      "items": ["e_grievance"], "bands": [{"band": "LOW", "min": 0}]}]),
         "scoring.rules[0].type", "non-statistical instrument may not compute"),
        ("rationale that may be skipped", "extremism_spj",
         set_(["sections", 4, "items", 2, "required"], False), "scoring.rules[0].rationale",
         "required text item"),
        ("OGRS3 coefficient missing", "ogrs3", delete(["model", "coefficients", "intercept_1y"]),
         "model.coefficients.intercept_1y", "is required"),
        ("OGRS3 age table of the wrong length", "ogrs3",
         set_(["model", "coefficients", "age_sex", "F"], [0.1, 0.2]),
         "model.coefficients.age_sex.F", "11 numbers"),
        ("OGRS3 offence codes differ from the item", "ogrs3",
         delete(["model", "coefficients", "offence", "other"]), "model.coefficients.offence",
         "same codes"),
        ("need that is not a central-eight code", "criminogenic_needs",
         set_(["sections", 2, "need"], "PEERS"), "sections[2].need", "not a criminogenic_need code"),
        ("coefficient that is text", "ogrs3", set_(["model", "coefficients", "copas"], "1.25"),
         "model.coefficients.copas", "must be a number"),
    ]


@pytest.mark.parametrize("what,name,change,field,reason", _mutations(),
                         ids=[m[0] for m in _mutations()])
def test_bad_files_are_refused_naming_file_and_field(what, name, change, field, reason):
    doc = copy.deepcopy(_doc(name))
    change(doc)
    with pytest.raises(InstrumentError) as err:
        _parse(doc)
    assert err.value.field == f"{name}@1.json: {field}"
    assert reason in err.value.reason


def test_file_name_must_match_id_and_version():
    doc = _doc("violence_spj")
    with pytest.raises(InstrumentError) as err:
        _parse(doc, "violence_spj@2.json")
    assert err.value.field == "violence_spj@2.json: id"
    with pytest.raises(InstrumentError) as err:
        _parse(doc, "violence.json")
    assert "file name" in err.value.field


def test_malformed_json_is_refused():
    with pytest.raises(InstrumentError) as err:
        parse_instrument("broken@1.json", b'{"format": 1,')
    assert err.value.field == "broken@1.json: (file)" and "not valid JSON" in err.value.reason


def test_versions_live_side_by_side(isolated_home):
    """A changed instrument is a new version; the old one still loads as it was."""
    folder = instruments.agency_folder()
    folder.mkdir(parents=True)
    v1 = _doc("suicide_self_harm_screen")
    v1["id"] = "local_screen"
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["sections"][0]["items"][0]["label"] = "Are you thinking about suicide at the moment?"
    (folder / "local_screen@1.json").write_text(json.dumps(v1))
    (folder / "local_screen@2.json").write_text(json.dumps(v2))
    assert instruments.available()["local_screen"] == [1, 2]
    newest, old = instruments.load("local_screen"), instruments.load("local_screen", "1")
    assert (newest.key, old.key) == ("local_screen@2", "local_screen@1")
    assert old.items["thoughts_end_life"].label.startswith("Are you having thoughts")
    assert newest.items["thoughts_end_life"].label.startswith("Are you thinking about suicide")
    assert old.sha256 != newest.sha256
    # A completed assessment is read with the version it was completed with.
    stored = {"instrument_id": "local_screen", "instrument_version": "1"}
    assert instruments.for_assessment(stored) is old


def test_an_agency_file_cannot_replace_a_shipped_version(isolated_home):
    folder = instruments.agency_folder()
    folder.mkdir(parents=True)
    (folder / "ogrs3@1.json").write_text(json.dumps(_doc("ogrs3")))
    with pytest.raises(InstrumentError) as err:
        instruments.load("ogrs3", 1)
    assert "new version number" in err.value.reason
