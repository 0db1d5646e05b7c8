"""Peer side of bench/trees_predict.sh: trains (once) and saves a 1,000-tree XGBoost model
and a 1,000-tree LightGBM model on HIGGS-shaped rows, writes the test rows as raw float32,
and times the frameworks' own predict on them (best of --repeats, 2 threads).

  python trees_predict_peers.py --train TRAIN.csv --test TEST.csv --dir DIR [--repeats 3]

Writes DIR/xgb-1000.json, DIR/xgb-1000.ubj, DIR/lgbm-1000.txt (kept between runs),
DIR/test.f32 (rows x 28 float32), DIR/test-nan.f32 (the same with 5% of the values NaN,
seeded), DIR/<model>.peer.f64 and DIR/<model>-nan.peer.f64 (the framework's predictions) and
prints one JSON line per model and test file (model "<model>-nan" for the NaN rows): {"model", "framework", "version", "call", "predict_s" (wall),
"predict_cpu_s" (CPU seconds, all threads), "rows"}.
Made for the peers' venv (~/peers-bench: xgboost 3.2.0, lightgbm 4.7.0, numpy).
"""
import argparse
import json
import os
import time

import lightgbm as lgb
import numpy as np
import xgboost as xgb


def load(path):
    data = np.loadtxt(path, delimiter=",", dtype=np.float32)
    return data[:, 1:].copy(), data[:, 0]


def best_of(repeats, fn):
    """Best wall seconds, best CPU seconds (all threads of this process) and the last output."""
    best, best_cpu, out = float("inf"), float("inf"), None
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best, best_cpu, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    path = lambda name: os.path.join(args.dir, name)

    test_x, _ = load(args.test)
    test_x.astype("<f4").tofile(path("test.f32"))
    test_nan = test_x.copy()
    test_nan[np.random.default_rng(7).random(test_nan.shape) < 0.05] = np.nan
    test_nan.astype("<f4").tofile(path("test-nan.f32"))

    if not all(os.path.exists(path(n)) for n in ("xgb-1000.json", "xgb-1000.ubj", "lgbm-1000.txt")):
        train_x, train_y = load(args.train)
        booster = xgb.train(dict(objective="binary:logistic", max_depth=6, eta=0.1, tree_method="hist",
                                 nthread=2, seed=1), xgb.DMatrix(train_x, label=train_y), num_boost_round=1000)
        booster.save_model(path("xgb-1000.json"))
        booster.save_model(path("xgb-1000.ubj"))
        model = lgb.train(dict(objective="binary", num_leaves=31, learning_rate=0.05, num_threads=2, seed=1,
                               verbose=-1), lgb.Dataset(train_x, label=train_y), num_boost_round=1000)
        model.save_model(path("lgbm-1000.txt"))

    booster = xgb.Booster(model_file=path("xgb-1000.ubj"))
    booster.set_param({"nthread": 2})
    model = lgb.Booster(model_file=path("lgbm-1000.txt"))
    for rows, suffix in ((test_x, ""), (test_nan, "-nan")):
        seconds, cpu, predictions = best_of(args.repeats, lambda: booster.inplace_predict(rows))
        np.asarray(predictions, dtype="<f8").tofile(path(f"xgb-1000{suffix}.peer.f64"))
        print(json.dumps(dict(model="xgb-1000" + suffix, framework="xgboost", version=xgb.__version__,
                              call="Booster.inplace_predict (nthread=2)", predict_s=seconds, predict_cpu_s=cpu,
                              rows=len(rows))))
        seconds, cpu, predictions = best_of(args.repeats, lambda: model.predict(rows, num_threads=2))
        np.asarray(predictions, dtype="<f8").tofile(path(f"lgbm-1000{suffix}.peer.f64"))
        print(json.dumps(dict(model="lgbm-1000" + suffix, framework="lightgbm", version=lgb.__version__,
                              call="Booster.predict (num_threads=2)", predict_s=seconds, predict_cpu_s=cpu,
                              rows=len(rows))))

if __name__ == "__main__":
    main()
