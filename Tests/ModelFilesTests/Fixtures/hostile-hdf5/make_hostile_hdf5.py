"""Makes the hostile HDF5 fixtures of ModelFilesTests: real Keras files of this folder's
parent, changed with h5py the way an attacker would, so that reading them makes libhdf5
open another file (or load a plugin).

Each file is softmax2_keras3.h5 (or the model.weights.h5 of softmax2_keras3.keras) with
the first Dense kernel, 28 x 16 float32, replaced by:
  external_storage_absolute.h5   raw storage in another file, named by absolute path
                                 (create_dataset(..., external=[...]))
  external_storage_relative.h5   the same, named by a path relative to the working folder
  external_link_absolute.h5      an external link (h5py.ExternalLink) to a dataset of
                                 another file, named by absolute path
  external_link_relative.h5      the same, relative to the working folder
  external_link_unreferenced.h5  the kernel is intact; an attribute-free group that no
                                 weight_names lists holds an external link
  virtual_dataset_absolute.h5    a virtual dataset (create_virtual_dataset) whose source
                                 is a dataset of another file, by absolute path
  virtual_dataset_relative.h5    the same, relative to the working folder
  filter_plugin.h5               a chunked dataset through filter 60000, which no library
                                 registers (dcpl.set_filter, chunk written raw)
  filter_lzf.h5                  a chunked dataset through h5py's LZF filter (32000), a
                                 plugin for libhdf5
  user_defined_link.h5           external_link_unreferenced.h5 with the link's type byte
                                 changed from 64 (external) to 65 (user-defined)
  external_storage.keras         softmax2_keras3.keras whose model.weights.h5 stores the
                                 kernel in another file, by absolute path
  builtin_filters.h5             not hostile: the kernel's own values, chunked through
                                 shuffle, deflate and Fletcher32 (filters built into
                                 libhdf5), which are read as usual
  deep_groups.h5                 not hostile but absurd: groups nested 70 deep, past the
                                 walk's bound of 64
  outside.h5                     the other file the links and virtual datasets name: a
                                 dataset 'kernel', 28 x 16 float32, values 1234.5 + i

Every other file is named under PLACEHOLDER, a folder of fixed length that does not exist.
The tests copy the file into memory, replace PLACEHOLDER with a fresh temporary folder
padded with '/' to the same length (HDF5 stores these names without checksums), put a
sentinel file there (outside.h5, or sentinel.bin for external storage) and show that its
bytes never come back and that it is never opened. Relative names climb with 32 '..' to
the root first, so they reach the same folder from any working folder.

Made with h5py 3.16.0 (HDF5 2.0.0, files in the earliest format libhdf5 1.10 reads), from
the repository's root, with a Python that has h5py:
  python3 Tests/ModelFilesTests/Fixtures/hostile-hdf5/make_hostile_hdf5.py
CI does not run this script: the tests read the committed files.
"""

import io
import os
import shutil
import zipfile

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
PLACEHOLDER = "/tmp/leaderboard-hostile-hdf5-" + "X" * 170
RELATIVE = "../" * 32 + PLACEHOLDER.lstrip("/")
KERNEL = "model_weights/dense_4/sequential_1/dense_4/kernel"
KERAS_KERNEL = "layers/dense/vars/0"
SHAPE = (28, 16)


def path(name):
    return os.path.join(HERE, name)


def variant(name, change, base="softmax2_keras3.h5", kernel=KERNEL):
    shutil.copy(os.path.join(FIXTURES, base), path(name))
    with h5py.File(path(name), "a") as f:
        change(f, kernel)


def external_storage(folder):
    def change(f, kernel):
        del f[kernel]
        f.create_dataset(kernel, shape=SHAPE, dtype="<f4",
                         external=[(folder + "/sentinel.bin", 0, SHAPE[0] * SHAPE[1] * 4)])
    return change


def external_link(folder):
    def change(f, kernel):
        del f[kernel]
        f[kernel] = h5py.ExternalLink(folder + "/outside.h5", "/kernel")
    return change


