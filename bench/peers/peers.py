#!/usr/bin/env python3
"""peers.py - performance anchors: how fast the Python tools a user would
otherwise pick do the jobs of `leaderboard`.

Subcommands (each prints ONE JSON line to stdout; --out FILE also appends it):
  ingest   CSV -> float32 table: pandas (C and pyarrow engines), polars,
           pyarrow.csv, numpy.loadtxt on higgs-1m.csv, higgs-100k.csv and
           higgs-1m.csv.gz; raw gzip inflate (python zlib, gzip -dc).
  bdt      fit time + held-out AUC: sklearn AdaBoost(depth-1 stumps, 200),
           LightGBM stumps (200 rounds) and default (100 rounds), XGBoost hist
           stumps (200 rounds) at n = 10k, 100k, 1M training rows.
  nn       Keras (tensorflow-cpu) 28-14-7-1 relu/sigmoid, adam, BCE:
           s/epoch at b256 on 100k and 1M rows, b5 on 10k rows; test AUC after
           10 epochs at 1M/b256.
  score    one saved Keras .h5 (28-14-7-1) vs 500,000 in-memory test rows:
           load_model + predict + roc_auc_score + roc_curve + accuracy,
           end to end and per part (+ python/TF import time, numpy forward).
  limits   machine limits: 1 GB numpy copy GB/s, 2048^2 float32 matmul
           GFLOP/s at 1 and 2 BLAS threads, in-memory zlib inflate MB/s.
  cmd      time ANY external command with the same method (for leaderboard
           itself): peers.py cmd --job ingest --peer leaderboard --size 1M --rows 1000000
           --bytes 525968388 -- .build/release/leaderboard data cache ~/benchdata/higgs-1m.csv --rebuild
           (if the command's last stdout line is JSON with "auc", it is kept).
  report   render result JSONL lines as Markdown tables:  peers.py report R.jsonl

Method: each timing is the median of 3 runs, or 1 run if the first run takes
>= 60 s.  Before every run the harness records the 1-min load average and
probes (1 s, from /proc/stat) how many cores OTHER processes are using; while
that is > 0.5 core it waits (10 s steps, up to --max-wait s, default 180,
and at most --wait-budget s in all, default 600; then it goes ahead anyway).
The load average alone is not used as the gate because it also counts this
harness's own just-finished 2-thread runs.  "others_during" = cores used by
other processes during the timed runs (contention check).  Page cache is
warm (files are read once before ingest timings).

Data (make_data.py; dir = --data-dir or $BENCH_DATA, default ~/benchdata):
  higgs-1m.csv(.gz)     1,000,000 rows, train pool    (ingest; training rows)
  higgs-100k.csv          100,000 rows, train pool    (ingest small file)
  higgs-test-500k.csv     500,000 rows, test pool     (held-out: AUCs use its
                          first 100,000 rows; score uses all 500,000)
Run with ours in the same run:  bench/ingest.sh, bench/score.sh, bench/train.sh.
"""
import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np

