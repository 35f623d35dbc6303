"""Runs the pandas blocks of docs/api.md's "## pandas" section, in order and in one namespace, against a running
Faultline (FAULTLINE_URL, FAULTLINE_TOKEN), then checks the frames they made: columns, dtypes, and that the numbers
read through one door (the CSV reports) equal those read through the other (the JSON API) to 1e-12.

Usage: FAULTLINE_URL=... FAULTLINE_TOKEN=... python3 check_snippets.py docs/api.md
Needs only the standard library, pandas and requests (Debian's python3-pandas and python3-requests).
"""
import math
import re
import sys

TOL = 1e-12
failures = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL {what}")


def snippets(markdown):
    section = re.search(r"^## pandas\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    if not section:
        sys.exit("docs/api.md has no '## pandas' section")
    return re.findall(r"^```python\n(.*?)^```", section.group(1), re.S | re.M)


def window_column(a, b):
    part = lambda x: "0" if x == 0 else (f"m{-x}" if x < 0 else f"p{x}")
    return f"{part(a)}_{part(b)}"


def close(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= TOL)


def main(path):
    blocks = snippets(open(path, encoding="utf-8").read())
    check(len(blocks) >= 5, f"the pandas section has its five blocks (found {len(blocks)})")
    ns = {}
    for i, block in enumerate(blocks):
        lines = [l for l in block.splitlines() if l.strip()]
        check(len(lines) <= 3, f"block {i + 1} is three lines or fewer ({len(lines)})")
        exec(compile(block, f"docs/api.md pandas block {i + 1}", "exec"), ns)
    pd = ns["pd"]
    import pandas.api.types as t

    events, exposures = ns["events"], ns["exposures"]
    check(len(events) > 0, "the events frame has rows")
    check(events.index.name == "id" and t.is_integer_dtype(events.index), "events are indexed by their integer id")
    for c in ("title", "occurredAt", "category", "severity", "countries", "theme.name"):
        check(c in events.columns, f"events have the column {c}")
    check(t.is_integer_dtype(events["severity"]) and events["severity"].between(1, 5).all(), "severity is an integer 1–5")
    text = events["title"] + " " + events["summary"].fillna("")
    check(text.str.contains("treaty", case=False).all(), "the q= filter kept only events whose title or summary match")
    check(len(exposures) == sum(len(x) for x in events["exposures"]), "one exposures row per event × asset")
    for c in ("asset", "direction", "rationale", "event_id", "event_title"):
        check(c in exposures.columns, f"exposures have the column {c}")
    check(exposures["direction"].isin(["UP", "DOWN", "UNCERTAIN"]).all(), "directions are UP / DOWN / UNCERTAIN")
    linked = set(events.index[events["exposures"].str.len() > 0])
    check(set(exposures["event_id"]) == linked, "every exposure names its event, every linked event has its rows")

    prices, returns = ns["prices"], ns["returns"]
    check(isinstance(prices.index, pd.DatetimeIndex), "prices are indexed by a DatetimeIndex")
    check(prices.index.is_monotonic_increasing and prices.index.is_unique, "price dates are increasing and unique")
    check(prices.index.min() >= pd.Timestamp("2024-01-01"), "from= is honoured")
    for c in ("open", "high", "low", "close", "adjClose", "volume"):
        check(c in prices.columns, f"prices have the column {c}")
    check(t.is_float_dtype(prices["close"]) and t.is_float_dtype(prices["adjClose"]), "closes are floats")
    check((prices["close"] > 0).all(), "closes are positive")
    check(len(returns) == len(prices) - 1 and t.is_float_dtype(returns), "one return per bar after the first")
    bars_json = ns["r"].json()["data"]  # `r` is the prices block's response
    by_hand = [b["adjClose"] / a["adjClose"] - 1 for a, b in zip(bars_json[:-1], bars_json[1:])]
    check(all(abs(x - y) <= TOL for x, y in zip(returns.tolist(), by_hand)), "returns equal P_t / P_t-1 − 1 from the JSON")

    study, cars, report = ns["study"], ns["cars"], ns["report"]
    ok_assets = [a for a in study["assets"] if a["status"] == "ok"]
    check(len(ok_assets) > 0, "the study has assets with a study")
    for c in ("window", "label", "car", "sd", "t", "p", "symbol"):
        check(c in cars.columns, f"cars have the column {c}")
    check(t.is_float_dtype(cars["car"]), "CAR is a float")
    check(len(cars) == sum(len(a["study"]["windows"]) for a in ok_assets), "one CAR row per asset × window")
    check(len(report) == len(study["assets"]), f"the event-study report has one row per exposed asset ({len(report)})")
    check(t.is_integer_dtype(report["event_id"]) and (report["event_id"] == ns["event_id"]).all(), "report rows are of the event")
    compared = 0
    for _, row in cars.iterrows():
        a, b = row["window"]
        col = window_column(a, b)
        line = report[report["asset_symbol"] == row["symbol"]]
        check(len(line) == 1, f"the report has {row['symbol']}")
        if len(line) != 1:
            continue
        for json_key, csv_prefix in (("car", "car"), ("sd", "car_sd"), ("t", "t"), ("p", "p")):
            got = line.iloc[0][f"{csv_prefix}_{col}"]
            want = row[json_key]
            same = (want is None and pd.isna(got)) or (want is not None and not pd.isna(got) and math.isclose(got, want, rel_tol=0, abs_tol=TOL))
            check(same, f"{row['symbol']} {csv_prefix}[{a},{b}]: report {got!r} = API {want!r} to 1e-12")
            compared += 1
    check(compared > 0, "CARs were compared")

    bars = ns["bars"]
    check(t.is_datetime64_any_dtype(bars["date"]), "the prices report's date parses as dates")
    check((bars["symbol"] == "^KS11").all(), "the prices report is of ^KS11")
    joined = bars.set_index("date")["close"].to_frame("report").join(prices["close"].rename("api"), how="inner")
    check(len(joined) == len(prices), "the report and the API have the same sessions")
    check(((joined["report"] - joined["api"]).abs() <= TOL).all(), "report closes equal API closes to 1e-12")

    print(f"{passed} checks passed, {len(failures)} failed; {compared} study numbers compared report vs API")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
