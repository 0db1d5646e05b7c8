# bench/common.sh - what every benchmark script shares; sourced, not run.
# Sets PEERS (bench/peers: the peers' timing harness and data maker), PY (the peers' venv python), D (= BENCH_DATA, the generated
# files), WAIT (how long peers.py may wait for other load before each timing; MAX_WAIT and
# WAIT_BUDGET override it) and OUT (bench/out/JOB-STAMP.jsonl, JOB = the script's name),
# and defines:
#   need_data NAME ROWS SEED POOL [--gzip]   make $D/NAME with make_data.py unless it exists
#   build_leaderboard                        build the release binary into LB, with a fresh
#                                            LEADERBOARD_CACHE removed on exit
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PEERS=${PEERS:-$(pwd)/bench/peers}
PY=${PY:-$HOME/peers-bench/bin/python}
export BENCH_DATA=${BENCH_DATA:-$HOME/benchdata}
D=$BENCH_DATA
WAIT="--max-wait ${MAX_WAIT:-180} --wait-budget ${WAIT_BUDGET:-600}"
OUT=bench/out/$(basename "$0" .sh)-$(date +%Y%m%d-%H%M%S).jsonl
mkdir -p bench/out "$D"

need_data() {
  local name=$1 rows=$2 seed=$3 pool=$4 gzip=${5:-}
  [ -f "$D/$name" ] && { [ -z "$gzip" ] || [ -f "$D/$name.gz" ]; } && return 0
  $PY "$PEERS/make_data.py" --rows "$rows" --seed "$seed" --pool "$pool" $gzip --out "$D/$name"
}

build_leaderboard() {
  scripts/setup-system
  swift build -c release --product leaderboard >&2
  LB=$(pwd)/.build/release/leaderboard
  export LEADERBOARD_CACHE=$(mktemp -d)
  trap 'rm -rf "$LEADERBOARD_CACHE"' EXIT
}
