#!/usr/bin/env python3
"""Makes the AdaBoost fixtures of Tests/TrainingTests/Boosting from scikit-learn itself.

Run from the repository root with the peers' venv (scikit-learn >= 1.4, SAMME):
    ~/peers-bench/bin/python Tests/TrainingTests/Boosting/Fixtures/make_adaboost_fixture.py

CI never runs Python: the outputs are committed.

- adaboost-sample.json: AdaBoostClassifier(DecisionTreeClassifier(max_depth=d),
  n_estimators=n) fitted on the sample's first 7,000 rows (the public part), for
  (d, n) = (1, 200) and (2, 30): every tree's nodes (feature, threshold, children,
  the class a leaf predicts), estimator_weights_, estimator_errors_, and
  predict_proba(X)[:, 1] on the sample's last 500 rows (the hidden test split), with
  roc_auc_score on them.  Our inference on those trees must equal these
  probabilities to 1e-9; our trainer's AUC must be within the sample's noise.
- adaboost-quantized.json: 1,500 rows of 6 sample features floored to multiples of
  0.25 (so each feature has far fewer than 255 distinct values and binning keeps
  every threshold scikit-learn can choose), with the stumps, weights and errors of
  30 rounds and feature_importances_: our trainer must choose the same stumps and
  weights, and rank the features the same.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")


def load_sample():
    # float32 straight from the decimal text, as the Swift loader parses it
    rows = [line.split(",") for line in open(SAMPLE).read().splitlines() if line]
    y = np.array([int(float(r[0])) for r in rows], dtype=np.int64)
    X = np.array([[np.float32(v) for v in r[1:]] for r in rows], dtype=np.float32)
    return X, y


def trees_of(model):
    out = []
    for est in model.estimators_:
        t = est.tree_
        classes = est.classes_
        nodes = []
        for i in range(t.node_count):
            leaf = t.children_left[i] == -1
            node = {"feature": int(t.feature[i]) if not leaf else -1,
                    "threshold": float(t.threshold[i]) if not leaf else 0.0,
                    "left": int(t.children_left[i]), "right": int(t.children_right[i]),
                    "signal": bool(classes[int(np.argmax(t.value[i][0]))] == 1)}
            nodes.append(node)
        out.append(nodes)
    return out


def fit(X, y, depth, n):
    model = AdaBoostClassifier(DecisionTreeClassifier(max_depth=depth), n_estimators=n,
                               learning_rate=1.0, random_state=0)
    model.fit(X, y)
    return model


def main():
    X, y = load_sample()
    assert X.shape == (7500, 28)
    Xtr, ytr, Xte, yte = X[:7000], y[:7000], X[7000:], y[7000:]
    models = []
    for depth, n in [(1, 200), (2, 30)]:
        m = fit(Xtr, ytr, depth, n)
        p = m.predict_proba(Xte)[:, 1]
        models.append({"depth": depth, "rounds": n, "trees": trees_of(m),
                       "weights": [float(w) for w in m.estimator_weights_],
                       "errors": [float(e) for e in m.estimator_errors_],
                       "test_probabilities": [float(v) for v in p],
                       "test_auc": float(roc_auc_score(yte, p))})
    with open(os.path.join(HERE, "adaboost-sample.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "train_rows": 7000, "test_rows": 500,
                   "models": models}, f, indent=1)

    features = [0, 3, 5, 21, 25, 27]
    Xq = (np.floor(X[:1500, features] * 4) / 4).astype(np.float32)
    yq = y[:1500]
    m = fit(Xq, yq, 1, 30)
    with open(os.path.join(HERE, "adaboost-quantized.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "columns": len(features),
                   "labels": [int(v) for v in yq],
                   "features": [float(v) for v in Xq.reshape(-1)],
                   "trees": trees_of(m),
                   "weights": [float(w) for w in m.estimator_weights_],
                   "errors": [float(e) for e in m.estimator_errors_],
                   "feature_importances": [float(v) for v in m.feature_importances_],
                   "train_probabilities": [float(v) for v in m.predict_proba(Xq)[:, 1]]}, f)
    print("distinct values per quantized feature:",
          [len(np.unique(Xq[:, j])) for j in range(Xq.shape[1])], file=sys.stderr)


if __name__ == "__main__":
    main()
