"""Makes the ai.onnx.ml convention fixtures of ONNXTests: small graphs written with
onnx.helper, one operator each, run by onnxruntime, so the Swift operators are checked
against onnxruntime's own answers on the corner cases scikit-learn never emits (binary
classifiers with one class's weights, base_values of every length, every node mode,
NaN routing, MIN/MAX/AVERAGE, every post_transform, the opset-3 *_as_tensor attributes,
string labels, LinearClassifier's one-row binary form, LinearRegressor, Normalizer, Scaler,
ArrayFeatureExtractor, ZipMap).

What it makes (in the folder of this script):
  conventions/input.txt           the rows every case is run on: 48 rows of 4 features,
                                  one row a line, comma-separated, %.9g ("nan" for NaN)
  conventions/<case>.onnx         the graph (input "X" float [N, 4], one output "Y" unless
                                  noted); the case's name says what it exercises
  conventions/<case>.onnxruntime.txt
                                  onnxruntime's output "Y" on those rows, flattened
                                  row-major, one value a line, %.9g; for a ZipMap case,
                                  each row's map values in key order

Exact versions used (Python 3.11.7, venv outside the repository):
  /root/venvs/onnxml  onnx==1.23.2 onnxruntime==1.32.0 numpy==2.4.6 protobuf==6.33.6

Run from the repository root:
  /root/venvs/onnxml/bin/python Tests/ONNXTests/Fixtures/make_onnxml_conventions.py

CI does not run this script: the tests read the committed files.
"""

import os

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conventions")
WIDTH = 4


def rows():
    """Values on and around the thresholds used below, and NaN, in a fixed pattern."""
    palette = np.array([-1.0, -0.25, 0.0, 0.5, 0.75, 1.0, 2.0, np.nan], dtype=np.float32)
    rng = np.random.default_rng(7)
    x = palette[rng.integers(0, len(palette), size=(48, WIDTH))]
    x[0] = [0.5, -0.25, 1.0, 0.75]  # every threshold hit exactly
    x[1] = np.nan
    return x.astype(np.float32)


def model(node, output_type, ml_opset=1, extra_inits=()):
    graph = helper.make_graph(
        [node], "case",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, WIDTH])],
        [output_type], initializer=list(extra_inits))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15),
                                                   helper.make_opsetid("ai.onnx.ml", ml_opset)])


def tensor_out(name="Y", dtype=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, dtype, None)


def save(name, onx, x):
    path = os.path.join(HERE, f"{name}.onnx")
    with open(path, "wb") as f:
        f.write(onx.SerializeToString())
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    wanted = [o.name for o in session.get_outputs()]
    result = session.run(["Y"] if "Y" in wanted else wanted[-1:], {"X": x})[0]
    if isinstance(result, list):  # ZipMap
        values = [row[key] for row in result for key in sorted(row.keys())]
    else:
        values = np.asarray(result, dtype=np.float64).reshape(-1)
    with open(os.path.join(HERE, f"{name}.onnxruntime.txt"), "w") as f:
        for v in values:
            f.write("%.9g\n" % v)
    print(f"{name:40s} {len(values)} values")


# Two trees over 4 features. Tree 0: node 0 splits f0 at 0.5 (true -> 1, false -> 2),
# node 1 splits f1 at -0.25 (true -> 3, false -> 4), leaves 2, 3, 4. Tree 1: node 0 splits
# f2 at 1.0 (true -> 1, false -> 2), leaves 1, 2. Tree 1 is listed first on purpose.
def forest(modes=("BRANCH_LEQ", "BRANCH_LEQ", "BRANCH_LEQ"), tracks=(0, 0, 0)):
    m0, m1, m2 = modes
    t0, t1, t2 = tracks
    return dict(
        nodes_treeids=[1, 1, 1, 0, 0, 0, 0, 0],
        nodes_nodeids=[0, 1, 2, 0, 1, 2, 3, 4],
        nodes_featureids=[2, 0, 0, 0, 1, 0, 0, 0],
        nodes_modes=[m2, "LEAF", "LEAF", m0, m1, "LEAF", "LEAF", "LEAF"],
        nodes_values=[1.0, 0, 0, 0.5, -0.25, 0, 0, 0],
        nodes_truenodeids=[1, 0, 0, 1, 3, 0, 0, 0],
        nodes_falsenodeids=[2, 0, 0, 2, 4, 0, 0, 0],
        nodes_missing_value_tracks_true=[t2, 0, 0, t0, t1, 0, 0, 0],
    )


