"""Makes transformed_copies.json: score vectors for the original rows and for transformed
copies of them, with the memorization check's figures computed independently of the Swift
code (TransformedCopiesTest): each AUC by scikit-learn's roc_auc_score, the variance of
AUC - mean(AUC_k) as w' S w with w = (1, -1/K, ..., -1/K) and S the covariance matrices of
DeLong's components (Sun & Xu midranks), rather than from averaged components.

Run from the repository root: /work/venv/bin/python Tests/MetricsTests/Fixtures/make_transformed_copies_fixture.py
"""

import json
import math
import pathlib

import numpy as np
import scipy
import scipy.special
import scipy.stats
import sklearn
from sklearn.metrics import roc_auc_score

HERE = pathlib.Path(__file__).resolve().parent


def components(scores, labels):
    positive, negative = scores[labels == 1], scores[labels == 0]
    m, n = len(positive), len(negative)
    tz = scipy.stats.rankdata(np.concatenate([positive, negative]))
    v10 = (tz[:m] - scipy.stats.rankdata(positive)) / n
    v01 = 1.0 - (tz[m:] - scipy.stats.rankdata(negative)) / m
    return v10, v01


def figures(scores, copies, labels):
    vectors = [scores] + copies
    parts = [components(v, labels) for v in vectors]
    s10 = np.atleast_2d(np.cov(np.vstack([p[0] for p in parts])))
    s01 = np.atleast_2d(np.cov(np.vstack([p[1] for p in parts])))
    w = np.array([1.0] + [-1.0 / len(copies)] * len(copies))
    variance = float(w @ s10 @ w / (labels == 1).sum() + w @ s01 @ w / (labels == 0).sum())
    auc = roc_auc_score(labels, scores)
    transformed = float(np.mean([roc_auc_score(labels, c) for c in copies]))
    difference = auc - transformed
    if variance > 1e-300:
        z = difference / math.sqrt(variance)
    else:
        variance = 0.0
        z = 0.0 if difference == 0 else math.copysign(math.inf, difference)
    p = float(scipy.special.erfc(z / math.sqrt(2)) / 2)
    return {"auc": float(auc), "transformed_auc": transformed, "variance": variance,
            "z": z if math.isfinite(z) else ("inf" if z > 0 else "-inf"), "p_value": p}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def main():
    rng = np.random.default_rng(14)
    cases = []

    def add(name, note, scores, copies, labels):
        scores = np.asarray(scores, dtype=float)
        copies = [np.asarray(c, dtype=float) for c in copies]
        labels = np.asarray(labels)
        cases.append({"name": name, "note": note, "scores": [float(v) for v in scores],
                      "copies": [[float(v) for v in c] for c in copies], "labels": [int(v) for v in labels],
                      **figures(scores, copies, labels)})

    rows = 3000
    labels = (rng.random(rows) < 0.53).astype(int)
    latent = rng.normal(0, 1, rows) + 0.6 * (2 * labels - 1)
    honest = lambda: np.round(sigmoid(latent + rng.normal(0, 0.3, rows)), 6)
    add("honest_four_copies", "copies score the same events with fresh noise: D near 0",
        honest(), [honest() for _ in range(4)], labels)
    memorized = np.round(sigmoid(latent + 1.5 * (2 * labels - 1) + rng.normal(0, 0.3, rows)), 6)
    add("memorizer_four_copies", "the originals carry the labels, the copies do not: D large",
        memorized, [honest() for _ in range(4)], labels)
    add("ties_two_decimals", "scores rounded to 2 decimals: tied groups of both classes",
        np.round(honest(), 2), [np.round(honest(), 2) for _ in range(3)], labels)
    add("one_copy", "one copy: the paired DeLong test", honest(), [honest()], labels)
    small_labels = np.array([1, 0, 1, 1, 0, 0, 1, 0, 0, 1])
    base = rng.random(10).round(3)
    add("identical_copies", "copies equal to the originals: variance 0, z 0, p 1/2",
        base, [base, base], small_labels)
    add("copies_worse_than_originals_reversed", "originals worse than the copies: z negative",
        honest()[::-1].copy(), [honest() for _ in range(2)], labels)

    versions = {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__}
    (HERE / "transformed_copies.json").write_text(json.dumps({"versions": versions, "cases": cases}, separators=(",", ":")))


if __name__ == "__main__":
    main()
