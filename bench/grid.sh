#!/usr/bin/env bash
# The paper's grid on ml-100k (`ganrs reproduce`, the full paper preset unless QUICK=1) with the cells trained side by
# side on every core, against the same grid trained one cell at a time (--threads 1), in one run: wall time of each,
# their ratio, and whether every cell's numbers are identical.
# Usage: [QUICK=1] [RANKING_SEEDS=K] bench/grid.sh [SOURCE] (default ../shared/datasets/ml-100k/u.data; K 3, the
# preset's; K=1 trains each cell once, the grid without the ranking verdict's extra splits).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
dotnet build src/Cli -c Release -v q >/dev/null
ganrs="dotnet artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
quick=${QUICK:+--quick}
ranking=${RANKING_SEEDS:-3}
run() { # label, threads
    local start=$(date +%s.%N)
    $ganrs reproduce --source "$data" --out "$work/$1" $quick --ranking-seeds "$ranking" --threads "$2" >"$work/$1.out" 2>"$work/$1.err" || { tail -5 "$work/$1.err"; exit 1; }
    echo "$(date +%s.%N) - $start" | bc
}
cores=$(nproc)
side=$(run side-by-side 0)
alone=$(run one-at-a-time 1)
echo "grid: $([ -n "${QUICK:-}" ] && echo quick || echo paper), ranking seeds $ranking"
printf '%-40s %8.1f s\n' "cells side by side ($cores cores)" "$side" "cells one at a time (--threads 1)" "$alone"
printf '%-40s %8.2f\n' "side by side / one at a time" "$(echo "$side / $alone" | bc -l)"
python3 - "$work/side-by-side/results.json" "$work/one-at-a-time/results.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
cells = lambda r: [(c["dataset"], c["model"], c.get("splitSeed"), c.get("rmse"), json.dumps(c["points"])) for c in r["cells"] + r.get("rankingCells", [])]
ca, cb = cells(a), cells(b)
same = sum(x == y for x, y in zip(ca, cb))
print(f"cells identical: {same} of {len(ca)}" + ("" if len(ca) == len(cb) else f" (counts differ: {len(ca)} vs {len(cb)})"))
PY
