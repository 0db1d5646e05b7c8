"""Makes the ONNX external-data fixtures of ONNXTests with the onnx package itself: a
model y = sigmoid(x W) whose tensor W is stored outside the .onnx file
(TensorProto.data_location = EXTERNAL), the way onnx.save_model writes large models.

  external_initializer.onnx   W an initializer, saved by onnx.save_model(...,
                              save_as_external_data=True, location='weights.bin'),
                              which also writes weights.bin beside it
  external_outside.onnx       the same with the location edited to
                              '../../../../../../../../etc/passwd', as an attacker would
  external_constant.onnx      W the value of a Constant node, saved the same way
                              (convert_attribute=True)

Made with onnx 1.23.2 (Python 3.11.7), from the repository's root:
  python3 Tests/ONNXTests/Fixtures/external-data/make_external_data.py
CI does not run this script: the tests read the committed files.
"""

import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def model(as_constant):
    weights = numpy_helper.from_array(np.linspace(-1, 1, 28, dtype=np.float32).reshape(28, 1), "W")
    nodes = [helper.make_node("MatMul", ["x", "W"], ["h"]), helper.make_node("Sigmoid", ["h"], ["y"])]
    initializers = [weights]
    if as_constant:
        nodes.insert(0, helper.make_node("Constant", [], ["W"], value=weights))
        initializers = []
    graph = helper.make_graph(
        nodes, "external",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 28])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1])],
        initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def save(proto, name, convert_attribute=False):
    onnx.save_model(proto, os.path.join(HERE, name), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="weights.bin", size_threshold=0, convert_attribute=convert_attribute)


def main():
    save(model(False), "external_initializer.onnx")
    outside = onnx.load(os.path.join(HERE, "external_initializer.onnx"), load_external_data=False)
    for entry in outside.graph.initializer[0].external_data:
        if entry.key == "location":
            entry.value = "../../../../../../../../etc/passwd"
    onnx.save_model(outside, os.path.join(HERE, "external_outside.onnx"))
    save(model(True), "external_constant.onnx", convert_attribute=True)
    for name in ["external_initializer.onnx", "external_outside.onnx", "external_constant.onnx"]:
        loaded = onnx.load(os.path.join(HERE, name), load_external_data=False)
        tensors = list(loaded.graph.initializer) + [a.t for n in loaded.graph.node for a in n.attribute if a.t.name]
        print(name, [(t.name, t.data_location, [(e.key, e.value) for e in t.external_data]) for t in tensors])


if __name__ == "__main__":
    main()
