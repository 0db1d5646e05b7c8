"""Makes the Keras fixtures of ModelFilesTests: real model files saved by the real
frameworks, with each framework's own predictions beside them.

What it makes (in the folder of this script):
  <name>.h5 / <name>.keras        a model saved by Keras 3 or by tf-keras (Keras 2)
  <name>.predictions.txt          model.predict on the hidden-test rows of the sample
                                  (the last 500 rows of higgs-sample.csv), one
                                  probability per line as %.9g: column 0 of a
                                  1-unit output, column 1 of a 2-unit softmax
  activations_reference_<flavour>.json
                                  each built-in activation's values on a grid of inputs,
                                  computed by keras.activations itself (rows of 4, so
                                  softmax-like functions are checked row-wise)
  refusal fixtures                weights-only files, a Lambda layer, a custom layer,
                                  a non-Keras HDF5 written by h5py, pickles

Exact versions used (Python 3.11.7, venvs outside the repository):
  /root/venvs/keras3   tensorflow-cpu==2.21.0 keras==3.15.1 h5py==3.14.0
  /root/venvs/tfkeras  tensorflow-cpu==2.21.0 tf-keras==2.21.0 h5py==3.14.0

Run from the repository root (each flavour writes only its own files):
  /root/venvs/keras3/bin/python Tests/ModelFilesTests/Fixtures/make_keras_fixtures.py keras3
  /root/venvs/tfkeras/bin/python Tests/ModelFilesTests/Fixtures/make_keras_fixtures.py tfkeras

Models are small, seeded, and trained for two epochs on the sample's first 7,000
rows so that their weights (and BatchNormalization's moving statistics) are not
the initial ones. CI does not run this script: the tests read the committed files.
"""

import os
import pickle
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")

FLAVOR = sys.argv[1] if len(sys.argv) > 1 else "keras3"
if FLAVOR == "keras3":
    import keras
    from keras import layers
elif FLAVOR == "tfkeras":
    import tf_keras as keras
    from tf_keras import layers
else:
    sys.exit("usage: make_keras_fixtures.py keras3|tfkeras")

data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
labels = data[:, 0]
features = data[:, 1:]
train_x, train_y = features[:7000], labels[:7000]
test_x = features[-500:]
HIGH_LEVEL = slice(21, 28)  # the last seven features: m_jj ... m_wwbb


def path(name):
    return os.path.join(HERE, name)


def seed(value):
    keras.utils.set_random_seed(value)


def train(model, x, y, loss="binary_crossentropy", epochs=2):
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(x, y, epochs=epochs, batch_size=64, verbose=0)


def write_predictions(name, model, x, column=0):
    scores = model.predict(x, batch_size=500, verbose=0)
    scores = np.asarray(scores)[:, column]
    with open(path(name + ".predictions.txt"), "w") as f:
        for value in scores:
            f.write("%.9g\n" % float(value))


def save(model, name, ext=".h5"):
    # include_optimizer=False keeps the fixtures small; the reader ignores it anyway.
    if ext == ".h5":
        model.save(path(name + ext), include_optimizer=False)
    else:
        model.save(path(name + ext))