ARGS = None
WAITED = 0.0  # seconds this process has spent waiting for other load
CLK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- machinery
def cpu_snapshot():
    """(busy jiffies all CPUs, jiffies of this process + reaped children)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    busy = sum(v) - v[3] - v[4]  # minus idle, iowait
    with open("/proc/self/stat") as f:
        s = f.read().rsplit(")", 1)[1].split()
    mine = int(s[11]) + int(s[12])  # utime stime (all threads)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine += int(round((ch.ru_utime + ch.ru_stime) * CLK))
    return busy, mine, time.perf_counter()


def others_cores(a, b):
    busy = (b[0] - a[0]) - (b[1] - a[1])
    return max(0.0, busy / CLK / max(b[2] - a[2], 1e-9))


def probe(sec=1.0):
    a = cpu_snapshot()
    time.sleep(sec)
    return others_cores(a, cpu_snapshot())


def gate():
    """Wait while other processes use > 0.5 core; return what was seen."""
    global WAITED
    load = os.getloadavg()[0]
    oth = probe()
    seen = {"load1": round(load, 2), "others": round(oth, 2), "waited_s": 0}
    t0 = time.time()
    limit = min(ARGS.max_wait, max(0.0, ARGS.wait_budget - WAITED))
    while oth > 0.5 and time.time() - t0 < limit:
        time.sleep(10)
        oth = probe()
    WAITED += time.time() - t0
    if time.time() - t0 > 1:
        seen["waited_s"] = round(time.time() - t0)
        seen["load1_after"] = round(os.getloadavg()[0], 2)
        seen["others_after"] = round(oth, 2)
    return seen


def measure(fn, setup=None, repeats=None):
    """Median of `repeats` runs (1 run if the first is >= --long s)."""
    repeats = repeats or ARGS.repeats
    times, gates, during, result = [], [], [], None
    for i in range(repeats):
        gates.append(gate())
        if setup:
            setup()
        a = cpu_snapshot()
        result = fn()
        b = cpu_snapshot()
        times.append(b[2] - a[2])
        during.append(others_cores(a, b))
        if times[0] >= ARGS.long:
            break
    m = {
        "time_s": round(statistics.median(times), 4),
        "runs": len(times),
        "times": [round(t, 4) for t in times],
        "load1": max(g["load1"] for g in gates),
        "others_before": max(g["others"] for g in gates),
        "others_during": round(max(during), 2),
        "waited_s": sum(g["waited_s"] for g in gates),
    }
    return m, result


def emit(job, rows, extra=None):
    rec = {"job": job, "when": time.strftime("%Y-%m-%d %H:%M:%S"), "host": host_info(),
           "versions": versions(), "results": rows}
    if extra:
        rec.update(extra)
    line = json.dumps(rec)
    print(line, flush=True)
    if ARGS.out:
        with open(ARGS.out, "a") as f:
            f.write(line + "\n")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def host_info():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpus": os.cpu_count(), "cpu": model, "mem_gib": round(mem, 1),
            "python": platform.python_version()}


_VERS = None


def versions():
    global _VERS
    if _VERS is None:
        from importlib import metadata
        _VERS = {}
        for p in ["numpy", "pandas", "polars", "pyarrow", "scikit-learn", "lightgbm",
                  "xgboost", "tensorflow-cpu", "keras", "scipy"]:
            try:
                _VERS[p] = metadata.version(p)
            except metadata.PackageNotFoundError:
                pass
    return _VERS


def path(name):
    return os.path.join(ARGS.data_dir, name)


def need(p):
    if not os.path.exists(p):
        sys.exit(f"missing {p}: generate it with make_data.py (see its header)")
    return p


def load_xy(p, nrows=None):
    """Untimed helper: CSV -> (X float32 [n,28], y int8 [n])."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    ro = pacsv.ReadOptions(autogenerate_column_names=True)
    co = pacsv.ConvertOptions(column_types={f"f{i}": pa.float32() for i in range(29)})
    t = pacsv.read_csv(need(p), read_options=ro, convert_options=co)
    if nrows:
        t = t.slice(0, nrows)
    a = np.column_stack([c.to_numpy() for c in t.columns]).astype(np.float32)
    return np.ascontiguousarray(a[:, 1:]), a[:, 0].astype(np.int8)


def size_label(n):
    return f"{n // 1000000}M" if n >= 1000000 and n % 1000000 == 0 else f"{n // 1000}k"


