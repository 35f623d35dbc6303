"""The numpy/pandas side of bench/scenarios.ts: both stress scenarios on the same generated data, written as an analyst
would (vectorised; numpy's own generator for the bootstrap and placebo draws). Prints one JSON line per mode with the
median and best seconds over the runs and a checksum of the deterministic figures; only computation is timed, not loading.
Usage: python3 bench/scenarios.py analogues|shocks <dir> <positions> <sessions> <analogues> <runs>"""
import json
import sys
import time

import numpy as np
import pandas as pd

mode, d, P, T, K, RUNS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])


def tail_mean(x, p=0.2):
    return x[x <= np.quantile(x, p)].mean()


def analogues(prices, values, day0, a=0, b=5, draws=2000, placebo_draws=1000):
    rng = np.random.default_rng(1)
    net = values.sum()
    R = prices[:, day0 + b] / prices[:, day0 + a - 1] - 1          # (P, K)
    contrib = R * values[:, None]
    pnl = contrib.sum(0)
    book = pnl / net
    top = np.argsort(-np.abs(contrib), axis=0, kind="stable")[:3]
    s = pd.Series(book)
    stats = [s.mean(), s.median(), s.min(), s.max(), s.quantile(0.1), tail_mean(book)]
    boot = book[rng.integers(0, len(book), (draws, len(book)))]
    bm = boot.mean(1)
    bq = np.quantile(boot, 0.2, axis=1)
    be = np.where(boot <= bq[:, None], boot, 0).sum(1) / (boot <= bq[:, None]).sum(1)
    ci = np.quantile(bm, [0.05, 0.95]), np.quantile(be, [0.05, 0.95])
    w = values / net
    starts = np.arange(max(0, 1 - a), prices.shape[1] - b)
    uncond = w @ (prices[:, starts + b] / prices[:, starts + a - 1] - 1)
    u_es = tail_mean(uncond)
    ratio = stats[5] / u_es
    span = b - a
    near = np.zeros(len(starts), bool)
    for e in day0:
        near |= np.abs(starts - e) <= span
    cand = uncond[~near]
    sets = np.argsort(rng.random((placebo_draws, len(cand))), axis=1)[:, :len(book)]
    p = (cand[sets].mean(1) < stats[0]).mean()
    return float(stats[0] + stats[5] + u_es + ratio + top.sum() * 0 + 0 * p + 0 * ci[0][0])


def shocks(returns, values, shocked, shock, method):
    n = returns.shape[1]
    if method == "sample":
        cov = np.cov(returns, rowvar=False)
    else:
        lam = 0.94
        rest = returns[20:]
        wts = (1 - lam) * lam ** np.arange(len(rest) - 1, -1, -1)
        cov = lam ** len(rest) * np.cov(returns[:20], rowvar=False) + (rest * wts[:, None]).T @ rest
    other = np.setdiff1d(np.arange(n), shocked)
    Sss, Sos = cov[np.ix_(shocked, shocked)], cov[np.ix_(other, shocked)]
    L = np.linalg.cholesky(Sss)
    X = np.linalg.solve(L.T, np.linalg.solve(L, Sos.T))           # Σ_ss⁻¹ Σ_so
    expected = np.zeros(n)
    expected[shocked] = shock
    expected[other] = X.T @ shock
    C = cov[np.ix_(other, other)] - Sos @ X
    sd = np.sqrt(np.clip(np.diag(C), 0, None))
    v = values[other]
    return float(values @ expected + np.sqrt(max(0.0, v @ C @ v)) + sd.sum())


if mode == "analogues":
    prices = np.fromfile(f"{d}/prices.f64").reshape(P, T)
    values = np.fromfile(f"{d}/values.f64")
    day0 = np.fromfile(f"{d}/day0.i32", dtype=np.int32)
    run = lambda: analogues(prices, values, day0)
else:
    N = P + 5
    returns = np.fromfile(f"{d}/returns.f64").reshape(N, -1).T.copy()
    values = np.fromfile(f"{d}/shock-values.f64")
    shocked = np.arange(P, N)
    shock = np.array([-0.05, -0.03, 0.02, -0.04, 0.03])
    run = lambda: shocks(returns, values, shocked, shock, "ewma") + shocks(returns, values, shocked, shock, "sample")
checksum = run()  # warm-up, as the Node side warms up for a second
until = time.perf_counter() + 1.0
while time.perf_counter() < until:
    checksum = run()
times = []
for _ in range(RUNS):
    t = time.perf_counter()
    checksum = run()
    times.append(time.perf_counter() - t)
print(json.dumps({"seconds": float(np.median(times)), "best": float(min(times)), "checksum": checksum}))
