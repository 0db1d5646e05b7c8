"""Makes the ai.onnx.ml fixtures of ONNXTests: scikit-learn models exported by skl2onnx,
with scikit-learn's and onnxruntime's own predictions beside them.

What it makes (in the folder of this script):
  <name>.onnx                     the model converted by skl2onnx (target opset below)
  <name>.predictions.txt          scikit-learn's predict_proba(X)[:, 1] (or the pipeline's
                                  own score for the regressor case) on the hidden-test rows
                                  of the sample (its last 500 rows), one per line, %.9g
  <name>.onnxruntime.txt          onnxruntime's P(class 1) on the same rows (column 1 of the
                                  probabilities tensor, or the entry for label 1 of ZipMap)

Exact versions used (Python 3.11, venv outside the repository):
  /root/venvs/onnxml  scikit-learn==1.9.1 skl2onnx==1.20.0 onnx==1.23.2
                      onnxruntime==1.32.0 numpy==2.4.6 protobuf==6.33.6
  (protobuf 7 makes skl2onnx fail on HistGradientBoosting: numpy booleans in an ints
  attribute; `pip install "protobuf>=6.31.1,<7"`)

Run from the repository root:
  /root/venvs/onnxml/bin/python Tests/ONNXTests/Fixtures/make_onnxml_fixtures.py

Models are seeded and trained on the sample's first 7,000 rows. CI does not run this
script: the tests read the committed files.
"""

import os

import numpy as np
import onnxruntime as ort
from onnx import TensorProto
from skl2onnx import convert_sklearn, to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (AdaBoostClassifier, GradientBoostingClassifier,
                              GradientBoostingRegressor, HistGradientBoostingClassifier)
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import Normalizer, StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
OPSET = {"": 15, "ai.onnx.ml": 3}


def load_sample():
    path = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")
    data = np.loadtxt(path, delimiter=",", dtype=np.float64)
    labels, features = data[:, 0].astype(np.int64), data[:, 1:].astype(np.float32)
    return features[:7000], labels[:7000], features[-500:]


def write_values(name, suffix, values):
    with open(os.path.join(HERE, f"{name}.{suffix}.txt"), "w") as f:
        for v in values:
            f.write("%.9g\n" % v)


def onnxruntime_positive(onx, x):
    """P(class 1) as onnxruntime computes it from the model's last output."""
    session = ort.InferenceSession(onx.SerializeToString(), providers=["CPUExecutionProvider"])
    outputs = session.run(None, {session.get_inputs()[0].name: x})
    last = outputs[-1]
    if isinstance(last, list):  # ZipMap: a list of {label: probability}
        return np.array([row[1] for row in last], dtype=np.float64)
    last = np.asarray(last, dtype=np.float64)
    return last[:, 1] if last.ndim == 2 and last.shape[1] == 2 else last.reshape(-1)


def export(name, model, expected, x, options=None):
    onx = convert_sklearn(model, initial_types=[("input", FloatTensorType([None, 28]))],
                          target_opset=OPSET, options=options)
    with open(os.path.join(HERE, f"{name}.onnx"), "wb") as f:
        f.write(onx.SerializeToString())
    got = onnxruntime_positive(onx, x)
    write_values(name, "predictions", expected)
    write_values(name, "onnxruntime", got)
    ops = sorted({f"{n.domain or 'ai.onnx'}:{n.op_type}" for n in onx.graph.node})
    print(f"{name:32s} max|sklearn-ort|={np.max(np.abs(expected - got)):.3g} ops={ops}")


def classifier_pair(name, model, x):
    expected = model.predict_proba(x)[:, 1].astype(np.float64)
    export(f"{name}_zipmap", model, expected, x)
    export(name, model, expected, x, options={id(model): {"zipmap": False}})


def main():
    train_x, train_y, test_x = load_sample()

    for depth, label in ((1, "stumps"), (3, "depth3")):
        ada = AdaBoostClassifier(DecisionTreeClassifier(max_depth=depth), n_estimators=40,
                                 random_state=0).fit(train_x, train_y)
        classifier_pair(f"adaboost_{label}", ada, test_x)

    gbc = GradientBoostingClassifier(n_estimators=40, max_depth=3, random_state=0).fit(train_x, train_y)
    classifier_pair("gradient_boosting", gbc, test_x)

    hgb = HistGradientBoostingClassifier(max_iter=40, random_state=0).fit(train_x, train_y)
    classifier_pair("hist_gradient_boosting", hgb, test_x)

    logistic = LogisticRegression(max_iter=1000).fit(train_x, train_y)
    classifier_pair("logistic_regression", logistic, test_x)

    scaled = Pipeline([("scale", StandardScaler()), ("normalize", Normalizer(norm="l2")),
                       ("logistic", LogisticRegression(max_iter=1000))]).fit(train_x, train_y)
    export("scaler_normalizer_logistic", scaled, scaled.predict_proba(test_x)[:, 1].astype(np.float64),
           test_x, options={id(scaled.steps[-1][1]): {"zipmap": False}})

    # The seven high-level features (columns 21-27) only: skl2onnx extracts them with
    # ArrayFeatureExtractor before the trees.
    subset = Pipeline([
        ("columns", ColumnTransformer([("high", "passthrough", list(range(21, 28)))])),
        ("trees", GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=0)),
    ]).fit(train_x, train_y)
    export("high_level_columns", subset, subset.predict_proba(test_x)[:, 1].astype(np.float64),
           test_x)

    # A regressor fitted on the labels: its output is a score in about [0, 1].
    regressor = GradientBoostingRegressor(n_estimators=30, max_depth=3, random_state=0).fit(train_x, train_y)
    export("gradient_boosting_regressor", regressor, regressor.predict(test_x).astype(np.float64), test_x)

    # A least-squares fit of the labels (LinearRegressor).
    linear = LinearRegression().fit(train_x, train_y)
    export("linear_regression", linear, linear.predict(test_x).astype(np.float64), test_x)


if __name__ == "__main__":
    main()
