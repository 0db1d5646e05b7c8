"""Makes the example deliverable folder `submissions/higgs-hunters/` the way the hackathon
asks teams for it, and the example second round in `examples/second-round/`.

What it makes (every file by the tool that normally makes it):
  submissions/higgs-hunters/
    higgs_hunters.ipynb   the team's notebook, executed by Jupyter with its outputs
                          (`jupyter nbconvert --to notebook --execute`): a pandas table,
                          the network trained by train.py, loss and accuracy per epoch,
                          the ROC curve on the validation rows
    higgs_hunters.pdf     that notebook as PDF (nbconvert to HTML, printed by Chromium)
    my_model.h5           `model.save('my_model.h5')` (Keras 3), from the notebook
    training.log          Keras' CSVLogger history, from the notebook
    training.png, roc.png the notebook's plots, saved by matplotlib
    README.md, manifest.yml
  examples/second-round/  files two teams push later, copied over their folders by
                          `leaderboard demo` after the first scoring:
    higgs-hunters/        my_model.h5 and training.log retrained for 30 epochs by train.py,
                          its README and its manifest's new title
    pickled-model/        the pickle's team re-saves its network with Keras (model.h5) and
                          names it in a manifest (its network is trained here)

train.py (the team's script) is kept in the team folder and is not made here.

Exact versions used (Python 3.11): tensorflow-cpu 2.21.0, keras 3.15.1, matplotlib 3.11.2,
pandas 3.1.1, scikit-learn, nbconvert, ipykernel; Chromium headless for the PDF.

Run from the repository root with the venv that has them on PATH:
  PATH=/path/to/venv/bin:$PATH python examples/make_deliverable.py
CI does not run this script: `leaderboard demo` and the tests read the committed files.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TEAM = os.path.join(ROOT, "submissions", "higgs-hunters")
SECOND = os.path.join(ROOT, "examples", "second-round")
NOTEBOOK = "higgs_hunters.ipynb"

CELLS = [
    new_markdown_cell(
        "# Higgs Hunters: a dense network on the HIGGS sample\n\n"
        "We train a small Keras network on the public rows of the sample (the last 500 rows are "
        "the hidden test rows and are never read), plot its **loss and accuracy per epoch** and its "
        "**ROC curve** on the validation rows, and save it with `model.save('my_model.h5')`."
    ),
    new_code_cell(
        "import numpy as np\n"
        "import pandas as pd\n"
        "import matplotlib.pyplot as plt\n"
        "from sklearn.metrics import roc_auc_score, roc_curve\n"
        "import train  # our training script, beside this notebook\n"
        "\n"
        "x, y = train.load_public_rows()\n"
        "print(f'{len(y)} public rows, {int(y.sum())} signal')"
    ),
    new_markdown_cell("## The data\n\nThe seven high-level features (invariant masses), first rows:"),
    new_code_cell(
        "masses = ['m_jj', 'm_jjj', 'm_lv', 'm_jlv', 'm_bb', 'm_wbb', 'm_wwbb']\n"
        "table = pd.DataFrame(x[:, 21:], columns=masses)\n"
        "table.insert(0, 'label', y.astype(int))\n"
        "table.head(6).round(3)"
    ),
    new_code_cell("table.groupby('label')[masses].mean().round(3)"),
    new_markdown_cell("## Training\n\n10 epochs, Adam, binary cross-entropy; Keras keeps the last 10% of the rows for validation."),
    new_code_cell(
        "model, history = train.fit(x, y, epochs=10, history_file='training.log')\n"
        "model.summary()"
    ),
    new_markdown_cell("## Loss and accuracy per epoch"),
    new_code_cell(
        "h = pd.DataFrame(history.history)\n"
        "h.index = h.index + 1\n"
        "fig, (left, right) = plt.subplots(1, 2, figsize=(7, 2.8), dpi=72)\n"
        "h[['loss', 'val_loss']].plot(ax=left, title='loss', xlabel='epoch')\n"
        "h[['accuracy', 'val_accuracy']].plot(ax=right, title='accuracy', xlabel='epoch')\n"
        "fig.tight_layout()\n"
        "fig.savefig('training.png')\n"
        "plt.show()\n"
        "h.round(4)"
    ),
    new_markdown_cell("## ROC curve on the validation rows"),
    new_code_cell(
        "n_validation = int(round(len(y) * 0.1))\n"
        "x_val, y_val = x[-n_validation:], y[-n_validation:]\n"
        "scores = model.predict(x_val, verbose=0)[:, 0]\n"
        "fpr, tpr, _ = roc_curve(y_val, scores)\n"
        "auc = roc_auc_score(y_val, scores)\n"
        "fig, ax = plt.subplots(figsize=(3.6, 3.4), dpi=72)\n"
        "ax.plot(fpr, tpr, label=f'network (AUC {auc:.3f})')\n"
        "ax.plot([0, 1], [0, 1], ':', color='grey', label='chance')\n"
        "ax.set_xlabel('background efficiency')\n"
        "ax.set_ylabel('signal efficiency')\n"
        "ax.legend(loc='lower right')\n"
        "fig.tight_layout()\n"
        "fig.savefig('roc.png')\n"
        "plt.show()\n"
        "print(f'validation AUC {auc:.4f} on {n_validation} rows')"
    ),
    new_markdown_cell("## The file we submit"),
    new_code_cell("model.save('my_model.h5')"),
]

README = """# Higgs Hunters

