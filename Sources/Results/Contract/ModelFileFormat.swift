/// The container a model file is, recognised by its content (magic bytes), with the file
/// name only as a tie-breaker for formats that have no magic.
///
/// This says what a file *is*, not whether it can be read: an HDF5 file may or may not
/// be a Keras model, a zip may be a Keras `.keras` or a PyTorch archive. It is part of a
/// model's summary (``ModelSummary/format``); recognising it is ModelFiles' work.
public enum ModelFileFormat: String, Sendable, Codable, CaseIterable {
    /// HDF5 (`\x89HDF\r\n\x1a\n` at offset 0, or at 512, 1024, … after a user block):
    /// Keras `.h5`, or any other HDF5 file.
    case hdf5
    /// A zip archive (`PK\x03\x04`, or `PK\x05\x06` when empty): Keras 3 `.keras`, or
    /// another zip (PyTorch's `torch.save` writes one holding a pickle).
    case zip
    /// A Python pickle (`\x80` then a protocol byte 2…5), as `pickle.dump` and
    /// uncompressed `joblib.dump` write; or a `.pkl`/`.pickle`/`.joblib`/`.sav` file with
    /// no other recognisable content.
    case pickle
    /// gzip-compressed data (`\x1f\x8b`): compressed joblib, or a gzipped CSV.
    case gzip
    /// ONNX (a protobuf `ModelProto`): named `.onnx` and starting with field 1 (`0x08`,
    /// the IR version).
    case onnx
    /// JSON (first non-blank byte `{` or `[`): XGBoost's JSON model, a Keras config alone.
    case json
    /// Text in UTF-8 that is none of the above: a predictions CSV.
    case text
    /// Universal Binary JSON (`{` then a UBJSON length marker, e.g. `{L`): XGBoost's `.ubj`.
    case ubjson
    /// LightGBM's text model (`Booster.save_model`): first line `tree`, then `version=v…`.
    case lightgbm
    /// Anything else.
    case unknown

    /// How a message names the format.
    public var displayName: String {
        switch self {
        case .hdf5: return "HDF5"
        case .zip: return "zip archive"
        case .pickle: return "Python pickle"
        case .gzip: return "gzip-compressed data"
        case .onnx: return "ONNX"
        case .json: return "JSON"
        case .text: return "text"
        case .ubjson: return "UBJSON"
        case .lightgbm: return "LightGBM text model"
        case .unknown: return "unrecognised binary data"
        }
    }
}