LEAVES = [(0, 2), (0, 3), (0, 4), (1, 1), (1, 2)]


def weights(prefix, targets, values):
    """Leaf weights: `targets` per leaf, values taken in order from `values`."""
    treeids, nodeids, ids, ws = [], [], [], []
    it = iter(values)
    for tree, node in LEAVES:
        for target in targets:
            treeids.append(tree)
            nodeids.append(node)
            ids.append(target)
            ws.append(float(next(it)))
    key = "class" if prefix == "class" else "target"
    return {f"{key}_treeids": treeids, f"{key}_nodeids": nodeids, f"{key}_ids": ids,
            f"{key}_weights": ws}


def classifier(name, x, targets, values, labels=(0, 1), **attrs):
    kw = dict(forest(attrs.pop("modes", ("BRANCH_LEQ",) * 3), attrs.pop("tracks", (0, 0, 0))))
    kw.update(weights("class", targets, values))
    if isinstance(labels[0], str):
        kw["classlabels_strings"] = list(labels)
        label_type = TensorProto.STRING
    else:
        kw["classlabels_int64s"] = list(labels)
        label_type = TensorProto.INT64
    ml_opset = 1
    if attrs.pop("as_tensor", False):
        ml_opset = 3
        kw["nodes_values_as_tensor"] = numpy_helper.from_array(
            np.array(kw.pop("nodes_values"), dtype=np.float32), "nodes_values_as_tensor")
        kw["class_weights_as_tensor"] = numpy_helper.from_array(
            np.array(kw.pop("class_weights"), dtype=np.float32), "class_weights_as_tensor")
        if "base_values" in attrs:
            kw["base_values_as_tensor"] = numpy_helper.from_array(
                np.array(attrs.pop("base_values"), dtype=np.float32), "base_values_as_tensor")
    kw.update(attrs)
    node = helper.make_node("TreeEnsembleClassifier", ["X"], ["label", "Y"], domain="ai.onnx.ml", **kw)
    graph = helper.make_graph(
        [node], "case", [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, WIDTH])],
        [helper.make_tensor_value_info("label", label_type, None), tensor_out()])
    onx = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15),
                                                  helper.make_opsetid("ai.onnx.ml", ml_opset)])
    save(name, onx, x)


def regressor(name, x, targets, values, **attrs):
    kw = dict(forest(attrs.pop("modes", ("BRANCH_LEQ",) * 3), attrs.pop("tracks", (0, 0, 0))))
    kw.update(weights("target", targets, values))
    kw["n_targets"] = len(targets)
    ml_opset = 1
    if attrs.pop("as_tensor", False):
        ml_opset = 3
        kw["nodes_values_as_tensor"] = numpy_helper.from_array(
            np.array(kw.pop("nodes_values"), dtype=np.float32), "nodes_values_as_tensor")
        kw["target_weights_as_tensor"] = numpy_helper.from_array(
            np.array(kw.pop("target_weights"), dtype=np.float32), "target_weights_as_tensor")
    kw.update(attrs)
    node = helper.make_node("TreeEnsembleRegressor", ["X"], ["Y"], domain="ai.onnx.ml", **kw)
    save(name, model(node, tensor_out(), ml_opset), x)


