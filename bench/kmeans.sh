#!/usr/bin/env bash
# k-means: ours vs scikit-learn on the same 800K x 5 standard-normal points into 2,000 clusters (the paper's
# user clustering size), then ours on 3M x 5 into 8,000 against the arithmetic floor of one brute-force
# assignment pass at this machine's measured matrix-multiply rate. One run, side by side.
# Needs: apt-get install -y python3-sklearn python3-numpy
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$root/artifacts/bench/kmeans}
mkdir -p "$out"
dotnet build "$root/bench/GanRsSandbox.Bench" -c Release -v q -nologo >/dev/null
bench="dotnet $root/artifacts/bin/GanRsSandbox.Bench/release/GanRsSandbox.Bench.dll"
echo "ours, 800K x 5 -> 2000 ..." >&2
$bench kmeans --n 800000 --dim 5 --k 2000 --seed 1 --iterations 100 --write-points "$out/points800k.f32" > "$out/ours800k.json"
echo "scikit-learn on the same points ..." >&2
/usr/bin/python3 "$root/bench/kmeans_peer.py" "$out/points800k.f32" 5 2000 100 1 > "$out/peer800k.json"
echo "ours, 3M x 5 -> 8000, and the floor ..." >&2
$bench kmeans --n 3000000 --dim 5 --k 8000 --seed 1 --iterations 100 > "$out/ours3m.json"
$bench gemm-rate > "$out/gemm.json"
rm -f "$out/points800k.f32"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
o, p, o3, g = (json.load(open(f"{out}/{n}.json")) for n in ("ours800k", "peer800k", "ours3m", "gemm"))
per_o, per_p = o["seconds"] / o["iterations"], p["seconds"] / p["iterations"]
print("| case | ours s (iter) | peer s (iter) | ratio total | ratio per iteration | inertia ours / peer |")
print("|---|---|---|---|---|---|")
print(f"| 800K x 5 -> 2000 | {o['seconds']:.1f} ({o['iterations']}) | {p['seconds']:.1f} ({p['iterations']}) | "
      f"{p['seconds'] / o['seconds']:.1f} | {per_p / per_o:.1f} | {o['inertia'] / p['inertia']:.4f} |")
floor = 2 * o3["n"] * o3["k"] * o3["dim"] / (g["gflops"] * 1e9)
print()
print(f"3M x 5 -> 8000: ours {o3['seconds']:.1f} s for {o3['iterations']} iterations ({o3['seconds'] / o3['iterations']:.2f} s each, seeding included); "
      f"one brute-force assignment pass at the measured {g['gflops']:.0f} GFLOP/s costs at least {floor:.2f} s, "
      f"so {o3['iterations']} brute-force passes would cost >= {floor * o3['iterations']:.0f} s: "
      f"ours is {floor * o3['iterations'] / o3['seconds']:.1f}x below that floor")
PY
