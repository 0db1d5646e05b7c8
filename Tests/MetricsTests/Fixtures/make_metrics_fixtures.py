#!/usr/bin/env python3
"""Reference values for the Metrics target's tests, computed with scikit-learn.

What it makes (in the folder of this script, small JSON files committed beside it):
  metrics_cases.json  score/label vectors and, for each, scikit-learn's roc_curve
                      (drop_intermediate=True), roc_auc_score, accuracy_score and
                      confusion_matrix at score >= 0.5, log_loss; the working-point
                      efficiencies read off sklearn's curve with numpy.interp; and the
                      AUC's DeLong variance and 95% interval from the independent
                      implementation below.
  delong_paired.json  pairs of score vectors on the same rows with the paired DeLong
                      test (AUCs, variance of the difference, z, two-sided p-value).

Versions used to make the committed files: Python 3.11, numpy 2.4.6, scipy 1.17.1,
scikit-learn 1.9.1.

How to run (from the repository root; the venv lives outside the repository):
  python3 -m venv /root/venvs/fixtures
  /root/venvs/fixtures/bin/pip install numpy scipy scikit-learn==1.9.1
  /root/venvs/fixtures/bin/python Tests/MetricsTests/Fixtures/make_metrics_fixtures.py

Optional cross-check of the DeLong implementation against pROC's published figures on
its aSAH data set (pROC's tests/testthat: var(), ci.auc(), roc.test()): give the path of
pROC's data/aSAH.RData and have pyreadr and pandas installed; nothing from it is written:
  .../python make_metrics_fixtures.py --check-asah /path/to/aSAH.RData

Non-finite floats are written as the strings "inf", "-inf", "nan" (JSON has no literal).
"""

import argparse
import json
import math
import pathlib
import sys

import numpy as np
import scipy
import scipy.special
import scipy.stats
import sklearn
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    log_loss,
    roc_auc_score,
    roc_curve,
)

HERE = pathlib.Path(__file__).resolve().parent
BACKGROUND_EFFICIENCIES = [0.01, 0.10, 0.30]
SIGNAL_EFFICIENCIES = [0.30, 0.50, 0.70]
Z975 = scipy.stats.norm.ppf(0.975)


def finite_or_string(value):
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def floats(values):
    return [finite_or_string(v) for v in values]


# --- Working points: the documented linear interpolation -------------------------------
def signal_efficiency_at(fpr, tpr, background_efficiency):
    """Highest signal efficiency at this background efficiency, interpolating linearly."""
    return float(np.interp(background_efficiency, fpr, tpr))


def background_efficiency_at(fpr, tpr, signal_efficiency):
    """Lowest background efficiency reaching this signal efficiency, interpolating linearly.

    np.interp takes the last of equal abscissae; reversing and negating the arrays makes it
    take the first point with tpr >= signal_efficiency, the left end of a flat stretch.
    """
    return float(-np.interp(-signal_efficiency, -tpr[::-1], -fpr[::-1]))


# --- DeLong, written independently from the Swift code: Sun & Xu (2014) midranks --------
def midranks(x):
    """Midranks (1-based, ties averaged) of x; the same as scipy.stats.rankdata."""
    return scipy.stats.rankdata(x, method="average")


def delong_components(scores, labels):
    """Structural components V10 (signal rows) and V01 (background rows), Sun & Xu eq. (10)."""
    positive = scores[labels == 1]
    negative = scores[labels == 0]
    m, n = len(positive), len(negative)
    combined = np.concatenate([positive, negative])
    tz = midranks(combined)
    tx = midranks(positive)
    ty = midranks(negative)
    v10 = (tz[:m] - tx) / n
    v01 = 1.0 - (tz[m:] - ty) / m
    return v10, v01


def delong_single(scores, labels):
    v10, v01 = delong_components(scores, labels)
    auc = v10.mean()
    variance = np.var(v10, ddof=1) / len(v10) + np.var(v01, ddof=1) / len(v01)
    half = Z975 * math.sqrt(variance)
    return {
        "auc": float(auc),
        "variance": float(variance),
        "lower": float(max(0.0, auc - half)),
        "upper": float(min(1.0, auc + half)),
    }


def delong_paired(scores_a, scores_b, labels):
    va10, va01 = delong_components(scores_a, labels)
    vb10, vb01 = delong_components(scores_b, labels)
    s10 = np.cov(np.vstack([va10, vb10]))  # ddof = 1
    s01 = np.cov(np.vstack([va01, vb01]))
    covariance = s10 / len(va10) + s01 / len(va01)
    auc_a, auc_b = va10.mean(), vb10.mean()
    variance = covariance[0, 0] + covariance[1, 1] - 2 * covariance[0, 1]
    difference = auc_a - auc_b
    if variance > 0:
        z = difference / math.sqrt(variance)
    else:
        variance = 0.0
        z = 0.0 if difference == 0 else math.copysign(math.inf, difference)
    p = scipy.special.erfc(abs(z) / math.sqrt(2))
    return {
        "auc_a": float(auc_a),
        "auc_b": float(auc_b),
        "variance": float(variance),
        "z": finite_or_string(z),
        "p_value": float(p),
    }


