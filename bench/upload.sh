#!/usr/bin/env bash
# A 700 MB ratings.csv uploaded through the REST API (silo + web host on loopback), measured side by side with the
# file's size and with copying it on this machine: the web host's memory before, at its peak and its growth, the
# silo's peak, and the upload's wall time against `cp` of the same file.
# Usage: bench/upload.sh [RATINGS] (default 27500000, about 700 MB). Needs about 3 GB of free disk under $TMPDIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ratings=${1:-27500000}
work=$(mktemp -d)
web_port=5183 gateway=30183 silo_port=11183
api=http://127.0.0.1:$web_port/api
dotnet build GanRsSandbox.sln -c Release -v q -nologo >/dev/null
python3 bench/make_ratings.py "$ratings" "$work/ratings.csv"
size=$(stat -c %s "$work/ratings.csv")
bin=$root/artifacts/bin
dotnet "$bin/GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll" --data-dir "$work/data" --silo-port $silo_port --gateway-port $gateway >"$work/silo.log" 2>&1 &
silo_pid=$!
dotnet "$bin/GanRsSandbox.BlazorUi/release/GanRsSandbox.BlazorUi.dll" --urls "http://127.0.0.1:$web_port" --Cluster:GatewayPort=$gateway >"$work/web.log" 2>&1 &
web_pid=$!
trap 'kill $web_pid $silo_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$api/datasets" >/dev/null; do sleep 1; done

rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
# Warm both processes with a small upload so the baseline includes the code paths the large one takes.
head -100001 "$work/ratings.csv" >"$work/small.csv"
curl -sf -F "file=@$work/small.csv" -F name=warm-up "$api/datasets" >/dev/null
web_before=$(rss $web_pid)
silo_before=$(rss $silo_pid)

web_peak=$web_before silo_peak=$silo_before
start=$(date +%s.%N)
curl -sS --fail-with-body -F "file=@$work/ratings.csv" -F name=ml-25m-like "$api/datasets" -o "$work/created.json" &
curl_pid=$!
while kill -0 $curl_pid 2>/dev/null; do
  w=$(rss $web_pid); s=$(rss $silo_pid)
  [ "$w" -gt "$web_peak" ] && web_peak=$w
  [ "$s" -gt "$silo_peak" ] && silo_peak=$s
  sleep 0.2
done
wait $curl_pid || { echo "upload failed:"; cat "$work/created.json" 2>/dev/null; tail -20 "$work/web.log" "$work/silo.log"; exit 1; }
upload_seconds=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
cp "$work/ratings.csv" "$work/copy.csv"
copy_seconds=$(echo "$(date +%s.%N) - $start" | bc)
stored=$(python3 -c "import json; print(json.load(open('$work/created.json'))['stats']['ratings'])")

printf 'file: %s ratings, %d MiB; imported %s ratings\n' "$ratings" $((size / 1024 / 1024)) "$stored"
printf '%-34s %8d MB\n' "web host RSS before" "$web_before" "web host RSS peak" "$web_peak" "web host growth" $((web_peak - web_before)) \
  "silo RSS before" "$silo_before" "silo RSS peak" "$silo_peak"
printf '%-34s %8.2f\n' "web host growth / file size" "$(echo "($web_peak - $web_before) * 1048576 / $size" | bc -l)"
printf '%-34s %8.1f s\n' "upload + parse + store (API)" "$upload_seconds" "cp of the same file" "$copy_seconds"
