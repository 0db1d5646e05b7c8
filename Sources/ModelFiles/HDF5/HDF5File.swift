import CHDF5
import Foundation

/// libhdf5 (the serial build) is not thread-safe: every call goes through this lock.
/// Serializes every call into libhdf5, reading and writing: Debian's build is not thread-safe.
let hdf5Lock = NSLock()

/// A file-access property list for libhdf5's in-memory ("core") driver, with the library's
/// own error printing silenced (errors are reported by the callers). The caller closes it.
func inMemoryFileAccess() throws -> hid_t {
    _ = chdf5_silence_errors()
    let fapl = H5Pcreate(chdf5_p_file_access())
    guard fapl >= 0 else { throw HDF5Error("libhdf5 could not create a file-access list") }
    guard H5Pset_fapl_core(fapl, 1 << 16, false) >= 0, H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG) >= 0 else {
        H5Pclose(fapl)
        throw HDF5Error("libhdf5 could not set up an in-memory file")
    }
    return fapl
}
private nonisolated(unsafe) var imageCounter = 0

/// Which of the reader's own checks run. Readers always run all; the tests turn them off
/// to show what the library settings (``HDF5LibrarySettings``) do alone.
struct HDF5Checks: OptionSet {
    let rawValue: Int
    /// The walk of every link before the file is used (``HDF5OutsideReferenceCheck``).
    static let links = HDF5Checks(rawValue: 1)
    /// The storage check of each dataset as it is opened (``HDF5DatasetStorage``).
    static let datasets = HDF5Checks(rawValue: 2)
    static let all: HDF5Checks = [.links, .datasets]
}