Our deliverable: the notebook `higgs_hunters.ipynb` (and its PDF) trains a dense network
(32 relu, 16 relu, 1 sigmoid) on the public rows with `train.py`, plots loss and accuracy
per epoch and the ROC curve, and saves `my_model.h5`. `training.log` is Keras' `CSVLogger`
history; `training.png` and `roc.png` are the notebook's plots.
"""

MANIFEST = """team: Higgs Hunters
members: [Ada, Grace]
title: Dense net, 10 epochs
model: my_model.h5
"""

SECOND_README = """# Higgs Hunters

Second version: the same network trained for 30 epochs by `train.py --epochs 30`.
"""

SECOND_MANIFEST = MANIFEST.replace("10 epochs", "30 epochs")

PICKLE_README = """# pickled-model

Our first file was a pickle, which the leaderboard does not read. We re-saved the network
with Keras (`model.save('model.h5')`) and name it in the manifest.
"""

PICKLE_MANIFEST = """title: Re-saved with Keras
model: model.h5
"""


def run(*command, cwd):
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_team_folder():
    notebook = new_notebook(cells=CELLS)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, os.path.join(TEAM, NOTEBOOK))
    run("jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace", NOTEBOOK, cwd=TEAM)
    with tempfile.TemporaryDirectory() as scratch:
        run("jupyter", "nbconvert", "--to", "html", "--output-dir", scratch, NOTEBOOK, cwd=TEAM)
        html = os.path.join(scratch, NOTEBOOK.replace(".ipynb", ".html"))
        pdf = os.path.join(TEAM, NOTEBOOK.replace(".ipynb", ".pdf"))
        run(
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", "file://" + html, cwd=scratch,
        )
    shutil.rmtree(os.path.join(TEAM, "__pycache__"), ignore_errors=True)
    write(os.path.join(TEAM, "README.md"), README)
    write(os.path.join(TEAM, "manifest.yml"), MANIFEST)


def train_pickled_teams_network(path):
    """The pickle team's own network (not Higgs Hunters'): 16 tanh units on the 28 features,
    6 epochs, saved by Keras 3."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    import numpy as np

    sample = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")
    data = np.loadtxt(sample, delimiter=",", dtype=np.float32)[:-500]
    keras.utils.set_random_seed(7)
    model = keras.Sequential(
        [keras.Input(shape=(28,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(data[:, 1:], data[:, 0], epochs=6, batch_size=32, verbose=2)
    model.save(path)


def make_second_round():
    hunters = os.path.join(SECOND, "higgs-hunters")
    pickled = os.path.join(SECOND, "pickled-model")
    for folder in (hunters, pickled):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    train = os.path.join(TEAM, "train.py")
    run(sys.executable, train, "--epochs", "30", "--out", hunters, cwd=TEAM)
    write(os.path.join(hunters, "README.md"), SECOND_README)
    write(os.path.join(hunters, "manifest.yml"), SECOND_MANIFEST)
    train_pickled_teams_network(os.path.join(pickled, "model.h5"))
    write(os.path.join(pickled, "README.md"), PICKLE_README)
    write(os.path.join(pickled, "manifest.yml"), PICKLE_MANIFEST)


if __name__ == "__main__":
    make_team_folder()
    make_second_round()
