import CHDF5

/// Refuses a dataset whose values would not come from the file itself: stored in other
/// files (external storage), mapped from other files (a virtual dataset), or passed
/// through a filter that libhdf5 would have to load from a plugin library.
///
/// It asks only the dataset's creation properties, which libhdf5 reads from the dataset's
/// header when the dataset is opened; libhdf5 opens external or source files only when
/// values are read (checked with `strace` on 1.10.8), so a dataset refused here has caused
/// no other file to be opened. Used by the walk of the whole file
/// (``HDF5OutsideReferenceCheck``) and again by ``HDF5File`` before it reads any dataset.
enum HDF5DatasetStorage {
    /// The filters built into libhdf5 itself: deflate, shuffle, Fletcher32, szip, n-bit and
    /// scale-offset. Any other needs a plugin; szip counts only if this build has it.
    static let builtInFilters: Set<H5Z_filter_t> = [
        H5Z_FILTER_DEFLATE, H5Z_FILTER_SHUFFLE, H5Z_FILTER_FLETCHER32, H5Z_FILTER_SZIP, H5Z_FILTER_NBIT,
        H5Z_FILTER_SCALEOFFSET,
    ]

    /// - Throws: a `ReasonError` with ``ModelFileError/Reason/pointsOutside(_:member:)``
    ///   naming the mechanism; ``HDF5Error`` when libhdf5 cannot describe the dataset.
    static func requireSelfContained(_ dataset: hid_t, path: String) throws {
        let properties = H5Dget_create_plist(dataset)
        guard properties >= 0 else { throw HDF5Error("dataset \(path.quotedForMessage()) has no creation properties") }
        defer { H5Pclose(properties) }
        let shown = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if H5Pget_layout(properties) == H5D_VIRTUAL {
            throw outside(.virtualDataset(path: shown, file: name { H5Pget_virtual_filename(properties, 0, $0, $1) }))
        }
        let external = H5Pget_external_count(properties)
        guard external >= 0 else { throw HDF5Error("dataset \(path.quotedForMessage()) has unreadable storage properties") }
        if external > 0 {
            throw outside(
                .externalStorage(
                    path: shown,
                    file: name { buffer, size in
                        H5Pget_external(properties, 0, size, buffer, nil, nil) < 0 ? -1 : size
                    }))
        }
        let filters = H5Pget_nfilters(properties)
        guard filters >= 0 else { throw HDF5Error("dataset \(path.quotedForMessage()) has unreadable filters") }
        for index in 0..<UInt32(filters) {
            var flags: UInt32 = 0
            var valueCount = 0
            var config: UInt32 = 0
            var filterName = [CChar](repeating: 0, count: 64)
            let filter = H5Pget_filter2(properties, index, &flags, &valueCount, nil, filterName.count, &filterName, &config)
            // Asked only of built-in ids: for any other, H5Zfilter_avail would search for a plugin.
            guard builtInFilters.contains(filter), H5Zfilter_avail(filter) > 0 else {
                let text = String(decoding: filterName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw outside(.filterPlugin(path: shown, filter: Int(filter), name: text))
            }
        }
    }

    private static func outside(_ reference: HDF5OutsideReference) -> ReasonError {
        ReasonError(.pointsOutside(reference, member: nil))
    }

    /// A name libhdf5 writes into a buffer (`read(buffer, size)` returns its length, or a
    /// negative number); at most 4 KiB of it.
    private static func name(_ read: (UnsafeMutablePointer<CChar>, Int) -> Int) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress.map { read($0, pointer.count) } ?? -1
        }
        guard length > 0 else { return "" }
        let bytes = buffer.prefix(min(length, buffer.count - 1)).prefix { $0 != 0 }
        return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
