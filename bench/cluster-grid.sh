#!/usr/bin/env bash
# The quick grid (`POST /api/experiments`, preset quick) on ml-100k through the real stack: one silo pinned to half the
# cores against two silos pinned to a half each, in one run. Prints wall time, the pieces and busy seconds per silo
# (from the pieces' job records), the ratio of the two wall times, and whether both grids' cells are identical.
# Usage: [RANKING_SEEDS=K] [PRESET=quick|paper] bench/cluster-grid.sh [SOURCE] (default ../shared/datasets/ml-100k/u.data; K 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
preset=${PRESET:-quick}
ranking=${RANKING_SEEDS:-1}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
cores=$(nproc)
half=$((cores / 2))
[ "$half" -ge 1 ] || { echo "bench: needs at least 2 cores" >&2; exit 1; }
first="0-$((half - 1))" second="$half-$((2 * half - 1))"
dotnet build "$root/GanRsSandbox.sln" -c Release -v q -nologo >/dev/null
bin=$root/artifacts/bin
work=$(mktemp -d)
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$work"' EXIT
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

run_grid() { # label, silos (1 or 2)
  local label=$1 silos=$2 dir=$work/$1 web_port=5191 api=http://127.0.0.1:5191/api
  mkdir -p "$dir"
  taskset -c "$first" dotnet "$bin/GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll" --data-dir "$dir" --silo-port 11191 --gateway-port 30191 \
    --job-cores "$half" >"$dir/silo0.log" 2>&1 &
  pids+=($!)
  if [ "$silos" = 2 ]; then
    taskset -c "$second" dotnet "$bin/GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll" --data-dir "$dir" --silo-port 11192 --gateway-port 30192 \
      --primary-silo-port 11191 --job-cores "$half" >"$dir/silo1.log" 2>&1 &
    pids+=($!)
  fi
  dotnet "$bin/GanRsSandbox.BlazorUi/release/GanRsSandbox.BlazorUi.dll" --urls "http://127.0.0.1:$web_port" --Cluster:GatewayPort=30191 >"$dir/web.log" 2>&1 &
  pids+=($!)
  until curl -sf "$api/datasets" >/dev/null; do sleep 1; done
  if [ "$silos" = 2 ]; then
    # The grid places pieces on the silos it sees active: wait until the second has joined.
    until grep -q "Application started" "$dir/silo1.log"; do sleep 1; done
  fi
  local source_id job state
  source_id=$(curl -sf -F "file=@$data" -F name=ml-100k "$api/datasets" | field '["id"]')
  job=$(curl -sf -X POST "$api/experiments" -H 'content-type: application/json' \
    -d "{\"sourceDatasetId\":\"$source_id\",\"preset\":\"$preset\",\"seed\":1,\"rankingSeeds\":$ranking}" | field '["id"]')
  while :; do
    state=$(curl -sf "$api/jobs/$job" | field '["state"]')
    case $state in succeeded) break ;; failed|cancelled) echo "grid $label $state" >&2; curl -s "$api/jobs/$job" >&2; exit 1 ;; esac
    sleep 2
  done
  local experiment
  experiment=$(curl -sf "$api/jobs/$job" | field '["resultId"]')
  curl -sf "$api/jobs" >"$dir/jobs.json"
  curl -sf "$api/jobs/$job" >"$dir/job.json"
  curl -sf "$api/experiments/$experiment/files/results.json" >"$dir/results.json"
  stop_all
}

run_grid one-silo 1
run_grid two-silos 2
python3 - "$work" "$preset" "$ranking" "$cores" <<'PY'
import json, sys
from datetime import datetime
work, preset, ranking, cores = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
walls = {}
print(f"grid: {preset}, ranking seeds {ranking}, {cores} cores; one silo on {cores // 2} cores against two silos on {cores // 2} each")
print("| run | wall s | silo | pieces | busy s |")
print("|---|---|---|---|---|")
for label in ("one-silo", "two-silos"):
    job = json.load(open(f"{work}/{label}/job.json"))
    wall = (t(job["finishedAt"]) - t(job["createdAt"])).total_seconds()
    walls[label] = wall
    pieces = [j for j in json.load(open(f"{work}/{label}/jobs.json")) if "piece" in str(j["kind"]).lower()]
    silos = sorted({p.get("silo") or "?" for p in pieces})
    for i, silo in enumerate(silos):
        mine = [p for p in pieces if (p.get("silo") or "?") == silo]
        busy = sum((t(p["finishedAt"]) - t(p["startedAt"])).total_seconds() for p in mine if p.get("startedAt") and p.get("finishedAt"))
        print(f"| {label if i == 0 else ''} | {wall:.1f} | {silo} | {len(mine)} | {busy:.1f} |")
print(f"two silos / one silo: {walls['two-silos'] / walls['one-silo']:.2f}")
a, b = (json.load(open(f"{work}/{label}/results.json")) for label in ("one-silo", "two-silos"))
cells = lambda r: [(c["dataset"], c["model"], c.get("splitSeed"), c.get("rmse"), json.dumps(c["points"])) for c in r["cells"] + r.get("rankingCells", [])]
ca, cb = cells(a), cells(b)
print(f"cells identical: {sum(x == y for x, y in zip(ca, cb))} of {len(ca)}" + ("" if len(ca) == len(cb) else f" (counts differ: {len(ca)} vs {len(cb)})"))
PY
