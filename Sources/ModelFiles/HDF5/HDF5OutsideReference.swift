/// A part of an HDF5 file that would make libhdf5 open another file: every mechanism of
/// libhdf5 1.10 by which a file names another one (or code to load). Keras never writes
/// any of them; a file that has one is refused before anything in it is read.
public enum HDF5OutsideReference: Equatable, Sendable {
    /// A link whose target is an object in another file (`h5py.ExternalLink`).
    case externalLink(path: String, file: String)
    /// A link of a user-defined class (type 65–255): its traversal runs code registered
    /// for that class, which may open anything.
    case userDefinedLink(path: String, type: Int)
    /// A dataset whose values are stored in other files (`create_dataset(external=...)`):
    /// `file` is the first one named.
    case externalStorage(path: String, file: String)
    /// A virtual dataset, whose values are mapped from datasets of other files
    /// (`create_virtual_dataset`): `file` is the first source file named.
    case virtualDataset(path: String, file: String)
    /// A dataset passed through a filter that is not built into libhdf5 (deflate, shuffle,
    /// Fletcher32, szip, n-bit, scale-offset): reading it would load a plugin library.
    case filterPlugin(path: String, filter: Int, name: String)

    /// What was found, as a message says it after the file's name ("has …").
    var phrase: String {
        switch self {
        case let .externalLink(path, file):
            return "an external link \(path.quotedForMessage()) to \(file.quotedForMessage()), another file"
        case let .userDefinedLink(path, type):
            return "a user-defined link \(path.quotedForMessage()) (link type \(type)), which libhdf5 resolves with code registered for it"
        case let .externalStorage(path, file):
            return
                "a dataset \(path.quotedForMessage()) whose values are stored in another file, \(file.quotedForMessage()) (HDF5 "
                + "external storage)"
        case let .virtualDataset(path, file):
            return "a virtual dataset \(path.quotedForMessage()) whose values come from another file, \(file.quotedForMessage())"
        case let .filterPlugin(path, filter, name):
            let named = name.isEmpty ? "" : " (\(name.quotedForMessage(limit: 30)))"
            return "a dataset \(path.quotedForMessage()) compressed with filter \(filter)\(named), which needs a plugin library"
        }
    }
}
