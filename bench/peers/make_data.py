#!/usr/bin/env python3
"""make_data.py - write HIGGS-shaped synthetic CSV files for benchmarking.

Resamples (with replacement) the 7,500 real HIGGS rows in
Sources/HiggsData/Resources/higgs-sample.csv, adds small Gaussian jitter to the continuous
features, and writes them in exactly the text format of the real UCI
HIGGS.csv: 29 comma-separated values per line (label first, then 28
features), every value as a float32 printed with "%.18e", no header, "\n".

  label                     kept as is (0 or 1)
  b-tag cols 9,13,17,21     kept as is (3 discrete values each)
  phi cols 3,5,8,12,16,20   jitter, wrapped back into [-1.7433, 1.7433]
  pT / E / mass cols        jitter, reflected to stay positive
    1,4,6,10,14,18,22-28
  eta cols 2,7,11,15,19     jitter
  jitter sd = --jitter x (column sd in the sample)   [default 0.03]

Pools (so held-out AUCs are not inflated by near-duplicate rows):
  --pool all    draw from all 7,500 sample rows            (default)
  --pool train  draw from rows i with i % 5 != 0           (6,000 rows)
  --pool test   draw from rows i with i % 5 == 0           (1,500 rows)
  --test-tail K first ROWS-K lines from the train pool, last K lines from the
                test pool (mirrors HIGGS: last 500,000 rows are the test set)

Examples (the files used by peers.py and bench/*.sh):
  python make_data.py --rows 1000000 --seed 1 --pool train --gzip \
      --out ~/benchdata/higgs-1m.csv          # also writes higgs-1m.csv.gz
  python make_data.py --rows 100000 --seed 2 --pool train \
      --out ~/benchdata/higgs-100k.csv
  python make_data.py --rows 500000 --seed 3 --pool test \
      --out ~/benchdata/higgs-test-500k.csv

Output is deterministic for a given (sample, --rows, --seed, --pool,
--test-tail, --jitter).  --gzip also writes OUT.gz (zlib level 6, like
`gzip -6`); --gzip-only writes only OUT.gz.
"""
import argparse
import gzip
import os
import sys
import time
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SAMPLE = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "HiggsData", "Resources", "higgs-sample.csv"))

BTAG = [9, 13, 17, 21]
PHI = [3, 5, 8, 12, 16, 20]
POSITIVE = [1, 4, 6, 10, 14, 18, 22, 23, 24, 25, 26, 27, 28]
ETA = [2, 7, 11, 15, 19]
PHI_MAX = 1.7433  # phi is standardised in HIGGS: pi maps to ~1.743

ROW_FMT = ",".join(["%.18e"] * 29) + "\n"
CHUNK = 20000  # rows per formatting job


def load_sample(path):
    a = np.loadtxt(path, delimiter=",", dtype=np.float64)
    if a.ndim != 2 or a.shape[1] != 29:
        sys.exit(f"{path}: expected 29 columns, got shape {a.shape}")
    return a


def pool_indices(n, pool):
    i = np.arange(n)
    if pool == "all":
        return i
    if pool == "train":
        return i[i % 5 != 0]
    if pool == "test":
        return i[i % 5 == 0]
    raise ValueError(pool)


def synth(sample, idx_pool, n, rng, jitter):
    """n synthetic rows (float32) drawn from sample rows idx_pool."""
    sd = sample.std(axis=0)
    base = sample[rng.choice(idx_pool, size=n, replace=True)]
    cont = PHI + POSITIVE + ETA
    noise = rng.standard_normal((n, len(cont))) * (jitter * sd[cont])
    base[:, cont] += noise
    pos = base[:, POSITIVE]
    base[:, POSITIVE] = np.abs(pos)
    phi = base[:, PHI]
    w = 2 * PHI_MAX
    base[:, PHI] = (phi + PHI_MAX) % w - PHI_MAX
    return base.astype(np.float32)


def fmt_chunk(block):
    # float32 -> float64 is exact, so "%.18e" prints the float32 value the way
    # the real HIGGS.csv does (e.g. 8.692932128906250000e-01).
    b = block.astype(np.float64)
    return ((ROW_FMT * b.shape[0]) % tuple(b.ravel().tolist())).encode("ascii")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sample", default=DEFAULT_SAMPLE)
    ap.add_argument("--pool", choices=["all", "train", "test"], default="all")
    ap.add_argument("--test-tail", type=int, default=0)
    ap.add_argument("--jitter", type=float, default=0.03)
    ap.add_argument("--gzip", action="store_true", help="also write OUT.gz")
    ap.add_argument("--gzip-only", action="store_true", help="write only OUT.gz")
    ap.add_argument("--gzip-level", type=int, default=6)
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    t0 = time.time()
    sample = load_sample(args.sample)
    rng = np.random.default_rng(args.seed)
    if args.test_tail:
        k = min(args.test_tail, args.rows)
        a = synth(sample, pool_indices(len(sample), "train"), args.rows - k, rng, args.jitter)
        b = synth(sample, pool_indices(len(sample), "test"), k, rng, args.jitter)
        data = np.concatenate([a, b])
    else:
        data = synth(sample, pool_indices(len(sample), args.pool), args.rows, rng, args.jitter)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    outs = []
    if not args.gzip_only:
        outs.append(open(args.out, "wb"))
    if args.gzip or args.gzip_only:
        outs.append(gzip.open(args.out + ".gz", "wb", compresslevel=args.gzip_level))
    blocks = (data[i:i + CHUNK] for i in range(0, len(data), CHUNK))
    nbytes = 0
    with Pool(args.procs) as p:
        for text in p.imap(fmt_chunk, blocks):
            nbytes += len(text)
            for f in outs:
                f.write(text)
    for f in outs:
        f.close()
    msg = f"wrote {args.rows} rows, {nbytes / 1e6:.1f} MB text"
    if not args.gzip_only:
        msg += f" -> {args.out}"
    if args.gzip or args.gzip_only:
        msg += f" (+ {args.out}.gz, {os.path.getsize(args.out + '.gz') / 1e6:.1f} MB)"
    print(msg + f" in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
