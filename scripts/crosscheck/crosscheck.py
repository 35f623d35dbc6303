"""Side B of the cross-check: the same risk metrics and event studies computed from the CSV files alone with
numpy / pandas / scipy, written the way an analyst would, following docs/methodology.md.

Usage: /usr/bin/python3 scripts/crosscheck/crosscheck.py <dir>   (reads prices.csv, assets.csv, events.csv; writes python.json)
"""
import json
import math
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from scipy import stats

from scenarios import scenario_crosscheck

D = sys.argv[1]
prices = pd.read_csv(f"{D}/prices.csv", dtype={"symbol": str, "date": str, "adj_close": float})
assets = pd.read_csv(f"{D}/assets.csv", dtype=str)
events = pd.read_csv(f"{D}/events.csv", dtype=str)
BENCH = "BENCH"
EST = (-250, -11)
EVW = (-10, 10)
MIN_OBS = 100
WINDOWS = [(0, 0), (0, 1), (-1, 1), (-5, 5), (-10, 10), (-2, 3)]
MODELS = ["market", "constant-mean", "market-adjusted"]

series = {s: g.set_index("date")["adj_close"] for s, g in prices.groupby("symbol", sort=False)}


def clean(x):
    if isinstance(x, (list, tuple, np.ndarray)):
        return [clean(v) for v in x]
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (float, np.floating)):
        return None if not np.isfinite(x) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def p_norm(z):
    return 2 * stats.norm.sf(abs(z)) if np.isfinite(z) else float("nan")


def p_t(t, df):
    return 2 * stats.t.sf(abs(t), df) if np.isfinite(t) else float("nan")


# ---------------------------------------------------------------- day 0
def day0(occurred, precision, sessions, tz, close):
    instant = datetime.fromisoformat(occurred.replace("Z", "+00:00")).astimezone(timezone.utc)
    if precision == "DAY":
        date, strictly = instant.date().isoformat(), False
    else:
        local = instant.astimezone(ZoneInfo(tz))
        date = local.date().isoformat()
        strictly = local.strftime("%H:%M:%S") >= close + ":00"
    later = [d for d in sessions if (d > date if strictly else d >= date)]
    return later[0] if later else None


# ---------------------------------------------------------------- risk
def risk(sym):
    p = series[sym]
    r = np.log(p / p.shift(1)).iloc[1:]
    simple = (p / p.shift(1) - 1).iloc[1:].to_numpy()
    out = {f"vol{w}": (r.rolling(w).std(ddof=1) * math.sqrt(252)).to_numpy() for w in (20, 60, 252)}
    x = r.to_numpy()
    ev = np.full(len(x), np.nan)
    v = np.var(x[:20], ddof=1)
    for t in range(20, len(x)):
        if t > 20:
            v = 0.94 * v + 0.06 * x[t - 1] ** 2
        ev[t] = v
    out["ewmaVar"] = ev
    out["ewmaNext"] = 0.94 * v + 0.06 * x[-1] ** 2
    vol20 = pd.Series(out["vol20"])
    out["volZ"] = ((vol20 - vol20.rolling(252).mean()) / vol20.rolling(252).std(ddof=1)).to_numpy()
    var = []
    mu, sd = simple.mean(), simple.std(ddof=1)
    for c in (0.95, 0.975, 0.99):
        q = np.quantile(simple, 1 - c)  # numpy default method="linear"
        var.append({"conf": c, "hVaR": -q, "hES": -simple[simple <= q].mean(),
                    "pVaR": -(mu + stats.norm.ppf(1 - c) * sd),
                    "pES": sd * stats.norm.pdf(stats.norm.ppf(c)) / (1 - c) - mu})
    out["var"] = var
    dd = 1 - p / p.cummax()
    if dd.max() > 0:
        trough = dd.idxmax()
        peak = p.loc[:trough].idxmax()
        after = p.loc[trough:].iloc[1:]
        rec = after[after >= p.loc[peak]]
        out["mdd"] = {"maxDrawdown": dd.max(), "peakDate": peak, "troughDate": trough,
                      "recoveryDate": rec.index[0] if len(rec) else None}
    else:
        out["mdd"] = {"maxDrawdown": 0.0, "peakDate": None, "troughDate": None, "recoveryDate": None}
    both = pd.concat([p.rename("a"), series[BENCH].rename("m")], axis=1, join="inner").sort_index()
    lr = np.log(both / both.shift(1)).iloc[1:]
    cov = lr["a"].rolling(60).cov(lr["m"])
    out["beta60"] = (cov / lr["m"].rolling(60).var()).to_numpy()
    out["corr60"] = lr["a"].rolling(60).corr(lr["m"]).to_numpy()
    return out, r


