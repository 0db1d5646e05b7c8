import CHDF5
import Foundation

/// The settings of libhdf5 that keep it from opening any file but the image it is given,
/// applied once per process and checked again before every file image is opened.
///
/// They back up ``HDF5OutsideReferenceCheck`` (which refuses such files before anything is
/// read) and ``HDF5DatasetStorage`` (which refuses such a dataset before it is read): even
/// if both missed a mechanism, the library itself is set not to use it. What each setting
/// does and does not cover, as checked with `strace` on libhdf5 1.10.8 (SECURITY.md):
/// - external links: a traversal callback on every link, group and dataset access list
///   refuses each traversal before libhdf5 opens the target (absolute or relative);
/// - external raw storage: the dataset access list's prefix `/dev/null/` makes every
///   relative name unresolvable (`ENOTDIR`); an absolute name ignores any prefix, so only
///   ``HDF5DatasetStorage`` stops it;
/// - virtual datasets: the prefix `/dev/null/` is tried first, but libhdf5 then falls back
///   to the name itself (absolute, or relative to the working folder), so only
///   ``HDF5DatasetStorage`` stops them; `H5D_VDS_FIRST_MISSING` and a printf gap of 0 keep
///   a printf-style mapping from probing more files than it names;
/// - filter plugins: dynamic loading is switched off (`H5PLset_loading_state(0)`), so an
///   unknown filter fails the read without libhdf5 listing or `dlopen`ing any plugin folder;
/// - `HDF5_EXTFILE_PREFIX`, `HDF5_VDS_PREFIX` and `HDF5_EXT_PREFIX`, which libhdf5 reads at
///   call time and which take precedence over the access lists' prefixes, are removed from
///   this process's environment;
/// - the file image's name is under `/dev/null/`, which can never be a folder: the core
///   driver's check that no file of that name exists, and every lookup "beside the parent
///   file", fail with `ENOTDIR` without touching anything.
enum HDF5LibrarySettings {
    /// The access lists every call into a file image uses in place of `H5P_DEFAULT`.
    struct AccessLists {
        /// For calls that take a link-access list (`H5Lexists`, `H5Oopen`, `H5Aopen_by_name`…).
        let link: hid_t
        /// For `H5Gopen2`.
        let group: hid_t
        /// For `H5Dopen2`: also the external-storage and virtual-dataset settings.
        let dataset: hid_t
    }

    /// A folder that can never exist (`/dev/null` is not a directory): names under it do not
    /// resolve.
    static let unresolvableFolder = "/dev/null/"

    /// Environment variables libhdf5 1.10 reads at call time that would redirect the
    /// lookup of other files (they override the prefixes set on the access lists).
    static let redirectingVariables = ["HDF5_EXTFILE_PREFIX", "HDF5_VDS_PREFIX", "HDF5_EXT_PREFIX", "HDF5_PLUGIN_PATH"]

    private nonisolated(unsafe) static var lists: AccessLists?

    /// Applies the settings (the first time) and returns the access lists. Call with
    /// `hdf5Lock` held.
    ///
    /// - Throws: ``HDF5Error`` when libhdf5 refuses a setting; nothing is opened then.
    static func apply() throws -> AccessLists {
        for name in redirectingVariables where getenv(name) != nil {
            unsetenv(name)
        }
        guard H5PLset_loading_state(0) >= 0 else { throw HDF5Error("libhdf5 could not switch off its plugins") }
        if let lists { return lists }
        _ = chdf5_silence_errors()
        let made = AccessLists(
            link: try accessList(chdf5_p_link_access()),
            group: try accessList(chdf5_p_group_access()),
            dataset: try datasetAccessList())
        lists = made
        return made
    }

    /// A list of `listClass` (a link-access list or one derived from it) that refuses to
    /// traverse external links.
    private static func accessList(_ listClass: hid_t) throws -> hid_t {
        let list = H5Pcreate(listClass)
        guard list >= 0 else { throw HDF5Error("libhdf5 could not create an access list") }
        guard chdf5_refuse_external_links(list) >= 0, H5Pset_elink_prefix(list, unresolvableFolder) >= 0 else {
            H5Pclose(list)
            throw HDF5Error("libhdf5 could not refuse external links")
        }
        return list
    }

    private static func datasetAccessList() throws -> hid_t {
        let list = try accessList(chdf5_p_dataset_access())
        guard H5Pset_efile_prefix(list, unresolvableFolder) >= 0,
            H5Pset_virtual_prefix(list, unresolvableFolder) >= 0,
            H5Pset_virtual_view(list, H5D_VDS_FIRST_MISSING) >= 0,
            H5Pset_virtual_printf_gap(list, 0) >= 0
        else {
            H5Pclose(list)
            throw HDF5Error("libhdf5 could not restrict dataset storage to the file")
        }
        return list
    }
}