def main():
    os.makedirs(HERE, exist_ok=True)
    x = rows()
    with open(os.path.join(HERE, "input.txt"), "w") as f:
        for row in x:
            f.write(",".join("nan" if np.isnan(v) else "%.9g" % v for v in row) + "\n")

    positive = [0.2, 0.7, 0.4, 0.1, 0.3]
    mixed = [-0.6, 0.8, 0.3, -0.2, 0.5]
    pairs = [0.2, -0.1, 0.7, 0.4, -0.3, 0.6, 0.1, 0.9, -0.5, 0.25]

    # Binary, one class's weights (scikit-learn's AdaBoost and gradient boosting shapes).
    classifier("tec_binary_positive_none", x, [0], positive, post_transform="NONE")
    classifier("tec_binary_positive_logistic", x, [0], positive, post_transform="LOGISTIC")
    classifier("tec_binary_mixed_none", x, [0], mixed, post_transform="NONE")
    classifier("tec_binary_mixed_logistic_base1", x, [0], mixed, post_transform="LOGISTIC", base_values=[0.3])
    classifier("tec_binary_positive_none_base1", x, [0], positive, post_transform="NONE", base_values=[-0.1])
    classifier("tec_binary_mixed_logistic_base2", x, [0], mixed, post_transform="LOGISTIC",
               base_values=[0.3, -0.4])
    classifier("tec_binary_class1_only_logistic", x, [1], mixed, post_transform="LOGISTIC")
    classifier("tec_binary_mixed_probit", x, [0], [0.05, 0.2, 0.1, 0.15, 0.3], post_transform="PROBIT")
    # Binary, both classes' weights.
    classifier("tec_binary_both_softmax", x, [0, 1], pairs, post_transform="SOFTMAX", base_values=[0.1, -0.2])
    classifier("tec_binary_both_none", x, [0, 1], pairs, post_transform="NONE")
    classifier("tec_binary_both_logistic_base2", x, [0, 1], pairs, post_transform="LOGISTIC",
               base_values=[0.25, 0.25])
    # String labels.
    classifier("tec_binary_strings_logistic", x, [0], mixed, labels=("b", "s"), post_transform="LOGISTIC",
               base_values=[0.1])
    # Three classes.
    triples = [0.2, -0.1, 0.0, 0.7, 0.4, -0.3, 0.0, 0.6, 0.1, 0.9, -0.5, 0.25, 0.3, 0.0, -0.2]
    classifier("tec_three_softmax", x, [0, 1, 2], triples, labels=(3, 5, 7), post_transform="SOFTMAX",
               base_values=[0.1, 0.0, -0.1])
    classifier("tec_three_softmax_zero", x, [0, 1, 2], triples, labels=(3, 5, 7), post_transform="SOFTMAX_ZERO")
    classifier("tec_three_logistic", x, [0, 1, 2], triples, labels=(3, 5, 7), post_transform="LOGISTIC")
    # Node modes and NaN routing.
    classifier("tec_modes_lt_gte_eq", x, [0], mixed, post_transform="LOGISTIC",
               modes=("BRANCH_LT", "BRANCH_GTE", "BRANCH_EQ"), tracks=(1, 0, 1))
    classifier("tec_modes_gt_neq_leq", x, [0], mixed, post_transform="LOGISTIC",
               modes=("BRANCH_GT", "BRANCH_NEQ", "BRANCH_LEQ"), tracks=(0, 1, 0))
    classifier("tec_modes_neq_untracked", x, [0], mixed, post_transform="NONE",
               modes=("BRANCH_NEQ", "BRANCH_NEQ", "BRANCH_NEQ"), tracks=(0, 0, 0))
    classifier("tec_tracks_true_leq", x, [0], mixed, post_transform="LOGISTIC", tracks=(1, 1, 1))
    # Opset 3 tensors.
    classifier("tec_as_tensor_logistic", x, [0], mixed, post_transform="LOGISTIC", as_tensor=True,
               base_values=[0.3])

    # Regressors.
    regressor("ter_sum_base", x, [0], mixed, base_values=[0.5])
    regressor("ter_sum_nobase_logistic", x, [0], mixed, post_transform="LOGISTIC")
    regressor("ter_average_probit", x, [0], [0.3, 0.6, 0.45, 0.2, 0.8], aggregate_function="AVERAGE",
              post_transform="PROBIT", base_values=[0.1])
    regressor("ter_min", x, [0], mixed, aggregate_function="MIN", base_values=[1.0])
    regressor("ter_max", x, [0], mixed, aggregate_function="MAX")
    regressor("ter_two_targets_sum_softmax", x, [0, 1], pairs, post_transform="SOFTMAX", base_values=[0.1, 0.2])
    regressor("ter_two_targets_min_logistic", x, [0, 1], pairs, aggregate_function="MIN",
              post_transform="LOGISTIC")
    regressor("ter_two_targets_max_softmax_zero", x, [0, 1], pairs, aggregate_function="MAX",
              post_transform="SOFTMAX_ZERO")
    regressor("ter_two_targets_average", x, [0, 1], pairs, aggregate_function="AVERAGE", base_values=[-1.0, 1.0])
    regressor("ter_modes_as_tensor", x, [0], mixed, as_tensor=True,
              modes=("BRANCH_GT", "BRANCH_NEQ", "BRANCH_LT"), tracks=(1, 0, 1))

    # LinearClassifier: one coefficient row (binary), two rows, three classes.
    coef1 = [0.5, -1.0, 0.25, 2.0]
    coef2 = [0.5, -1.0, 0.25, 2.0, -0.3, 0.7, 1.1, -0.4]
    coef3 = coef2 + [0.2, 0.2, -0.6, 0.9]
    for post in ("NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO", "PROBIT"):
        if post != "PROBIT":
            linear("lc_one_row_" + post.lower(), x, coef1, [0.1], (0, 1), post)
        linear("lc_two_rows_" + post.lower(), x, coef2, [0.1, -0.2], (0, 1), post)
    linear("lc_three_softmax", x, coef3, [0.1, -0.2, 0.05], (0, 1, 2), "SOFTMAX")
    linear("lc_one_row_logistic_multi_class", x, coef1, [0.1], (0, 1), "LOGISTIC", multi_class=1)

    # LinearRegressor: one target (onnxruntime applies only PROBIT there), two targets.
    for post in ("NONE", "LOGISTIC", "SOFTMAX"):
        regression("lr_one_target_" + post.lower(), x, coef1, [0.1], 1, post)
        regression("lr_two_targets_" + post.lower(), x, coef2, [0.1, -0.2], 2, post)

    # Preprocessing operators.
    for norm in ("MAX", "L1", "L2"):
        simple("normalizer_" + norm.lower(), x, "Normalizer", norm=norm)
    simple("scaler_vectors", x, "Scaler", offset=[0.5, -1.0, 0.0, 2.0], scale=[2.0, 0.5, -1.0, 3.0])
    simple("scaler_one_value", x, "Scaler", offset=[0.25], scale=[4.0])
    indices = numpy_helper.from_array(np.array([3, 0, 3], dtype=np.int64), "indices")
    node = helper.make_node("ArrayFeatureExtractor", ["X", "indices"], ["Y"], domain="ai.onnx.ml")
    save("array_feature_extractor", model(node, tensor_out(), extra_inits=[indices]), x)

    # ZipMap over a linear classifier's probabilities (int64 keys and string keys).
    zipmap("zipmap_int64", x, classlabels_int64s=[0, 1])
    zipmap("zipmap_strings", x, classlabels_strings=["background", "signal"])


