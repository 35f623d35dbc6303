"""Side B of the scenario cross-check: both stress scenarios from the CSV prices with numpy/pandas, following
docs/methodology.md ("Stress scenarios"). Imported by crosscheck.py; seeded draws use the same mulberry32 stream."""
import math

import numpy as np
import pandas as pd

POSITIONS = ["KOSPI", "SPX", "FTSE", "NIKKEI", "GOLD"]
VALUES = np.array([1000.0, 2000.0, -500.0, 1500.0, 800.0])
PROXIED = ("E2", "NIKKEI")
SHOCK_COLUMNS = ["BENCH", "KOSPI", "KRW", "SPX", "FTSE", "NIKKEI", "GOLD"]


def mulberry32(seed):
    state = [seed & 0xFFFFFFFF]

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def rnd():
        state[0] = (state[0] + 0x6D2B79F5) & 0xFFFFFFFF
        a = state[0]
        t = imul(a ^ (a >> 15), 1 | a)
        t = ((t + imul(t ^ (t >> 7), 61 | t)) & 0xFFFFFFFF) ^ t
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return rnd


def tail_mean(x, p=0.2):
    x = np.asarray(x)
    return x[x <= np.quantile(x, p)].mean()


def stats(x):
    x = np.asarray(x)
    return {"n": len(x), "mean": x.mean(), "median": np.median(x), "worst": x.min(), "best": x.max(),
            "quantile": np.quantile(x, 0.1), "es": tail_mean(x)}


def bootstrap(x, draws=500, seed=7, conf=0.9):
    rnd = mulberry32(seed)
    k = len(x)
    means, tails = [], []
    for _ in range(draws):
        s = np.array([x[math.floor(rnd() * k)] for _ in range(k)])
        means.append(s.mean())
        tails.append(tail_mean(s))
    lo, hi = (1 - conf) / 2, (1 + conf) / 2
    return {"mean": list(np.quantile(means, [lo, hi])), "es": list(np.quantile(tails, [lo, hi]))}


def placebo(uncond, starts, actual_mean, k, window, draws=300, seed=9):
    span = window[1] - window[0]
    cand = [s for s in range(len(uncond)) if np.isfinite(uncond[s]) and all(abs(s - e) > span for e in starts)]
    rnd = mulberry32(seed)
    worse = 0
    for _ in range(draws):
        a = list(cand)
        for i in range(k):
            j = i + math.floor(rnd() * (len(a) - i))
            a[i], a[j] = a[j], a[i]
        if uncond[a[:k]].mean() < actual_mean:
            worse += 1
    return {"p": worse / draws, "eligible": len(cand)}


def scenario_crosscheck(series, events):
    px = pd.concat({s: v for s, v in series.items()}, axis=1, join="inner").sort_index()
    dates = list(px.index)
    base = px[POSITIONS].copy()
    base["KOSPI"] = px["KOSPI"] / px["KRW"]
    P = base.to_numpy()
    bench = px["BENCH"].to_numpy()
    net = VALUES.sum()
    w = VALUES / net
    out = {}
    for a, b in [(0, 5), (-1, 1)]:
        R, keys, starts, prox = [], [], [], []
        proxied_return = None
        for _, E in events.iterrows():
            d0 = int(np.searchsorted(dates, E["occurred_at"][:10]))
            if d0 + a - 1 < 0 or d0 + b >= len(dates):
                continue
            r = P[d0 + b] / P[d0 + a - 1] - 1
            flags = []
            if E["event_id"] == PROXIED[0]:
                k = POSITIONS.index(PROXIED[1])
                lo, hi = max(1, d0 - 250), d0 - 11
                ra = P[lo:hi + 1, k] / P[lo - 1:hi, k] - 1
                rb = bench[lo:hi + 1] / bench[lo - 1:hi] - 1
                beta = np.cov(ra, rb)[0, 1] / np.var(rb, ddof=1)
                r[k] = beta * (bench[d0 + b] / bench[d0 + a - 1] - 1)
                proxied_return = r[k]
                flags = [k]
            R.append(r)
            keys.append(E["event_id"])
            starts.append(d0)
            prox.append(flags)
        R = np.array(R)
        pnl_matrix = R * VALUES
        pnl = pnl_matrix.sum(axis=1)
        book = pnl / net
        analogues = []
        for i, key in enumerate(keys):
            order = sorted(range(len(POSITIONS)), key=lambda j: (-abs(pnl_matrix[i, j]), j))[:3]
            analogues.append({"key": key, "return": book[i], "pnl": pnl[i], "top": order,
                              "topPnl": [pnl_matrix[i, j] for j in order], "proxied": prox[i]})
        mean_pnl = pnl_matrix.mean(axis=0)
        positions = [{"position": j, "meanPnl": mean_pnl[j], "medianReturn": np.median(R[:, j])}
                     for j in sorted(range(len(POSITIONS)), key=lambda j: (mean_pnl[j], j))]
        uncond = np.full(len(dates), np.nan)
        s = np.arange(max(0, 1 - a), len(dates) - b)
        uncond[s] = ((P[s + b] / P[s + a - 1] - 1) * w).sum(axis=1)
        cond, unc = stats(book), stats(uncond[np.isfinite(uncond)])
        medians = np.median(R, axis=0)
        order = sorted(range(len(POSITIONS)), key=lambda j: (-abs(medians[j]), j))[:3]
        out[f"{a},{b}"] = {
            "analogues": analogues,
            "proxiedReturn": proxied_return,
            "positions": positions,
            "distribution": cond,
            "bootstrap": bootstrap(book),
            "unconditional": unc,
            "tailRatio": cond["es"] / unc["es"] if unc["es"] < 0 else None,
            "placebo": placebo(uncond, starts, book.mean(), len(keys), (a, b)),
            "medianShocks": [{"position": j, "shock": medians[j]} for j in order],
        }
    rets = (px[SHOCK_COLUMNS].pct_change().iloc[1:]).to_numpy()[-252:]
    values = np.array([VALUES[POSITIONS.index(c)] if c in POSITIONS else 0.0 for c in SHOCK_COLUMNS])
    S, O = [0, 2], [1, 3, 4, 5, 6]
    shocks = np.array([-0.05, 0.03])
    for method in ["sample", "ewma"]:
        if method == "sample":
            cov = np.cov(rets, rowvar=False)
        else:
            cov = np.cov(rets[:20], rowvar=False)
            for r in rets[20:]:
                cov = 0.94 * cov + 0.06 * np.outer(r, r)
        Sss, Sos, Soo = cov[np.ix_(S, S)], cov[np.ix_(O, S)], cov[np.ix_(O, O)]
        expected = np.zeros(len(SHOCK_COLUMNS))
        expected[S] = shocks
        expected[O] = Sos @ np.linalg.solve(Sss, shocks)
        C = np.zeros((len(SHOCK_COLUMNS), len(SHOCK_COLUMNS)))
        C[np.ix_(O, O)] = 5 * (Soo - Sos @ np.linalg.solve(Sss, Sos.T))
        d = np.sqrt(np.diag(Sss))
        out[f"shocks|{method}"] = {
            "expected": expected,
            "conditionalSd": np.sqrt(np.diag(C)),
            "portfolioExpected": values @ expected,
            "portfolioSd": math.sqrt(values @ C @ values),
            "condition": np.linalg.cond(Sss / np.outer(d, d)),
            "conditionalCovariance": C.ravel(),
        }
    return out
