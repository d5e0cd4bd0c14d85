#!/usr/bin/env bash
# The soak benchmark: 30 minutes of mixed load on a silo and the web host on loopback, the silo killed (SIGKILL) and
# restarted every 5 minutes; see bench/soak.py. Needs: apt-get install -y wrk. MINUTES=5 RESTART_MINUTES=1 for a short run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
dotnet build "$root/GanRsSandbox.sln" -c Release -v q -nologo >/dev/null
python3 "$root/bench/soak.py" "$data"