def linear(name, x, coefficients, intercepts, labels, post, multi_class=0):
    node = helper.make_node("LinearClassifier", ["X"], ["label", "Y"], domain="ai.onnx.ml",
                            coefficients=coefficients, intercepts=intercepts,
                            classlabels_ints=list(labels), post_transform=post, multi_class=multi_class)
    graph = helper.make_graph(
        [node], "case", [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, WIDTH])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, None), tensor_out()])
    save(name, helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15),
                                                        helper.make_opsetid("ai.onnx.ml", 1)]), x)


def regression(name, x, coefficients, intercepts, targets, post):
    node = helper.make_node("LinearRegressor", ["X"], ["Y"], domain="ai.onnx.ml", coefficients=coefficients,
                            intercepts=intercepts, targets=targets, post_transform=post)
    save(name, model(node, tensor_out()), x)


def simple(name, x, op, **attrs):
    node = helper.make_node(op, ["X"], ["Y"], domain="ai.onnx.ml", **attrs)
    save(name, model(node, tensor_out()), x)


def zipmap(name, x, **labels):
    linear_node = helper.make_node("LinearClassifier", ["X"], ["label", "P"], domain="ai.onnx.ml",
                                   coefficients=[0.5, -1.0, 0.25, 2.0], intercepts=[0.1],
                                   classlabels_ints=[0, 1], post_transform="LOGISTIC")
    zip_node = helper.make_node("ZipMap", ["P"], ["Y"], domain="ai.onnx.ml", **labels)
    key = TensorProto.INT64 if "classlabels_int64s" in labels else TensorProto.STRING
    out = helper.make_value_info("Y", helper.make_sequence_type_proto(
        helper.make_map_type_proto(key, helper.make_tensor_type_proto(TensorProto.FLOAT, []))))
    graph = helper.make_graph(
        [linear_node, zip_node], "case",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, WIDTH])],
        [helper.make_tensor_value_info("label", TensorProto.INT64, None), out])
    save(name, helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15),
                                                        helper.make_opsetid("ai.onnx.ml", 1)]), x)


if __name__ == "__main__":
    main()
