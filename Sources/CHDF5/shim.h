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
