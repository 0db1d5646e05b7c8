import CHDF5
import Foundation

/// A new HDF5 file built in memory (libhdf5's core driver without a backing store) and
/// handed back as bytes, so a caller can write it to disk in one atomic step.
///
/// Paths are `/`-separated from the root; a group must be made before anything in it.
/// Use only inside ``HDF5Writer/image(_:)``, which closes the file afterwards. The system
/// libhdf5 is built thread-safe (`H5is_library_threadsafe`), so writing needs no lock of
/// its own beside the reader's.
final class HDF5Writer {
    private let file: hid_t

    private init(file: hid_t) { self.file = file }

    /// Makes an empty file, lets `body` fill it, and returns the file's bytes.
    ///
    /// - Throws: ``HDF5Error`` when libhdf5 fails; whatever `body` throws.
    static func image(_ body: (HDF5Writer) throws -> Void) throws -> Data {
        hdf5Lock.lock()
        defer { hdf5Lock.unlock() }
        let fapl = try inMemoryFileAccess()
        defer { H5Pclose(fapl) }
        // The core driver tells open files apart by name.
        let file = H5Fcreate("leaderboard-export-\(UUID().uuidString)", chdf5_acc_trunc(), chdf5_p_default(), fapl)
        guard file >= 0 else { throw HDF5Error("libhdf5 could not create an in-memory file") }
        defer { H5Fclose(file) }
        try body(HDF5Writer(file: file))
        guard H5Fflush(file, H5F_SCOPE_GLOBAL) >= 0 else { throw HDF5Error("libhdf5 could not flush the file") }
        let size = H5Fget_file_image(file, nil, 0)
        guard size > 0 else { throw HDF5Error("libhdf5 gave no file image") }
        var data = Data(count: size)
        let copied = data.withUnsafeMutableBytes { H5Fget_file_image(file, $0.baseAddress, size) }
        guard copied == size else { throw HDF5Error("libhdf5 gave a file image of \(copied) bytes, expected \(size)") }
        return data
    }

    // MARK: Groups

    /// Makes group `path` (its parent must exist).
    func createGroup(_ path: String) throws {
        let group = H5Gcreate2(file, path, chdf5_p_default(), chdf5_p_default(), chdf5_p_default())
        guard group >= 0 else { throw HDF5Error("cannot create group '\(path)'") }
        H5Gclose(group)
    }

    // MARK: Attributes

    /// Sets a scalar variable-length string attribute, as h5py writes a Python `str`
    /// (`utf8: true`) or `bytes` (`utf8: false`, ASCII character set).
    func setString(_ value: String, _ name: String, at path: String = "/", utf8: Bool = false) throws {
        try withObject(path) { object in
            let space = H5Screate(H5S_SCALAR)
            guard space >= 0 else { throw HDF5Error("cannot make a scalar dataspace") }
            defer { H5Sclose(space) }
            try writeStrings([value], name, object: object, space: space, utf8: utf8)
        }
    }

    /// Sets a one-dimensional attribute of variable-length strings (ASCII character set, as
    /// Keras writes `layer_names` and `weight_names`); an empty list is written the way
    /// Keras writes "no weights": an empty float64 array.
    func setStrings(_ values: [String], _ name: String, at path: String) throws {
        try withObject(path) { object in
            var dims = [hsize_t(values.count)]
            let space = H5Screate_simple(1, &dims, nil)
            guard space >= 0 else { throw HDF5Error("cannot make a dataspace of \(values.count)") }
            defer { H5Sclose(space) }
            if values.isEmpty {
                let attribute = H5Acreate2(object, name, chdf5_native_double(), space, chdf5_p_default(), chdf5_p_default())
                guard attribute >= 0 else { throw HDF5Error("cannot create attribute '\(name)' on '\(path)'") }
                H5Aclose(attribute)
            } else {
                try writeStrings(values, name, object: object, space: space, utf8: false)
            }
        }
    }

    private func writeStrings(_ values: [String], _ name: String, object: hid_t, space: hid_t, utf8: Bool) throws {
        let type = H5Tcopy(chdf5_c_s1())
        guard type >= 0 else { throw HDF5Error("cannot make a string type") }
        defer { H5Tclose(type) }
        guard H5Tset_size(type, chdf5_variable_size()) >= 0,
            H5Tset_cset(type, utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII) >= 0
        else { throw HDF5Error("cannot make a variable-length string type") }
        let attribute = H5Acreate2(object, name, type, space, chdf5_p_default(), chdf5_p_default())
        guard attribute >= 0 else { throw HDF5Error("cannot create attribute '\(name)'") }
        defer { H5Aclose(attribute) }
        // libhdf5 reads the C strings during H5Awrite and copies them into the file.
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        guard !pointers.contains(where: { $0 == nil }) else { throw HDF5Error("out of memory copying strings") }
        guard H5Awrite(attribute, type, &pointers) >= 0 else { throw HDF5Error("cannot write attribute '\(name)'") }
    }

    private func withObject(_ path: String, _ body: (hid_t) throws -> Void) throws {
        if path == "/" {
            try body(file)
            return
        }
        let object = H5Oopen(file, path, chdf5_p_default())
        guard object >= 0 else { throw HDF5Error("no object '\(path)'") }
        defer { H5Oclose(object) }
        try body(object)
    }

    // MARK: Datasets

    /// Writes `values` (row-major) as a float32 dataset of `shape` at `path`, contiguous
    /// and uncompressed, as h5py writes a small numpy array.
    func writeFloats(_ values: [Float], shape: [Int], at path: String) throws {
        precondition(shape.reduce(1, *) == values.count, "HDF5Writer: \(values.count) values for shape \(shape)")
        var dims = shape.map { hsize_t($0) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        guard space >= 0 else { throw HDF5Error("cannot make a dataspace of shape \(shape)") }
        defer { H5Sclose(space) }
        // No modification time in the dataset's header: the same weights give the same bytes.
        let creation = H5Pcreate(chdf5_p_dataset_create())
        guard creation >= 0, H5Pset_obj_track_times(creation, false) >= 0 else {
            throw HDF5Error("cannot make a dataset creation property list")
        }
        defer { H5Pclose(creation) }
        let dataset = H5Dcreate2(file, path, chdf5_native_float(), space, chdf5_p_default(), creation, chdf5_p_default())
        guard dataset >= 0 else { throw HDF5Error("cannot create dataset '\(path)'") }
        defer { H5Dclose(dataset) }
        let status = values.withUnsafeBytes {
            H5Dwrite(dataset, chdf5_native_float(), chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), $0.baseAddress)
        }
        guard status >= 0 else { throw HDF5Error("cannot write dataset '\(path)'") }
    }
}
