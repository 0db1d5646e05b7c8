#!/usr/bin/env python3
"""synth_quality.py - is `leaderboard data synth` output learnable like the real thing?

Trains boosted decision stumps (scikit-learn's AdaBoost of 200 depth-1 trees, the
hackathon's BDT, on up to --sk-rows rows; and LightGBM stumps, 200 rounds, on all training
rows) on the training part of a synthetic file and reports the AUC on its hidden-test tail
(the last 1/15 of the rows, at most 500,000: the tool's default split). The same is done on
the real 7,500-event sample for comparison. Run with the peers' venv:

  ~/peers-bench/bin/python bench/synth_quality.py SYNTH.csv[.gz] [--sample PATH]
"""
import argparse
import os

import numpy as np
import pandas as pd
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.tree import DecisionTreeClassifier
import lightgbm as lgb

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "Sources", "HiggsData", "Resources", "higgs-sample.csv")


def split(path):
    a = pd.read_csv(path, header=None, dtype=np.float32).to_numpy()
    test = min(500_000, len(a) // 15)
    return a[:-test, 1:], a[:-test, 0], a[-test:, 1:], a[-test:, 0]


def aucs(path, sk_rows):
    xtr, ytr, xte, yte = split(path)
    n = min(sk_rows, len(ytr))
    ada = AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=200, random_state=0).fit(xtr[:n], ytr[:n])
    stumps = lgb.LGBMClassifier(n_estimators=200, num_leaves=2, max_depth=1, verbose=-1, random_state=0).fit(xtr, ytr)
    return (len(ytr), len(yte), n, roc_auc_score(yte, ada.predict_proba(xte)[:, 1]),
            roc_auc_score(yte, stumps.predict_proba(xte)[:, 1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("synth")
    ap.add_argument("--sample", default=SAMPLE)
    ap.add_argument("--sk-rows", type=int, default=50_000)
    args = ap.parse_args()
    print("| data | training rows | test rows | AdaBoost (sklearn, rows) AUC | LightGBM stumps AUC |")
    print("|---|---:|---:|---:|---:|")
    for name, path in (("real sample", args.sample), ("synthetic", args.synth)):
        ntr, nte, nsk, a, b = aucs(path, args.sk_rows)
        print(f"| {name} | {ntr:,} | {nte:,} | {a:.4f} ({nsk:,}) | {b:.4f} |")


if __name__ == "__main__":
    main()
