"""Makes large_graph.onnx: an ONNX graph of about a thousand nodes, the kind a deep
exported network gives, for the model summary of a large graph (issue 17), and
large_graph.operators.tsv: the graph's nodes counted by operator type, read back from the
written file with the onnx package.

The network: inputs standardized (Sub, Div), projected to 32 values (Gemm), then 70
residual bottleneck blocks, each LayerNormalization, MatMul + Add down to 8 values, GELU in
its tanh approximation spelled out as exporters write it (Pow, Mul, Add, Mul, Tanh, Add,
Mul, Mul), MatMul + Add back to 32 and a residual Add; a Gemm to one value and a Sigmoid.
Its names follow PyTorch's exporter (`/blocks.3/norm/LayerNormalization`).

The projection copies the 28 standardized features into the first 28 of the 32 values, the
blocks' last weights are small, and the head is a logistic regression fitted here with
numpy on the sample's first 7,000 rows, so the graph scores like that regression and its
predictions stay finite through all 70 blocks. onnxruntime evaluates the written file on
the sample's last 500 rows to show that it runs (large_graph.onnxruntime.txt, P(signal)
per line as %.9g).

Exact versions (Python 3.11.7, venv outside the repository):
  /work/venv-onnx  onnx==1.23.2 onnxruntime==1.32.0 numpy==2.4.6

Run from the repository root:
  /work/venv-onnx/bin/python Tests/ModelFilesTests/Fixtures/large-graph/make_large_graph.py

CI does not run this script: the tests read the committed files.
"""

import collections
import math
import os

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")
BLOCKS, WIDTH, BOTTLENECK = 70, 32, 8

data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float64)
train_x, train_y = data[:7000, 1:], data[:7000, 0]
test_x = data[-500:, 1:].astype(np.float32)
mean, std = train_x.mean(axis=0), train_x.std(axis=0)
standardized = (train_x - mean) / std

# The head: a logistic regression on the standardized features, by full-batch gradient descent.
weights, bias = np.zeros(28), 0.0
for _ in range(2000):
    p = 1.0 / (1.0 + np.exp(-(standardized @ weights + bias)))
    weights -= 0.5 * standardized.T @ (p - train_y) / len(train_y)
    bias -= 0.5 * float(np.mean(p - train_y))

rng = np.random.default_rng(17)
initializers, nodes = [], []


def constant(name, values):
    initializers.append(numpy_helper.from_array(np.asarray(values, dtype=np.float32), name))
    return name


def node(op, inputs, scope, **attributes):
    name = f"{scope}/{op}_{sum(1 for n in nodes if n.name.startswith(scope + '/' + op))}"
    output = name.lstrip("/").replace("/", "_") + "_output_0"
    nodes.append(helper.make_node(op, inputs, [output], name=name, **attributes))
    return output


x = node("Sub", ["input", constant("mean", mean)], "/standardize")
x = node("Div", [x, constant("std", std)], "/standardize")
projection = np.zeros((WIDTH, 28))
projection[:28, :28] = np.eye(28)
x = node("Gemm", [x, constant("project.weight", projection), constant("project.bias", np.zeros(WIDTH))], "/project",
         transB=1)
for b in range(BLOCKS):
    s = f"/blocks.{b}"
    h = node("LayerNormalization", [x, constant(f"blocks.{b}.norm.weight", np.ones(WIDTH)),
                                    constant(f"blocks.{b}.norm.bias", np.zeros(WIDTH))], s + "/norm", axis=-1,
             epsilon=1e-5)
    h = node("MatMul", [h, constant(f"blocks.{b}.down.weight", rng.normal(0, 0.2, (WIDTH, BOTTLENECK)))], s + "/down")
    h = node("Add", [h, constant(f"blocks.{b}.down.bias", rng.normal(0, 0.05, BOTTLENECK))], s + "/down")
    # GELU, tanh approximation: 0.5 h (1 + tanh(sqrt(2/pi) (h + 0.044715 h^3))).
    cube = node("Pow", [h, constant(f"{s}/three", 3.0)], s + "/act")
    inner = node("Mul", [cube, constant(f"{s}/c", 0.044715)], s + "/act")
    inner = node("Add", [h, inner], s + "/act")
    inner = node("Mul", [inner, constant(f"{s}/sqrt_2_over_pi", math.sqrt(2 / math.pi))], s + "/act")
    inner = node("Tanh", [inner], s + "/act")
    inner = node("Add", [inner, constant(f"{s}/one", 1.0)], s + "/act")
    half = node("Mul", [h, constant(f"{s}/half", 0.5)], s + "/act")
    h = node("Mul", [half, inner], s + "/act")
    h = node("MatMul", [h, constant(f"blocks.{b}.up.weight", rng.normal(0, 0.002, (BOTTLENECK, WIDTH)))], s + "/up")
    h = node("Add", [h, constant(f"blocks.{b}.up.bias", np.zeros(WIDTH))], s + "/up")
    x = node("Add", [x, h], s + "/residual")
head = np.zeros((1, WIDTH))
head[0, :28] = weights
x = node("Gemm", [x, constant("head.weight", head), constant("head.bias", [bias])], "/head", transB=1)
nodes[-1].output[0] = "logit"
nodes.append(helper.make_node("Sigmoid", ["logit"], ["probability"], name="/head/Sigmoid"))

graph = helper.make_graph(
    nodes, "residual_mlp",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 28])],
    [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["batch", 1])],
    initializers)
model = helper.make_model(graph, producer_name="make_large_graph.py", producer_version="1",
                          opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model, full_check=True)
path = os.path.join(HERE, "large_graph.onnx")
onnx.save(model, path)

# The counts, from the written file.
written = onnx.load(path)
counts = collections.Counter(n.op_type for n in written.graph.node)
order = list(dict.fromkeys(n.op_type for n in written.graph.node))
with open(os.path.join(HERE, "large_graph.operators.tsv"), "w") as f:
    f.write("operator\tnodes\n")
    for op in order:
        f.write(f"{op}\t{counts[op]}\n")

session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
predicted = session.run(["probability"], {"input": test_x})[0].reshape(-1)
assert np.all(np.isfinite(predicted))
with open(os.path.join(HERE, "large_graph.onnxruntime.txt"), "w") as f:
    f.writelines(f"{p:.9g}\n" for p in predicted)
print(f"{len(written.graph.node)} nodes, {len(order)} operator types, {os.path.getsize(path)} bytes")
for op in order:
    print(f"  {op}: {counts[op]}")
