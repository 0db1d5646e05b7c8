import Foundation
import ModelFiles
import Models
import Testing

/// HDF5 files that point outside themselves (external storage, external and user-defined
/// links, virtual datasets, plugin filters), made with h5py from a real Keras file, are
/// refused with one line naming the mechanism, and the file they point to is never opened.
@Suite("HDF5 files that point outside themselves")
struct HDF5OutsideReferenceTests {
    /// A fixture of `hostile-hdf5` and the phrases its message must contain besides the
    /// file's name and the advice.
    typealias Case = RefusalTests.Case

    static let kernel = "'model_weights/dense_4/sequential_1/dense_4/kernel'"

    static let cases: [Case] = [
        Case(
            file: "external_storage_absolute.h5",
            phrases: ["a dataset \(kernel) whose values are stored in another file", "(HDF5 external storage)"]),
        Case(
            file: "external_storage_relative.h5",
            phrases: ["a dataset \(kernel) whose values are stored in another file", "'../../"]),
        Case(file: "external_link_absolute.h5", phrases: ["an external link \(kernel) to '/", "another file"]),
        Case(file: "external_link_relative.h5", phrases: ["an external link \(kernel) to '../../"]),
        Case(file: "external_link_unreferenced.h5", phrases: ["an external link 'cache/udlink_marker_name'"]),
        Case(
            file: "user_defined_link.h5",
            phrases: ["a user-defined link 'cache/udlink_marker_name' (link type 65)"]),
        Case(
            file: "virtual_dataset_absolute.h5",
            phrases: ["a virtual dataset \(kernel) whose values come from another file, '/"]),
        Case(
            file: "virtual_dataset_relative.h5",
            phrases: ["a virtual dataset \(kernel) whose values come from another file, '../../"]),
        Case(file: "filter_plugin.h5", phrases: ["a dataset \(kernel) compressed with filter 60000", "needs a plugin"]),
        Case(file: "filter_lzf.h5", phrases: ["compressed with filter 32000 ('lzf')", "needs a plugin"]),
    ]

    @Test("refused by mechanism, named file never opened", arguments: cases)
    func refusal(_ fixture: Case) throws {
        let hostile = try HostileHDF5Fixture(fixture.file)
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(hostile.bytes, fileName: fixture.file)
        }
        let message = error.description
        #expect(message.hasPrefix("'\(fixture.file)' has "), "\(message)")
        #expect(!message.contains("\n"))
        for phrase in fixture.phrases + ["never opens a file", "model.save('model.h5')"] {
            #expect(message.contains(phrase), "“\(phrase)” not in: \(message)")
        }
        #expect(hostile.touched() == [], "libhdf5 opened or read the outside folder")
    }

    @Test("a .keras archive's weights are checked too")
    func kerasArchive() throws {
        let url = try Fixtures.url("hostile-hdf5/external_storage.keras")
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: url) }
        guard case let .pointsOutside(.externalStorage(path, file), member) = error.reason else {
            Issue.record("not an external-storage refusal: \(error)")
            return
        }
        #expect(path == "layers/dense/vars/0")
        #expect(file.hasPrefix("/tmp/leaderboard-hostile-hdf5-XXX") && file.hasSuffix("/sentinel.bin"))
        #expect(member == "model.weights.h5")
        #expect(
            error.description.hasPrefix(
                "'external_storage.keras' has in model.weights.h5 a dataset 'layers/dense/vars/0' whose values are stored in another file"),
            "\(error)")
    }

    @Test("the reasons are typed")
    func typedReasons() throws {
        let hostile = try HostileHDF5Fixture("external_link_unreferenced.h5")
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(hostile.bytes, fileName: "x.h5") }
        guard case let .pointsOutside(.externalLink(path, file), nil) = error.reason else {
            Issue.record("not an external-link refusal: \(error)")
            return
        }
        #expect(path == "cache/udlink_marker_name")
        #expect(file.hasPrefix(hostile.folder.path) && file.hasSuffix("/outside.h5"))
    }

    @Test("walk bounded: links by max_layers, nesting at 64")
    func bounded() throws {
        let many = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: Fixtures.url("activations_keras3.h5"), limits: ModelFileLimits(maxLayers: 2))
        }
        #expect(
            many.description.contains(
                "is too large: it has more than 128 HDF5 links: 64 for each layer, under the limit of 2 layers (limits.max_layers "
                    + "in leaderboard.yml)"
            ),
            "\(many)")
        let deep = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: Fixtures.url("hostile-hdf5/deep_groups.h5"))
        }
        #expect(deep.description.contains("groups are nested more than 64 deep"), "\(deep)")
    }

    @Test("walk refuses a file that hung libhdf5")
    func walkRefusesDamagedRoot() throws {
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: Fixtures.url("fuzz/hdf5_global_heap_hang.h5"))
        }
        #expect(error.description.contains("is damaged or inconsistent: cannot list group ''"), "\(error)")
    }

    @Test("built-in filters (shuffle, deflate, Fletcher32) still read")
    func builtInFilters() throws {
        let compressed = try ModelFileReader.read(contentsOf: Fixtures.url("hostile-hdf5/builtin_filters.h5"))
        let plain = try ModelFileReader.read(contentsOf: Fixtures.url("softmax2_keras3.h5"))
        let rows = try Fixtures.hiddenTestRows()
        let predicted = try withFeatureBatch(rows, columns: 28) { try compressed.classifier.predict($0) }
        let expected = try withFeatureBatch(rows, columns: 28) { try plain.classifier.predict($0) }
        #expect(predicted == expected)
    }

    @Test("the watch sees opens of planted files")
    func watchSeesOpens() throws {
        let hostile = try HostileHDF5Fixture("external_storage_absolute.h5")
        _ = try Data(contentsOf: URL(fileURLWithPath: hostile.folder.file("sentinel.bin")))
        #expect(hostile.touched().contains("sentinel.bin"))
    }
}
