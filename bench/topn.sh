#!/usr/bin/env bash
# Live top-N over HTTP (silo + web host, loaded by wrk from a second process on loopback) against the same
# queries scored in-process by the engine, in one run: on MovieLens 100K (ncf, all 1,682 items) and on a
# GANRS synthetic set of 8,000 users x 4,000 items (skipped with SOURCE_ONLY=1). wrk -t2 -c32 -d20s by default
# (WRK_THREADS, CONNECTIONS, SECONDS_PER_RUN), a different user per request. SILOS=2 starts a second silo in the same
# cluster (both share the machine's cores; the web host's gateway is the first). Needs: apt-get install -y wrk
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
seconds=${SECONDS_PER_RUN:-20}
connections=${CONNECTIONS:-32}
wrk_threads=${WRK_THREADS:-2}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
work=$(mktemp -d)
web_port=5181 gateway=30181 silo_port=11181
api=http://127.0.0.1:$web_port/api
dotnet build "$root/GanRsSandbox.sln" -c Release -v q -nologo >/dev/null
bin=$root/artifacts/bin
dotnet "$bin/GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll" --data-dir "$work" --silo-port $silo_port --gateway-port $gateway >"$work/silo.log" 2>&1 &
silo_pid=$!
second_pid=
if [ "${SILOS:-1}" = 2 ]; then
  dotnet "$bin/GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll" --data-dir "$work" --silo-port $((silo_port + 1)) --gateway-port $((gateway + 1)) \
    --primary-silo-port $silo_port >"$work/silo2.log" 2>&1 &
  second_pid=$!
fi
dotnet "$bin/GanRsSandbox.BlazorUi/release/GanRsSandbox.BlazorUi.dll" --urls "http://127.0.0.1:$web_port" --Cluster:GatewayPort=$gateway >"$work/web.log" 2>&1 &
web_pid=$!
trap 'kill $web_pid $silo_pid $second_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$api/datasets" >/dev/null; do sleep 1; done
if [ -n "$second_pid" ]; then until grep -q "Application started" "$work/silo2.log"; do sleep 1; done; fi

field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
wait_job() {
  local job=$1
  while :; do
    state=$(curl -sf "$api/jobs/$job" | field '["state"]')
    case $state in succeeded) return 0 ;; failed|cancelled) echo "job $job $state" >&2; curl -s "$api/jobs/$job" >&2; exit 1 ;; esac
    sleep 2
  done
}
train_ncf() {
  local job
  job=$(curl -sf -X POST "$api/models" -H 'content-type: application/json' -d "{\"datasetId\":\"$1\",\"kind\":\"ncf\"}" | field '["id"]')
  wait_job "$job"
  curl -sf "$api/jobs/$job" | field '["resultId"]'
}

echo "importing $data and training ncf ..." >&2
source_id=$(curl -sf -F "file=@$data" -F name=ml-100k "$api/datasets" | field '["id"]')
source_model=$(train_ncf "$source_id")
pairs="ml-100k:$source_id:$source_model"
if [ -z "${SOURCE_ONLY:-}" ]; then
  echo "training GANRS (paper defaults) and sampling 8,000 x 4,000 with 800K samples ..." >&2
  job=$(curl -sf -X POST "$api/generators" -H 'content-type: application/json' -d "{\"sourceDatasetId\":\"$source_id\"}" | field '["id"]')
  wait_job "$job"
  generator=$(curl -sf "$api/jobs/$job" | field '["resultId"]')
  job=$(curl -sf -X POST "$api/synthetic" -H 'content-type: application/json' \
    -d "{\"generatorId\":\"$generator\",\"users\":8000,\"items\":4000,\"samples\":800000,\"seed\":1}" | field '["id"]')
  wait_job "$job"
  synthetic_id=$(curl -sf "$api/jobs/$job" | field '["resultId"]')
  echo "training ncf on the synthetic set ..." >&2
  synthetic_model=$(train_ncf "$synthetic_id")
  pairs="$pairs synthetic-8000x4000:$synthetic_id:$synthetic_model"
fi

echo "| dataset | items | HTTP q/s | HTTP p50 ms | HTTP p99 ms | engine q/s | engine p50 ms | engine p99 ms | HTTP/engine q/s |"
echo "|---|---|---|---|---|---|---|---|---|"
for pair in $pairs; do
  IFS=: read -r name dataset model <<<"$pair"
  curl -sf "$api/datasets/$dataset/users?count=10000" | python3 -c "import json,sys; print('\n'.join(json.load(sys.stdin)))" >"$work/users.txt"
  # Warm the model into the grain before measuring.
  curl -sf "$api/models/$model/recommendations?user=$(head -1 "$work/users.txt")" >/dev/null
  http=$(USERS_FILE="$work/users.txt" MODEL_ID=$model wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" -s "$root/bench/topn.lua" "http://127.0.0.1:$web_port" | sed -n 's/^WRK //p')
  model_hash=$(curl -sf "$api/models/$model" | field '["artifact"]["hash"]')
  dataset_hash=$(curl -sf "$api/datasets/$dataset" | field '["artifact"]["hash"]')
  engine=$(dotnet "$bin/GanRsSandbox.Bench/release/GanRsSandbox.Bench.dll" topn --model "$work/artifacts/$model_hash" \
    --dataset "$work/artifacts/$dataset_hash" --users "$work/users.txt" --seconds "$seconds" --threads 2)
  python3 - "$name" "$http" "$engine" <<'PY'
import json, sys
name, http, engine = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
assert http["errors"] == 0 and http["non2xx"] == 0, f"HTTP errors: {http}"
qps = http["requests"] / http["seconds"]
print(f"| {name} | {engine['items']:,} | {qps:,.0f} | {http['p50']:.2f} | {http['p99']:.2f} | {engine['qps']:,.0f} | {engine['p50']:.2f} | {engine['p99']:.2f} | {qps / engine['qps']:.2f} |")
PY
done
