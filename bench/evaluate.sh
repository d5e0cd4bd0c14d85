#!/usr/bin/env bash
# `ganrs evaluate` of the six baselines (paper defaults: 10 epochs, batch 32) trained side by side on every core,
# against the same run with --threads 1 (one model at a time), in one run: wall time of each, their ratio, and
# whether every model's RMSE and curves are identical.
# Usage: bench/evaluate.sh [SOURCE] (default ../shared/datasets/ml-100k/u.data).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
dotnet build src/Cli -c Release -v q >/dev/null
ganrs="dotnet artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
run() { # label, threads
    /usr/bin/time -f "%e" -o "$work/$1.time" $ganrs evaluate "$data" --threads "$2" --json "$work/$1.json" >/dev/null 2>"$work/$1.err" || { tail -5 "$work/$1.err"; exit 1; }
    cat "$work/$1.time"
}
side=$(run side-by-side 0)
alone=$(run one-at-a-time 1)
printf '%-40s %8.1f s\n' "six models side by side ($(nproc) cores)" "$side" "one at a time (--threads 1)" "$alone"
printf '%-40s %8.2f\n' "side by side / one at a time" "$(echo "$side / $alone" | bc -l)"
python3 - "$work/side-by-side.json" "$work/one-at-a-time.json" <<'PY'
import json, sys
a, b = (json.load(open(p))["models"] for p in sys.argv[1:3])
same = [x["name"] for x, y in zip(a, b) if x["rmse"] == y["rmse"] and x["curves"] == y["curves"]]
print(f"models identical: {len(same)} of {len(a)} ({', '.join(same)})")
PY