# --- One case: every figure sklearn gives ---------------------------------------------
def case(name, scores, labels, note):
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    fpr, tpr, thresholds = roc_curve(labels, scores)
    predicted = (scores >= 0.5).astype(np.int64)
    result = {
        "name": name,
        "note": note,
        "scores": floats(scores),
        "labels": [int(v) for v in labels],
        "roc": {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thresholds)},
        "auc": float(roc_auc_score(labels, scores)),
        "auc_trapezoid_full_curve": float(
            sklearn.metrics.auc(*roc_curve(labels, scores, drop_intermediate=False)[:2])
        ),
        "accuracy": float(accuracy_score(labels, predicted)),
        "confusion": confusion_matrix(labels, predicted, labels=[0, 1]).tolist(),
        "signal_efficiency_at_background": [
            signal_efficiency_at(fpr, tpr, e) for e in BACKGROUND_EFFICIENCIES
        ],
        "background_efficiency_at_signal": [
            background_efficiency_at(fpr, tpr, e) for e in SIGNAL_EFFICIENCIES
        ],
        "log_loss": None,
        "delong": None,
    }
    if scores.min() >= 0 and scores.max() <= 1:
        result["log_loss"] = float(log_loss(labels, scores, labels=[0, 1]))
    if min(labels.sum(), len(labels) - labels.sum()) >= 2:
        result["delong"] = delong_single(scores, labels)
    return result


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def realistic(rng, rows, separation=0.6, positive_fraction=0.53):
    """HIGGS-like: AUC about 0.8, a little more signal than background."""
    labels = (rng.random(rows) < positive_fraction).astype(np.int64)
    logits = rng.normal(0.0, 1.0, rows) + separation * (2 * labels - 1)
    return np.round(sigmoid(logits), 6), labels


def make_cases(rng):
    cases = []
    cases.append(case(
        "sklearn_docs", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1],
        "the example in roc_curve's docstring"))

    scores, labels = realistic(rng, 400, separation=0.4)
    cases.append(case(
        "ties_two_decimals", np.round(scores, 2), labels,
        "scores rounded to 2 decimals: many tied groups of both classes"))

    labels = np.array([1] * 20 + [0] * 30)
    scores = np.concatenate([rng.uniform(0.6, 1.0, 20), rng.uniform(0.0, 0.4, 30)])
    cases.append(case("perfectly_separated", np.round(scores, 4), labels,
                      "every signal score above every background score: AUC 1"))
    cases.append(case("perfectly_reversed", np.round(1 - scores, 4), labels,
                      "every signal score below every background score: AUC 0"))

    cases.append(case("all_equal", [0.5] * 30, [1] * 10 + [0] * 20,
                      "one distinct score: the curve is (0,0)-(1,1), AUC 0.5"))

    scores, labels = realistic(rng, 5000)
    cases.append(case("realistic_5000", scores, labels,
                      "5,000 HIGGS-like rows, scores rounded to 6 decimals"))

    labels = (rng.random(2000) < 0.5).astype(np.int64)
    float32_scores = sigmoid(rng.normal(0, 1, 2000) + 0.9 * (2 * labels - 1)).astype(np.float32)
    float32_case = case(
        "float32_like", float32_scores.astype(np.float64), labels,
        "float32 scores (as a Keras model predicts them) widened to float64")
    float32_case["log_loss_sklearn_float32_input"] = float(
        log_loss(labels, float32_scores, labels=[0, 1]))
    cases.append(float32_case)

    scores = np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.3, 0.7, 1e-17, 1 - 1e-16, 0.5, 0.5])
    labels = np.array([0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0])
    cases.append(case("log_loss_extremes", scores, labels,
                      "scores of exactly 0 and 1, right and wrong: clipped at float64 eps"))

    labels = np.array([0] * 1000 + [1] * 1000)
    rng.shuffle(labels)
    scores = np.round(rng.uniform(0, 1, 2000) * 0.7 + 0.3 * labels, 2)
    cases.append(case(
        "exact_working_points", scores, labels,
        "1,000 rows of each class, 2-decimal scores: fpr hits 1%, 10%, 30% and tpr hits "
        "30%, 50%, 70% exactly, on flat and steep stretches"))

    scores, labels = realistic(rng, 1500, separation=1.5, positive_fraction=0.02)
    cases.append(case("imbalanced", scores, labels, "2% signal"))

    cases.append(case("minimal", [0.2, 0.9, 0.4, 0.6], [0, 1, 0, 1],
                      "two rows of each class, the least DeLong's variance needs"))

    labels = (rng.random(300) < 0.5).astype(np.int64)
    scores = np.round(rng.normal(0, 2, 300) + labels, 3)
    cases.append(case("decision_function", scores, labels,
                      "unbounded scores: ROC and AUC only (no log loss)"))

    cases.append(case("signed_zeros", [-0.0, 0.0, 0.0, -0.0, 0.25, 0.75, 0.25, 1.0],
                      [0, 1, 0, 1, 1, 1, 0, 0], "-0.0 and +0.0 are one threshold"))
    return cases


