"""Compares faultline.json with python.json: same keys, same strings, numbers within 1e-9 relative
(absolute floor 1e-12 for values near zero). Exit status 1 on any mismatch."""
import json
import math
import sys

REL, ABS = 1e-9, 1e-12
D = sys.argv[1]
a = json.load(open(f"{D}/faultline.json"))
b = json.load(open(f"{D}/python.json"))
problems = []
count = 0
worst = 0.0


def walk(x, y, path):
    global count, worst
    if isinstance(x, dict) and isinstance(y, dict):
        if set(x) != set(y):
            problems.append(f"{path}: keys differ: only faultline {sorted(set(x) - set(y))}, only python {sorted(set(y) - set(x))}")
        for k in set(x) & set(y):
            walk(x[k], y[k], f"{path}.{k}")
    elif isinstance(x, list) and isinstance(y, list):
        if len(x) != len(y):
            problems.append(f"{path}: lengths {len(x)} vs {len(y)}")
        for i, (u, v) in enumerate(zip(x, y)):
            walk(u, v, f"{path}[{i}]")
    elif isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
        count += 1
        if abs(x - y) > ABS:
            worst = max(worst, abs(x - y) / max(abs(x), abs(y)))
        if not (abs(x - y) <= max(ABS, REL * max(abs(x), abs(y)))):
            problems.append(f"{path}: faultline {x!r} vs python {y!r} (rel {abs(x - y) / max(abs(x), abs(y), 1e-300):.2e})")
    elif x != y:
        problems.append(f"{path}: faultline {x!r} vs python {y!r}")


walk(a, b, "$")
if problems:
    print(f"cross-check FAILED: {len(problems)} mismatches of {count} numbers")
    for p in problems[:40]:
        print("  " + p)
    sys.exit(1)
print(f"cross-check passed: {count} numbers agree to {REL:g} relative (absolute floor {ABS:g}); worst relative difference {worst:.1e}")
