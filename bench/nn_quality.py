#!/usr/bin/env python3
"""nn_quality.py - Keras' test AUC for the notebook's network over several seeds.

Trains Dense 28 relu -> 14 relu -> 7 relu -> 1 sigmoid (Adam, binary cross-entropy, batch
256, shuffled) on a HIGGS-format file's training rows and reports the ROC AUC on its hidden
test rows, split as `leaderboard` splits it (the last 1/15 of the rows, at most 500,000; no
validation part), one JSON line per seed. bench/nn_quality.sh runs `leaderboard train` on
the same file and seeds and compares. Run with the peers' venv (tensorflow-cpu 2.21,
keras 3.15.1, scikit-learn 1.9.1):

  ~/peers-bench/bin/python bench/nn_quality.py FILE.csv --seeds 0 1 2 3 4 --epochs 10
"""
import argparse
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import pandas as pd
import keras
from sklearn.metrics import roc_auc_score


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    a = pd.read_csv(args.file, header=None, dtype=np.float32).to_numpy()
    test = min(500_000, len(a) // 15)
    xtr, ytr, xte, yte = a[:-test, 1:], a[:-test, 0], a[-test:, 1:], a[-test:, 0]
    for seed in args.seeds:
        keras.utils.set_random_seed(seed)
        m = keras.Sequential([keras.Input((28,)), keras.layers.Dense(28, activation="relu"),
                              keras.layers.Dense(14, activation="relu"), keras.layers.Dense(7, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
        m.compile(optimizer="adam", loss="binary_crossentropy")
        m.fit(xtr, ytr, batch_size=args.batch, epochs=args.epochs, verbose=0, shuffle=True)
        auc = roc_auc_score(yte, m.predict(xte, batch_size=65536, verbose=0)[:, 0])
        print(json.dumps({"peer": "keras", "seed": seed, "rows": len(ytr), "test_rows": len(yte), "auc": auc}), flush=True)


if __name__ == "__main__":
    main()
