"""The exported model equals the trained one, explains itself, and is reproducible."""
from __future__ import annotations

import hashlib
import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from models_onnx import card as card_mod
from models_onnx import evaluate, export, features, train


def test_onnx_probability_equals_scikit_learn_on_held_out_rows(trained):
    onnx_p = train.run_onnx(trained.onnx_bytes, trained.x_test)["probability"]
    sklearn_p = trained.pipeline.predict_proba(trained.x_test)[:, 1]
    assert len(onnx_p) == len(trained.test_rows) > 1500
    assert np.max(np.abs(onnx_p - sklearn_p)) <= 1e-6


def test_contributions_reproduce_the_logit(trained):
    out = train.run_onnx(trained.onnx_bytes, trained.x_test)
    meta = {p.key: p.value for p in onnx.load_from_string(trained.onnx_bytes).metadata_props}
    intercept = float(meta["custos.intercept"])
    assert out["contributions"].shape == (len(trained.x_test), len(features.FEATURES))
    np.testing.assert_allclose(intercept + out["contributions"].sum(axis=1), out["logit"],
                               rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["logit"], trained.pipeline.decision_function(trained.x_test),
                               rtol=0, atol=1e-6)
    # Each contribution is coefficient x standardised input, as the card explains.
    scaler = trained.pipeline.named_steps["scale"]
    coef = trained.pipeline.named_steps["logit"].coef_[0]
    np.testing.assert_allclose(out["contributions"], scaler.transform(trained.x_test) * coef,
                               rtol=0, atol=1e-6)


def test_agrees_with_skl2onnx_and_has_a_plain_probability_tensor(trained):
    from skl2onnx import to_onnx

    reference = to_onnx(trained.pipeline, trained.x_train[:1].astype(np.float32),
                        options={id(trained.pipeline.named_steps["logit"]): {"zipmap": False}},
                        target_opset=17)
    ref = ort.InferenceSession(reference.SerializeToString(), providers=["CPUExecutionProvider"])
    ref_p = ref.run(None, {ref.get_inputs()[0].name: trained.x_test.astype(np.float32)})[1][:, 1]
    ours = train.run_onnx(trained.onnx_bytes, trained.x_test)["probability"]
    assert np.max(np.abs(ours - ref_p)) < 1e-5  # skl2onnx computes in float32
    model = onnx.load_from_string(trained.onnx_bytes)
    assert {n.op_type for n in model.graph.node}.isdisjoint({"ZipMap", "LinearClassifier"})
    prob = [o for o in model.graph.output if o.name == "probability"][0]
    assert prob.type.tensor_type.elem_type == onnx.TensorProto.DOUBLE
    assert len(prob.type.tensor_type.shape.dim) == 1


def test_race_is_never_an_input(trained):
    assert "race" not in features.FEATURE_NAMES
    model = onnx.load_from_string(trained.onnx_bytes)
    assert [d.dim_value for d in model.graph.input[0].type.tensor_type.shape.dim][1] == 7
    assert trained.card["race_is_an_input"] is False
    assert [c["name"] for c in trained.card["inputs"]] == list(features.FEATURE_NAMES)


def test_two_runs_and_the_committed_files_are_byte_identical(trained):
    again = train.train()
    assert again.onnx_bytes == trained.onnx_bytes
    assert card_mod.to_json(again.card) == card_mod.to_json(trained.card)
    committed = train.MODELS_DIR
    assert (committed / train.ONNX_FILE).read_bytes() == trained.onnx_bytes
    assert (committed / train.CARD_JSON).read_text("utf-8") == card_mod.to_json(trained.card)
    assert (committed / train.CARD_MD).read_text("utf-8") == card_mod.to_markdown(trained.card)


def test_train_command_writes_model_and_card(tmp_path, trained):
    assert train.main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / train.ONNX_FILE).read_bytes() == trained.onnx_bytes
    card = json.loads((tmp_path / train.CARD_JSON).read_text())
    assert card["onnx_sha256"] == hashlib.sha256(trained.onnx_bytes).hexdigest()
    assert "## Prohibited use" in (tmp_path / train.CARD_MD).read_text()


def test_card_states_uses_data_and_accuracy_against_compas(trained):
    card = trained.card
    assert card["intended_use"] and card["prohibited_use"] and card["limitations"]
    td = card["training_data"]
    assert td["screening_period"] == {"from": "2013-01-01", "to": "2014-12-31"}
    assert td["rows_after_filter"] == td["training_rows"] + td["held_out_rows"] == 6172
    held = card["performance"]["held_out"]
    assert held["model"]["n"] == held["compas"]["n"] == td["held_out_rows"]
    assert 0.65 < held["model"]["auc"] < 0.8 and 0.65 < held["compas"]["auc"] < 0.8
    assert held["model"]["calibration"] and held["compas"]["calibration"]
    assert set(card["performance"]["by_sex"]) == {"Female", "Male"}
    assert set(card["performance"]["by_race"]) == {"African-American", "Caucasian", "Hispanic",
                                                   "Other"}
    assert "calibrated within each group" in card["calibration_vs_error_rate_balance"]


def test_card_error_rates_by_group_match_the_held_out_predictions(trained):
    """Recompute one group's rates by hand from the shipped graph's predictions."""
    p = train.run_onnx(trained.onnx_bytes, trained.x_test)["probability"]
    black = np.array([r.race == "African-American" for r in trained.test_rows])
    y = trained.y_test[black]
    flagged = p[black] >= 0.5
    fpr = np.sum(flagged & (y == 0)) / np.sum(y == 0)
    fnr = np.sum(~flagged & (y == 1)) / np.sum(y == 1)
    group = trained.card["performance"]["by_race"]["African-American"]
    assert group["model"]["error_rates"]["false_positive_rate"] == pytest.approx(fpr, abs=5e-5)
    assert group["model"]["error_rates"]["false_negative_rate"] == pytest.approx(fnr, abs=5e-5)
    decile = np.array([r.decile_score for r in trained.test_rows])[black]
    compas_fpr = np.sum((decile >= 5) & (y == 0)) / np.sum(y == 0)
    assert group["compas"]["error_rates"]["false_positive_rate"] == pytest.approx(compas_fpr,
                                                                                  abs=5e-5)


def test_compas_error_rates_on_the_filtered_data_are_close_to_propublicas(trained):
    """A check that the data is read as ProPublica read it (their subset differs slightly)."""
    check = trained.card["propublica_check"]
    for rate, groups in check["published"].items():
        for group, published in groups.items():
            assert check["recomputed"][rate][group] == pytest.approx(published, abs=0.03)


def test_wilson_interval_and_calibration_table():
    assert evaluate.wilson(0, 0) is None
    low, high = evaluate.wilson(50, 100)
    assert low < 0.5 < high and high - low == pytest.approx(0.19, abs=0.01)
    table = evaluate.calibration_table(np.array([0, 1, 1]), np.array([0.05, 0.95, 1.0]))
    assert table[0]["n"] == 1 and table[-1]["n"] == 2 and table[-1]["observed"] == 1.0


def test_export_refuses_bad_parameters():
    with pytest.raises(ValueError, match="scale"):
        export.build(model_id="m", version="1", input_name="x", feature_names=["a"],
                     mean=[0.0], scale=[0.0], coef=[1.0], intercept=0.0, metadata={})