def unreferenced_link(f, kernel):
    f.create_group("cache")["udlink_marker_name"] = h5py.ExternalLink(PLACEHOLDER + "/outside.h5", "/kernel")


def virtual_dataset(folder):
    def change(f, kernel):
        del f[kernel]
        layout = h5py.VirtualLayout(shape=SHAPE, dtype="<f4")
        layout[:] = h5py.VirtualSource(folder + "/outside.h5", "kernel", shape=SHAPE)
        f.create_virtual_dataset(kernel, layout)
    return change


def filtered(filter_id):
    def change(f, kernel):
        del f[kernel]
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_chunk(SHAPE)
        dcpl.set_filter(filter_id, h5py.h5z.FLAG_OPTIONAL, ())
        space = h5py.h5s.create_simple(SHAPE)
        dataset = h5py.h5d.create(f.id, kernel.encode(), h5py.h5t.IEEE_F32LE, space, dcpl=dcpl)
        # Written raw, with a filter mask of 0: the chunk claims the filter was applied.
        dataset.write_direct_chunk((0, 0), np.zeros(SHAPE, "<f4").tobytes(), filter_mask=0)
    return change


def builtin_filters(f, kernel):
    values = f[kernel][()]
    del f[kernel]
    f.create_dataset(kernel, data=values, chunks=SHAPE, shuffle=True, compression="gzip", fletcher32=True)


def deep_groups(f, kernel):
    f.create_group("/".join(["deep"] + ["g"] * 69))


def user_defined_link():
    """An external link's message with its link type 64 changed to 65: libhdf5 then
    takes it for a link of an unregistered user-defined class."""
    with open(path("external_link_unreferenced.h5"), "rb") as f:
        data = bytearray(f.read())
    name = b"udlink_marker_name"
    at = data.index(name)
    # Link message: version 1, flags, link type, [creation order], [charset], name length, name.
    for back in range(3, 16):
        start = at - back
        if data[start] == 1 and data[start + 1] & 0x08 and data[start + 2] == 64:
            data[start + 2] = 65
            break
    else:
        raise SystemExit("no link message found before the link's name")
    with open(path("user_defined_link.h5"), "wb") as f:
        f.write(data)


def keras_with_external_storage():
    source = os.path.join(FIXTURES, "softmax2_keras3.keras")
    with zipfile.ZipFile(source) as z:
        entries = {info.filename: z.read(info) for info in z.infolist()}
    weights = path("weights.tmp.h5")
    with open(weights, "wb") as f:
        f.write(entries["model.weights.h5"])
    with h5py.File(weights, "a") as f:
        external_storage(PLACEHOLDER)(f, KERAS_KERNEL)
    with open(weights, "rb") as f:
        entries["model.weights.h5"] = f.read()
    os.remove(weights)
    with zipfile.ZipFile(path("external_storage.keras"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)


def main():
    with h5py.File(path("outside.h5"), "w") as f:
        f["kernel"] = (1234.5 + np.arange(SHAPE[0] * SHAPE[1], dtype="<f4")).reshape(SHAPE)
    variant("external_storage_absolute.h5", external_storage(PLACEHOLDER))
    variant("external_storage_relative.h5", external_storage(RELATIVE))
    variant("external_link_absolute.h5", external_link(PLACEHOLDER))
    variant("external_link_relative.h5", external_link(RELATIVE))
    variant("external_link_unreferenced.h5", unreferenced_link)
    variant("virtual_dataset_absolute.h5", virtual_dataset(PLACEHOLDER))
    variant("virtual_dataset_relative.h5", virtual_dataset(RELATIVE))
    variant("filter_plugin.h5", filtered(60000))
    variant("filter_lzf.h5", filtered(32000))
    variant("builtin_filters.h5", builtin_filters)
    variant("deep_groups.h5", deep_groups)
    user_defined_link()
    keras_with_external_storage()


if __name__ == "__main__":
    main()
