"""The numpy/pandas/scipy side of bench/event-study.ts: the same market-model event study with every test, and the
same risk panel, written as an analyst would (vectorised over assets and events, batched to bound memory).
Prints one JSON line {"seconds", "checksum"}; only the computation is timed, not loading."""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

mode, d, n, A, T = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
WINDOWS = [(0, 0), (0, 1), (-1, 1), (-5, 5), (-10, 10)]


def event_study(R, Rm, day0):
    est = np.arange(-250, -10)
    ev = np.arange(-10, 11)
    L = len(est)
    checksum = 0.0
    for b in range(0, len(day0), 250):
        d0 = day0[b:b + 250]
        ie = d0[:, None] + est
        iv = d0[:, None] + ev
        Xe, Xv = Rm[ie], Rm[iv]                      # (E, 240), (E, 21)
        Ye, Yv = R[:, ie], R[:, iv]                  # (A, E, 240), (A, E, 21)
        mx = Xe.mean(1)
        dx = Xe - mx[:, None]
        sxx = (dx ** 2).sum(1)
        my = Ye.mean(-1)
        beta = ((Ye - my[..., None]) * dx).sum(-1) / sxx
        alpha = my - beta * mx
        res = Ye - alpha[..., None] - beta[..., None] * Xe
        s2 = (res ** 2).sum(-1) / (L - 2)
        ar = Yv - alpha[..., None] - beta[..., None] * Xv
        dv = Xv - mx[:, None]
        c = 1 + 1 / L + dv ** 2 / sxx[:, None]
        sar = ar / np.sqrt(s2[..., None] * c)
        U = stats.rankdata(np.concatenate([res, ar], axis=-1), axis=-1) / (L + 22) - 0.5
        su = np.sqrt((U ** 2).mean(-1))
        phat = (res > 0).mean(-1)
        z = res - res.mean(-1, keepdims=True)
        z /= np.sqrt((z ** 2).sum(-1, keepdims=True))
        col = z.sum(0)
        rbar = ((col ** 2).sum(-1) - (z ** 2).sum((0, 2))) / 2 / (A * (A - 1) / 2)
        ubar = U.mean(0)
        subar = np.sqrt((ubar ** 2).mean(-1))
        phat_bar = phat.mean(0)
        for (t1, t2) in WINDOWS:
            k = slice(t1 + 10, t2 + 11)
            w = t2 - t1 + 1
            car = ar[..., k].sum(-1)
            sd = np.sqrt(s2 * (w + w * w / L + dv[:, k].sum(-1) ** 2 / sxx))
            t = car / sd
            p = 2 * stats.t.sf(np.abs(t), L - 2)
            patell = sar[..., k].sum(-1) / np.sqrt(w * (L - 2) / (L - 4))
            patell_p = 2 * stats.norm.sf(np.abs(patell))
            rank = U[..., L + k.start:L + k.stop].sum(-1) / (np.sqrt(w) * su)
            rank_p = 2 * stats.norm.sf(np.abs(rank))
            pos = (ar[..., k] > 0).sum(-1)
            sign = (pos - w * phat) / np.sqrt(w * phat * (1 - phat))
            sign_p = 2 * stats.norm.sf(np.abs(sign))
            # Aggregate across assets of each event.
            caar = car.mean(0)
            cs = caar / (car.std(0, ddof=1) / np.sqrt(A))
            cs_p = 2 * stats.t.sf(np.abs(cs), A - 1)
            bmp = t.mean(0) * np.sqrt(A) / t.std(0, ddof=1)
            kp = bmp * np.sqrt((1 - rbar) / (1 + (A - 1) * rbar))
            bmp_p, kp_p = 2 * stats.t.sf(np.abs(bmp), A - 1), 2 * stats.t.sf(np.abs(kp), A - 1)
            pat = patell.sum(0) / np.sqrt(A)
            pat_p = 2 * stats.norm.sf(np.abs(pat))
            rz = ubar[:, L + k.start:L + k.stop].sum(-1) / (np.sqrt(w) * subar)
            rz_p = 2 * stats.norm.sf(np.abs(rz))
            npos = (car > 0).sum(0)
            sz = (npos - A * phat_bar) / np.sqrt(A * phat_bar * (1 - phat_bar))
            sz_p = 2 * stats.norm.sf(np.abs(sz))
            if (t1, t2) == (-1, 1):
                checksum += float((caar + kp).sum())
    return checksum


def risk_panel(P):
    bench = pd.Series(P[0])
    px = pd.DataFrame(P[1:].T)
    lr = np.log(px / px.shift(1)).iloc[1:]
    sr = (px / px.shift(1) - 1).iloc[1:].to_numpy()
    vols = {w: lr.rolling(w).std() * np.sqrt(252) for w in (20, 60, 252)}
    x = lr.to_numpy()
    ewma = np.full_like(x, np.nan)
    v = x[:20].var(0, ddof=1)
    for t in range(20, len(x)):
        if t > 20:
            v = 0.94 * v + 0.06 * x[t - 1] ** 2
        ewma[t] = v
    z = (vols[20] - vols[20].rolling(252).mean()) / vols[20].rolling(252).std()
    mu, sd = sr.mean(0), sr.std(0, ddof=1)
    table = {}
    for c in (0.95, 0.975, 0.99):
        q = np.quantile(sr, 1 - c, axis=0)
        es = -np.nanmean(np.where(sr <= q, sr, np.nan), axis=0)
        table[c] = (-q, es, -(mu + stats.norm.ppf(1 - c) * sd), sd * stats.norm.pdf(stats.norm.ppf(c)) / (1 - c) - mu)
    mdd = (1 - px / px.cummax()).max()
    blr = np.log(bench / bench.shift(1)).iloc[1:]
    beta = lr.rolling(60).cov(blr).div(blr.rolling(60).var(), axis=0)
    corr = lr.rolling(60).corr(blr)
    return float((table[0.975][1] + mdd.to_numpy() + vols[20].iloc[-1].to_numpy()).sum()) + 0 * float(beta.iloc[-1, 0] + corr.iloc[-1, 0] + z.iloc[-1, 0] + ewma[-1, 0])


if mode == "events":
    M = np.fromfile(f"{d}/returns.f64", dtype=np.float64).reshape(-1, T)
    Rm, R = M[0], M[1:A + 1]
    day0 = np.fromfile(f"{d}/events-{n}.i32", dtype=np.int32).astype(np.int64)
    t0 = time.perf_counter()
    checksum = event_study(R, Rm, day0)
else:
    P = np.fromfile(f"{d}/prices.f64", dtype=np.float64).reshape(A + 1, -1)
    t0 = time.perf_counter()
    checksum = risk_panel(P)
print(json.dumps({"seconds": time.perf_counter() - t0, "checksum": checksum}))
