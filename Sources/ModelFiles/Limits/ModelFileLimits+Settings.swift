extension ModelFileLimits: SettableLimits {
    /// The defaults.
    public static var defaults: ModelFileLimits { ModelFileLimits() }

    /// Every model-file limit, as a setting under `limits:` in `leaderboard.yml`.
    public static let settings: [LimitSetting<ModelFileLimits>] = [
        LimitSetting("max_file_bytes", \.maxFileBytes, unit: "bytes", meaning: "largest model file read"),
        LimitSetting("max_zip_entries", \.maxZipEntries, unit: "entries", meaning: "most entries a .keras zip may list"),
        LimitSetting("max_inflated_bytes", \.maxInflatedBytes, unit: "bytes",
                     meaning: "most bytes inflated from a zip in all, counted as they come out"),
        LimitSetting("max_config_bytes", \.maxConfigBytes, unit: "bytes",
                     meaning: "largest text attribute or JSON config inside a model file"),
        LimitSetting("max_layers", \.maxLayers, unit: "layers", meaning: "most layers in a Keras model"),
        LimitSetting("max_parameters", \.maxParameters, unit: "numbers",
                     meaning: "most numbers in a model's weights, checked against the declared shapes before reading"),
        LimitSetting("max_tensor_elements", \.maxTensorElements, unit: "elements",
                     meaning: "most elements in one ONNX tensor, declared or computed, checked before allocating"),
        LimitSetting("max_graph_nodes", \.maxGraphNodes, unit: "nodes", meaning: "most nodes in an ONNX graph"),
        LimitSetting("max_graph_depth", \.maxGraphDepth, unit: "nodes", meaning: "longest chain of nodes in an ONNX graph"),
        LimitSetting("max_tree_nodes", \.maxTreeNodes, unit: "nodes",
                     meaning: "most nodes in all the trees of an XGBoost, LightGBM or ONNX tree ensemble"),
    ]
}
