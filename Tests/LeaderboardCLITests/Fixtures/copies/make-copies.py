"""Makes the near-copy fixtures: honest pairs of models of one kind that differ only in
their seed, and copies of one of them lightly perturbed, all trained by the frameworks on
the embedded sample's training rows (the first 6,300 of 7,500; the hidden rows are the last
500). Writes each model file, the framework's own predictions on the hidden rows
(`<name>.predictions.txt`, one per line), and `correlations.txt`: Spearman's rank
correlation on the hidden rows of every pair the tests compare.

Run from the repository root: /work/venv/bin/python Tests/LeaderboardCLITests/Fixtures/copies/make-copies.py
"""
import os
import random

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
from scipy.stats import spearmanr  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
data = np.loadtxt("Sources/HiggsData/Resources/higgs-sample.csv", delimiter=",")
train, hidden = data[:6300], data[-500:]
x, y, xh = train[:, 1:], train[:, 0], hidden[:, 1:]


def save_predictions(name, p):
    np.savetxt(os.path.join(HERE, name + ".predictions.txt"), p, fmt="%.9g")


def predictions_csv(name, p):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("id,score\n")
        for i, s in enumerate(p):
            f.write(f"{i},{s:.9g}\n")


import xgboost as xgb  # noqa: E402


def boosted(seed, trees):
    m = xgb.XGBClassifier(
        n_estimators=trees, max_depth=4, learning_rate=0.1, subsample=0.8, colsample_bytree=0.8,
        random_state=seed, n_jobs=1, objective="binary:logistic")
    m.fit(x, y)
    return m


scores = {}
for name, seed, trees in [("xgb-seed1", 1, 60), ("xgb-seed2", 2, 60), ("xgb-seed1-61trees", 1, 61)]:
    m = boosted(seed, trees)
    m.get_booster().save_model(os.path.join(HERE, name + ".json"))
    scores[name] = m.predict_proba(xh)[:, 1]
    save_predictions(name, scores[name])
# The same booster saved again in the other format.
resaved = xgb.Booster()
resaved.load_model(os.path.join(HERE, "xgb-seed1.json"))
resaved.save_model(os.path.join(HERE, "xgb-seed1-resaved.ubj"))
scores["xgb-seed1-resaved"] = resaved.predict(xgb.DMatrix(xh))
save_predictions("xgb-seed1-resaved", scores["xgb-seed1-resaved"])
# Its scores scaled, and with noise of 1e-4, as predictions files.
scores["xgb-seed1-scaled"] = scores["xgb-seed1"] * 0.99
predictions_csv("xgb-seed1-scaled.csv", scores["xgb-seed1-scaled"])
noise = np.random.default_rng(7).normal(0, 1e-4, size=500)
scores["xgb-seed1-noise"] = np.clip(scores["xgb-seed1"] + noise, 0, 1)
predictions_csv("xgb-seed1-noise.csv", scores["xgb-seed1-noise"])

import lightgbm as lgb  # noqa: E402

for name, seed in [("lgbm-seed1", 1), ("lgbm-seed2", 2)]:
    m = lgb.LGBMClassifier(
        n_estimators=60, num_leaves=15, learning_rate=0.1, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, random_state=seed, n_jobs=1, verbose=-1)
    m.fit(x, y)
    m.booster_.save_model(os.path.join(HERE, name + ".txt"))
    scores[name] = m.predict_proba(xh)[:, 1]
    save_predictions(name, scores[name])

import keras  # noqa: E402

mean, scale = x.mean(axis=0), x.std(axis=0)


def network(seed):
    keras.utils.set_random_seed(seed)
    m = keras.Sequential([
        keras.Input((28,)), keras.layers.Normalization(mean=mean, variance=scale**2),
        keras.layers.Dense(32, activation="relu"), keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss="binary_crossentropy")
    m.fit(x.astype("float32"), y, epochs=20, batch_size=128, verbose=0)
    return m


for name, seed in [("nn-seed1", 1), ("nn-seed2", 2)]:
    m = network(seed)
    m.save(os.path.join(HERE, name + ".h5"))
    scores[name] = m.predict(xh.astype("float32"), verbose=0)[:, 0]
    save_predictions(name, scores[name])
    if seed == 1:
        # The same network saved again in Keras' own format.
        m.save(os.path.join(HERE, "nn-seed1-resaved.keras"))
        again = keras.models.load_model(os.path.join(HERE, "nn-seed1-resaved.keras"))
        scores["nn-seed1-resaved"] = again.predict(xh.astype("float32"), verbose=0)[:, 0]
        save_predictions("nn-seed1-resaved", scores["nn-seed1-resaved"])

pairs = [
    ("honest", "xgb-seed1", "xgb-seed2"), ("honest", "lgbm-seed1", "lgbm-seed2"), ("honest", "nn-seed1", "nn-seed2"),
    ("honest", "xgb-seed1", "nn-seed1"), ("honest", "xgb-seed1", "lgbm-seed1"),
    ("copy", "xgb-seed1", "xgb-seed1-61trees"), ("copy", "xgb-seed1", "xgb-seed1-scaled"),
    ("copy", "xgb-seed1", "xgb-seed1-resaved"), ("copy", "xgb-seed1", "xgb-seed1-noise"),
    ("copy", "nn-seed1", "nn-seed1-resaved"),
]
with open(os.path.join(HERE, "correlations.txt"), "w") as f:
    for kind, a, b in pairs:
        rho = spearmanr(np.float32(scores[a]), np.float32(scores[b])).statistic
        f.write(f"{kind} {a} {b} {rho:.6f}\n")
print(open(os.path.join(HERE, "correlations.txt")).read())
