#!/usr/bin/env bash
# The scenario benchmark (issue 15's acceptance): on ml-100k with u.user, for each seed one conditional GANRS
# (--condition gender) at the paper setting (2,000 users x 4,000 items, 800K samples), then from the same generator:
# the source's gender shares, --group-shares F=0.5,M=0.5, and --cold-users 0.3:5 at the source's 100,000 ratings. Prints the group shares and each
# group's rating TVD next to the source's, the cold share, and F1@10 by activity bucket and by gender on the source and
# on the cold-start set for every model (evaluate --by). About 12 minutes a seed on 2 cores.
# Usage: bench/scenarios.sh [ml-100k folder] (SEEDS="1 2 3" to change the seeds, PROTOCOL=all-items to rank every
# unrated item instead of the user's test items).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k}
seeds=${SEEDS:-1}
protocol=${PROTOCOL:-thresholded}
out=${OUT:-$root/artifacts/bench/scenarios}
if [ ! -f "$data/u.data" ] || [ ! -f "$data/u.user" ]; then echo "bench: $data/u.data or u.user not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
mkdir -p "$out"
dotnet build "$root/src/Cli" -c Release -v q -nologo >/dev/null
ganrs="dotnet $root/artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
scenario() { grep -A30 '^scenario' "$1" | sed -n '1,/^seconds/p' | grep -v '^seconds'; }
for seed in $seeds; do
  echo "== seed $seed: --condition gender (source shares)"
  $ganrs generate "$data/u.data" --users-file "$data/u.user" --condition gender --seed "$seed" \
    --out "$out/cond-s$seed.csv" --generator-out "$out/cond-s$seed.grsg" > "$out/cond-s$seed.txt" 2> "$out/cond-s$seed.log"
  scenario "$out/cond-s$seed.txt"
  echo "== seed $seed: --group-shares F=0.5,M=0.5"
  $ganrs generate "$data/u.data" --generator "$out/cond-s$seed.grsg" --group-shares F=0.5,M=0.5 --seed "$seed" \
    --out "$out/balanced-s$seed.csv" > "$out/balanced-s$seed.txt" 2> "$out/balanced-s$seed.log"
  scenario "$out/balanced-s$seed.txt"
  echo "== seed $seed: --cold-users 0.3:5"
  $ganrs generate "$data/u.data" --generator "$out/cond-s$seed.grsg" --cold-users 0.3:5 --ratings 100000 --seed "$seed" \
    --out "$out/cold-s$seed.csv" > "$out/cold-s$seed.txt" 2> "$out/cold-s$seed.log"
  scenario "$out/cold-s$seed.txt"
  echo "== seed $seed: F1@10 by segment ($protocol protocol), source then the cold-start set"
  $ganrs evaluate "$data/u.data" --users-file "$data/u.user" --by activity,gender --protocol "$protocol" --seed "$seed" 2>/dev/null | sed -n '/^F1@10/,$p'
  $ganrs evaluate "$out/cold-s$seed.csv" --users-file "$out/cold-s$seed.users.csv" --by activity,gender --protocol "$protocol" --seed "$seed" 2>/dev/null | sed -n '/^F1@10/,$p'
done
