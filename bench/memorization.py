"""The memorization check of `score`, reproduced in Python with the real frameworks, to
measure it: honest models must not be flagged, models trained with the hidden rows must be.

The check (Sources/HiggsData/EventSymmetry.swift, Sources/Metrics/TransformedCopiesTest.swift):
the hidden rows are scored as they are and as four transformed copies (a quarter and three
quarters of a turn about the beam axis, each plain and with every pseudorapidity negated);
D = AUC(originals) - mean AUC(copies), its variance from DeLong's components (a copy-mean
component per row, paired with the original's), z = D / SE, flagged when z > 3.0902
(one-sided p < 0.001).

Modes (run from the repository root with /work/venv/bin/python, or any Python with numpy,
scipy, scikit-learn, xgboost, lightgbm and tensorflow/keras):

  sample [--fixtures DIR [--fixtures-only]] [--families xgboost,lightgbm,keras]
                            on the embedded sample (7,500 rows, hidden = last 500): a sweep
                            of honest models (trained on the first 7,000 rows) and of
                            memorizers (trained on all 7,500), one line of figures each;
                            with --fixtures, writes a few of them as model files there
                            (FIXTURE_CHOICES; with --fixtures-only, trains only those)
  copy-sets                 D and z of other choices of copies than the four used
  csv FILE --test-rows N [--families ...]
                            the same on a large exported file (`leaderboard data synth`),
                            hidden = the last N rows; trees only

"Gain seen" is D divided by the memorizer's gain over the honest model of the same settings
(AUC on originals of the memorizer minus that of the honest one): how much of what
memorizing bought the check can see.
"""

import json
import math
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import roc_auc_score

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")

NAMES = [
    "lepton pT", "lepton eta", "lepton phi", "missing energy magnitude", "missing energy phi",
    "jet 1 pT", "jet 1 eta", "jet 1 phi", "jet 1 b-tag", "jet 2 pT", "jet 2 eta", "jet 2 phi",
    "jet 2 b-tag", "jet 3 pT", "jet 3 eta", "jet 3 phi", "jet 3 b-tag", "jet 4 pT", "jet 4 eta",
    "jet 4 phi", "jet 4 b-tag", "m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb",
]
AZIMUTHS = [i for i, n in enumerate(NAMES) if n.endswith("phi")]
ETAS = [i for i, n in enumerate(NAMES) if n.endswith("eta")]
LIMIT = np.float32(1.7433)
PERIOD = np.float32(2) * LIMIT
COPIES = [(0.25, False), (0.25, True), (0.75, False), (0.75, True)]
Z_THRESHOLD = 3.0902  # one-sided p < 0.001


def transformed(x, turns, mirrored):
    """x (float32 rows) rotated by `turns` of a turn (azimuths shifted and wrapped) and,
    if mirrored, with every pseudorapidity negated: as EventSymmetry does in float32."""
    y = x.copy()
    shift = np.float32(turns) * PERIOD
    phi = y[:, AZIMUTHS] + shift
    phi = np.where(phi >= LIMIT, phi - PERIOD, phi).astype(np.float32)
    phi = np.where(phi < -LIMIT, phi + PERIOD, phi).astype(np.float32)
    y[:, AZIMUTHS] = phi
    if mirrored:
        y[:, ETAS] = -y[:, ETAS]
    return y


def components(scores, labels):
    """DeLong's per-row components: V10 for a signal row, V01 for a background row."""
    pos = labels == 1
    m, n = pos.sum(), (~pos).sum()
    r_all = rankdata(scores)
    out = np.empty(len(scores))
    out[pos] = (r_all[pos] - rankdata(scores[pos])) / n
    out[~pos] = 1 - (r_all[~pos] - rankdata(scores[~pos])) / m
    return out


def check(original, copies, labels):
    """AUC of the originals, mean AUC of the copies, D, SE, z, flagged."""
    pos = labels == 1
    d = components(original, labels) - np.mean([components(c, labels) for c in copies], axis=0)
    auc = roc_auc_score(labels, original)
    copy_auc = float(np.mean([roc_auc_score(labels, c) for c in copies]))
    var = np.var(d[pos], ddof=1) / pos.sum() + np.var(d[~pos], ddof=1) / (~pos).sum()
    se = math.sqrt(var)
    diff = auc - copy_auc
    z = diff / se if se > 0 else (0.0 if diff == 0 else math.copysign(math.inf, diff))
    return dict(auc=auc, transformedAUC=copy_auc, difference=diff, standardError=se, z=z, flagged=z > Z_THRESHOLD)


