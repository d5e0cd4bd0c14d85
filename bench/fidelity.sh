#!/usr/bin/env bash
# The fidelity benchmark: for seeds 1-5, one GANRS trained on the source per seed (and one Wasserstein GANRS for the
# wgan variant), then every variant sampled from it side by side at the paper setting (2,000 users x 4,000 items, 800K samples, sigma 2.5; the matched variant also
# with --ratings 300000) and at 8,000 x 4,000; then the ranking verdict (six models x split seeds 1-3 on source and
# synthetic set) for the matched variant at 300K ratings. Prints one table per metric (bench/fidelity_tables.py).
# About 1.5 hours on 2 cores for ml-100k. Usage: bench/fidelity.sh [u.data] (SEEDS=1,2,3 to shorten).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
seeds=${SEEDS:-1,2,3,4,5}
out=${OUT:-$root/artifacts/bench/fidelity}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
mkdir -p "$out/variants" "$out/ranking"
dotnet build "$root/bench/GanRsSandbox.Bench" -c Release -v q -nologo >/dev/null
bench="dotnet $root/artifacts/bin/GanRsSandbox.Bench/release/GanRsSandbox.Bench.dll"
: > "$out/variants/fidelity.jsonl"
$bench fidelity --source "$data" --work "$out/variants" --seeds "$seeds" --settings paper,wide --variants matched,stable,ganrs,popular,wgan >/dev/null
# The ranking run reuses the generators trained above.
cp "$out"/variants/g*.grsg "$out/ranking/"
: > "$out/ranking/fidelity.jsonl"
$bench fidelity --source "$data" --work "$out/ranking" --seeds "$seeds" --settings paper --variants matched \
  --ranking-seeds "$seeds" --ranking-variants matched --ranking-ratings 300000 >/dev/null
python3 "$root/bench/fidelity_tables.py" "$out/variants/fidelity.jsonl" "$out/ranking/fidelity.jsonl"
