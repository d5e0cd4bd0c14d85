#!/usr/bin/env bash
# Popularity and liking (bench/README.md "Popularity and liking"): for each seed, one GANRS on ml-100k (the paper's
# settings), then from it, at the source's size (943 x 1,682, 100,000 ratings): the default matched set (linked), the
# same with --no-popularity-liking (unlinked), and the 30 % cold-start set (--cold-users 0.3:5). Prints rho items/users
# and the reference RMSE next to the source's, items' mean rating by popularity band, and F1@10 when every unrated item
# is ranked (--protocol all-items, threshold 4), overall and by activity bucket, for the source and each set.
# OLD_CLI=path/to/ganrs.dll adds the same linked set from an earlier release (its own generator, same seed), side by side.
# About 3 minutes a seed on 2 cores. Usage: bench/liking.sh [ml-100k folder] (SEEDS="1 2 3" to change the seeds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k}
seeds=${SEEDS:-1 2 3}
out=${OUT:-$root/artifacts/bench/liking}
if [ ! -f "$data/u.data" ]; then echo "bench: $data/u.data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
mkdir -p "$out"
dotnet build "$root/src/Cli" -c Release -v q -nologo >/dev/null
ganrs="dotnet $root/artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
size=(--users 943 --items 1682 --ratings 100000)
figures() { grep -E "^(ρ items|ρ users|reference RMSE  )" "$1" | sed 's/  */ /g'; }
# F1@10 at threshold 4, every model, then the activity buckets' table.
allitems() {
  $ganrs evaluate "$1" --protocol all-items --thresholds 4 --seed "$2" --by activity 2>/dev/null > "$1.eval"
  awk '/^threshold 4/{t=1; next} t && /^model/{next} t && NF==0{t=0} t{split($NF, f, "/"); printf "%s %s\n", $1, f[3]}' "$1.eval"
  sed -n '/^F1@10 by activity/,/^$/p' "$1.eval"
}
echo "== source"
for seed in $seeds; do echo "-- split seed $seed"; allitems "$data/u.data" "$seed"; done
for seed in $seeds; do
  echo "== seed $seed: linked (default)"
  $ganrs generate "$data/u.data" --seed "$seed" "${size[@]}" --generator-out "$out/g$seed.grsg" --out "$out/linked-s$seed.csv" > "$out/linked-s$seed.txt" 2>/dev/null
  figures "$out/linked-s$seed.txt"; allitems "$out/linked-s$seed.csv" "$seed"
  echo "== seed $seed: unlinked (--no-popularity-liking)"
  $ganrs generate "$data/u.data" --generator "$out/g$seed.grsg" --seed "$seed" "${size[@]}" --no-popularity-liking --out "$out/unlinked-s$seed.csv" > "$out/unlinked-s$seed.txt" 2>/dev/null
  figures "$out/unlinked-s$seed.txt"; allitems "$out/unlinked-s$seed.csv" "$seed"
  echo "== seed $seed: 30 % cold-start users (--cold-users 0.3:5)"
  $ganrs generate "$data/u.data" --generator "$out/g$seed.grsg" --seed "$seed" "${size[@]}" --cold-users 0.3:5 --out "$out/cold-s$seed.csv" > "$out/cold-s$seed.txt" 2>/dev/null
  figures "$out/cold-s$seed.txt"; allitems "$out/cold-s$seed.csv" "$seed"
  if [ -n "${OLD_CLI:-}" ]; then
    echo "== seed $seed: the earlier release's matched set"
    dotnet "$OLD_CLI" generate "$data/u.data" --seed "$seed" "${size[@]}" --out "$out/old-s$seed.csv" > "$out/old-s$seed.txt" 2>/dev/null
    figures "$out/old-s$seed.txt"; allitems "$out/old-s$seed.csv" "$seed"
  fi
  echo "== seed $seed: items' mean rating by popularity band"
  python3 "$root/bench/liking_bands.py" source="$data/u.data" linked="$out/linked-s$seed.csv" unlinked="$out/unlinked-s$seed.csv" \
    $( [ -n "${OLD_CLI:-}" ] && echo "earlier=$out/old-s$seed.csv" )
done
