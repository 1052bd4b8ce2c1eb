"""ONNX export of a standardised logistic regression, with contributions in the graph.

The graph is built with `onnx.helper` rather than skl2onnx. skl2onnx's
LinearClassifier gives the probability but not the per-feature terms, so
explanations would need a second computation that could drift from the
score. Here one chain of plain operators computes everything:

    z             = (features - mean) / scale          # standardised inputs
    contributions = z * coef                           # one term per feature (logit units)
    logit         = intercept + sum(contributions)
    probability   = sigmoid(logit)

so the contributions reproduce the logit by construction, in float64
throughout (no ai.onnx.ml operators, no ZipMap). The tests check the graph
against scikit-learn and against skl2onnx's own conversion. A contribution
of 0 means "as the average person in the training data".

The serialisation is deterministic (fixed names, opset, IR version and
producer, parameters rounded to 12 significant digits to absorb last-bit
differences between BLAS builds), so two training runs give identical bytes.
"""
from __future__ import annotations

import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8  # readable by every onnxruntime the client allows (>= 1.17)
PRODUCER = "custos.models_onnx"

OUTPUTS = ("probability", "logit", "contributions")


def round_params(values) -> np.ndarray:
    """Parameters rounded to 12 significant digits (reproducible across platforms)."""
    return np.array([float(f"{float(v):.12g}") for v in np.ravel(values)], dtype=np.float64)


def build(*, model_id: str, version: str, input_name: str, feature_names: list[str],
          mean, scale, coef, intercept: float, metadata: dict[str, str]) -> bytes:
    """The serialised ONNX model for one standardised logistic regression."""
    n = len(feature_names)
    mean, scale, coef = round_params(mean), round_params(scale), round_params(coef)
    intercept_arr = round_params([intercept])
    for label, arr in (("mean", mean), ("scale", scale), ("coef", coef)):
        if arr.shape != (n,):
            raise ValueError(f"{label} has shape {arr.shape}, expected ({n},)")
    if np.any(scale <= 0):
        raise ValueError("scale must be positive")

    inits = [
        numpy_helper.from_array(mean, "mean"),
        numpy_helper.from_array(scale, "scale"),
        numpy_helper.from_array(coef, "coef"),
        numpy_helper.from_array(intercept_arr, "intercept"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "feature_axis"),
    ]
    nodes = [
        helper.make_node("Sub", [input_name, "mean"], ["centred"], name="centre"),
        helper.make_node("Div", ["centred", "scale"], ["standardised"], name="standardise"),
        helper.make_node("Mul", ["standardised", "coef"], ["contributions"], name="contribute"),
        helper.make_node("ReduceSum", ["contributions", "feature_axis"], ["summed"],
                         name="sum_contributions", keepdims=0),
        helper.make_node("Add", ["summed", "intercept"], ["logit"], name="add_intercept"),
        helper.make_node("Sigmoid", ["logit"], ["probability"], name="to_probability"),
    ]
    graph = helper.make_graph(
        nodes, model_id,
        [helper.make_tensor_value_info(input_name, TensorProto.DOUBLE, ["N", n])],
        [helper.make_tensor_value_info("probability", TensorProto.DOUBLE, ["N"]),
         helper.make_tensor_value_info("logit", TensorProto.DOUBLE, ["N"]),
         helper.make_tensor_value_info("contributions", TensorProto.DOUBLE, ["N", n])],
        initializer=inits,
        doc_string=f"{model_id} {version}: columns {', '.join(feature_names)}",
    )
    model = helper.make_model(graph, producer_name=PRODUCER, producer_version=version,
                              opset_imports=[helper.make_opsetid("", OPSET)],
                              doc_string="standardised logistic regression with "
                                         "per-feature contributions")
    model.ir_version = IR_VERSION
    props = {"custos.model_id": model_id, "custos.version": version,
             "custos.features": json.dumps(feature_names),
             "custos.intercept": repr(float(intercept_arr[0])), **metadata}
    helper.set_model_props(model, dict(sorted(props.items())))
    onnx.checker.check_model(model, full_check=True)
    return model.SerializeToString(deterministic=True)
