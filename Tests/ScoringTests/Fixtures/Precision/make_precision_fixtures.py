"""Makes the precision fixtures: models trained by the real frameworks on the embedded sample
(three decimals), the rows they are scored on, and each framework's own predictions.

The rows (`rows.csv`, HIGGS layout: label then 28 features) are the sample's 500 hidden-test
rows as written (three decimals), then rows that sit on the models' thresholds:
  - LightGBM: a hidden row with one feature set to a split threshold of the model, written
    with 17 digits (the double exactly), for every threshold whose float32 is not itself;
    LightGBM compares such a value in double, and the float32 lands on the other side.
  - XGBoost: a hidden row with one feature set to a three-decimal value whose float32 is a
    split threshold (XGBoost compares in float32, and the double differs).
Each framework predicts on the rows as pandas reads the file (float64), the way a
participant would: LightGBM and the double-input ONNX graph read float64, XGBoost, Keras
and the float ONNX graph float32.

Run with the venv that has lightgbm, xgboost, tensorflow, tf_keras, scikit-learn, skl2onnx,
onnxruntime:  python make_precision_fixtures.py  (from this folder).
"""
import os

os.environ.setdefault("TF_CPU_ONLY", "1")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
import lightgbm as lgb
import numpy as np
import onnxruntime as ort
import pandas as pd
import xgboost as xgb
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import DoubleTensorType, FloatTensorType
from sklearn.neural_network import MLPClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "../../../../Sources/HiggsData/Resources/higgs-sample.csv")

data = pd.read_csv(SAMPLE, header=None)
y = data[0].astype(int).to_numpy()
X = data.drop(columns=[0]).to_numpy(dtype=np.float64)
train_x, train_y = X[:-500], y[:-500]
hidden_x, hidden_y = X[-500:], y[-500:]

boosters = {}
for name, zero_as_missing in (("lightgbm", False), ("lightgbm_zero", True)):
    boosters[name] = lgb.train(
        {"objective": "binary", "num_leaves": 31, "learning_rate": 0.1, "verbose": -1, "seed": 1,
         "zero_as_missing": zero_as_missing},
        lgb.Dataset(train_x, train_y), num_boost_round=60)
    boosters[name].save_model(os.path.join(HERE, f"{name}.txt"))

xgb_model = xgb.XGBClassifier(n_estimators=60, max_depth=4, learning_rate=0.1, tree_method="hist", random_state=1)
xgb_model.fit(train_x, train_y)
xgb_model.get_booster().save_model(os.path.join(HERE, "xgboost.json"))

# Rows on the thresholds.
crafted = []
lgb_trees = pd.concat([booster.trees_to_dataframe() for booster in boosters.values()])
lgb_splits = lgb_trees[lgb_trees["split_feature"].notna()][["split_feature", "threshold"]].drop_duplicates()
for k, (name, threshold) in enumerate(lgb_splits.itertuples(index=False)):
    feature = int(str(name).replace("Column_", ""))
    if float(np.float32(threshold)) == threshold:
        continue
    row = hidden_x[k % 500].copy()
    row[feature] = threshold
    crafted.append((hidden_y[k % 500], row))
lgb_count = len(crafted)
xgb_trees = xgb_model.get_booster().trees_to_dataframe()
xgb_splits = xgb_trees[xgb_trees["Feature"] != "Leaf"][["Feature", "Split"]].drop_duplicates()
for k, (name, split) in enumerate(xgb_splits.itertuples(index=False)):
    feature = int(str(name).lstrip("f"))
    value = round(float(split), 3)
    if np.float32(value) != np.float32(split) or value == float(np.float32(split)):
        continue
    row = hidden_x[k % 500].copy()
    row[feature] = value
    crafted.append((hidden_y[k % 500], row))
print(f"{lgb_count} rows on LightGBM thresholds, {len(crafted) - lgb_count} on XGBoost thresholds")

with open(os.path.join(HERE, "rows.csv"), "w") as out:
    for label, row in [(label, row) for label, row in zip(hidden_y, hidden_x)] + crafted:
        out.write(",".join([str(int(label))] + [repr(float(v)) for v in row]) + "\n")

rows = pd.read_csv(os.path.join(HERE, "rows.csv"), header=None).drop(columns=[0]).to_numpy(dtype=np.float64)
rows32 = rows.astype(np.float32)


def write(name, scores):
    with open(os.path.join(HERE, f"{name}.predictions.txt"), "w") as out:
        out.writelines(f"{float(s):.17g}\n" for s in np.asarray(scores).reshape(-1))


for name, booster in boosters.items():
    write(name, booster.predict(rows))
    # What rounding to float32 would give LightGBM: the rows whose scores it changes are the point.
    gap = np.abs(booster.predict(rows32.astype(np.float64)) - booster.predict(rows))
    print(f"{name} on float32-rounded rows: {(gap[:500] > 1e-5).sum()} of the 500 hidden rows and "
          f"{(gap[500:] > 1e-5).sum()} of {len(rows) - 500} rows on thresholds differ, by up to {gap.max():.4f}")
write("xgboost", xgb_model.predict_proba(rows)[:, 1])

mlp = MLPClassifier(hidden_layer_sizes=(16,), max_iter=300, random_state=1).fit(train_x, train_y)
for name, kind in (("onnx_float", FloatTensorType), ("onnx_double", DoubleTensorType)):
    graph = convert_sklearn(mlp, initial_types=[("input", kind([None, 28]))], options={id(mlp): {"zipmap": False}})
    with open(os.path.join(HERE, f"{name}.onnx"), "wb") as out:
        out.write(graph.SerializeToString())
    session = ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])
    feed = rows32 if kind is FloatTensorType else rows
    write(name, session.run(None, {"input": feed})[1][:, 1])

import tf_keras as keras

keras.utils.set_random_seed(1)
net = keras.Sequential([keras.Input(shape=(28,)), keras.layers.Dense(16, activation="relu"),
                        keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(train_x.astype(np.float32), train_y, epochs=3, batch_size=256, verbose=0)
net.save(os.path.join(HERE, "keras.h5"))
write("keras", net.predict(rows32, verbose=0)[:, 0])

import keras as keras3

keras3.utils.set_random_seed(1)
net3 = keras3.Sequential([keras3.Input(shape=(28,)), keras3.layers.Dense(16, activation="relu"),
                          keras3.layers.Dense(1, activation="sigmoid")])
net3.compile(optimizer="adam", loss="binary_crossentropy")
net3.fit(train_x.astype(np.float32), train_y, epochs=3, batch_size=256, verbose=0)
net3.save(os.path.join(HERE, "keras3.keras"))
write("keras3", net3.predict(rows32, verbose=0)[:, 0])