class Trained:
    def __init__(self, name, family, kind, predict, model):
        self.name, self.family, self.kind, self.predict, self.model = name, family, kind, predict, model


def xgb_model(x, y, depth, seed, rounds=200, eta=0.1):
    import xgboost as xgb

    model = xgb.XGBClassifier(
        n_estimators=rounds, max_depth=depth, learning_rate=eta, subsample=0.8, colsample_bytree=0.8,
        random_state=seed, tree_method="hist", n_jobs=2)
    model.fit(x, y)
    return model, lambda z: model.predict_proba(z)[:, 1]


def lgb_model(x, y, leaves, seed, rounds=200, min_leaf=20):
    import lightgbm as lgb

    model = lgb.LGBMClassifier(
        n_estimators=rounds, num_leaves=leaves, learning_rate=0.1, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, min_child_samples=min_leaf, random_state=seed, n_jobs=2, verbose=-1)
    model.fit(x.astype(np.float64), y)
    return model, lambda z: model.predict_proba(z.astype(np.float64))[:, 1]


def keras_model(x, y, width, seed, epochs):
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(28,)), layers.Dense(width, activation="relu"), layers.Dense(width, activation="relu"),
        layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
    model.fit(x, y, epochs=epochs, batch_size=128, verbose=0)
    return model, lambda z: model.predict(z, batch_size=4096, verbose=0)[:, 0].astype(np.float64)


def settings(large, families):
    """(family, settings label, maker(x, y)) for each setting of `families`; every one is
    trained honest and as a memorizer. On a large file: one deep XGBoost and one LightGBM of
    many leaves, 100 rounds at a learning rate of 0.3."""
    out = []
    if large:
        out.append(("xgboost", "depth 10", lambda x, y: xgb_model(x, y, 10, 0, rounds=100, eta=0.3)))
        out.append(("lightgbm", "1023 leaves", lambda x, y: lgb_model(x, y, 1023, 0, rounds=100, min_leaf=2)))
        return [s for s in out if s[0] in families]
    for depth in [3, 4, 6, 8]:
        for seed in [0, 1, 2]:
            out.append(("xgboost", f"depth {depth} seed {seed}", lambda x, y, d=depth, s=seed: xgb_model(x, y, d, s)))
    for leaves in [15, 63, 255]:
        for seed in [0, 1, 2]:
            out.append((
                "lightgbm", f"{leaves} leaves seed {seed}",
                lambda x, y, l=leaves, s=seed: lgb_model(x, y, l, s, min_leaf=2 if l >= 255 else 20)))
    for width, epochs, seeds in [(64, 20, [0, 1, 2]), (256, 100, [0])]:
        for seed in seeds:
            out.append((
                "keras", f"{width} wide {epochs} epochs seed {seed}",
                lambda x, y, w=width, e=epochs, s=seed: keras_model(x, y, w, s, e)))
    return [s for s in out if s[0] in families]


def run(features, labels, test_rows, large, families, fixtures=None, fixtures_only=False):
    train_end = len(labels) - test_rows
    hidden_x, hidden_y = features[train_end:], labels[train_end:]
    copies_x = [transformed(hidden_x, t, m) for t, m in COPIES]
    results = []
    chosen = settings(large, families)
    if fixtures_only:
        chosen = [c for c in chosen if any(k[:2] == c[:2] for k in FIXTURE_CHOICES)]
    for family, label, make in chosen:
        honest_auc = None
        for kind, rows in [("honest", slice(0, train_end)), ("memorizer", slice(0, len(labels)))]:
            model, predict = make(features[rows], labels[rows])
            figures = check(predict(hidden_x), [predict(c) for c in copies_x], hidden_y)
            if kind == "honest":
                honest_auc = figures["auc"]
            else:
                gain = figures["auc"] - honest_auc
                figures["gain"] = gain
                figures["gainSeen"] = figures["difference"] / gain if gain > 0 else None
            figures.update(family=family, settings=label, kind=kind)
            results.append(figures)
            print(json.dumps(figures), flush=True)
            if fixtures is not None:
                save_fixture(fixtures, family, label, kind, model, predict(hidden_x), figures)
    honest = [r for r in results if r["kind"] == "honest"]
    memorizers = [r for r in results if r["kind"] == "memorizer" and r["family"] != "keras"]
    summary = dict(
        honestModels=len(honest), honestFlagged=sum(r["flagged"] for r in honest),
        honestLargestZ=max(r["z"] for r in honest), honestLargestDifference=max(abs(r["difference"]) for r in honest),
        treeMemorizers=len(memorizers), treeMemorizersFlagged=sum(r["flagged"] for r in memorizers))
    print(json.dumps(summary), flush=True)
    return results


