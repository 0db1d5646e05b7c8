"""near_copies_1m.py - Spearman's rank correlation between honest models of one kind that
differ only in their seed, trained on many rows, and between one of them and its lightly
perturbed copies: the figures behind the near-copy threshold (`Scoring/CopyCheck.swift`) at
a scale beyond the sample. Trains on the training rows of a synthetic file
(`leaderboard data synth --rows 1000000 --out FILE --seed 14`), scores the file's hidden
rows (its last 1/15) and prints one line per pair.

  /work/venv/bin/python bench/near_copies_1m.py FILE

Measured (seed 14, 933,334 training and 66,666 hidden rows; about 30 minutes on 2 busy cores):
  honest xgb1 xgb2 0.952217, lgbm1 lgbm2 0.936798, nn1 nn2 0.739780, xgb1 lgbm1 0.934442,
  xgb1 nn1 0.728186; copy xgb1 xgb1+1tree 0.999906, xgb1*0.99 1.000000, xgb1+noise1e-4 1.000000
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import pandas as pd
from scipy.stats import spearmanr


def main():
    data = pd.read_csv(sys.argv[1], header=None, dtype=np.float32).to_numpy()
    hidden_rows = min(500_000, len(data) // 15)
    train, hidden = data[:-hidden_rows], data[-hidden_rows:]
    x, y, xh = train[:, 1:], train[:, 0], hidden[:, 1:]
    print(f"training rows {len(x)}, hidden rows {len(xh)}", flush=True)
    import xgboost as xgb
    import lightgbm as lgb

    scores = {}
    for seed in (1, 2):
        m = xgb.XGBClassifier(n_estimators=200, max_depth=6, learning_rate=0.1, subsample=0.8,
                              colsample_bytree=0.8, random_state=seed, n_jobs=2, tree_method="hist")
        m.fit(x, y)
        scores[f"xgb{seed}"] = m.predict_proba(xh)[:, 1]
        if seed == 1:
            m.set_params(n_estimators=201)
            m.fit(x, y)
            scores["xgb1+1tree"] = m.predict_proba(xh)[:, 1]
        m = lgb.LGBMClassifier(n_estimators=200, num_leaves=63, learning_rate=0.1, subsample=0.8, subsample_freq=1,
                               colsample_bytree=0.8, random_state=seed, n_jobs=2, verbose=-1)
        m.fit(x, y)
        scores[f"lgbm{seed}"] = m.predict_proba(xh)[:, 1]
    import keras
    for seed in (1, 2):
        keras.utils.set_random_seed(seed)
        norm = keras.layers.Normalization()
        norm.adapt(x[:100_000])
        net = keras.Sequential([keras.Input((28,)), norm, keras.layers.Dense(64, activation="relu"),
                                keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
        net.compile(optimizer="adam", loss="binary_crossentropy")
        net.fit(x, y, epochs=3, batch_size=512, verbose=0)
        scores[f"nn{seed}"] = net.predict(xh, batch_size=8192, verbose=0)[:, 0]
    rng = np.random.default_rng(7)
    scores["xgb1*0.99"] = scores["xgb1"] * 0.99
    scores["xgb1+noise1e-4"] = np.clip(scores["xgb1"] + rng.normal(0, 1e-4, len(xh)), 0, 1)
    for kind, a, b in [("honest", "xgb1", "xgb2"), ("honest", "lgbm1", "lgbm2"), ("honest", "nn1", "nn2"),
                       ("honest", "xgb1", "lgbm1"), ("honest", "xgb1", "nn1"),
                       ("copy", "xgb1", "xgb1+1tree"), ("copy", "xgb1", "xgb1*0.99"), ("copy", "xgb1", "xgb1+noise1e-4")]:
        rho = spearmanr(np.float32(scores[a]), np.float32(scores[b])).statistic
        print(f"{kind} {a} {b} {rho:.6f}", flush=True)


main()