def notebook_net():
    """The hackathon notebook's network: 28 relu, 14 relu, 7 relu, 1 sigmoid."""
    return keras.Sequential(
        [
            keras.Input(shape=(28,)),
            layers.Dense(28, activation="relu"),
            layers.Dense(14, activation="relu"),
            layers.Dense(7, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )


def functional_net():
    """Normalization (adapted), BatchNormalization, two branches merged by Add and
    Concatenate, Dropout, user-chosen layer names."""
    inputs = keras.Input(shape=(28,), name="features")
    norm = layers.Normalization(name="standardize")
    norm.adapt(train_x)
    x = norm(inputs)
    x = layers.Dense(16, activation="relu", name="trunk")(x)
    x = layers.BatchNormalization(name="trunk_bn")(x)
    a = layers.Dense(8, activation="tanh", name="branch_a")(x)
    b = layers.Dense(8, name="branch_b")(x)
    b = layers.BatchNormalization(center=False, epsilon=0.01, name="branch_b_bn")(b)
    b = layers.Activation("elu", name="branch_b_elu")(b)
    summed = layers.Add(name="sum")([a, b])
    c = layers.Dropout(0.3, name="drop")(x)
    c = layers.Dense(4, activation="sigmoid", use_bias=False, name="branch_c")(c)
    joined = layers.Concatenate(name="join")([summed, c])
    outputs = layers.Dense(1, activation="sigmoid", name="score")(joined)
    return keras.Model(inputs, outputs, name="functional_bn_norm")


def activation_net(activations, extra_layers):
    """One small Dense branch per built-in activation, plus activation layers, all
    concatenated into a sigmoid unit. Small weights keep `exponential` finite."""
    inputs = keras.Input(shape=(28,))
    x = layers.BatchNormalization(scale=False)(inputs)
    branches = []
    for name in activations:
        branches.append(layers.Dense(3, activation=name, name="act_" + name)(x))
    for layer in extra_layers:
        branches.append(layer(layers.Dense(3)(x)))
    joined = layers.Concatenate()(branches)
    outputs = layers.Dense(1, activation="sigmoid")(joined)
    return keras.Model(inputs, outputs)


COMMON_ACTIVATIONS = [
    "relu", "sigmoid", "tanh", "softmax", "softplus", "softsign", "elu", "selu",
    "gelu", "swish", "exponential", "hard_sigmoid", "linear", "relu6", "leaky_relu",
    "mish", "log_softmax", "silu",
]
KERAS3_ONLY_ACTIVATIONS = [
    "hard_silu", "hard_swish", "celu", "squareplus", "sparse_plus", "soft_shrink",
    "hard_shrink", "tanh_shrink", "hard_tanh", "log_sigmoid", "sparse_sigmoid",
    "sparsemax",
]


def write_activation_reference(names):
    import json

    grid = np.concatenate(
        [np.linspace(-6, 6, 37), [-3, -1, -0.5, 0, 0.5, 1, 3, 1e-3, -1e-3, 20, -20]]
    ).astype(np.float32).reshape(-1, 4)
    import tensorflow as tf

    x = tf.constant(grid)
    values = {}
    for name in names:
        values[name] = np.asarray(keras.activations.get(name)(x)).astype(float).tolist()
    values["gelu_approximate"] = (
        np.asarray(keras.activations.gelu(x, approximate=True)).astype(float).tolist()
    )
    with open(path("activations_reference_%s.json" % FLAVOR), "w") as f:
        json.dump({"x": grid.astype(float).tolist(), "values": values}, f, indent=0)


def make_refusals_common(prefix):
    # Weights only: the architecture is missing.
    seed(11)
    model = notebook_net()
    if FLAVOR == "keras3":
        model.save_weights(path(prefix + "_weights_only.weights.h5"))
    else:
        model.save_weights(path(prefix + "_weights_only.h5"))

    # A Lambda layer carries Python code.
    seed(12)
    inputs = keras.Input(shape=(28,))
    x = layers.Dense(4, activation="relu")(inputs)
    x = layers.Lambda(lambda t: t * 2.0)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    keras.Model(inputs, outputs).save(path(prefix + "_lambda.h5"), include_optimizer=False)


def make_keras3():
    seed(1)
    model = notebook_net()
    train(model, train_x, train_y)
    save(model, "notebook_keras3", ".h5")
    save(model, "notebook_keras3", ".keras")
    write_predictions("notebook_keras3", model, test_x)

    seed(2)
    model = functional_net()
    train(model, train_x, train_y)
    save(model, "functional_keras3", ".h5")
    save(model, "functional_keras3", ".keras")
    write_predictions("functional_keras3", model, test_x)

    seed(3)
    model = keras.Sequential(
        [
            keras.Input(shape=(28,)),
            layers.Dense(16, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(2, activation="softmax"),
        ]
    )
    train(model, train_x, train_y, loss="sparse_categorical_crossentropy")
    save(model, "softmax2_keras3", ".h5")
    save(model, "softmax2_keras3", ".keras")
    write_predictions("softmax2_keras3", model, test_x, column=1)

    seed(4)
    model = keras.Sequential(
        [
            keras.Input(shape=(7,)),
            layers.Dense(12, activation="relu"),
            layers.Dense(6, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    train(model, train_x[:, HIGH_LEVEL], train_y)
    save(model, "highlevel7_keras3", ".h5")
    write_predictions("highlevel7_keras3", model, test_x[:, HIGH_LEVEL])

    seed(5)
    extra = [
        layers.LeakyReLU(),
        layers.LeakyReLU(negative_slope=0.05),
        layers.ReLU(max_value=1.5, negative_slope=0.1, threshold=0.2),
        layers.ReLU(max_value=6.0),
        layers.ReLU(threshold=0.25),
        layers.ELU(alpha=0.7),
        layers.PReLU(),
        layers.Softmax(),
        layers.Activation("gelu"),
        layers.Activation("selu"),
    ]
    model = activation_net(COMMON_ACTIVATIONS + KERAS3_ONLY_ACTIVATIONS, extra)
    train(model, train_x, train_y)
    save(model, "activations_keras3", ".h5")
    save(model, "activations_keras3", ".keras")
    write_predictions("activations_keras3", model, test_x)

    write_activation_reference(
        COMMON_ACTIVATIONS + KERAS3_ONLY_ACTIVATIONS + ["glu"]
    )

    # Refusals.
    make_refusals_common("keras3")

    @keras.saving.register_keras_serializable(package="Fixture")
    class Doubling(layers.Layer):
        def call(self, x):
            return x * 2.0

    seed(13)
    model = keras.Sequential(
        [keras.Input(shape=(28,)), Doubling(), layers.Dense(1, activation="sigmoid")]
    )
    save(model, "keras3_custom_layer", ".h5")

    seed(14)
    model = keras.Sequential(
        [keras.Input(shape=(28,)), layers.Dense(3, activation="softmax")]
    )
    save(model, "keras3_three_outputs", ".h5")

    import h5py

    with h5py.File(path("not_keras.h5"), "w") as f:
        f.create_dataset("events", data=test_x[:10])
        f.attrs["description"] = "ten HIGGS events, not a model"

    # Hostile files: a kernel whose header declares 28 x 10^12 floats (HDF5 allocates
    # contiguous storage late, so the file stays small), a zip entry climbing out of its
    # folder, and a PyTorch-style zip holding a pickle.
    import shutil
    import zipfile

    shutil.copy(path("notebook_keras3.h5"), path("hostile_huge_kernel.h5"))
    with h5py.File(path("hostile_huge_kernel.h5"), "a") as f:
        del f["model_weights/dense/sequential/dense/kernel"]
        f.create_dataset("model_weights/dense/sequential/dense/kernel", shape=(28, 10**12), dtype="f4")
    with zipfile.ZipFile(path("hostile_traversal.keras"), "w") as z:
        z.writestr("../config.json", "{}")
        z.writestr("model.weights.h5", b"")
    with zipfile.ZipFile(path("torch_like.pt"), "w") as z:
        z.writestr("archive/data.pkl", pickle.dumps({"state": [1.0, 2.0]}, protocol=2))
        z.writestr("archive/version", "3\n")

    with open(path("model.pkl"), "wb") as f:
        pickle.dump({"weights": test_x[:2].tolist(), "kind": "not a model"}, f, protocol=4)
    with open(path("model.joblib"), "wb") as f:
        pickle.dump([1, 2, 3], f, protocol=2)


def make_tfkeras():
    seed(1)
    model = notebook_net()
    train(model, train_x, train_y)
    save(model, "notebook_tfkeras", ".h5")
    write_predictions("notebook_tfkeras", model, test_x)

    seed(2)
    model = functional_net()
    train(model, train_x, train_y)
    save(model, "functional_tfkeras", ".h5")
    write_predictions("functional_tfkeras", model, test_x)

    seed(3)
    model = keras.Sequential(
        [
            layers.Dense(16, activation="relu", input_shape=(28,)),
            layers.Dense(2),
            layers.Softmax(),
        ]
    )
    train(model, train_x, train_y, loss="sparse_categorical_crossentropy")
    save(model, "softmax2_tfkeras", ".h5")
    write_predictions("softmax2_tfkeras", model, test_x, column=1)

    seed(5)
    extra = [
        layers.LeakyReLU(),
        layers.LeakyReLU(alpha=0.05),
        layers.ReLU(max_value=1.5, negative_slope=0.1, threshold=0.2),
        layers.ReLU(threshold=0.25),
        layers.ELU(alpha=0.7),
        layers.PReLU(),
        layers.ThresholdedReLU(theta=0.4),
        layers.Softmax(),
    ]
    model = activation_net(COMMON_ACTIVATIONS, extra)
    train(model, train_x, train_y)
    save(model, "activations_tfkeras", ".h5")
    write_predictions("activations_tfkeras", model, test_x)

    write_activation_reference(COMMON_ACTIVATIONS)

    make_refusals_common("tfkeras")


if __name__ == "__main__":
    make_keras3() if FLAVOR == "keras3" else make_tfkeras()
    print("wrote fixtures for", FLAVOR, "with keras", keras.__version__)
