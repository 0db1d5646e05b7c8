import Foundation
import Models
import Results

/// Reads a submitted model file: recognises it by content, reads what is supported,
/// refuses the rest with one clear line.
///
/// Supported: Keras HDF5 (`.h5`, Keras 2 and 3), Keras 3 `.keras` zips, ONNX graphs
/// (`.onnx`, evaluated by the `ONNX` target's interpreter), XGBoost JSON and UBJSON models
/// and LightGBM text models (binary objectives). Refused with
/// a reason: weights-only files, Lambda and custom layers, pickles (and PyTorch zips),
/// non-Keras HDF5, unsupported layers and outputs, anything unrecognised. Nothing a file
/// contains is ever executed, and nothing is extracted to disk.
///
/// Safe to call from several threads (libhdf5 calls are serialized inside).
public enum ModelFileReader {
    /// Reads the model file at `url`, through the reader of submitted files: opened beneath
    /// its folder, not followed if it is a link, refused over `max_file_bytes` before a byte
    /// is read.
    ///
    /// - Throws: ``ModelFileError``, naming the file by its last path component.
    public static func read(
        contentsOf url: URL, limits: ModelFileLimits = ModelFileLimits(), options: ModelFileOptions = ModelFileOptions()
    ) throws(ModelFileError) -> LoadedModel {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try SubmissionRoot.file(at: url).contents(maxBytes: limits.maxFileBytes)
        } catch {
            throw unread(name, error, limits: limits)
        }
        return try read(data, fileName: name, limits: limits, options: options)
    }

    /// Reads a model file already in memory; `fileName` names it in messages and breaks
    /// ties for formats without magic bytes.
    ///
    /// - Throws: ``ModelFileError``.
    public static func read(
        _ data: Data, fileName: String, limits: ModelFileLimits = ModelFileLimits(),
        options: ModelFileOptions = ModelFileOptions()
    ) throws(ModelFileError) -> LoadedModel {
        guard data.count <= limits.maxFileBytes else {
            throw ModelFileError(
                file: fileName, reason: .tooLarge(detail: "\(data.count) bytes, over \(Limit.maxFileBytes.phrase(limits.maxFileBytes))"))
        }
        let format = ModelFileFormat.detect(data, fileName: fileName)
        do {
            switch format {
            case .hdf5:
                return try KerasHDF5Reader.read(data, fileName: fileName, limits: limits)
            case .zip:
                return try KerasZipReader.read(data, fileName: fileName, limits: limits)
            case .pickle:
                throw ReasonError(.pickle(container: nil))
            case .onnx:
                return try ONNXModelFile.read(data, fileName: fileName, limits: limits, options: options)
            case .json where AdaBoostModelFile.recognizes(data):
                return try AdaBoostModelFile.read(data, fileName: fileName, limits: limits)
            case .json where XGBoostModelFile.recognizes(data), .ubjson:
                return try XGBoostModelFile.read(data, format: format, fileName: fileName, limits: limits)
            case .lightgbm:
                return try LightGBMModelFile.read(data, fileName: fileName, limits: limits)
            case .gzip, .json, .text, .unknown:
                throw ReasonError(.unknownFormat(found: format.displayName))
            }
        } catch let error as ReasonError {
            throw ModelFileError(file: fileName, reason: error.reason)
        } catch let error as HDF5Error {
            throw ModelFileError(file: fileName, reason: .malformed(detail: error.description))
        } catch {
            throw ModelFileError(file: fileName, reason: .unreadable(detail: "\(error)"))
        }
    }

    /// The format of the file at `url`, from its first 64 KiB (enough for the HDF5
    /// signature after a user block of up to 32 KiB).
    ///
    /// - Throws: ``ModelFileError`` with ``ModelFileError/Reason/unreadable(detail:)``.
    public static func format(of url: URL) throws(ModelFileError) -> ModelFileFormat {
        var head = Data()
        do {
            try SubmissionRoot.file(at: url).read(maxBytes: .max) { chunk in
                head.append(contentsOf: chunk.prefix(64 << 10 - head.count))
                return head.count < 64 << 10
            }
        } catch {
            throw unread(url.lastPathComponent, error, limits: ModelFileLimits())
        }
        return ModelFileFormat.detect(head, fileName: url.lastPathComponent)
    }

    /// Why the model file `name` could not be read: over `max_file_bytes`, missing (or its
    /// folder), or what else the reader of submitted files found.
    private static func unread(
        _ name: String, _ problem: SubmissionError.FileReason, limits: ModelFileLimits
    ) -> ModelFileError {
        switch problem {
        case let .tooLarge(bytes, _):
            ModelFileError(file: name, reason: .tooLarge(detail: "\(bytes) bytes, over \(Limit.maxFileBytes.phrase(limits.maxFileBytes))"))
        case .missing: ModelFileError(file: name, reason: .unreadable(detail: "no such file, or it cannot be opened"))
        default: ModelFileError(file: name, reason: .unreadable(detail: problem.unreadableDetail))
        }
    }
}
