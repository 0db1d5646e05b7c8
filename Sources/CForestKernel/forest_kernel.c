// See include/CForestKernel.h. One portable body, in clang's vector types, compiled once
// per instruction set and chosen at run time, so the binary runs on any processor of its
// architecture.
#include "CForestKernel.h"
#include <string.h>

#define ROWS LB_FOREST_BLOCK_ROWS

typedef float floats16 __attribute__((ext_vector_type(16)));
typedef uint32_t words16 __attribute__((ext_vector_type(16)));

/// The leaf-mask words of `vectors` * 16 rows from `columns`: all ones, with every split's
/// mask ANDed in for the rows that fail its test. The words stay in registers from the
/// first split to the last.
static inline __attribute__((always_inline)) void
mask_words(const float *restrict columns, const LBMaskSplit *restrict split, uint32_t count, int vectors,
           uint32_t *restrict out) {
    words16 bits[4];
    for (int v = 0; v < vectors; v++) bits[v] = 0xffffffffu;
    for (uint32_t s = 0; s < count; s++) {
        const float *x = columns + (size_t)split[s].feature * ROWS;
        const float threshold = split[s].threshold;
        const uint32_t mask = split[s].mask;
        for (int v = 0; v < vectors; v++) {
            floats16 values;
            memcpy(&values, x + 16 * v, sizeof values);
            bits[v] &= (words16)(values < threshold) | mask;
        }
    }
    for (int v = 0; v < vectors; v++) memcpy(out + 16 * v, &bits[v], sizeof bits[v]);
}

/// Adds every tree's leaf value for the block's rows to `sums`, `vectors` * 16 rows at a
/// time (as many as the instruction set keeps in registers).
static inline __attribute__((always_inline)) void
add_trees(const float *restrict columns, const LBMaskTree *restrict trees, size_t treeCount,
          const LBMaskSplit *restrict splits, const double *restrict leaves, double *restrict sums, int vectors) {
    uint32_t low[64] __attribute__((aligned(64)));
    uint32_t high[64] __attribute__((aligned(64)));
    const int rows = 16 * vectors;
    for (size_t t = 0; t < treeCount; t++) {
        const LBMaskTree tree = trees[t];
        const LBMaskSplit *lowSplits = splits + tree.firstSplit;
        const LBMaskSplit *highSplits = lowSplits + tree.lowCount;
        const double *restrict leaf = leaves + tree.firstLeaf;
        for (int start = 0; start < ROWS; start += rows) {
            mask_words(columns + start, lowSplits, tree.lowCount, vectors, low);
            double *restrict sum = sums + start;
            if (tree.highCount == 0) {
                // At most 32 leaves, or none past 31 that a split can rule out: a row that
                // keeps no low bit is at leaf 32.
                for (int r = 0; r < rows; r++) sum[r] += leaf[low[r] ? __builtin_ctz(low[r]) : 32];
            } else {
                mask_words(columns + start, highSplits, tree.highCount, vectors, high);
                for (int r = 0; r < rows; r++) {
                    const uint64_t bits = (uint64_t)low[r] | (uint64_t)high[r] << 32;
                    sum[r] += leaf[__builtin_ctzll(bits)];
                }
            }
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx512cd,bmi,bmi2,lzcnt,popcnt"), min_vector_width(512)))
static void add_avx512(const float *columns, const LBMaskTree *trees, size_t treeCount, const LBMaskSplit *splits,
                       const double *leaves, double *sums) {
    add_trees(columns, trees, treeCount, splits, leaves, sums, 4);
}

__attribute__((target("avx2,fma,bmi,bmi2,lzcnt,popcnt")))
static void add_avx2(const float *columns, const LBMaskTree *trees, size_t treeCount, const LBMaskSplit *splits,
                     const double *leaves, double *sums) {
    add_trees(columns, trees, treeCount, splits, leaves, sums, 2);
}
#endif

static void add_baseline(const float *columns, const LBMaskTree *trees, size_t treeCount, const LBMaskSplit *splits,
                         const double *leaves, double *sums) {
    add_trees(columns, trees, treeCount, splits, leaves, sums, 1);
}

LBForestKernelLevel lb_forest_processor_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("bmi2"))
        return LBForestKernelAVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2"))
        return LBForestKernelAVX2;
#endif
    return LBForestKernelBaseline;
}

void lb_forest_add(LBForestKernelLevel level, const float *columns, const LBMaskTree *trees, size_t treeCount,
                   const LBMaskSplit *splits, const double *leaves, double *sums) {
    switch (level) {
#if defined(__x86_64__)
    case LBForestKernelAVX512: add_avx512(columns, trees, treeCount, splits, leaves, sums); return;
    case LBForestKernelAVX2: add_avx2(columns, trees, treeCount, splits, leaves, sums); return;
#endif
    default: add_baseline(columns, trees, treeCount, splits, leaves, sums); return;
    }
}
