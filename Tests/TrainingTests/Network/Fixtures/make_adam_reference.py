"""Makes adam_reference_keras3.json: what real Keras 3 does, step by step, from given
weights, so the Swift trainer's Adam steps, loss and accuracy can be compared with it.

Run from the repository root with the Keras 3 venv (outside the repository):
  /root/venvs/keras3/bin/python Tests/TrainingTests/Network/Fixtures/make_adam_reference.py
Versions used: Python 3.11.7, tensorflow-cpu 2.21.0, keras 3.15.1.

For each case: the notebook's network (28 relu, 14 relu, 7 relu, 1 sigmoid) starts from
weights drawn with numpy (Glorot-uniform ranges, seeded; biases small and non-zero so
they matter), is compiled with Adam() and binary cross-entropy and metrics=["accuracy"],
and is fitted with shuffle=False on the sample's first rows. The file records the data,
the starting weights, Keras' history and the weights after fitting. CI does not run
this script: the test reads the committed JSON.
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
import keras

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")
UNITS = [28, 14, 7, 1]


def model():
    m = keras.Sequential([keras.Input((28,))] + [
        keras.layers.Dense(u, activation="sigmoid" if i == len(UNITS) - 1 else "relu")
        for i, u in enumerate(UNITS)])
    m.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    return m


def weights(seed):
    rng = np.random.default_rng(seed)
    out, fan_in = [], 28
    for u in UNITS:
        limit = np.sqrt(6.0 / (fan_in + u))
        out.append(rng.uniform(-limit, limit, size=(fan_in, u)).astype(np.float32))
        out.append(rng.uniform(-0.05, 0.05, size=(u,)).astype(np.float32))
        fan_in = u
    return out


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def case(name, rows, batch, epochs, seed, x, y):
    m = model()
    start = weights(seed)
    m.set_weights(start)
    h = m.fit(x[:rows], y[:rows], batch_size=batch, epochs=epochs, shuffle=False, verbose=0)
    return {
        "name": name, "rows": rows, "batch_size": batch, "epochs": epochs,
        "initial": [floats(w) for w in start],
        "final": [floats(w) for w in m.get_weights()],
        "history": {k: [float(v) for v in vs] for k, vs in h.history.items()},
        "predictions": floats(m.predict(x[:rows], verbose=0)[:, 0]),
    }


def main():
    data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32, max_rows=200)
    x, y = data[:, 1:], data[:, 0]
    cases = [
        case("one_step_64", 64, 64, 1, 1, x, y),
        case("three_steps_64", 64, 64, 3, 2, x, y),
        case("partial_batches_200", 200, 48, 3, 3, x, y),
    ]
    out = {"keras": keras.__version__, "x": floats(x), "y": [int(v) for v in y], "cases": cases}
    with open(os.path.join(HERE, "adam_reference_keras3.json"), "w") as f:
        json.dump(out, f)
    for c in cases:
        print(c["name"], c["history"])


if __name__ == "__main__":
    main()
