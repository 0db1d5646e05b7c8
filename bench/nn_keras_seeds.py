"""nn_keras_seeds.py - how much Keras' own test AUC moves with the seed, for the network
and data of `peers.py nn` (1M rows of ~/benchdata/higgs-1m.csv, batch 256, 10 epochs, AUC on
the first 100,000 rows of higgs-test-500k.csv), so that the Swift trainer's AUC is judged
against Keras' spread, not one draw. Prints one JSON line per seed.

  ~/peers-bench/bin/python bench/nn_keras_seeds.py [SEED ...]     (default: 1 2)
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))

import numpy as np
import keras
from sklearn.metrics import roc_auc_score

import peers  # the same loader and model as the benchmark


def main():
    seeds = [int(s) for s in sys.argv[1:]] or [1, 2]
    data = os.environ.get("BENCH_DATA", os.path.expanduser("~/benchdata"))
    xtr, ytr = peers.load_xy(os.path.join(data, "higgs-1m.csv"), 1000000)
    xte, yte = peers.load_xy(os.path.join(data, "higgs-test-500k.csv"), 100000)
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        model = peers.keras_model()
        history = model.fit(xtr, ytr.astype(np.float32), batch_size=256, epochs=10, verbose=0)
        p = model.predict(xte, batch_size=4096, verbose=0)[:, 0]
        print(json.dumps({"peer": "keras", "seed": seed, "auc": round(float(roc_auc_score(yte, p)), 4),
                          "loss": [round(v, 5) for v in history.history["loss"]]}), flush=True)


if __name__ == "__main__":
    main()
