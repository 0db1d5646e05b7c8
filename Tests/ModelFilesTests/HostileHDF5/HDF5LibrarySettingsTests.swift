import CHDF5
import Foundation
import Testing

@testable import ModelFiles

/// What libhdf5's own settings (``HDF5LibrarySettings``) do with the reader's walk turned
/// off, and what the dataset check does with the walk turned off: each hostile file's read
/// fails, and the folder it points to is never opened.
@Suite("libhdf5 settings keep it inside the file")
struct HDF5LibrarySettingsTests {
    static let kernel = "model_weights/dense_4/sequential_1/dense_4/kernel"

    /// Reads the kernel of hostile fixture `name` with only `checks` of the reader's own
    /// checks, and returns the error and what in the outside folder was touched.
    private func readKernel(_ name: String, checks: HDF5Checks) throws -> (error: any Error, touched: [String]) {
        let hostile = try HostileHDF5Fixture(name)
        let error = try #require(throws: (any Error).self) {
            let values = try HDF5File.withImage(hostile.bytes, limits: ModelFileLimits(), checks: checks) { file in
                try file.readFloats(Self.kernel, expected: [28, 16])
            }
            #expect(
                values != HostileHDF5Fixture.outsideValues && values != HostileHDF5Fixture.sentinelValues,
                "the outside file's values came back")
        }
        return (error, hostile.touched())
    }

    @Test(
        "external links are not traversed: the callback refuses them",
        arguments: [
            "external_link_absolute.h5", "external_link_relative.h5",
        ])
    func externalLinks(_ name: String) throws {
        let (error, touched) = try readKernel(name, checks: [])
        #expect(error is HDF5Error, "\(error)")
        #expect(touched == [])
    }

    @Test("relative external storage resolves under /dev/null/")
    func relativeExternalStorage() throws {
        let (error, touched) = try readKernel("external_storage_relative.h5", checks: [])
        #expect("\(error)".contains("cannot read dataset"), "\(error)")
        #expect(touched == [])
    }

    @Test("HDF5_EXTFILE_PREFIX removed before libhdf5 reads it")
    func environmentPrefix() throws {
        setenv("HDF5_EXTFILE_PREFIX", "/", 1)
        let (error, touched) = try readKernel("external_storage_relative.h5", checks: [])
        #expect(error is HDF5Error, "\(error)")
        #expect(touched == [])
        #expect(getenv("HDF5_EXTFILE_PREFIX") == nil)
    }

    @Test("a filter not built in loads no plugin")
    func pluginsAreNotLoaded() throws {
        let hostile = try HostileHDF5Fixture("filter_plugin.h5")
        try Data("not a library".utf8).write(to: URL(fileURLWithPath: hostile.folder.file("libh5filter.so")))
        _ = hostile.touched()  // this test's own write
        hdf5Lock.lock()
        let prepended = H5PLprepend(hostile.folder.path)
        hdf5Lock.unlock()
        try #require(prepended >= 0)
        defer {
            hdf5Lock.lock()
            H5PLremove(0)
            hdf5Lock.unlock()
        }
        #expect(throws: HDF5Error.self) {
            try HDF5File.withImage(hostile.bytes, limits: ModelFileLimits(), checks: []) { file in
                try file.readFloats(Self.kernel, expected: [28, 16])
            }
        }
        #expect(hostile.touched() == [])
    }

    @Test(
        "without the walk, the dataset check still refuses",
        arguments: [
            "external_storage_absolute.h5", "virtual_dataset_absolute.h5", "virtual_dataset_relative.h5", "filter_plugin.h5",
        ])
    func datasetCheck(_ name: String) throws {
        let (error, touched) = try readKernel(name, checks: .datasets)
        let reason = try #require(error as? ReasonError, "\(error)").reason
        guard case .pointsOutside = reason else {
            Issue.record("not refused as pointing outside: \(reason)")
            return
        }
        #expect(touched == [])
    }

    @Test("the settings are in place on every access list")
    func settingsInPlace() throws {
        hdf5Lock.lock()
        defer { hdf5Lock.unlock() }
        let lists = try HDF5LibrarySettings.apply()
        for list in [lists.link, lists.group, lists.dataset] {
            var callback: H5L_elink_traverse_t?
            var data: UnsafeMutableRawPointer?
            #expect(H5Pget_elink_cb(list, &callback, &data) >= 0)
            #expect(callback != nil)
        }
        var prefix = [CChar](repeating: 0, count: 64)
        #expect(H5Pget_efile_prefix(lists.dataset, &prefix, prefix.count) > 0)
        #expect(String(cString: prefix) == "/dev/null/")
        #expect(H5Pget_virtual_prefix(lists.dataset, &prefix, prefix.count) > 0)
        #expect(String(cString: prefix) == "/dev/null/")
        #expect(H5Pget_elink_prefix(lists.link, &prefix, prefix.count) > 0)
        #expect(String(cString: prefix) == "/dev/null/")
        var mask: UInt32 = 1
        #expect(H5PLget_loading_state(&mask) >= 0)
        #expect(mask == 0)
    }
}
