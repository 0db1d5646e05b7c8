// hdf5-mutate: random byte mutations of Keras .h5 fixtures, each opened in a forked child the
// way ModelFiles' HDF5File opens files (a file image on the core driver), then every object,
// attribute (strings, variable-length too) and dataset read. Children that die of a signal
// keep their input in found/. This is how the libhdf5 1.10.8 crash in
// Tests/ModelFilesTests/Fixtures/fuzz was found (2,000 mutations: 33 child crashes; each was
// then checked with `leaderboard check FILE`, 7 crashed it too).
//
//   gcc -O1 -o hdf5-mutate hdf5-mutate.c $(pkg-config --cflags --libs hdf5)
//   mkdir -p found && ./hdf5-mutate ITERATIONS SEED file.h5...
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/resource.h>

static herr_t visit(hid_t obj, const char *name, const H5O_info_t *info, void *op) {
    if (info->type == H5O_TYPE_DATASET) {
        hid_t d = H5Dopen2(obj, name, H5P_DEFAULT);
        if (d >= 0) {
            hid_t s = H5Dget_space(d);
            hssize_t n = H5Sget_simple_extent_npoints(s);
            if (n > 0 && n < 10000000) {
                float *buf = malloc(n * sizeof(float));
                H5Dread(d, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf);
                free(buf);
            }
            H5Sclose(s); H5Dclose(d);
        }
    }
    // read attributes of every object
    hid_t o = H5Oopen(obj, name, H5P_DEFAULT);
    if (o >= 0) {
        for (hsize_t i = 0; i < info->num_attrs && i < 16; i++) {
            hid_t a = H5Aopen_by_idx(o, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT);
            if (a < 0) continue;
            hid_t t = H5Aget_type(a); hid_t s = H5Aget_space(a);
            hssize_t n = H5Sget_simple_extent_npoints(s);
            if (n > 0 && n < 100000 && H5Tget_class(t) == H5T_STRING) {
                hid_t mt = H5Tcopy(H5T_C_S1);
                if (H5Tis_variable_str(t) > 0) {
                    H5Tset_size(mt, H5T_VARIABLE);
                    char **v = calloc(n, sizeof(char*));
                    if (H5Aread(a, mt, v) >= 0) H5Dvlen_reclaim(mt, s, H5P_DEFAULT, v);
                    free(v);
                } else {
                    size_t sz = H5Tget_size(t);
                    if (sz < 1000000) { H5Tset_size(mt, sz); char *b = malloc(n * sz + 1); H5Aread(a, mt, b); free(b); }
                }
                H5Tclose(mt);
            }
            H5Tclose(t); H5Sclose(s); H5Aclose(a);
        }
        H5Oclose(o);
    }
    return 0;
}

static void openImage(unsigned char *bytes, size_t size) {
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_fapl_core(fapl, 64 * 1024, 0);
    H5Pset_file_image(fapl, bytes, size);
    hid_t f = H5Fopen("image.h5", H5F_ACC_RDONLY, fapl);
    if (f >= 0) {
        H5Ovisit2(f, H5_INDEX_NAME, H5_ITER_INC, visit, NULL, H5O_INFO_BASIC | H5O_INFO_NUM_ATTRS);
        H5Fclose(f);
    }
    H5Pclose(fapl);
}

int main(int argc, char **argv) {
    long iterations = atol(argv[1]);
    unsigned seed = (unsigned)atol(argv[2]);
    srand(seed);
    int nseeds = argc - 3;
    unsigned char *seeds[64]; size_t sizes[64];
    for (int i = 0; i < nseeds; i++) {
        FILE *f = fopen(argv[3 + i], "rb"); fseek(f, 0, SEEK_END); sizes[i] = ftell(f); rewind(f);
        seeds[i] = malloc(sizes[i]); fread(seeds[i], 1, sizes[i], f); fclose(f);
    }
    long crashes = 0, hangs = 0;
    for (long it = 0; it < iterations; it++) {
        int s = rand() % nseeds; size_t n = sizes[s];
        unsigned char *b = malloc(n); memcpy(b, seeds[s], n);
        int k = 1 + rand() % 8;
        for (int j = 0; j < k; j++) {
            size_t at = rand() % n;
            switch (rand() % 5) {
            case 0: b[at] = rand(); break;
            case 1: b[at] ^= 1 << (rand() % 8); break;
            case 2: b[at] = 0xFF; break;
            case 3: b[at] = 0; break;
            case 4: if (at + 4 <= n) { unsigned v[] = {0x7fffffff, 0xffffffff, 0x80000000, 0x10000, 0x1000000}; memcpy(b + at, &v[rand() % 5], 4); } break;
            }
        }
        pid_t pid = fork();
        if (pid == 0) {
            struct rlimit r = {2, 2}; setrlimit(RLIMIT_CPU, &r);
            struct rlimit m = {1ul << 30, 1ul << 30}; setrlimit(RLIMIT_AS, &m);
            openImage(b, n);
            _exit(0);
        }
        int status; waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) {
            int sig = WTERMSIG(status);
            char name[256];
            if (sig == SIGXCPU || sig == SIGKILL) { hangs++; if (hangs > 20) { free(b); continue; } snprintf(name, sizeof name, "found/hang-%u-%ld.h5", seed, it); }
            else { crashes++; snprintf(name, sizeof name, "found/sig%d-%u-%ld.h5", sig, seed, it); }
            FILE *f = fopen(name, "wb"); fwrite(b, 1, n, f); fclose(f);
        }
        free(b);
    }
    printf("iterations %ld crashes %ld hangs %ld\n", iterations, crashes, hangs);
    return 0;
}