# ---------------------------------------------------------------- ingest
def job_ingest():
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import zlib

    f1m, fgz, f100k = need(path("higgs-1m.csv")), need(path("higgs-1m.csv.gz")), need(path("higgs-100k.csv"))
    texts = [f100k] if ARGS.quick else [f1m, f100k]
    gzs = [] if ARGS.quick else [fgz]
    for p in texts + gzs:  # warm the page cache
        with open(p, "rb") as f:
            while f.read(1 << 24):
                pass
    rows_of = {}

    def nrows_text(p):
        if p not in rows_of:
            op = __import__("gzip").open if p.endswith(".gz") else open
            with op(p, "rb") as f:
                n = b = 0
                for chunk in iter(lambda: f.read(1 << 24), b""):
                    n += chunk.count(b"\n")
                    b += len(chunk)
            rows_of[p] = (n, b)
        return rows_of[p]

    f32 = {i: np.float32 for i in range(29)}
    ro = pacsv.ReadOptions(autogenerate_column_names=True)
    co = pacsv.ConvertOptions(column_types={f"f{i}": pa.float32() for i in range(29)})
    peers = [
        ("pandas.read_csv(engine=c)", "pandas", 1,
         lambda p: pd.read_csv(p, header=None, engine="c", dtype=f32).shape[0]),
        ("pandas.read_csv(engine=pyarrow)", "pandas", 2,
         lambda p: pd.read_csv(p, header=None, engine="pyarrow", dtype=f32).shape[0]),
        ("polars.read_csv", "polars", 2,
         lambda p: pl.read_csv(p, has_header=False, schema_overrides=[pl.Float32] * 29).height),
        ("pyarrow.csv.read_csv", "pyarrow", 2,
         lambda p: pacsv.read_csv(p, read_options=ro, convert_options=co).num_rows),
        ("numpy.loadtxt", "numpy", 1,
         lambda p: np.loadtxt(p, delimiter=",", dtype=np.float32).shape[0]),
    ]
    rows = []
    for p in texts + gzs:
        n, ubytes = nrows_text(p)
        fbytes = os.path.getsize(p)
        for name, pkg, thr, fn in peers:
            if name == "numpy.loadtxt" and p == fgz:
                continue
            log(f"ingest {name} {os.path.basename(p)}")
            m, got = measure(lambda: fn(p))
            assert got == n, (name, got, n)
            rows.append(dict(peer=name, version=versions().get(pkg), threads=thr,
                             input=os.path.basename(p), rows=n, file_mb=round(fbytes / 1e6, 1),
                             rows_per_s=round(n / m["time_s"]), file_mb_per_s=round(fbytes / 1e6 / m["time_s"], 1),
                             text_mb_per_s=round(ubytes / 1e6 / m["time_s"], 1), **m))
    # raw inflate of the .gz
    if not gzs:
        return emit("ingest", rows)
    n, ubytes = nrows_text(fgz)
    cbytes = os.path.getsize(fgz)

    def py_zlib():
        d = zlib.decompressobj(wbits=31)
        out = 0
        with open(fgz, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                out += len(d.decompress(chunk))
        return out + len(d.flush())

    def gzip_cli():
        subprocess.run(["gzip", "-dc", fgz], stdout=subprocess.DEVNULL, check=True)
        return ubytes

    for name, ver, fn in [("python zlib.decompressobj (stream)", "zlib " + zlib.ZLIB_RUNTIME_VERSION, py_zlib),
                          ("gzip -dc > /dev/null", gzip_version(), gzip_cli)]:
        log(f"ingest {name}")
        m, out = measure(fn)
        assert out == ubytes
        rows.append(dict(peer=name, version=ver, threads=1, input=os.path.basename(fgz), rows=n,
                         file_mb=round(cbytes / 1e6, 1), rows_per_s=round(n / m["time_s"]),
                         file_mb_per_s=round(cbytes / 1e6 / m["time_s"], 1),
                         text_mb_per_s=round(ubytes / 1e6 / m["time_s"], 1), **m))
    emit("ingest", rows, {"note": "file_mb_per_s = on-disk bytes/s (compressed for .gz); "
                                   "text_mb_per_s = uncompressed CSV bytes/s; warm page cache"})


def gzip_version():
    try:
        return subprocess.run(["gzip", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    except OSError:
        return "?"


# ---------------------------------------------------------------- bdt
def job_bdt():
    from sklearn.ensemble import AdaBoostClassifier
    from sklearn.tree import DecisionTreeClassifier
    from sklearn.metrics import roc_auc_score
    import lightgbm as lgb
    import xgboost as xgb

    sizes = [int(s) for s in ARGS.sizes.split(",")]
    peers = ARGS.peers.split(",")
    thr = ARGS.threads
    Xtr, ytr = load_xy(path("higgs-1m.csv"), max(sizes))
    Xte, yte = load_xy(path("higgs-test-500k.csv"), ARGS.test_rows)
    log(f"bdt: train {Xtr.shape}, test {Xte.shape}, threads {thr}")
    makers = {
        "sklearn": ("sklearn AdaBoost(stump) 200", "scikit-learn", 1,
                    lambda: AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=200,
                                               random_state=0)),
        "lgbm-stumps": ("LightGBM stumps 200 (num_leaves=2,max_depth=1)", "lightgbm", thr,
                        lambda: lgb.LGBMClassifier(n_estimators=200, num_leaves=2, max_depth=1,
                                                   n_jobs=thr, verbose=-1, random_state=0)),
        "lgbm-default": ("LightGBM default 100 (31 leaves)", "lightgbm", thr,
                         lambda: lgb.LGBMClassifier(n_jobs=thr, verbose=-1, random_state=0)),
        "xgb-stumps": ("XGBoost hist stumps 200 (max_depth=1)", "xgboost", thr,
                       lambda: xgb.XGBClassifier(tree_method="hist", max_depth=1, n_estimators=200,
                                                 n_jobs=thr, random_state=0)),
    }
    rows = []
    sk_time = {}
    for key in peers:
        name, pkg, t_used, make = makers[key]
        for n in sizes:
            X, y = Xtr[:n], ytr[:n]
            if key == "sklearn" and n >= 1000000:
                prev = [s for s in sk_time if s < n]
                if prev and sk_time[max(prev)] >= ARGS.sk_limit:
                    p = max(prev)
                    est = sk_time[p] * (n / p) * (np.log(n) / np.log(p))
                    rows.append(dict(peer=name, version=versions()[pkg], threads=1, n_train=n,
                                     size=size_label(n), time_s=round(est, 1), runs=0,
                                     extrapolated=f"from n={p} ({sk_time[p]:.1f} s) x n log n; not run",
                                     auc=None))
                    continue
            log(f"bdt {key} n={n}")
            holder = {}

            def fit():
                holder["m"] = make().fit(X, y)

            m, _ = measure(fit)
            if key == "sklearn":
                sk_time[n] = m["time_s"]
            t0 = time.perf_counter()
            auc = roc_auc_score(yte, holder["m"].predict_proba(Xte)[:, 1])
            pred_s = time.perf_counter() - t0
            rows.append(dict(peer=name, version=versions()[pkg], threads=t_used, n_train=n,
                             size=size_label(n), rows_per_s=round(n / m["time_s"]),
                             auc=round(float(auc), 4), predict_auc_s=round(pred_s, 3), **m))
    emit("bdt", rows, {"test_rows": len(yte), "note": "fit time only (data already float32 numpy); "
                                                       "AUC on held-out test-pool rows"})


# ---------------------------------------------------------------- nn
def keras_model():
    import keras
    m = keras.Sequential([keras.Input((28,)),
                          keras.layers.Dense(14, activation="relu"),
                          keras.layers.Dense(7, activation="relu"),
                          keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss="binary_crossentropy")
    return m


def job_nn():
    import keras
    import tensorflow as tf
    from sklearn.metrics import roc_auc_score

    q = ARGS.quick
    Xtr, ytr = load_xy(path("higgs-1m.csv"), 100000 if q else 1000000)
    Xte, yte = load_xy(path("higgs-test-500k.csv"), ARGS.test_rows)
    ytr = ytr.astype(np.float32)
    configs = [  # (n, batch, epochs, auc?)
        (100000, 256, 4, False),
        (10000, 5, 4, False),
        (1000000, 256, 10, True),
    ]
    if q:
        configs = [(10000, 256, 2, True), (2000, 5, 2, False)]

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self.t0 = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.t0)

    rows = []
    for n, bs, ep, want_auc in configs:
        log(f"nn n={n} batch={bs} epochs={ep}")
        keras.utils.set_random_seed(0)
        model = keras_model()
        cb = EpochTimer()
        g = gate()
        a = cpu_snapshot()
        model.fit(Xtr[:n], ytr[:n], batch_size=bs, epochs=ep, verbose=0, callbacks=[cb])
        b = cpu_snapshot()
        steady = cb.times[1:] if len(cb.times) > 1 else cb.times
        med = statistics.median(steady)
        row = dict(peer="Keras Sequential 28-14-7-1 adam", version=f"tf {tf.__version__} / keras {keras.__version__}",
                   threads=tf.config.threading.get_intra_op_parallelism_threads() or os.cpu_count(),
                   n_train=n, size=size_label(n), batch=bs, epochs=ep,
                   s_per_epoch=round(med, 3), first_epoch_s=round(cb.times[0], 3),
                   epoch_times=[round(t, 3) for t in cb.times],
                   steps_per_s=round(-(-n // bs) / med), samples_per_s=round(n / med),
                   load1=g["load1"], others_before=g["others"], waited_s=g["waited_s"],
                   others_during=round(others_cores(a, b), 2))
        if want_auc:
            p = model.predict(Xte, batch_size=4096, verbose=0)[:, 0]
            row["auc"] = round(float(roc_auc_score(yte, p)), 4)
            row["auc_after_epochs"] = ep
        rows.append(row)
    emit("nn", rows, {"test_rows": len(yte),
                      "note": "s_per_epoch = median of epochs 2..E (first epoch includes tf.function tracing)"})


# ---------------------------------------------------------------- score
def job_score():
    import keras
    import tensorflow as tf
    from sklearn.metrics import roc_auc_score, roc_curve, accuracy_score

    ntest = 50000 if ARGS.quick else 500000
    h5 = os.path.join(ARGS.data_dir, "model-28-14-7-1-e5.h5")
    if not os.path.exists(h5) or ARGS.quick:
        log("score: training + saving a 28-14-7-1 model (5 epochs, 100k rows, b256)")
        Xtr, ytr = load_xy(path("higgs-100k.csv"))
        keras.utils.set_random_seed(0)
        m = keras_model()
        m.fit(Xtr, ytr.astype(np.float32), batch_size=256, epochs=5, verbose=0)
        m.save(h5)
    X, y = load_xy(path("higgs-test-500k.csv"), ntest)
    log(f"score: test rows {X.shape}")
    state = {}
    parts = [
        ("load_model(.h5)", lambda: state.__setitem__("m", keras.models.load_model(h5, compile=False))),
        ("predict (default batch_size=32)", lambda: state.__setitem__("p", state["m"].predict(X, verbose=0)[:, 0])),
        ("predict (batch_size=65536)", lambda: state["m"].predict(X, batch_size=65536, verbose=0)),
        ("roc_auc_score", lambda: state.__setitem__("auc", roc_auc_score(y, state["p"]))),
        ("roc_curve", lambda: roc_curve(y, state["p"])),
        ("accuracy_score(p > 0.5)", lambda: state.__setitem__("acc", accuracy_score(y, state["p"] > 0.5))),
    ]

    def end_to_end():
        mdl = keras.models.load_model(h5, compile=False)
        p = mdl.predict(X, verbose=0)[:, 0]
        auc = roc_auc_score(y, p)
        roc_curve(y, p)
        acc = accuracy_score(y, p > 0.5)
        return auc, acc

    rows = []
    # end to end first, so its first run is the first use of this model in the process
    log("score: end to end")
    first = time.perf_counter()
    m, (auc, acc) = measure(end_to_end)
    rows.append(dict(part="end to end: load+predict+auc+roc_curve+accuracy", first_run_in_process_s=m["times"][0],
                     rows=len(y), rows_per_s=round(len(y) / m["time_s"]), auc=round(float(auc), 4),
                     accuracy=round(float(acc), 4), **m))
    for name, fn in parts:
        log(f"score: {name}")
        mm, _ = measure(fn)
        rows.append(dict(part=name, rows=len(y), rows_per_s=round(len(y) / mm["time_s"]), **mm))
    # lower-bound anchor: the same forward pass in plain numpy (float32, BLAS)
    W = [w for w in state["m"].get_weights()]

    def np_forward():
        h = np.maximum(X @ W[0] + W[1], 0)
        h = np.maximum(h @ W[2] + W[3], 0)
        z = (h @ W[4] + W[5])[:, 0]
        return 1 / (1 + np.exp(-z))

    mm, pn = measure(np_forward)
    assert np.allclose(pn, state["p"], atol=1e-4)
    rows.append(dict(part="numpy forward pass (same weights)", rows=len(y),
                     rows_per_s=round(len(y) / mm["time_s"]), **mm))
    # process start-up cost a CLI user pays before any of the above
    for name, code in [("python start (no imports)", "pass"),
                       ("import tensorflow+keras+sklearn.metrics",
                        "import tensorflow, keras, sklearn.metrics")]:
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
        mm, _ = measure(lambda: subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        rows.append(dict(part=name, **mm))
    emit("score", rows, {"model": os.path.basename(h5), "version": f"tf {tf.__version__} / keras {keras.__version__}",
                         "note": "test rows already in memory as float32 numpy"})


# ---------------------------------------------------------------- limits
def job_limits():
    import zlib
    from threadpoolctl import threadpool_limits, threadpool_info

    q = ARGS.quick
    rows = []
    nbytes = 100_000_000 if q else 1_000_000_000
    src = np.ones(nbytes // 4, dtype=np.float32)
    dst = np.empty_like(src)
    dst.fill(2.0)  # touch every page: no page faults inside the copy timing
    np.copyto(dst, src)
    log("limits: memcopy")
    m, _ = measure(lambda: np.copyto(dst, src))
    rows.append(dict(what="numpy copyto, 1 GB float32 (preallocated dst)", threads=1,
                     value=round(nbytes / 1e9 / m["time_s"], 2), unit="GB/s copied", **m))
    m, _ = measure(lambda: src.copy())
    rows.append(dict(what="numpy .copy(), 1 GB float32 (fresh alloc, page faults; 1st run = first touch)", threads=1,
                     value=round(nbytes / 1e9 / m["time_s"], 2), unit="GB/s copied", **m))
    m, _ = measure(lambda: src.sum())
    rows.append(dict(what="numpy sum, 1 GB float32 (read)", threads=1,
                     value=round(nbytes / 1e9 / m["time_s"], 2), unit="GB/s read", **m))
    del src, dst
    n = 2048
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    a @ b
    blas = [d for d in threadpool_info() if d.get("user_api") == "blas"]
    kernel = f"{blas[0].get('internal_api')} {blas[0].get('version')} {blas[0].get('architecture')}" if blas else "?"
    for thr in (1, 2):
        log(f"limits: matmul {thr} thread(s)")
        with threadpool_limits(limits=thr, user_api="blas"):
            reps = 5
            m, _ = measure(lambda: [a @ b for _ in range(reps)])
        rows.append(dict(what=f"numpy float32 matmul {n}x{n} ({kernel})", threads=thr,
                         value=round(2 * n**3 * reps / m["time_s"] / 1e9, 1), unit="GFLOP/s", **m))
    # in-memory inflate: 200 MB of HIGGS-format text compressed at level 6
    with open(need(path("higgs-1m.csv")), "rb") as f:
        text = f.read(20_000_000 if q else 200_000_000)
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    gz = c.compress(text) + c.flush()
    log("limits: zlib inflate")
    m, out = measure(lambda: zlib.decompress(gz, wbits=31))
    assert out == text
    rows.append(dict(what=f"zlib.decompress in memory ({len(gz) / 1e6:.0f} MB gz -> {len(text) / 1e6:.0f} MB, "
                          f"zlib {zlib.ZLIB_RUNTIME_VERSION})", threads=1,
                     value=round(len(text) / 1e6 / m["time_s"], 1), unit="MB/s out",
                     in_mb_per_s=round(len(gz) / 1e6 / m["time_s"], 1), **m))
    emit("limits", rows)


# ---------------------------------------------------------------- cmd
def job_cmd():
    cmd = ARGS.command
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if not cmd:
        sys.exit("cmd: give the command after --")
    holder = {}

    def run():
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"cmd failed ({r.returncode}): {r.stderr[-2000:]}")
        holder["out"] = r.stdout

    m, _ = measure(run)
    row = dict(peer=ARGS.peer, size=ARGS.size, command=" ".join(cmd), **m)
    if ARGS.rows:
        row["rows"] = ARGS.rows
        row["rows_per_s"] = round(ARGS.rows / m["time_s"])
    if ARGS.bytes:
        row["file_mb_per_s"] = round(ARGS.bytes / 1e6 / m["time_s"], 1)
    last = holder["out"].strip().splitlines()[-1:] if holder.get("out") else []
    if last:
        try:
            j = json.loads(last[0])
            for k in ("auc", "accuracy", "version"):
                if k in j:
                    row[k] = j[k]
        except (ValueError, TypeError):
            pass
    emit(ARGS.cmd_job or "cmd", [row])


# ---------------------------------------------------------------- report
COLS = {
    "ingest": ["peer", "version", "threads", "input", "size", "rows", "time_s", "rows_per_s", "file_mb_per_s",
               "text_mb_per_s", "runs", "load1", "others_during"],
    "bdt": ["peer", "version", "threads", "size", "time_s", "rows_per_s", "auc", "runs", "load1",
            "others_during", "extrapolated"],
    "nn": ["size", "batch", "epochs", "s_per_epoch", "first_epoch_s", "steps_per_s", "samples_per_s", "auc",
           "load1", "others_during"],
    "score": ["part", "time_s", "rows_per_s", "first_run_in_process_s", "auc", "accuracy", "runs", "load1",
              "others_during"],
    "limits": ["what", "threads", "value", "unit", "time_s", "times", "load1", "others_during"],
}


def job_report():
    recs = []
    for fn in ARGS.files:
        with open(fn) as f:
            recs += [json.loads(line) for line in f if line.strip().startswith("{")]
    for r in recs:
        cols = COLS.get(r["job"])
        rows = r["results"]
        if not cols:
            cols = list(dict.fromkeys(k for row in rows for k in row if k not in ("times",)))
        cols = [c for c in cols if any(c in row and row[c] is not None for row in rows)]
        if r["job"] != "limits":
            cols = [c for c in cols if c != "times"]
        print(f"\n### {r['job']}  ({r['when']})\n")
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for row in rows:
            print("| " + " | ".join(fmt(row.get(c)) for c in cols) + " |")
        extra = {k: v for k, v in r.items() if k not in ("job", "when", "host", "versions", "results")}
        if extra:
            print("\n" + "; ".join(f"{k}: {v}" for k, v in extra.items()))


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, list):
        return ", ".join(fmt(x) for x in v)
    return str(v).replace("|", "/")


# ---------------------------------------------------------------- main
def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("BENCH_DATA", os.path.expanduser("~/benchdata")))
    ap.add_argument("--out", help="also append the JSON line to this file")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--long", type=float, default=60.0, help="a first run this long is not repeated")
    ap.add_argument("--max-wait", type=float, default=180.0, help="max s to wait for other load to drop, per run")
    ap.add_argument("--wait-budget", type=float, default=600.0,
                    help="max s of such waiting in this whole process; after that runs go ahead (and say so)")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, to smoke-test the harness")
    sub = ap.add_subparsers(dest="job", required=True)
    sub.add_parser("ingest")
    b = sub.add_parser("bdt")
    b.add_argument("--sizes", default="10000,100000,1000000")
    b.add_argument("--peers", default="sklearn,lgbm-stumps,lgbm-default,xgb-stumps")
    b.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="LightGBM/XGBoost threads")
    b.add_argument("--sk-limit", type=float, default=120.0,
                   help="run sklearn at 1M only if the previous size took less (else extrapolate)")
    b.add_argument("--test-rows", type=int, default=100000)
    n = sub.add_parser("nn")
    n.add_argument("--test-rows", type=int, default=100000)
    sub.add_parser("score")
    sub.add_parser("limits")
    c = sub.add_parser("cmd")
    c.add_argument("--job", dest="cmd_job")
    c.add_argument("--peer", required=True)
    c.add_argument("--size", default="")
    c.add_argument("--rows", type=int)
    c.add_argument("--bytes", type=int)
    c.add_argument("command", nargs=argparse.REMAINDER)
    r = sub.add_parser("report")
    r.add_argument("files", nargs="+")
    ARGS = ap.parse_args()
    if ARGS.quick and ARGS.job == "bdt" and ARGS.sizes == "10000,100000,1000000":
        ARGS.sizes = "2000,10000"
    {"ingest": job_ingest, "bdt": job_bdt, "nn": job_nn, "score": job_score, "limits": job_limits,
     "cmd": job_cmd, "report": job_report}[ARGS.job]()


if __name__ == "__main__":
    main()
