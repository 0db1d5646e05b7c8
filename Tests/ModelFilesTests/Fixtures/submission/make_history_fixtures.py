"""Writes the training-history fixtures with real Keras (run from this folder).

    /root/venvs/keras3/bin/python make_history_fixtures.py

Trains a tiny net 3 epochs on random data, with keras.callbacks.CSVLogger writing
`keras3_csvlogger.csv` and `history.history` dumped to `keras3_history.json`; the
versions used are written to `history_versions.txt`. CI does not run this.
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import keras
import tensorflow as tf

keras.utils.set_random_seed(7)
x = np.random.default_rng(7).normal(size=(256, 28)).astype("float32")
y = (x[:, 0] + 0.5 * x[:, 25] > 0).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(28,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(
    x, y, epochs=3, batch_size=32, validation_split=0.25, verbose=0,
    callbacks=[keras.callbacks.CSVLogger("keras3_csvlogger.csv")],
)
with open("keras3_history.json", "w") as f:
    json.dump(history.history, f)
with open("history_versions.txt", "w") as f:
    f.write(f"keras {keras.__version__}\ntensorflow {tf.__version__}\nnumpy {np.__version__}\n")
