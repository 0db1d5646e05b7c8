// See include/CForestKernel.h. One portable body, in clang's vector types, compiled once
// per instruction set and chosen at run time, so the binary runs on any processor of its
// architecture.
#include "CForestKernel.h"
#include <string.h>

#define ROWS LB_FOREST_BLOCK_ROWS

typedef float floats16 __attribute__((ext_vector_type(16)));
typedef uint32_t words16 __attribute__((ext_vector_type(16)));

/// ANDs into `bits` (`vectors` * 16 rows) the mask of every split of `split[0 ..< count]`
/// for the rows that fail its test: `x < t` or `x <= t`, which NaN passes only when
/// `nanPasses` (`!(x >= t)` is `x < t` or NaN, in one comparison).
static inline __attribute__((always_inline)) void
apply_splits(const float *restrict columns, const LBMaskSplit *restrict split, uint32_t count, int vectors,
             int orEqual, int nanPasses, words16 *bits) {
    for (uint32_t s = 0; s < count; s++) {
        const float *x = columns + (size_t)split[s].feature * ROWS;
        const float threshold = split[s].threshold;
        const uint32_t mask = split[s].mask;
        for (int v = 0; v < vectors; v++) {
            floats16 values;
            memcpy(&values, x + 16 * v, sizeof values);
            words16 pass;
            if (orEqual) pass = nanPasses ? ~(words16)(values > threshold) : (words16)(values <= threshold);
            else pass = nanPasses ? ~(words16)(values >= threshold) : (words16)(values < threshold);
            bits[v] &= pass | mask;
        }
    }
}

/// The leaf-mask word of `vectors` * 16 rows from `columns` for a run of splits where NaN
/// fails the test followed by a run where it passes. The words stay in registers from the
/// first split to the last.
static inline __attribute__((always_inline)) void
mask_word(const float *restrict columns, const LBMaskSplit *restrict split, uint32_t nanFails, uint32_t nanPasses,
          int vectors, int orEqual, uint32_t *restrict out) {
    words16 bits[4];
    for (int v = 0; v < vectors; v++) bits[v] = 0xffffffffu;
    apply_splits(columns, split, nanFails, vectors, orEqual, 0, bits);
    apply_splits(columns, split + nanFails, nanPasses, vectors, orEqual, 1, bits);
    for (int v = 0; v < vectors; v++) memcpy(out + 16 * v, &bits[v], sizeof bits[v]);
}

/// Adds every tree's leaf values for the block's rows to `sums`, `vectors` * 16 rows at a
/// time (as many as the instruction set keeps in registers).
static inline __attribute__((always_inline)) void
add_trees(const LBMaskForest *forest, const float *restrict columns, double *restrict sums, int vectors,
          int orEqual) {
    uint32_t low[64] __attribute__((aligned(64)));
    uint32_t high[64] __attribute__((aligned(64)));
    uint32_t leafOf[64] __attribute__((aligned(64)));
    const int rows = 16 * vectors;
    const uint32_t outputs = forest->outputs;
    for (size_t t = 0; t < forest->treeCount; t++) {
        const LBMaskTree tree = forest->trees[t];
        const LBMaskSplit *lowSplits = forest->splits + tree.firstSplit;
        const LBMaskSplit *highSplits = lowSplits + tree.counts[0] + tree.counts[1];
        const int twoWords = tree.counts[2] + tree.counts[3] > 0;
        const double *restrict leaf = forest->leaves + (size_t)tree.firstLeaf * outputs;
        for (int start = 0; start < ROWS; start += rows) {
            mask_word(columns + start, lowSplits, tree.counts[0], tree.counts[1], vectors, orEqual, low);
            if (twoWords) {
                mask_word(columns + start, highSplits, tree.counts[2], tree.counts[3], vectors, orEqual, high);
                for (int r = 0; r < rows; r++)
                    leafOf[r] = (uint32_t)__builtin_ctzll((uint64_t)low[r] | (uint64_t)high[r] << 32);
            } else {
                // No split rules out a leaf past 31 (there is at most one): a row that keeps no
                // low bit is at leaf 32.
                for (int r = 0; r < rows; r++) leafOf[r] = low[r] ? (uint32_t)__builtin_ctz(low[r]) : 32;
            }
            if (outputs == 1) {
                double *restrict sum = sums + start;
                for (int r = 0; r < rows; r++) sum[r] += leaf[leafOf[r]];
            } else {
                for (uint32_t k = 0; k < outputs; k++) {
                    double *restrict sum = sums + (size_t)k * ROWS + start;
                    for (int r = 0; r < rows; r++) sum[r] += leaf[leafOf[r] * outputs + k];
                }
            }
        }
    }
}

/// `add_trees` with the split comparison fixed, so each instruction set gets both loops.
static inline __attribute__((always_inline)) void
add_forest(const LBMaskForest *forest, const float *columns, double *sums, int vectors) {
    if (forest->orEqual) add_trees(forest, columns, sums, vectors, 1);
    else add_trees(forest, columns, sums, vectors, 0);
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx512cd,bmi,bmi2,lzcnt,popcnt"), min_vector_width(512)))
static void add_avx512(const LBMaskForest *forest, const float *columns, double *sums) {
    add_forest(forest, columns, sums, 4);
}

__attribute__((target("avx2,fma,bmi,bmi2,lzcnt,popcnt")))
static void add_avx2(const LBMaskForest *forest, const float *columns, double *sums) {
    add_forest(forest, columns, sums, 2);
}
#endif

static void add_baseline(const LBMaskForest *forest, const float *columns, double *sums) {
    add_forest(forest, columns, sums, 1);
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

void lb_forest_add(LBForestKernelLevel level, const LBMaskForest *forest, const float *columns, double *sums) {
    switch (level) {
#if defined(__x86_64__)
    case LBForestKernelAVX512: add_avx512(forest, columns, sums); return;
    case LBForestKernelAVX2: add_avx2(forest, columns, sums); return;
#endif
    default: add_baseline(forest, columns, sums); return;
    }
}
