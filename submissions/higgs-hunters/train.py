"""Higgs Hunters' training script: a small Keras network on the public rows of the
HIGGS sample, saved as the hackathon asks (`model.save('my_model.h5')`) with its
per-epoch history (`CSVLogger`). The notebook imports it; run it alone to retrain:

    python train.py --epochs 30 --out some/folder
"""

import argparse
import os

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import keras
from keras import layers

# The sample shipped with the leaderboard tool: 7,500 HIGGS events, label first.
SAMPLE = os.environ.get("HIGGS_SAMPLE", "../../Sources/HiggsData/Resources/higgs-sample.csv")
# Its last 500 rows are the hidden test rows: never trained on, never looked at.
HIDDEN_ROWS = 500
SEED = 2014


def load_public_rows(path=SAMPLE):
    """Features and labels of the rows that are not hidden."""
    data = np.loadtxt(path, delimiter=",", dtype=np.float32)[:-HIDDEN_ROWS]
    return data[:, 1:], data[:, 0]


def build_model():
    """Dense 32 relu, 16 relu, 1 sigmoid, on the 28 features as they are."""
    return keras.Sequential(
        [
            keras.Input(shape=(28,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(16, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )


def fit(x, y, epochs, history_file="training.log"):
    """Trains on the first 90% of the rows, validating on the last 10% (the same rows the
    leaderboard's `check` scores); returns the model and its Keras history."""
    keras.utils.set_random_seed(SEED)
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(
        x, y, epochs=epochs, batch_size=64, validation_split=0.1, verbose=2,
        callbacks=[keras.callbacks.CSVLogger(history_file)],
    )
    return model, history


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--out", default=".")
    parser.add_argument("--model-name", default="my_model.h5")
    args = parser.parse_args()
    x, y = load_public_rows()
    model, _ = fit(x, y, args.epochs, history_file=os.path.join(args.out, "training.log"))
    model.save(os.path.join(args.out, args.model_name))


if __name__ == "__main__":
    main()
