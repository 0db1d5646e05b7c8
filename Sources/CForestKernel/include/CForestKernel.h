// The inner loop of tree-ensemble prediction in "leaf mask" form (QuickScorer, Lucchese et
// al., SIGIR 2015), vectorised over rows. Models/Trees/LeafMaskForest.swift builds the
// arrays and documents the method; this header is the only thing Swift sees of it.
#ifndef CFOREST_KERNEL_H
#define CFOREST_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/// Rows a kernel call scores: the block's feature columns are this many floats apart.
#define LB_FOREST_BLOCK_ROWS 128

/// One split in mask form: rows that fail its test (`x < threshold`, or `x <= threshold`
/// in a forest of `orEqual` splits) go right, which clears `mask`'s zero bits (the leaves of
/// the split's left subtree) in one 32-bit word of the row's leaf mask.
typedef struct {
    uint32_t feature;
    float threshold;
    uint32_t mask;
} LBMaskSplit;

/// One tree: its splits from `splits[firstSplit]`, in four runs: on the low word of its
/// leaf mask (leaves 0-31), those where NaN fails the test, then those where NaN passes it;
/// then the same two runs on the high word (leaves 32-63). Its leaf values start at
/// `leaves[firstLeaf * outputs]`, leaf after leaf from left to right.
typedef struct {
    uint32_t firstSplit;
    uint32_t firstLeaf;
    uint32_t counts[4];
} LBMaskTree;

/// A forest in mask form.
typedef struct {
    const LBMaskTree *trees;
    size_t treeCount;
    const LBMaskSplit *splits;
    const double *leaves;
    /// Values per leaf (outputs of the forest).
    uint32_t outputs;
    /// Whether splits test `x <= threshold` rather than `x < threshold`.
    uint32_t orEqual;
} LBMaskForest;

/// The instruction sets a kernel is compiled for.
typedef enum {
    /// What every processor of the build's architecture has (SSE2 on x86-64, NEON on arm64).
    LBForestKernelBaseline = 0,
    /// x86-64 AVX2 (8 rows a step).
    LBForestKernelAVX2 = 1,
    /// x86-64 AVX-512 F/BW/VL/DQ/CD (16 rows a step).
    LBForestKernelAVX512 = 2,
} LBForestKernelLevel;

/// The fastest level this processor runs.
LBForestKernelLevel lb_forest_processor_level(void);

/// Adds every tree's leaf values for the `LB_FOREST_BLOCK_ROWS` rows of `columns` (feature
/// `f` of row `r` at `columns[f * LB_FOREST_BLOCK_ROWS + r]`) into `sums` (output `k` of
/// row `r` at `sums[k * LB_FOREST_BLOCK_ROWS + r]`), tree after tree. `level` must not
/// exceed `lb_forest_processor_level()`.
void lb_forest_add(LBForestKernelLevel level, const LBMaskForest *forest, const float *columns, double *sums);

#endif
