"""Checks a Keras .h5 that our KerasH5Writer wrote with real Keras 3, and records what
Keras predicts from it.

For each file given (default: baseline_nn_sample.h5 beside this script) it
  1. loads it with keras.models.load_model (no custom objects, safe_mode on),
  2. prints the model summary Keras understood,
  3. predicts the sample's hidden-test rows (the last 500 rows of higgs-sample.csv),
  4. writes <stem>.keras_predictions.txt (one probability per line, %.9g), and
  5. when <stem>.ours.txt exists (our trainer's own predictions), prints the largest
     difference and fails (exit 1) if it is 1e-5 or more.

Run from anywhere with the Keras 3 venv (kept outside the repository):
  /root/venvs/keras3/bin/python Tests/ModelFilesTests/KerasWriter/Fixtures/check_export_with_keras.py [FILE.h5 ...]
Versions used: Python 3.11.7, tensorflow-cpu 2.21.0, keras 3.15.1, h5py 3.14.0.
Re-make the .h5 first with RECORD_KERAS_EXPORT=1 swift test --filter recordBaselineExport.
CI does not run this script: KerasExportAgreementTests reads the committed files.
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
import keras

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")


def hidden_rows():
    data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
    return data[-500:, 1:]


def check(path, x):
    model = keras.models.load_model(path)
    model.summary()
    predictions = model.predict(x, batch_size=500, verbose=0)[:, 0]
    stem = os.path.splitext(path)[0]
    with open(stem + ".keras_predictions.txt", "w") as f:
        for p in predictions:
            f.write("%.9g\n" % p)
    ours_path = stem + ".ours.txt"
    if not os.path.exists(ours_path):
        print(f"{path}: Keras predictions written; no {os.path.basename(ours_path)} to compare")
        return True
    ours = np.loadtxt(ours_path, dtype=np.float64)
    difference = float(np.max(np.abs(ours - predictions.astype(np.float64))))
    ok = difference < 1e-5
    print(f"{path}: keras {keras.__version__}, max |ours - Keras| = {difference:.3g} -> {'OK' if ok else 'FAIL'}")
    return ok


def main():
    files = sys.argv[1:] or [os.path.join(HERE, "baseline_nn_sample.h5")]
    x = hidden_rows()
    results = [check(os.path.abspath(f), x) for f in files]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