FIXTURE_CHOICES = {
    ("xgboost", "depth 4 seed 0", "honest"): "honest-xgboost-depth4.json",
    ("xgboost", "depth 6 seed 0", "memorizer"): "memorizer-xgboost-depth6.json",
    ("lightgbm", "15 leaves seed 0", "honest"): "honest-lightgbm-15leaves.txt",
    ("lightgbm", "15 leaves seed 0", "memorizer"): "memorizer-lightgbm-15leaves.txt",
    ("keras", "64 wide 20 epochs seed 0", "honest"): "honest-keras.h5",
}


def save_fixture(folder, family, label, kind, model, hidden_scores, figures):
    """Writes the model file, the framework's own scores of the hidden rows beside it
    (<name>.predictions.txt, %.9g a line) and its check's figures into figures.json."""
    name = FIXTURE_CHOICES.get((family, label, kind))
    if name is None:
        return
    path = os.path.join(folder, name)
    if family == "xgboost":
        model.get_booster().save_model(path)
    elif family == "lightgbm":
        model.booster_.save_model(path)
    else:
        model.save(path)
    with open(path + ".predictions.txt", "w") as out:
        out.write("".join(f"{v:.9g}\n" for v in hidden_scores))
    summary = os.path.join(folder, "figures.json")
    stored = json.load(open(summary)) if os.path.exists(summary) else {}
    stored[name] = {k: figures[k] for k in ["auc", "transformedAUC", "difference", "standardError", "z", "flagged"]}
    with open(summary, "w") as out:
        json.dump(stored, out, indent=1, sort_keys=True)


def copy_sets():
    """Why these four copies: D and z of other sets of copies, for an honest model and a
    memorizer of XGBoost depth 6 and LightGBM with 63 leaves, on the sample."""
    data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
    x, y = data[:, 1:], data[:, 0].astype(np.int32)
    hx, hy = x[7000:], y[7000:]
    sets = {
        "mirror only": [(0.0, True)],
        "1/4, 1/2, 3/4 turn": [(0.25, False), (0.5, False), (0.75, False)],
        "1/4, 3/4 turn x plain, mirrored (used)": COPIES,
        "1/4, 1/2, 3/4 turn x plain, mirrored": [(t, f) for t in (0.25, 0.5, 0.75) for f in (False, True)],
    }
    makers = [("xgboost depth 6", lambda a, b: xgb_model(a, b, 6, 0)), ("lightgbm 63 leaves", lambda a, b: lgb_model(a, b, 63, 0))]
    for family, make in makers:
        for kind, rows in [("honest", slice(0, 7000)), ("memorizer", slice(0, 7500))]:
            _, predict = make(x[rows], y[rows])
            for name, copies in sets.items():
                f = check(predict(hx), [predict(transformed(hx, t, m)) for t, m in copies], hy)
                print(f"{family} {kind:9s} {name:40s} D {f['difference']:.4f} se {f['standardError']:.4f} z {f['z']:.2f}")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "sample"
    families = sys.argv[sys.argv.index("--families") + 1].split(",") if "--families" in sys.argv else [
        "xgboost", "lightgbm", "keras"]
    if mode == "sample":
        data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
        fixtures = sys.argv[sys.argv.index("--fixtures") + 1] if "--fixtures" in sys.argv else None
        run(data[:, 1:], data[:, 0].astype(np.int32), 500, large=False, families=families, fixtures=fixtures,
            fixtures_only="--fixtures-only" in sys.argv)
    elif mode == "copy-sets":
        copy_sets()
    elif mode == "csv":
        import pandas as pd

        path = sys.argv[2]
        test_rows = int(sys.argv[sys.argv.index("--test-rows") + 1])
        data = pd.read_csv(path, header=None, dtype=np.float32).to_numpy()
        run(data[:, 1:], data[:, 0].astype(np.int32), test_rows, large=True, families=families)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
