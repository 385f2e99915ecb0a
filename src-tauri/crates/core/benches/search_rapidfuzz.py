"""The peer for the search benchmark: rapidfuzz process.extract (partial_ratio, limit 50) over the
same names and keystrokes as benches/search.rs. Prints one line in the same form."""
import sys
import time

from rapidfuzz import fuzz, process, utils

names = open(sys.argv[1], encoding="utf-8").read().split("\n")
keys = open(sys.argv[2], encoding="utf-8").read().split("\n")
times = []
for k in keys:
    t = time.perf_counter()
    process.extract(k, names, scorer=fuzz.partial_ratio, processor=utils.default_process, limit=50)
    times.append(time.perf_counter() - t)
times.sort()
def pct(p):
    return times[round((len(times) - 1) * p)] * 1e3
over = sum(1 for t in times if t >= 0.016)
print(
    f"rapidfuzz process.extract partial_ratio: median {pct(0.5):.2f} ms, p90 {pct(0.9):.2f} ms, "
    f"p99 {pct(0.99):.2f} ms, max {pct(1.0):.2f} ms, keystrokes over 16 ms: {over} of {len(times)}"
)
