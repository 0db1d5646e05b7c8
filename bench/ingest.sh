#!/usr/bin/env bash
# Ingest benchmark: our CSV / gzip parse, cached reload and peak memory against the peers of
# bench/peers/peers.py ingest (polars, pyarrow, pandas, numpy), on the same generated
# 1,000,000-row HIGGS-format file, in the same run, through the same timing harness.
#
# Needs the peers' venv once (see bench/peers/README.md):
#   python3 -m venv ~/peers-bench && ~/peers-bench/bin/pip install -r bench/peers/requirements-peers.txt
# Env: PY (venv python), BENCH_DATA (default ~/benchdata), PEERS (default bench/peers).
source "$(dirname "$0")/common.sh"
need_data higgs-1m.csv 1000000 1 train --gzip
need_data higgs-100k.csv 100000 2 train
build_leaderboard
csv=$D/higgs-1m.csv gz=$D/higgs-1m.csv.gz
csv_bytes=$(stat -c %s "$csv") gz_bytes=$(stat -c %s "$gz")

$PY "$PEERS/peers.py" --out "$OUT" $WAIT ingest >/dev/null
$PY "$PEERS/peers.py" --out "$OUT" $WAIT cmd --job ingest --peer "leaderboard csv" --size 1M --rows 1000000 \
  --bytes "$csv_bytes" -- "$LB" data cache "$csv" --rebuild >/dev/null
$PY "$PEERS/peers.py" --out "$OUT" $WAIT cmd --job ingest --peer "leaderboard gz" --size 1M --rows 1000000 \
  --bytes "$gz_bytes" -- "$LB" data cache "$gz" --rebuild >/dev/null
$PY "$PEERS/peers.py" --out "$OUT" $WAIT cmd --job ingest --peer "leaderboard cached" --size 1M --rows 1000000 \
  --bytes "$csv_bytes" -- "$LB" data cache "$csv" >/dev/null

# Peak resident memory (KB) of a parse, and of a load that also reads every value (data info).
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rss_parse=$(rss "$LB" data cache "$csv" --rebuild)
rss_parse_gz=$(rss "$LB" data cache "$gz" --rebuild)
rss_info=$(rss "$LB" data info "$csv")

$PY - "$OUT" "$rss_parse" "$rss_parse_gz" "$rss_info" <<'PYEOF'
import json, sys
out, rss_parse, rss_gz, rss_info = sys.argv[1], *map(int, sys.argv[2:])
rows = [r for line in open(out) for r in json.loads(line)["results"]]
def t(peer, inp=None):
    for r in rows:
        if r["peer"] == peer and (inp is None or r.get("input") == inp):
            return r["time_s"]
ours = {k: t(f"leaderboard {k}") for k in ("csv", "gz", "cached")}
print("| what | ours (s) | peer | peer (s) | peer / ours |")
print("|---|---:|---|---:|---:|")
for label, key, inp in (("1M-row CSV (730 MB)", "csv", "higgs-1m.csv"), ("same, .gz", "gz", "higgs-1m.csv.gz")):
    for peer in ("polars.read_csv", "pyarrow.csv.read_csv", "pandas.read_csv(engine=pyarrow)", "pandas.read_csv(engine=c)"):
        p = t(peer, inp)
        if p:
            print(f"| {label} | {ours[key]:.3f} | {peer} | {p:.3f} | {p / ours[key]:.2f}x |")
zl = t("python zlib.decompressobj (stream)")
if zl:
    print(f"| same, .gz | {ours['gz']:.3f} | python zlib inflate alone | {zl:.3f} | {zl / ours['gz']:.2f}x |")
print(f"| cached reload, 1M rows | {ours['cached']:.3f} | (goal < 0.2 s) | | |")
matrix_kb = 1_000_000 * 28 * 4 / 1024
print()
print(f"float32 matrix: {matrix_kb / 1024:.0f} MiB; peak RSS: parse CSV {rss_parse / 1024:.0f} MiB "
      f"({rss_parse / matrix_kb:.2f}x), parse .gz {rss_gz / 1024:.0f} MiB ({rss_gz / matrix_kb:.2f}x), "
      f"load + read every value (data info) {rss_info / 1024:.0f} MiB ({rss_info / matrix_kb:.2f}x)")
PYEOF
echo "raw results: $OUT" >&2
