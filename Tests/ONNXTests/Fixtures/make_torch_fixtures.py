"""Makes the PyTorch fixtures of ONNXTests: models trained in PyTorch, exported by
torch.onnx.export, with PyTorch's own predictions and onnxruntime's beside them.

What it makes (in the folder of this script):
  torch_mlp.onnx         Linear/ReLU MLP ending in one sigmoid unit, exported by the
                         TorchScript exporter (dynamo=False, opset 13: Gemm, Relu, Sigmoid)
  torch_mlp_dynamo.onnx  the same trained network through the dynamo exporter (opset 18)
  torch_mlp_batch1.onnx  the same network exported without dynamic_axes: its input is fixed
                         at [1, 28], as a plain torch.onnx.export call leaves it
  torch_softmax.onnx     an MLP ending in 2 softmax units (opset 17: Softmax axis=1)
  torch_glue.onnx        a network that exercises the glue operators: BatchNormalization,
                         Clip, Slice, Gather, Erf (exact GELU), Shape/Reshape/Transpose,
                         Concat, Where/Greater, Pow/ReduceSum/Sqrt/Div, Softmax
  torch_layernorm.onnx   Linear, LayerNorm, tanh-approximated GELU, Linear, Sigmoid (opset 17:
                         LayerNormalization, and GELU spelled out with Pow, Tanh, Mul, Add)
  <name>.predictions.txt       PyTorch's own P(signal) on the hidden-test rows (the last 500
                               rows of higgs-sample.csv), one per line as %.9g
  <name>.onnxruntime.txt       onnxruntime's, likewise

Exact versions used (Python 3.11.7, venv outside the repository):
  /root/venvs/onnx  torch==2.15.0 onnx==1.23.2 onnxruntime==1.32.0 onnxscript==0.7.2 numpy==2.4.6

Run from the repository root:
  /root/venvs/onnx/bin/python Tests/ONNXTests/Fixtures/make_torch_fixtures.py

Training: the sample's first 7,000 rows, Adam, 3 epochs of batch 128, seeded.
CI does not run this script: the tests read the committed files.
"""

import os

import numpy as np
import onnxruntime as ort
import torch
from torch import nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources", "HiggsData", "Resources", "higgs-sample.csv")

data = np.loadtxt(SAMPLE, delimiter=",", dtype=np.float32)
train_x, train_y = torch.from_numpy(data[:7000, 1:]), torch.from_numpy(data[:7000, :1])
test_x = data[-500:, 1:]


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(28, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(),
                                 nn.Linear(32, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


class Softmax2(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(28, 48), nn.ELU(), nn.Linear(48, 24), nn.Tanh(), nn.Linear(24, 2))

    def forward(self, x):
        return torch.softmax(self.net(x), dim=1)


class Glue(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm1d(28)
        self.fc1 = nn.Linear(28, 32)
        self.fc2 = nn.Linear(32 + 7 + 3, 16)
        self.out = nn.Linear(16, 2)
        self.register_buffer("picked", torch.tensor([0, 3, 6], dtype=torch.int64))

    def forward(self, x):
        x = torch.clamp(self.bn(x), -4.0, 4.0)
        high = x[:, 21:28]
        picked = torch.index_select(x, 1, self.picked)
        h = F.gelu(self.fc1(x))
        h = h.reshape(h.shape[0], 4, 8).transpose(1, 2).reshape(h.shape[0], -1)
        h = torch.cat([h, high, picked], dim=1)
        h = torch.where(h > 0, h, 0.1 * h)
        h = h / torch.sqrt((h ** 2).sum(dim=1, keepdim=True) + 1.0)
        h = torch.relu(self.fc2(h))
        return torch.softmax(self.out(h), dim=1)


class LayerNormNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(28, 32), nn.LayerNorm(32), nn.GELU(approximate="tanh"),
                                 nn.Linear(32, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


def train(model, two_class):
    torch.manual_seed(7)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(3):
        order = torch.randperm(7000)
        for start in range(0, 7000, 128):
            batch = order[start:start + 128]
            out = model(train_x[batch])
            if two_class:
                loss = F.nll_loss(torch.log(out + 1e-7), train_y[batch, 0].long())
            else:
                loss = F.binary_cross_entropy(out, train_y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    return model


def signal(out):
    out = np.asarray(out, dtype=np.float64)
    return out[:, 1] if out.ndim == 2 and out.shape[1] == 2 else out.reshape(-1)


def write(name, values):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("".join("%.9g\n" % v for v in values))


def export(model, name, dynamo, opset, fixed_batch=False):
    path = os.path.join(HERE, name + ".onnx")
    example = torch.from_numpy(test_x[:1] if fixed_batch else test_x[:4])
    if fixed_batch:
        torch.onnx.export(model, (example,), path, dynamo=False, opset_version=opset,
                          input_names=["features"], output_names=["probability"])
    elif dynamo:
        torch.onnx.export(model, (example,), path, dynamo=True, opset_version=opset,
                          input_names=["features"], output_names=["probability"],
                          dynamic_shapes={"x": {0: torch.export.Dim("batch")}}, external_data=False)
    else:
        torch.onnx.export(model, (example,), path, dynamo=False, opset_version=opset,
                          input_names=["features"], output_names=["probability"],
                          dynamic_axes={"features": {0: "batch"}, "probability": {0: "batch"}})
    with torch.no_grad():
        ours = signal(model(torch.from_numpy(test_x)).numpy())
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    feed = session.get_inputs()[0].name
    if fixed_batch:
        runtime = np.concatenate([signal(session.run(None, {feed: test_x[i:i + 1]})[0]) for i in range(len(test_x))])
    else:
        runtime = signal(session.run(None, {feed: test_x})[0])
    write(name + ".predictions.txt", ours)
    write(name + ".onnxruntime.txt", runtime)
    print("%-18s max |torch - onnxruntime| = %.3g" % (name, np.max(np.abs(ours - runtime))))


torch.manual_seed(1)
mlp = train(MLP(), two_class=False)
export(mlp, "torch_mlp", dynamo=False, opset=13)
export(mlp, "torch_mlp_dynamo", dynamo=True, opset=18)
export(mlp, "torch_mlp_batch1", dynamo=False, opset=13, fixed_batch=True)
torch.manual_seed(2)
export(train(Softmax2(), two_class=True), "torch_softmax", dynamo=False, opset=17)
torch.manual_seed(3)
export(train(Glue(), two_class=True), "torch_glue", dynamo=False, opset=17)
torch.manual_seed(4)
export(train(LayerNormNet(), two_class=False), "torch_layernorm", dynamo=False, opset=17)
