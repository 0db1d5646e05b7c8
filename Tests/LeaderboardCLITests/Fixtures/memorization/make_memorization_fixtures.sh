#!/bin/sh
# Makes the model files of MemorizationCheckTests with the real frameworks (XGBoost, LightGBM,
# Keras in /work/venv: see bench/memorization.py), each beside the framework's own scores of
# the sample's hidden rows (<file>.predictions.txt) and the check's figures computed in Python
# from the framework's scores of the rows and of their four transformed copies (figures.json).
# Honest models are trained on the sample's first 7,000 rows; memorizers on all 7,500, the
# hidden 500 included. Run from the repository root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/work/venv/bin/python}
rm -f "$here/figures.json"
"$python" bench/memorization.py sample --fixtures "$here" --fixtures-only