def regime(r, d0date):
    idx = int(np.searchsorted(r.index.to_numpy(), d0date))
    x = r.to_numpy()
    pre, post = x[max(0, idx - 60):idx], x[idx:idx + 20]
    if len(pre) < 3 or len(post) < 3:
        return None
    f = np.var(post, ddof=1) / np.var(pre, ddof=1)
    d1, d2 = len(post) - 1, len(pre) - 1
    return {"ratio": f, "p": min(1.0, 2 * min(stats.f.cdf(f, d1, d2), stats.f.sf(f, d1, d2))), "dfPost": d1, "dfPre": d2}


# ---------------------------------------------------------------- event study
def aligned(sym):
    both = pd.concat([series[sym].rename("a"), series[BENCH].rename("m")], axis=1, join="inner").sort_index()
    ret = both.pct_change().iloc[1:]
    return ret.index.to_numpy(), ret["a"].to_numpy(), ret["m"].to_numpy()


def study(dates, y, x, i0, model):
    n = len(y)
    lo, hi = max(0, i0 + EST[0]), min(n, i0 + EST[1] + 1)
    L1 = max(0, hi - lo)
    if L1 < MIN_OBS:
        return {"status": "insufficient-estimation-data", "n": L1}
    if i0 + EVW[0] < 0 or i0 + EVW[1] + 1 > n:
        return {"status": "insufficient-event-data", "n": L1}
    ye, xe = y[lo:hi], x[lo:hi]
    yv, xv = y[i0 + EVW[0]: i0 + EVW[1] + 1], x[i0 + EVW[0]: i0 + EVW[1] + 1]
    if model == "market":
        X = np.column_stack([np.ones(L1), xe])
        (a, b), *_ = np.linalg.lstsq(X, ye, rcond=None)
        res = ye - a - b * xe
        df = L1 - 2
        s2 = res @ res / df
        dev = xv - xe.mean()
        sxx = ((xe - xe.mean()) ** 2).sum()
        C = 1 + 1 / L1 + dev ** 2 / sxx
    elif model == "constant-mean":
        a, b = ye.mean(), 0.0
        res = ye - a
        df = L1 - 1
        s2 = res.var(ddof=1)
        C = np.full(len(yv), 1 + 1 / L1)
    else:
        a, b = 0.0, 1.0
        res = ye - xe
        df = L1 - 1
        s2 = res.var(ddof=1)
        C = np.ones(len(yv))
    ar = yv - a - b * xv
    arvar = s2 * C
    sar = ar / np.sqrt(arvar)
    U = stats.rankdata(np.concatenate([res, ar])) / (L1 + len(ar) + 1) - 0.5
    Uev = U[L1:]
    SU = np.sqrt(np.mean(U ** 2))
    phat = np.mean(res > 0)
    wins = {}
    for (t1, t2) in WINDOWS:
        k = slice(t1 - EVW[0], t2 - EVW[0] + 1)
        w = t2 - t1 + 1
        car = ar[k].sum()
        if model == "market":
            var = s2 * (w + w * w / L1 + dev[k].sum() ** 2 / sxx)
        elif model == "constant-mean":
            var = s2 * (w + w * w / L1)
        else:
            var = s2 * w
        t = car / np.sqrt(var)
        pz = sar[k].sum() / np.sqrt(w * df / (df - 2))
        rz = Uev[k].sum() / (np.sqrt(w) * SU)
        pos = int((ar[k] > 0).sum())
        sz = (pos - w * phat) / np.sqrt(w * phat * (1 - phat))
        wins[f"{t1},{t2}"] = {"car": car, "sd": np.sqrt(var), "t": t, "p": p_t(t, df), "patellZ": pz,
                              "patellP": p_norm(pz), "rankZ": rz, "rankP": p_norm(rz), "signZ": sz, "signP": p_norm(sz)}
    return {"status": "ok", "day0Date": dates[i0], "alpha": a, "beta": b, "sigma": np.sqrt(s2), "df": df, "n": L1,
            "ar": ar, "arVar": arvar, "sar": sar, "windows": wins,
            # kept for aggregation, not compared directly
            "_res": res, "_estStart": lo - i0, "_U": U, "_phat": phat}


