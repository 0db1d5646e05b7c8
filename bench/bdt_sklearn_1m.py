#!/usr/bin/env python3
"""bench/bdt_sklearn_1m.py — scikit-learn's AdaBoost of 200 stumps on the first N rows of
higgs-1m.csv, once (peers.py only extrapolates it at 1M: it takes 15-30 min), with its
test AUC and DeLong 95% interval on the first 100,000 rows of higgs-test-500k.csv: the
reference for "our test AUC within 0.003 of scikit-learn's at 1M rows".

    ~/peers-bench/bin/python bench/bdt_sklearn_1m.py [--rows 1000000] [--data-dir ~/benchdata]
Prints one JSON line.
"""
import argparse
import json
import os
import time

import numpy as np
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.tree import DecisionTreeClassifier


def load(path, rows):
    import pyarrow as pa
    import pyarrow.csv as pacsv
    ro = pacsv.ReadOptions(autogenerate_column_names=True)
    co = pacsv.ConvertOptions(column_types={f"f{i}": pa.float32() for i in range(29)})
    t = pacsv.read_csv(path, read_options=ro, convert_options=co).slice(0, rows)
    a = np.column_stack([c.to_numpy() for c in t.columns]).astype(np.float32)
    return np.ascontiguousarray(a[:, 1:]), a[:, 0].astype(np.int8)


def delong(p, y):
    """AUC and its DeLong 95% interval (midranks, O(n log n))."""
    from scipy.stats import rankdata
    pos, neg = p[y == 1], p[y == 0]
    m, n = len(pos), len(neg)
    r_all = rankdata(np.concatenate([pos, neg]))
    v10 = (r_all[:m] - rankdata(pos)) / n
    v01 = 1 - (r_all[m:] - rankdata(neg)) / m
    auc = v10.mean()
    se = np.sqrt(v10.var(ddof=1) / m + v01.var(ddof=1) / n)
    return auc, auc - 1.959963984540054 * se, auc + 1.959963984540054 * se


ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--test-rows", type=int, default=100_000)
ap.add_argument("--data-dir", default=os.path.expanduser("~/benchdata"))
a = ap.parse_args()
X, y = load(os.path.join(a.data_dir, "higgs-1m.csv"), a.rows)
Xt, yt = load(os.path.join(a.data_dir, "higgs-test-500k.csv"), a.test_rows)
t0 = time.perf_counter()
m = AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=200, random_state=0).fit(X, y)
fit = time.perf_counter() - t0
p = m.predict_proba(Xt)[:, 1]
auc, lo, hi = delong(p, yt)
assert abs(auc - roc_auc_score(yt, p)) < 1e-12
print(json.dumps({"peer": "sklearn AdaBoost(stump) 200, one run", "rows": a.rows, "fit_s": round(fit, 1),
                  "auc": auc, "auc_lower": lo, "auc_upper": hi, "test_rows": a.test_rows}))
