#!/usr/bin/env bash
# Import of an ML-25M-sized ratings.csv (25M half-star ratings, MovieLens latest's header and id ranges), measured
# side by side with the machine's limit: reading the same file once (cat) and counting its lines (wc -l).
# Prints wall seconds and peak memory (max RSS) of `ganrs import` and `ganrs stats`.
# Usage: bench/import.sh [RATINGS] (default 25000000). Needs about 2 GB of free disk under $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ratings=${1:-25000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -v q >/dev/null
ganrs="dotnet artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"

python3 bench/make_ratings.py "$ratings" "$work/ratings.csv"
size=$(stat -c %s "$work/ratings.csv")
echo "file: $ratings ratings, $((size / 1024 / 1024)) MiB"

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r seconds kb <"$work/time"
    printf '%-22s %8.1f s %8.0f MB peak\n' "$label" "$seconds" "$((kb / 1024))"
}
cat "$work/ratings.csv" >/dev/null # warm the page cache for every run alike
measure "cat (read once)" cat "$work/ratings.csv"
measure "wc -l" wc -l "$work/ratings.csv"
measure "ganrs import" $ganrs import "$work/ratings.csv" --out "$work/ratings.grsd" --duplicates last
measure "ganrs stats (csv)" $ganrs stats "$work/ratings.csv" --duplicates last
measure "ganrs stats (grsd)" $ganrs stats "$work/ratings.grsd"
