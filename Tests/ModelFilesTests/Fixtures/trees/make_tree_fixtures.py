"""Makes the XGBoost and LightGBM fixtures of ModelFilesTests: real model files saved by
the real frameworks, with each framework's own predictions beside them.

What it makes (in the folder of this script), for the flavour given on the command line:
  <name>.json, <name>.ubj          XGBoost Booster.save_model, JSON and UBJSON
  <name>.txt                       LightGBM Booster.save_model (text)
  <name>.predictions.txt           the framework's predict on the hidden-test rows of the
                                   sample (its last 500 rows), one probability per line, %.9g
  <name>.nan.predictions.txt       the same on nan_rows.csv
  nan_rows.csv                     60 hidden-test rows with NaNs put in (28 features a line,
                                   "nan" for missing): the same for every flavour

Exact versions used (Python 3.11.7, venvs outside the repository):
  /root/peers-bench   xgboost==3.2.0 lightgbm==4.7.0 numpy==2.4.6 scikit-learn==1.9.1
  /root/venvs/xgb1    xgboost==1.7.6 lightgbm==3.3.5 numpy==1.26.4

Run from the repository root:
  /root/peers-bench/bin/python Tests/ModelFilesTests/Fixtures/trees/make_tree_fixtures.py new
  /root/venvs/xgb1/bin/python Tests/ModelFilesTests/Fixtures/trees/make_tree_fixtures.py old

Models are trained on the sample's first 7,000 rows (as float32, which is what both
frameworks predict on), seeded. CI does not run this script: tests read the committed files.
"""

import os
import sys

import lightgbm as lgb
import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "../../../../Sources/HiggsData/Resources/higgs-sample.csv")


def load():
    data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float64)
    x = data[:, 1:].astype(np.float32)
    y = data[:, 0]
    return x[:7000], y[:7000], x[-500:]


def nan_rows(hidden):
    """60 hidden-test rows; row i has NaN in features (i * 7 + k * 5) % 28 for k < 1 + i % 6,
    and rows 50..59 are missing every feature the first trees split on most (0, 3, 5, 25, 27)."""
    rows = hidden[:60].copy()
    for i in range(50):
        for k in range(1 + i % 6):
            rows[i, (i * 7 + k * 5) % 28] = np.nan
    for i in range(50, 60):
        rows[i, [0, 3, 5, 25, 27]] = np.nan
        rows[i, 9 + (i % 5)] = 0.0
    return rows


def with_training_nans(x, seed):
    """x with 8% of its values set to NaN, so that the trees learn a direction for missing values."""
    x = x.copy()
    mask = np.random.default_rng(seed).random(x.shape) < 0.08
    x[mask] = np.nan
    return x


def write(name, values):
    with open(os.path.join(HERE, name), "w") as out:
        for value in values:
            out.write("%.9g\n" % value)


def xgboost_models(tag, x, y, hidden, nans):
    models = {
        # several hundred trees of depth 6, clean training data
        "deep": (dict(max_depth=6, eta=0.1), 300, x),
        # missing values in training: learned default directions
        "nan": (dict(max_depth=4, eta=0.3), 60, with_training_nans(x, 1)),
        # stumps
        "stumps": (dict(max_depth=1, eta=0.5), 40, x),
    }
    for name, (params, rounds, train_x) in models.items():
        params = dict(params, objective="binary:logistic", seed=7, nthread=2, tree_method="hist")
        booster = xgb.train(params, xgb.DMatrix(train_x, label=y), num_boost_round=rounds)
        stem = "xgb%s_%s" % (tag, name)
        booster.save_model(os.path.join(HERE, stem + ".json"))
        booster.save_model(os.path.join(HERE, stem + ".ubj"))
        write(stem + ".predictions.txt", booster.predict(xgb.DMatrix(hidden)))
        write(stem + ".nan.predictions.txt", booster.predict(xgb.DMatrix(nans)))


def xgboost_early_stopping(tag, x, y, hidden, nans):
    """XGBClassifier with early stopping (the scikit-learn API, needs scikit-learn): the file
    keeps every tree but records best_iteration, and predict_proba uses the trees up to it."""
    model = xgb.XGBClassifier(n_estimators=300, max_depth=3, learning_rate=0.5, early_stopping_rounds=5,
                              n_jobs=2, random_state=7)
    model.fit(x[:5000], y[:5000], eval_set=[(x[5000:], y[5000:])], verbose=False)
    stem = "xgb%s_early" % tag
    model.save_model(os.path.join(HERE, stem + ".json"))
    model.save_model(os.path.join(HERE, stem + ".ubj"))
    write(stem + ".predictions.txt", model.predict_proba(hidden)[:, 1])
    write(stem + ".nan.predictions.txt", model.predict_proba(nans)[:, 1])


def lightgbm_models(tag, x, y, hidden, nans):
    base = dict(objective="binary", seed=7, num_threads=2, verbose=-1, deterministic=True)
    models = {
        # several hundred trees of 31 leaves (deep, unbalanced), default sigmoid
        "deep": (dict(num_leaves=31, learning_rate=0.1), 300, x),
        # missing values in training (missing type NaN), sigmoid 0.7
        "nan": (dict(num_leaves=15, learning_rate=0.3, sigmoid=0.7), 60, with_training_nans(x, 2)),
        # zeros as missing (missing type Zero)
        "zero": (dict(num_leaves=15, learning_rate=0.3, zero_as_missing=True), 60, x),
        # no split is allowed: a single tree of one leaf
        "oneleaf": (dict(num_leaves=31, min_data_in_leaf=7000), 5, x),
    }
    for name, (params, rounds, train_x) in models.items():
        booster = lgb.train(dict(base, **params), lgb.Dataset(train_x, label=y), num_boost_round=rounds)
        stem = "lgbm%s_%s" % (tag, name)
        booster.save_model(os.path.join(HERE, stem + ".txt"))
        write(stem + ".predictions.txt", booster.predict(hidden))
        write(stem + ".nan.predictions.txt", booster.predict(nans))


def main():
    flavour = sys.argv[1]
    x, y, hidden = load()
    nans = nan_rows(hidden)
    np.savetxt(os.path.join(HERE, "nan_rows.csv"), nans, delimiter=",", fmt="%.9g")
    xgb_tag = xgb.__version__.split(".")[0]
    lgb_tag = lgb.__version__.split(".")[0]
    assert flavour in ("new", "old")
    xgboost_models(xgb_tag, x, y, hidden, nans)
    if flavour == "new":
        xgboost_early_stopping(xgb_tag, x, y, hidden, nans)
    lightgbm_models(lgb_tag, x, y, hidden, nans)


if __name__ == "__main__":
    main()