def make_paired(rng):
    pairs = []
    labels = (rng.random(5000) < 0.53).astype(np.int64)
    base = rng.normal(0, 1, 5000) + 0.6 * (2 * labels - 1)
    a = np.round(sigmoid(base + rng.normal(0, 0.5, 5000)), 6)
    b = np.round(sigmoid(base + rng.normal(0, 0.6, 5000)), 6)
    pairs.append({"name": "realistic_5000", "note": "two correlated HIGGS-like classifiers",
                  "scores_a": floats(a), "scores_b": floats(b),
                  "labels": [int(v) for v in labels], **delong_paired(a, b, labels)})

    labels = (rng.random(500) < 0.4).astype(np.int64)
    base = rng.normal(0, 1, 500) + 0.8 * labels
    a = np.round(sigmoid(base), 1)
    b = np.round(sigmoid(base + rng.normal(0, 1, 500)), 1)
    pairs.append({"name": "ties_one_decimal", "note": "scores rounded to 1 decimal",
                  "scores_a": floats(a), "scores_b": floats(b),
                  "labels": [int(v) for v in labels], **delong_paired(a, b, labels)})

    pairs.append({"name": "identical", "note": "the same scores twice: z = 0, p = 1",
                  "scores_a": floats(a), "scores_b": floats(a),
                  "labels": [int(v) for v in labels], **delong_paired(a, a, labels)})
    return pairs


def check_asah(path):
    """DeLong of this script against pROC's published figures on aSAH (pROC's own tests)."""
    import pyreadr

    frame = pyreadr.read_r(path)["aSAH"]
    labels = (frame["outcome"].astype(str) == "Poor").to_numpy().astype(np.int64)
    wfns = frame["wfns"].astype(int).to_numpy().astype(np.float64)
    s100b = frame["s100b"].to_numpy()
    ndka = frame["ndka"].to_numpy()
    expectations = [
        ("var(r.wfns)", delong_single(wfns, labels)["variance"], 0.00146991470882363),
        ("var(r.ndka)", delong_single(ndka, labels)["variance"], 0.0031908105493913),
        ("var(r.s100b)", delong_single(s100b, labels)["variance"], 0.00266868245717244),
        ("ci.auc(r.ndka) lower", delong_single(ndka, labels)["lower"], 0.501244999271703),
        ("ci.auc(r.ndka) upper", delong_single(ndka, labels)["upper"], 0.722670989888189),
        ("roc.test(wfns, s100b) Z", delong_paired(wfns, s100b, labels)["z"], 2.20898359144091),
        ("roc.test(wfns, s100b) p", delong_paired(wfns, s100b, labels)["p_value"], 0.0271757822291882),
        ("roc.test(wfns, ndka) Z", delong_paired(wfns, ndka, labels)["z"], 2.79777591868904),
        ("roc.test(ndka, s100b) Z", delong_paired(ndka, s100b, labels)["z"], -1.39077002573558),
    ]
    worst = 0.0
    for name, ours, published in expectations:
        error = abs(ours - published) / abs(published)
        worst = max(worst, error)
        print(f"  {name:28s} ours {ours:.15g}  pROC {published:.15g}  rel. error {error:.1e}")
    if worst > 1e-9:
        sys.exit(f"DeLong reference disagrees with pROC (relative error {worst:.1e})")
    print("DeLong reference agrees with pROC's published aSAH figures to 1e-9")


def write(name, payload):
    path = HERE / name
    with open(path, "w") as handle:
        json.dump(payload, handle, separators=(",", ":"), allow_nan=False)
        handle.write("\n")
    print(f"wrote {path.name}: {path.stat().st_size:,} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-asah", metavar="RDATA", help="pROC's data/aSAH.RData")
    arguments = parser.parse_args()
    if arguments.check_asah:
        check_asah(arguments.check_asah)
    versions = {"numpy": np.__version__, "scipy": scipy.__version__,
                "scikit-learn": sklearn.__version__,
                "python": ".".join(map(str, sys.version_info[:3]))}
    rng = np.random.default_rng(20140602)
    write("metrics_cases.json", {"versions": versions, "cases": make_cases(rng)})
    write("delong_paired.json", {"versions": versions, "pairs": make_paired(rng)})


if __name__ == "__main__":
    main()
