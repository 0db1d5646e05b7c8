#pragma once
#include <hdf5.h>

// Macros and global ids of libhdf5 that do not import into Swift, as functions.
// (H5T_NATIVE_FLOAT and friends expand to H5OPEN plus a global, so they must be
// evaluated in C.)

static inline hid_t chdf5_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_c_s1(void) { return H5T_C_S1; }
static inline size_t chdf5_variable_size(void) { return H5T_VARIABLE; }
static inline unsigned chdf5_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline hid_t chdf5_p_default(void) { return H5P_DEFAULT; }
static inline hid_t chdf5_p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_s_all(void) { return H5S_ALL; }
static inline hid_t chdf5_e_default(void) { return H5E_DEFAULT; }

/// Stops libhdf5 from printing its error stack; callers report errors themselves.
static inline herr_t chdf5_silence_errors(void) { return H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

// Write side (ModelFiles' KerasWriter): creating a file that replaces any of that name.
static inline unsigned chdf5_acc_trunc(void) { return H5F_ACC_TRUNC; }
// Write side: dataset creation properties (to leave out modification times).
static inline hid_t chdf5_p_dataset_create(void) { return H5P_DATASET_CREATE; }

// Containment (ModelFiles/HDF5/HDF5LibrarySettings.swift): the property-list classes of the
// access lists that carry the settings which keep libhdf5 inside the file image.
static inline hid_t chdf5_p_link_access(void) { return H5P_LINK_ACCESS; }
static inline hid_t chdf5_p_group_access(void) { return H5P_GROUP_ACCESS; }
static inline hid_t chdf5_p_dataset_access(void) { return H5P_DATASET_ACCESS; }

/// An external-link traversal callback that refuses every traversal: libhdf5 calls it
/// before it opens the link's target file, and a negative return fails the traversal.
static inline herr_t chdf5_refuse_external_link(const char *parent_file_name, const char *parent_group_name,
                                                const char *file_name, const char *obj_name, unsigned *acc_flags,
                                                hid_t fapl_id, void *op_data) {
    (void)parent_file_name; (void)parent_group_name; (void)file_name; (void)obj_name;
    (void)acc_flags; (void)fapl_id; (void)op_data;
    return -1;
}

/// Installs ``chdf5_refuse_external_link`` on a link-access list (or a group or dataset
/// access list, which are link-access lists too).
static inline herr_t chdf5_refuse_external_links(hid_t lapl) {
    return H5Pset_elink_cb(lapl, chdf5_refuse_external_link, NULL);
}

