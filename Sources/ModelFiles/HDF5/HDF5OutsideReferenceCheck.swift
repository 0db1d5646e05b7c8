import CHDF5

/// The structural check of a whole HDF5 file, before anything in it is read: every link
/// from the root is visited (each object once, however many links lead to it) and the
/// first part that would make libhdf5 open another file is refused with its
/// ``HDF5OutsideReference``:
/// - an external link, or a link of a user-defined class (never traversed: only the link
///   itself is described);
/// - a dataset with external storage, a virtual dataset, or a filter that needs a plugin
///   (``HDF5DatasetStorage``).
///
/// Soft links are not followed: they name a path in this file, whose objects the walk
/// reaches through their hard links, and a path through a refused link is refused there.
/// Attributes and committed datatypes cannot name another file in libhdf5 1.10 (its
/// object and region references address this file only).
extension HDF5File {
    /// - Throws: a `ReasonError`: ``ModelFileError/Reason/pointsOutside(_:member:)``, or
    ///   ``ModelFileError/Reason/tooLarge(detail:)`` past ``ModelFileLimits/maxHDF5Links``;
    ///   ``HDF5Error`` when libhdf5 cannot list a group.
    func requireSelfContained(limits: ModelFileLimits) throws {
        let maxLinks = limits.maxHDF5Links
        var root = H5O_info_t()
        guard H5Oget_info2(id, &root, UInt32(H5O_INFO_BASIC)) >= 0 else { throw HDF5Error("the root group cannot be read") }
        let rootGroup = H5Gopen2(id, "/", lists.group)
        guard rootGroup >= 0 else { throw HDF5Error("the root group cannot be opened") }
        // Groups still to walk, open. Each is opened from its parent by the link's index,
        // never by a path, so that no link name ('.', say) is read as a path component.
        var groups = [(id: rootGroup, path: "", depth: 0)]
        defer { groups.forEach { H5Gclose($0.id) } }
        var seen: Set<haddr_t> = [root.addr]
        var links = 0
        while let (group, path, depth) = groups.popLast() {
            defer { H5Gclose(group) }
            var info = H5G_info_t()
            guard H5Gget_info(group, &info) >= 0 else { throw HDF5Error("cannot list group \(path.quotedForMessage())") }
            for index in 0..<info.nlinks {
                links += 1
                guard links <= maxLinks else {
                    throw ReasonError(
                        .tooLarge(
                            detail: "it has more than \(maxLinks) HDF5 links: "
                                + "\(ModelFileLimits.linksPerLayer) for each layer, under \(Limit.maxLayers.phrase(limits.maxLayers))"))
                }
                let link = try Link(in: group, at: index, lists: lists)
                let member = path.isEmpty ? link.name : "\(path)/\(link.name)"
                switch link.info.type {
                case H5L_TYPE_HARD:
                    guard seen.insert(link.info.u.address).inserted,
                        let child = try visitObject(in: group, at: index, path: member)
                    else { continue }
                    guard depth < Self.maxGroupDepth else {
                        H5Gclose(child)
                        throw HDF5Error("groups are nested more than \(Self.maxGroupDepth) deep at \(member.quotedForMessage())")
                    }
                    groups.append((child, member, depth + 1))
                case H5L_TYPE_SOFT:
                    continue
                case H5L_TYPE_EXTERNAL:
                    throw ReasonError(
                        .pointsOutside(
                            .externalLink(path: member, file: try link.externalFile(in: group, at: index, lists: lists)),
                            member: nil))
                default:
                    throw ReasonError(
                        .pointsOutside(
                            .userDefinedLink(path: member, type: Int(link.info.type.rawValue)), member: nil))
                }
            }
        }
    }

    /// Deepest nesting of groups walked (Keras nests five deep): bounds the groups held open.
    static let maxGroupDepth = 64

    /// Opens the object of link `index` of `group`: checks a dataset, returns a group (to be
    /// walked in turn, and closed by the caller); named datatypes need nothing.
    private func visitObject(in group: hid_t, at index: hsize_t, path: String) throws -> hid_t? {
        let object = H5Oopen_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, lists.link)
        guard object >= 0 else { throw HDF5Error("cannot open object \(path.quotedForMessage())") }
        switch H5Iget_type(object) {
        case H5I_GROUP:
            return object
        case H5I_DATASET:
            defer { H5Oclose(object) }
            try HDF5DatasetStorage.requireSelfContained(object, path: path)
            return nil
        default:
            H5Oclose(object)
            return nil
        }
    }
}

/// One link of a group, described without being traversed.
private struct Link {
    var name: String
    var info = H5L_info_t()

    init(in group: hid_t, at index: hsize_t, lists: HDF5LibrarySettings.AccessLists) throws {
        let length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, lists.link)
        guard length >= 0, length < 4096 else { throw HDF5Error("a link has no readable name") }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, lists.link)
        name = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard H5Lget_info_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &info, lists.link) >= 0 else {
            throw HDF5Error("link \(name.quotedForMessage()) cannot be read")
        }
    }

    /// The file an external link names (its value, unpacked; never opened).
    func externalFile(in group: hid_t, at index: hsize_t, lists: HDF5LibrarySettings.AccessLists) throws -> String {
        let size = min(info.u.val_size, 1 << 16)
        // One byte more than the value, left 0: the names unpacked from it always end.
        var value = [UInt8](repeating: 0, count: size + 1)
        guard H5Lget_val_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &value, size, lists.link) >= 0 else {
            return ""
        }
        return value.withUnsafeBytes { raw in
            var flags: UInt32 = 0
            var file: UnsafePointer<CChar>?
            var object: UnsafePointer<CChar>?
            guard H5Lunpack_elink_val(raw.baseAddress, size, &flags, &file, &object) >= 0, let file else { return "" }
            return String(cString: file)
        }
    }
}

extension ModelFileLimits {
    /// Links the walk allows for each layer of ``maxLayers``: Keras writes about five (a
    /// group per layer, a group per weight's scope, a dataset per weight), and optimizer
    /// state a few more.
    static let linksPerLayer = 64

    /// Most links the walk of an HDF5 file visits before the file is refused as too large.
    var maxHDF5Links: Int { max(maxLayers, 1).multipliedReportingOverflow(by: Self.linksPerLayer).partialValue }
}
