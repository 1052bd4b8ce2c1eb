"""Build the OGRS3 ONNX graph from the coefficients in the OGRS3 instrument file.

    python -m models_onnx.ogrs3_graph [--instrument ogrs3@1.json] [--output models_onnx/ogrs3.onnx]

The graph computes the whole published formula, table look-ups included, so
the device needs nothing but ONNX Runtime and the feature row:

  input  features       float64 [n, 6]: previous_sanctions, age_conv, age_first,
                        age_assess, sex_index (0 = M, 1 = F), offence_index
                        (position of the code in `coefficients.offence`)
  output p1, p2         float64 [n]: one- and two-year probabilities
  output contributions  float64 [n, 4]: copas, previous, age_sex and offence
                        terms; their sum is the linear predictor x, and
                        logit(p1) = x + intercept_1y, logit(p2) = x + intercept_2y

Double precision throughout, so the graph equals the Python reference to
about 1e-15. The build is deterministic: the same coefficients give the same
bytes, and the coefficients' hash is stored in the model's metadata so the
device can refuse a graph that does not match its instrument file.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from app.scoring.ogrs3 import FEATURES, SEXES, TERMS, coefficients_sha256

HERE = Path(__file__).resolve().parent
INSTRUMENT = HERE.parent / "resources" / "instruments" / "ogrs3@1.json"
OUTPUT = HERE / "ogrs3.onnx"
OPSET = 17
IR_VERSION = 8  # readable by every onnxruntime >= 1.14


def _const(name: str, values, dtype) -> onnx.TensorProto:
    return numpy_helper.from_array(np.asarray(values, dtype=dtype), name)


def build(document: dict) -> onnx.ModelProto:
    """The OGRS3 model for one instrument document (its `model` block)."""
    block = document["model"]
    c = block["coefficients"]
    n_bands = len(c["age_bands"]) + 1
    age_sex_table = [v for sex in SEXES for v in c["age_sex"][sex]]  # row-major [sex][band]
    inits = [
        _const("col_prev", 0, np.int64), _const("col_age_conv", 1, np.int64),
        _const("col_age_first", 2, np.int64), _const("col_age_assess", 3, np.int64),
        _const("col_sex", 4, np.int64), _const("col_offence", 5, np.int64),
        _const("previous_cap", float(c["previous_cap"]), np.float64),
        _const("one", 1.0, np.float64), _const("zero", 0.0, np.float64),
        _const("copas_offset", float(c["copas_offset"]), np.float64),
        _const("copas_coef", float(c["copas"]), np.float64),
        _const("any_previous", float(c["any_previous"]), np.float64),
        _const("no_previous", float(c["no_previous"]), np.float64),
        _const("age_bands", [float(a) for a in c["age_bands"]], np.float64),
        _const("n_bands", n_bands, np.int64),
        _const("age_sex_table", age_sex_table, np.float64),
        _const("offence_table", [float(v) for v in c["offence"].values()], np.float64),
        _const("intercept_1y", float(c["intercept_1y"]), np.float64),
        _const("intercept_2y", float(c["intercept_2y"]), np.float64),
        _const("axis1", [1], np.int64),
    ]
    N = helper.make_node
    nodes = [
        # Columns of the feature tensor.
        N("Gather", ["features", "col_prev"], ["prev_raw"], axis=1),
        N("Gather", ["features", "col_age_conv"], ["age_conv"], axis=1),
        N("Gather", ["features", "col_age_first"], ["age_first"], axis=1),
        N("Gather", ["features", "col_age_assess"], ["age_assess"], axis=1),
        N("Gather", ["features", "col_sex"], ["sex_f"], axis=1),
        N("Gather", ["features", "col_offence"], ["offence_f"], axis=1),
        # copas = ln((1 + min(prev, cap)) / (offset + age_conv - age_first))
        N("Min", ["prev_raw", "previous_cap"], ["prev"]),
        N("Add", ["prev", "one"], ["copas_num"]),
        N("Add", ["age_conv", "copas_offset"], ["copas_den0"]),
        N("Sub", ["copas_den0", "age_first"], ["copas_den"]),
        N("Div", ["copas_num", "copas_den"], ["copas_ratio"]),
        N("Log", ["copas_ratio"], ["copas"]),
        N("Mul", ["copas", "copas_coef"], ["t_copas"]),
        # any previous sanctions or none
        N("Greater", ["prev", "zero"], ["has_prev"]),
        N("Where", ["has_prev", "any_previous", "no_previous"], ["t_previous"]),
        # age band = number of band lower bounds reached; look up [sex][band]
        N("Unsqueeze", ["age_assess", "axis1"], ["age_col"]),
        N("GreaterOrEqual", ["age_col", "age_bands"], ["reached"]),
        N("Cast", ["reached"], ["reached_i"], to=TensorProto.INT64),
        N("ReduceSum", ["reached_i", "axis1"], ["band"], keepdims=0),
        N("Cast", ["sex_f"], ["sex_i"], to=TensorProto.INT64),
        N("Mul", ["sex_i", "n_bands"], ["sex_row"]),
        N("Add", ["sex_row", "band"], ["age_sex_idx"]),
        N("Gather", ["age_sex_table", "age_sex_idx"], ["t_age_sex"], axis=0),
        # offence category term
        N("Cast", ["offence_f"], ["offence_i"], to=TensorProto.INT64),
        N("Gather", ["offence_table", "offence_i"], ["t_offence"], axis=0),
        # x, probabilities, contributions
        N("Sum", ["t_copas", "t_previous", "t_age_sex", "t_offence"], ["x"]),
        N("Add", ["x", "intercept_1y"], ["logit_1y"]),
        N("Add", ["x", "intercept_2y"], ["logit_2y"]),
        N("Sigmoid", ["logit_1y"], ["p1"]),
        N("Sigmoid", ["logit_2y"], ["p2"]),
        N("Unsqueeze", ["t_copas", "axis1"], ["c_copas"]),
        N("Unsqueeze", ["t_previous", "axis1"], ["c_previous"]),
        N("Unsqueeze", ["t_age_sex", "axis1"], ["c_age_sex"]),
        N("Unsqueeze", ["t_offence", "axis1"], ["c_offence"]),
        N("Concat", ["c_copas", "c_previous", "c_age_sex", "c_offence"], ["contributions"],
          axis=1),
    ]
    graph = helper.make_graph(
        nodes, "ogrs3",
        [helper.make_tensor_value_info("features", TensorProto.DOUBLE, ["n", len(FEATURES)])],
        [helper.make_tensor_value_info("p1", TensorProto.DOUBLE, ["n"]),
         helper.make_tensor_value_info("p2", TensorProto.DOUBLE, ["n"]),
         helper.make_tensor_value_info("contributions", TensorProto.DOUBLE, ["n", len(TERMS)])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="custos.models_onnx.ogrs3_graph",
                              producer_version="1", ir_version=IR_VERSION)
    model.doc_string = block["title"]
    helper.set_model_props(model, {
        "model_id": block["id"],
        "model_version": str(document["version"]),
        "instrument": f"{document['id']}@{document['version']}",
        "coefficients_sha256": coefficients_sha256(c),
        "features": ",".join(FEATURES),
        "contributions": ",".join(TERMS),
        "offence_codes": ",".join(c["offence"]),
        "sexes": ",".join(SEXES),
    })
    onnx.checker.check_model(model, full_check=True)
    return model


def build_bytes(instrument_file: Path = INSTRUMENT) -> bytes:
    """The serialised model for an instrument file."""
    return build(json.loads(instrument_file.read_bytes())).SerializeToString()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instrument", type=Path, default=INSTRUMENT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build_bytes(args.instrument)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data):,} bytes) from {args.instrument.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
