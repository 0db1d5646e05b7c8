"""Makes the Keras fixtures of ONNXTests: Keras models converted by tf2onnx, with Keras'
own predictions and onnxruntime's beside them.

What it makes (in the folder of this script):
  keras_mlp.onnx        Dense/ReLU/BatchNormalization/Dropout/ELU network ending in one
                        sigmoid unit (tf2onnx: MatMul, Add, Relu, Mul/Add for the folded
                        batch normalization, Elu, Sigmoid)
  keras_softmax.onnx    a network ending in 2 softmax units, with a SELU and a tanh layer
  <name>.predictions.txt    Keras' model.predict P(signal) on the hidden-test rows (the last
                            500 rows of higgs-sample.csv), one per line as %.9g
  <name>.onnxruntime.txt    onnxruntime's, likewise

Exact versions used (Python 3.11.7, venv outside the repository):
  /root/venvs/tf2onnx  tensorflow-cpu==2.15.1 (Keras 2.15.0) tf2onnx==1.17.0 onnx==1.16.2
                       onnxruntime==1.32.0 numpy==1.26.4
tf2onnx 1.17.0 converts tf.keras models of TensorFlow up to 2.15; it was not used with the
project's TensorFlow 2.21 / Keras 3 venv (see README.md).

Run from the repository root:
  /root/venvs/tf2onnx/bin/python Tests/ONNXTests/Fixtures/make_tf2onnx_fixtures.py

Training: the sample's first 7,000 rows, 3 epochs of batch 128, seeded.
CI does not run this script: the tests read the committed files.
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
import onnxruntime as ort
import tensorflow as tf
import tf2onnx
from tensorflow import keras
from tensorflow.keras import layers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")

data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
train_x, train_y = data[:7000, 1:], data[:7000, 0]
test_x = data[-500:, 1:]


def write(name, values):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("".join("%.9g\n" % v for v in values))


def signal(out):
    out = np.asarray(out, dtype=np.float64)
    return out[:, 1] if out.ndim == 2 and out.shape[1] == 2 else out.reshape(-1)


def convert(model, name):
    spec = (tf.TensorSpec((None, 28), tf.float32, name="features"),)
    path = os.path.join(HERE, name + ".onnx")
    tf2onnx.convert.from_keras(model, input_signature=spec, opset=15, output_path=path)
    ours = signal(model.predict(test_x, verbose=0))
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    runtime = signal(session.run(None, {session.get_inputs()[0].name: test_x})[0])
    write(name + ".predictions.txt", ours)
    write(name + ".onnxruntime.txt", runtime)
    print("%-14s max |keras - onnxruntime| = %.3g" % (name, np.max(np.abs(ours - runtime))))


keras.utils.set_random_seed(11)
mlp = keras.Sequential([
    keras.Input((28,)),
    layers.Dense(64, activation="relu"),
    layers.BatchNormalization(),
    layers.Dropout(0.2),
    layers.Dense(32, activation="elu"),
    layers.Dense(1, activation="sigmoid"),
])
mlp.compile(optimizer="adam", loss="binary_crossentropy")
mlp.fit(train_x, train_y, epochs=3, batch_size=128, verbose=0)
convert(mlp, "keras_mlp")

keras.utils.set_random_seed(12)
softmax = keras.Sequential([
    keras.Input((28,)),
    layers.Dense(48, activation="selu"),
    layers.Dense(24, activation="tanh"),
    layers.Dense(2, activation="softmax"),
])
softmax.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
softmax.fit(train_x, train_y.astype(np.int64), epochs=3, batch_size=128, verbose=0)
convert(softmax, "keras_softmax")
