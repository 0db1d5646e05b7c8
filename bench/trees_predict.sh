#!/usr/bin/env bash
# Tree-model prediction benchmark: our XGBoost and LightGBM readers (load + predict through
# ModelFileReader and the TreeEnsemble evaluator, timed inside bench/trees-predict) against
# xgboost's Booster.inplace_predict and lightgbm's Booster.predict (2 threads each), on the
# same 500,000 HIGGS-shaped test rows and the same 1,000-tree model files, in the same run.
# Prints a Markdown table with wall and CPU seconds (all threads; the machine is shared, so
# CPU seconds are the steadier figure), the ratios and the largest difference between the
# predictions. Our side runs with the processor's best tree kernel, then again held to AVX2
# and to the baseline instruction set (LEADERBOARD_TREE_KERNEL), for older processors.
#
# Needs the peers' venv (xgboost, lightgbm). Env: PY, BENCH_DATA, PEERS, REPEATS (default 3).
source "$(dirname "$0")/common.sh"
need_data higgs-100k.csv 100000 2 train
need_data higgs-test-500k.csv 500000 3 test
swift build -c release --product trees-predict >&2
TP=$(pwd)/.build/release/trees-predict
DIR=$D/trees-predict
REPEATS=${REPEATS:-3}

$PY bench/trees_predict_peers.py --train "$D/higgs-100k.csv" --test "$D/higgs-test-500k.csv" --dir "$DIR" \
  --repeats "$REPEATS" > "$OUT"
# ours MODEL DATA KERNEL: times our prediction of the test rows (DATA: plain, or nan for the
# rows with 5% NaN) with the tree kernel held to KERNEL (best, avx2, baseline).
ours() {
  local model=$1 data=$2 kernel=$3 rows=test.f32 line
  [ "$data" = nan ] && rows=test-nan.f32
  line=$(LEADERBOARD_TREE_KERNEL=$kernel "$TP" "$DIR/$model" "$DIR/$rows" 28 "$REPEATS" "$DIR/$model.$data.$kernel.f64")
  printf '{"model": "%s", "data": "%s", "kernel": "%s", "ours": %s}\n' "$model" "$data" "$kernel" "$line" >> "$OUT"
}
for model in xgb-1000.json xgb-1000.ubj lgbm-1000.txt; do ours "$model" plain best; done
# Rows with missing values: each split sends them where the model file says.
for model in xgb-1000.ubj lgbm-1000.txt; do ours "$model" nan best; done
# What a processor without AVX-512 (or without AVX2) would take: the same binary, its tree
# kernel held to a lower instruction set.
for kernel in avx2 baseline; do
  for model in xgb-1000.ubj lgbm-1000.txt; do ours "$model" plain "$kernel"; done
done

$PY - "$OUT" "$DIR" <<'PYEOF'
import json, os, sys
import numpy as np
out, folder = sys.argv[1], sys.argv[2]
recs = [json.loads(l) for l in open(out)]
peers = {r["model"]: r for r in recs if "framework" in r}
print("| model file | rows | kernel | ours: load (s) | ours: predict, wall (CPU) s | peer | peer: predict, wall (CPU) s "
      "| peer / ours, wall (CPU) | max abs difference |")
print("|---|---|---|---:|---:|---|---:|---:|---:|")
for r in (r for r in recs if "ours" in r):
    nan = r["data"] == "nan"
    stem = r["model"].rsplit(".", 1)[0] + ("-nan" if nan else "")
    peer, ours = peers[stem], r["ours"]
    a = np.fromfile(os.path.join(folder, f"{r['model']}.{r['data']}.{r['kernel']}.f64"))
    b = np.fromfile(os.path.join(folder, stem + ".peer.f64"))
    diff = float(np.max(np.abs(a - b))) if len(a) == len(b) else float("nan")
    print(f"| {r['model']} | {'5% NaN' if nan else 'no NaN'} | {r['kernel']} | {ours['load_s']:.3f} | {ours['predict_s']:.2f} ({ours['predict_cpu_s']:.2f}) "
          f"| {peer['framework']} {peer['version']} {peer['call']} | {peer['predict_s']:.2f} ({peer['predict_cpu_s']:.2f}) "
          f"| {peer['predict_s'] / ours['predict_s']:.2f} ({peer['predict_cpu_s'] / ours['predict_cpu_s']:.2f}) | {diff:.2e} |")
print(f"\n{recs[-1]['ours']['rows']} rows; best of the repeats; results in {out}")
PYEOF