def aggregate(group):
    N = len(group)
    AR = np.array([g["ar"] for g in group])
    # Kolari–Pynnönen r̄: pairs sharing a day-0 date, correlation over shared event-time positions; others 0.
    total = 0.0
    for i in range(N):
        for j in range(i + 1, N):
            gi, gj = group[i], group[j]
            if gi["day0Date"] != gj["day0Date"]:
                continue
            s = max(gi["_estStart"], gj["_estStart"])
            e = min(gi["_estStart"] + len(gi["_res"]), gj["_estStart"] + len(gj["_res"]))
            ri = gi["_res"][s - gi["_estStart"]: e - gi["_estStart"]]
            rj = gj["_res"][s - gj["_estStart"]: e - gj["_estStart"]]
            total += np.corrcoef(ri, rj)[0, 1]
    rbar = total / (N * (N - 1) / 2)
    # Corrado: mean U per event-time position over the studies covering it.
    first = min(g["_estStart"] for g in group)
    frame = pd.DataFrame({k: pd.Series(g["_U"], index=list(range(g["_estStart"], g["_estStart"] + len(g["_res"])))
                                       + list(range(EVW[0], EVW[1] + 1))) for k, g in enumerate(group)})
    ubar = frame.mean(axis=1)  # NaN-skipping mean over covering studies
    SU = np.sqrt(np.mean(ubar.to_numpy() ** 2))
    phat = np.mean([g["_phat"] for g in group])
    wins = {}
    for (t1, t2) in WINDOWS:
        key = f"{t1},{t2}"
        w = t2 - t1 + 1
        car = np.array([g["windows"][key]["car"] for g in group])
        scar = np.array([g["windows"][key]["t"] for g in group])
        pz = np.array([g["windows"][key]["patellZ"] for g in group])
        cs = car.mean() / (car.std(ddof=1) / np.sqrt(N))
        bmp = scar.mean() * np.sqrt(N) / scar.std(ddof=1)
        kp = bmp * np.sqrt((1 - rbar) / (1 + (N - 1) * rbar))
        pat = pz.sum() / np.sqrt(N)
        rz = ubar.loc[t1:t2].sum() / (np.sqrt(w) * SU)
        pos = int((car > 0).sum())
        sz = (pos - N * phat) / np.sqrt(N * phat * (1 - phat))
        wins[key] = {"caar": car.mean(), "csT": cs, "csP": p_t(cs, N - 1), "patellZ": pat, "patellP": p_norm(pat),
                     "bmpT": bmp, "bmpP": p_t(bmp, N - 1), "kpT": kp, "kpP": p_t(kp, N - 1), "rankZ": rz,
                     "rankP": p_norm(rz), "signZ": sz, "signP": p_norm(sz)}
    assert first <= EVW[0]
    return {"n": N, "rbar": rbar, "aar": AR.mean(axis=0), "windows": wins}


