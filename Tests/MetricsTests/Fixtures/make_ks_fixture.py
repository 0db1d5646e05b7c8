#!/usr/bin/env python3
"""make_ks_fixture.py - reference values for the two-sample Kolmogorov-Smirnov test.

Writes ks_cases.json: pairs of samples (with ties, different sizes, equal and shifted
distributions) and scipy's statistic (scipy.stats.ks_2samp) and asymptotic p-value
Q(D*sqrt(nm/(n+m))) = scipy.stats.kstwobign.sf, which is ROOT's TMath::KolmogorovProb as
TMVA reports it. Made with numpy 2.4.6, scipy 1.17.1:

  ~/peers-bench/bin/python Tests/MetricsTests/Fixtures/make_ks_fixture.py
"""
import json
import math
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(2014)
cases = []
for name, a, b in [
    ("same distribution", rng.normal(0, 1, 400), rng.normal(0, 1, 300)),
    ("shifted", rng.normal(0, 1, 500), rng.normal(0.3, 1, 450)),
    ("ties from rounding", np.round(rng.uniform(0, 1, 600), 2), np.round(rng.uniform(0.05, 1, 200), 2)),
    ("tiny samples", np.array([0.1, 0.4, 0.4, 0.9]), np.array([0.2, 0.4, 0.7])),
    ("far apart", rng.uniform(0, 0.4, 100), rng.uniform(0.6, 1, 100)),
]:
    d = stats.ks_2samp(a, b).statistic
    en = len(a) * len(b) / (len(a) + len(b))
    cases.append({"name": name, "a": a.tolist(), "b": b.tolist(), "statistic": float(d),
                  "p_value": float(stats.kstwobign.sf(d * math.sqrt(en)))})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_cases.json"), "w") as f:
    json.dump(cases, f)
