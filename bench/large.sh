#!/usr/bin/env bash
# Training on an ML-25M-sized source (25M half-star ratings, 248K users, 62K items; bench/make_ratings.py):
# each of the six baselines for one epoch at batch 1024, DeepMF's throughput at the paper's batch 32 (on a 2M-rating
# prefix, the same per-rating work), and GANRS end to end with one pre-training epoch. Prints wall seconds, training
# throughput and peak memory (max RSS) side by side with the machine's 24 GB.
# Usage: bench/large.sh [RATINGS] (default 25000000). Needs about 1.5 GB of free disk under $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ratings=${1:-25000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -v q >/dev/null
ganrs="dotnet artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
python3 bench/make_ratings.py "$ratings" "$work/ratings.csv"
$ganrs import "$work/ratings.csv" --out "$work/source.grsd" >/dev/null 2>&1
head -2000001 "$work/ratings.csv" >"$work/prefix.csv"
memory=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
echo "source: $ratings ratings (80/20 split: $((ratings * 4 / 5)) train); machine memory $memory MB"

measure() { # label, json, command...
    local label=$1 json=$2; shift 2
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { tail -5 "$work/err"; exit 1; }
    read -r seconds kb <"$work/time"
    local rate=""
    [ -f "$json" ] && rate=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['models'][0]; print(f\"{m['trainSeconds']:.1f} s train, {m['samplesPerSecond']:,.0f} ratings/s\")" "$json")
    printf '%-36s %8.1f s %7d MB peak (%4.1f %% of memory)  %s\n' "$label" "$seconds" "$((kb / 1024))" "$(echo "$kb / 10.24 / $memory" | bc -l)" "$rate"
}
for model in deepmf vdeepmf ncf ncf-classification ncf-improved ncf-binary; do
  measure "$model, 1 epoch, batch 1024" "$work/$model.json" \
    $ganrs evaluate "$work/source.grsd" --models $model --epochs 1 --batch 1024 --json "$work/$model.json"
done
measure "deepmf, 1 epoch, batch 32, 2M prefix" "$work/deepmf32.json" \
  $ganrs evaluate "$work/prefix.csv" --models deepmf --epochs 1 --batch 32 --json "$work/deepmf32.json"
measure "GANRS: pretrain 1 epoch (batch 1024), 2000 iterations, 800K samples" "" \
  $ganrs generate "$work/source.grsd" --out "$work/synthetic.csv" --pretrain-epochs 1 --pretrain-batch 1024 --iterations 2000 --json "$work/generate.json"
python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['seconds']; print('  GANRS seconds: ' + ', '.join(f'{k} {v:.1f}' for k, v in s.items()))" "$work/generate.json"
