// The inner loop of tree-ensemble prediction in "leaf mask" form (QuickScorer, Lucchese et
// al., SIGIR 2015), vectorised over rows. Models/Trees/LeafMaskForest.swift builds the
// arrays and documents the method; this header is the only thing Swift sees of it.
#ifndef CFOREST_KERNEL_H
#define CFOREST_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/// Rows a kernel call scores: the block's feature columns are this many floats apart.
#define LB_FOREST_BLOCK_ROWS 128

/// One split in mask form: rows whose `feature` value is not `< threshold` go right, which
/// clears `mask`'s zero bits (the leaves of the split's left subtree) in one 32-bit word of
/// the row's leaf mask.
typedef struct {
    uint32_t feature;
    float threshold;
    uint32_t mask;
} LBMaskSplit;

/// One tree: `lowCount` splits on the low word of its leaf mask (leaves 0-31) from
/// `splits[firstSplit]`, then `highCount` on the high word (leaves 32-63), and its leaf
/// values from `leaves[firstLeaf]`, left to right.
typedef struct {
    uint32_t firstSplit;
    uint32_t lowCount;
    uint32_t highCount;
    uint32_t firstLeaf;
} LBMaskTree;

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

/// Adds every tree's leaf value for the `LB_FOREST_BLOCK_ROWS` rows of `columns` (feature
/// `f` of row `r` at `columns[f * LB_FOREST_BLOCK_ROWS + r]`, no NaN) into `sums`
/// (`LB_FOREST_BLOCK_ROWS` values), tree after tree. `level` must not exceed
/// `lb_forest_processor_level()`.
void lb_forest_add(LBForestKernelLevel level, const float *columns, const LBMaskTree *trees, size_t treeCount,
                   const LBMaskSplit *splits, const double *leaves, double *sums);

#endif