/// Why an HDF5 read failed, before it is turned into a ``ModelFileError``.
struct HDF5Error: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An HDF5 file opened from bytes in memory (libhdf5's core driver with a file image),
/// read-only. Never touches the disk, and never lets libhdf5 open another file: the whole
/// file is checked for parts that point outside it before `body` sees it
/// (``HDF5OutsideReferenceCheck``), each dataset again as it is opened
/// (``HDF5DatasetStorage``), and every call goes through access lists that forbid it
/// (``HDF5LibrarySettings``).
///
/// Use only inside ``HDF5File/withImage(_:limits:checks:_:)``, which holds the library's
/// lock and closes the file (and every object still open in it) afterwards.
final class HDF5File {
    let id: hid_t
    /// The access lists every call uses in place of `H5P_DEFAULT`.
    let lists: HDF5LibrarySettings.AccessLists
    let checks: HDF5Checks

    private init(id: hid_t, lists: HDF5LibrarySettings.AccessLists, checks: HDF5Checks) {
        self.id = id
        self.lists = lists
        self.checks = checks
    }

    /// Opens `bytes` as an HDF5 file and calls `body` with it, under the libhdf5 lock.
    ///
    /// `limits` bound the walk of the file's links that comes first; `checks` exists for
    /// the tests of what the library settings do alone.
    /// - Throws: ``HDF5Error`` when libhdf5 cannot open the image; a `ReasonError` when
    ///   the file points outside itself or has too many links; whatever `body`
    ///   throws.
    static func withImage<R>(
        _ bytes: Data, limits: ModelFileLimits, checks: HDF5Checks = .all, _ body: (HDF5File) throws -> R
    ) throws -> R {
        hdf5Lock.lock()
        defer { hdf5Lock.unlock() }
        let lists = try HDF5LibrarySettings.apply()
        let fapl = try inMemoryFileAccess()
        defer { H5Pclose(fapl) }
        let status = bytes.withUnsafeBytes { raw -> herr_t in
            // libhdf5 copies the image here, so the buffer need not outlive this call.
            guard let base = raw.baseAddress else { return -1 }
            return H5Pset_file_image(fapl, UnsafeMutableRawPointer(mutating: base), raw.count)
        }
        guard status >= 0 else { throw HDF5Error("libhdf5 could not take the file's bytes") }
        imageCounter += 1
        // The core driver tells open files apart by name: keep each image's name unique. The
        // name is under a folder that cannot exist, so that the driver's check that no such
        // file exists, and any lookup of another file beside this one, resolve nothing.
        let name = HDF5LibrarySettings.unresolvableFolder + "leaderboard-image-\(imageCounter)"
        let file = H5Fopen(name, chdf5_acc_rdonly(), fapl)
        guard file >= 0 else { throw HDF5Error("libhdf5 could not open it as an HDF5 file") }
        defer { H5Fclose(file) }
        let opened = HDF5File(id: file, lists: lists, checks: checks)
        if checks.contains(.links) {
            try opened.requireSelfContained(limits: limits)
        }
        return try body(opened)
    }

    // MARK: Objects

    /// Whether a link `path` (relative to the root, `/`-separated) leads to an object.
    func exists(_ path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            guard H5Lexists(id, prefix, lists.link) > 0 else { return false }
        }
        return H5Oexists_by_name(id, path, lists.link) > 0
    }

    /// Whether `path` is a group.
    func isGroup(_ path: String) -> Bool {
        guard exists(path) else { return false }
        let object = H5Oopen(id, path, lists.link)
        guard object >= 0 else { return false }
        defer { H5Oclose(object) }
        return H5Iget_type(object) == H5I_GROUP
    }

    /// The names of the links in group `path`, in libhdf5's name order; at most `limit`.
    func memberNames(of path: String, limit: Int) throws -> [String] {
        guard isGroup(path) else { throw HDF5Error("no group '\(path)'") }
        let group = H5Gopen2(id, path, lists.group)
        guard group >= 0 else { throw HDF5Error("cannot open group '\(path)'") }
        defer { H5Gclose(group) }
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { throw HDF5Error("cannot list group '\(path)'") }
        guard info.nlinks <= UInt64(limit) else {
            throw HDF5Error("group '\(path)' has \(info.nlinks) members, more than \(limit)")
        }
        var names: [String] = []
        for index in 0..<info.nlinks {
            let length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, lists.link)
            guard length >= 0, length < 4096 else { throw HDF5Error("a member of '\(path)' has no readable name") }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, lists.link)
            names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    // MARK: Attributes

    /// Whether the object at `path` ("/" for the root) has attribute `name`.
    func hasAttribute(_ name: String, at path: String = "/") -> Bool {
        guard path == "/" || exists(path) else { return false }
        return H5Aexists_by_name(id, path, name, lists.link) > 0
    }

    /// The strings of attribute `name` on the object at `path`: a scalar string gives one,
    /// an array of strings gives each; an empty numeric array (how Keras writes "no
    /// weights") gives none.
    ///
    /// Reads fixed-length and variable-length strings alike (h5py writes either,
    /// depending on its version and on whether Python gave it `str` or `bytes`).
    /// - Throws: ``HDF5Error`` when the attribute is missing, is not text, or holds more
    ///   than `maxBytes` bytes.
    func stringsAttribute(_ name: String, at path: String = "/", maxBytes: Int) throws -> [String] {
        guard hasAttribute(name, at: path) else { throw HDF5Error("no attribute '\(name)' on '\(path)'") }
        let attribute = H5Aopen_by_name(id, path, name, chdf5_p_default(), lists.link)
        guard attribute >= 0 else { throw HDF5Error("cannot open attribute '\(name)'") }
        defer { H5Aclose(attribute) }
        let type = H5Aget_type(attribute)
        guard type >= 0 else { throw HDF5Error("attribute '\(name)' has no type") }
        defer { H5Tclose(type) }
        let space = H5Aget_space(attribute)
        guard space >= 0 else { throw HDF5Error("attribute '\(name)' has no dataspace") }
        defer { H5Sclose(space) }
        let points = H5Sget_simple_extent_npoints(space)
        guard points >= 0 else { throw HDF5Error("attribute '\(name)' has no size") }
        let count = Int(points)
        let typeClass = H5Tget_class(type)
        if typeClass != H5T_STRING {
            if count == 0 { return [] }
            throw HDF5Error("attribute '\(name)' is not text")
        }
        guard count <= maxBytes else { throw HDF5Error("attribute '\(name)' has \(count) strings") }
        if count == 0 { return [] }

        if H5Tis_variable_str(type) > 0 {
            let memoryType = H5Tcopy(chdf5_c_s1())
            guard memoryType >= 0 else { throw HDF5Error("cannot make a string type") }
            defer { H5Tclose(memoryType) }
            H5Tset_size(memoryType, chdf5_variable_size())
            H5Tset_cset(memoryType, H5Tget_cset(type))
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            guard H5Aread(attribute, memoryType, &pointers) >= 0 else {
                throw HDF5Error("cannot read attribute '\(name)'")
            }
            defer { H5Dvlen_reclaim(memoryType, space, chdf5_p_default(), &pointers) }
            var total = 0
            return try pointers.map { pointer in
                guard let pointer else { return "" }
                let length = strnlen(pointer, maxBytes - total + 1)
                total += length
                guard total <= maxBytes else { throw HDF5Error("attribute '\(name)' is over \(maxBytes) bytes") }
                return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
            }
        }

        let size = H5Tget_size(type)
        guard size > 0, size <= maxBytes, count * size <= maxBytes else {
            throw HDF5Error("attribute '\(name)' is over \(maxBytes) bytes")
        }
        let memoryType = H5Tcopy(chdf5_c_s1())
        guard memoryType >= 0 else { throw HDF5Error("cannot make a string type") }
        defer { H5Tclose(memoryType) }
        H5Tset_size(memoryType, size)
        H5Tset_strpad(memoryType, H5T_STR_NULLPAD)
        var bytes = [UInt8](repeating: 0, count: count * size)
        guard H5Aread(attribute, memoryType, &bytes) >= 0 else { throw HDF5Error("cannot read attribute '\(name)'") }
        return (0..<count).map { index in
            let slice = bytes[index * size..<(index + 1) * size]
            let end = slice.firstIndex(of: 0) ?? slice.endIndex
            return String(decoding: bytes[slice.startIndex..<end], as: UTF8.self)
        }
    }

    /// Attribute `name` as one string (the first of ``stringsAttribute(_:at:maxBytes:)``),
    /// or `nil` when it is absent or not text.
    func stringAttribute(_ name: String, at path: String = "/", maxBytes: Int) -> String? {
        guard hasAttribute(name, at: path) else { return nil }
        return (try? stringsAttribute(name, at: path, maxBytes: maxBytes))?.first
    }

    // MARK: Datasets

    /// The dimensions of dataset `path` (`[]` for a scalar).
    ///
    /// - Throws: ``HDF5Error`` when it is not a dataset of numbers or has more than 8
    ///   dimensions.
    func datasetShape(_ path: String) throws -> [Int] {
        let dataset = try openDataset(path)
        defer { H5Dclose(dataset) }
        return try shape(of: dataset, path: path)
    }

    /// Opens dataset `path` and, unless the tests turned it off, refuses it when its values
    /// would come from outside the file (``HDF5DatasetStorage``): nothing else is asked of
    /// a dataset before that. The caller closes it.
    private func openDataset(_ path: String) throws -> hid_t {
        guard exists(path) else { throw HDF5Error("no dataset '\(path)'") }
        let dataset = H5Dopen2(id, path, lists.dataset)
        guard dataset >= 0 else { throw HDF5Error("'\(path)' is not a dataset") }
        if checks.contains(.datasets) {
            do {
                try HDF5DatasetStorage.requireSelfContained(dataset, path: path)
            } catch {
                H5Dclose(dataset)
                throw error
            }
        }
        return dataset
    }

    private func shape(of dataset: hid_t, path: String) throws -> [Int] {
        let type = H5Dget_type(dataset)
        guard type >= 0 else { throw HDF5Error("dataset '\(path)' has no type") }
        defer { H5Tclose(type) }
        let typeClass = H5Tget_class(type)
        guard typeClass == H5T_FLOAT || typeClass == H5T_INTEGER else {
            throw HDF5Error("dataset '\(path)' does not hold numbers")
        }
        let space = H5Dget_space(dataset)
        guard space >= 0 else { throw HDF5Error("dataset '\(path)' has no dataspace") }
        defer { H5Sclose(space) }
        let rank = H5Sget_simple_extent_ndims(space)
        guard rank >= 0, rank <= 8 else { throw HDF5Error("dataset '\(path)' has \(rank) dimensions") }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        guard H5Sget_simple_extent_dims(space, &dims, nil) == rank else {
            throw HDF5Error("dataset '\(path)' has unreadable dimensions")
        }
        return try dims.map { value in
            guard value <= UInt64(Int.max) else { throw HDF5Error("dataset '\(path)' has shape \(dims)") }
            return Int(value)
        }
    }

    /// Reads dataset `path` as float32 values, after checking that its shape is `expected`
    /// once dimensions of size 1 are dropped from both (so `[28]`, `[1, 28]` and `[28, 1]`
    /// all match `[28]`: their values come in the same order).
    ///
    /// The check comes first: a dataset whose header declares a huge shape is refused
    /// without allocating anything.
    /// - Throws: ``HDF5Error`` naming the shape found when it differs, or when libhdf5
    ///   cannot read or convert the values.
    func readFloats(_ path: String, expected: [Int]) throws -> [Float] {
        let dataset = try openDataset(path)
        defer { H5Dclose(dataset) }
        let dims = try shape(of: dataset, path: path)
        guard dims.filter({ $0 != 1 }) == expected.filter({ $0 != 1 }) else {
            throw HDF5Error("'\(path)' has shape \(dims), expected \(expected)")
        }
        let count = expected.reduce(1, *)
        var values = [Float](repeating: 0, count: count)
        let status = values.withUnsafeMutableBytes { raw in
            H5Dread(dataset, chdf5_native_float(), chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), raw.baseAddress)
        }
        guard status >= 0 else { throw HDF5Error("cannot read dataset '\(path)' as float32") }
        return values
    }
}