# ---------------------------------------------------------------- placebo (mulberry32, as in lib/analytics/prng.ts)
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


def car_at(y, x, d, window):
    lo, hi = max(0, d + EST[0]), min(len(y), d + EST[1] + 1)
    b, a = np.polyfit(x[lo:hi], y[lo:hi], 1)
    s = slice(d + window[0], d + window[1] + 1)
    return (y[s] - a - b * x[s]).sum()


def placebo(y, x, i0, others, window=(-1, 1), draws=200, seed=42):
    n = len(y)
    span = EVW[1] - EVW[0]
    real = list(others) + [i0]
    cand = [d for d in range(max(0, -EVW[0]), n - EVW[1])
            if min(n, d + EST[1] + 1) - max(0, d + EST[0]) >= MIN_OBS and all(abs(d - r) > span for r in real)]
    rnd = mulberry32(seed)
    a = list(cand)
    k = min(draws, len(a))
    for i in range(k):
        j = i + math.floor(rnd() * (len(a) - i))
        a[i], a[j] = a[j], a[i]
    chosen = a[:k]
    actual = car_at(y, x, i0, window)
    cars = np.array([car_at(y, x, d, window) for d in chosen])
    below, above = int((cars <= actual).sum()), int((cars >= actual).sum())
    return {"actualCar": actual, "percentile": 100 * below / k, "eligible": len(cand),
            "pValue": min(1.0, 2 * min((1 + below) / (k + 1), (1 + above) / (k + 1))), "cars": cars}


# ---------------------------------------------------------------- run
out = {"risk": {}, "day0": {}, "studies": {}, "aggregates": {}, "placebo": {}}
ok = {}
for _, A in assets.iterrows():
    sym = A["symbol"]
    rk, logr = risk(sym)
    rk["regime"] = {}
    dates, y, x = aligned(sym)
    idx = {}
    for _, E in events.iterrows():
        d0 = day0(E["occurred_at"], E["precision"], list(series[sym].index), A["time_zone"], A["session_close"])
        out["day0"][f"{E['event_id']}|{sym}"] = d0
        if d0 is None:
            continue
        i = int(np.searchsorted(dates, d0))
        if i < len(dates):
            idx[E["event_id"]] = i
        rg = regime(logr, d0)
        if rg is not None:
            rk["regime"][E["event_id"]] = rg
    out["risk"][sym] = rk
    for model in MODELS:
        for _, E in events.iterrows():
            eid = E["event_id"]
            if eid not in idx:
                continue
            res = study(dates, y, x, idx[eid], model)
            key = f"{eid}|{sym}|{model}"
            if res["status"] == "ok":
                ok[key] = res
                if model == "market":
                    others = [v for k2, v in idx.items() if k2 != eid]
                    out["placebo"][f"{eid}|{sym}"] = placebo(y, x, idx[eid], others)
            out["studies"][key] = {k: v for k, v in res.items() if not k.startswith("_")}

syms = list(assets["symbol"])
eids = list(events["event_id"])
for model in MODELS:
    out["aggregates"][f"all|{model}"] = aggregate([ok[f"{e}|{s}|{model}"] for s in syms for e in eids if f"{e}|{s}|{model}" in ok])
for e in eids:
    g = [ok[f"{e}|{s}|market"] for s in syms if f"{e}|{s}|market" in ok]
    if len(g) >= 2:
        out["aggregates"][f"event:{e}"] = aggregate(g)
for s in syms:
    g = [ok[f"{e}|{s}|market"] for e in eids if f"{e}|{s}|market" in ok]
    if len(g) >= 2:
        out["aggregates"][f"asset:{s}"] = aggregate(g)

out["scenarios"] = scenario_crosscheck(series, events)

with open(f"{D}/python.json", "w") as f:
    json.dump(clean(out), f)
print(f"python: {len(out['studies'])} studies, {len(out['aggregates'])} aggregates -> {D}/python.json")
