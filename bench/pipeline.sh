#!/usr/bin/env bash
# The whole GANRS pipeline on MovieLens 100K in the paper's setting (2,000 users, 4,000 items, 800K samples,
# sigma 2.5): ganrs generate vs ../shared/bench/peer_pytorch.py ganrs (PyTorch + scikit-learn), same seed,
# one after the other in this run. The peer takes about 20 minutes, almost all in scikit-learn's k-means.
# Needs: apt-get install -y python3-torch python3-sklearn python3-numpy
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
peer=${PEER:-$root/../shared/bench/peer_pytorch.py}
seed=${SEED:-1}
out=${OUT:-$root/artifacts/bench/pipeline}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
mkdir -p "$out"
dotnet build "$root/src/Cli" -c Release -v q -nologo >/dev/null
ganrs="dotnet $root/artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
for variant in stable ganrs; do
  echo "ganrs generate --variant $variant ..." >&2
  $ganrs generate "$data" --users 2000 --items 4000 --samples 800000 --noise-std 2.5 --seed "$seed" --variant "$variant" \
    --out "$out/ours-$variant.csv" --json "$out/ours-$variant.json" >/dev/null
done
echo "peer ganrs ..." >&2
/usr/bin/python3 "$peer" ganrs "$data" --users 2000 --items 4000 --samples 800000 --std 2.5 --seed "$seed" --json "$out/peer.json" >/dev/null
/usr/bin/python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
s, g, p = (json.load(open(f"{out}/{n}.json")) for n in ("ours-stable", "ours-ganrs", "peer"))
print("| | pretrain s | GAN s | sample s | cluster s | total s | rating TVD | ratings | gini users | gini items |")
print("|---|---|---|---|---|---|---|---|---|---|")
for name, r in (("ours, stable (default)", s), ("ours, --variant ganrs", g)):
    sec, f = r["seconds"], r["fidelity"]
    print(f"| {name} | {sec['pretrain']:.1f} | {sec['gan']:.1f} | {sec['sample']:.1f} | {sec['cluster']:.1f} | {sec['total']:.1f} | "
          f"{f['ratingTvd']:.3f} | {r['ratings']:,} | {f['giniUsers']['synthetic']:.3f} | {f['giniItems']['synthetic']:.3f} |")
sec = p["seconds"]
print(f"| peer (PyTorch + sklearn) | {sec['pretrain']:.1f} | {sec['gan']:.1f} | {sec['sample']:.1f} | {sec['cluster']:.1f} | {sec['total']:.1f} | "
      f"{p['ratingTvd']:.3f} | {p['synthetic']['ratings']:,} | {p['synthetic']['giniUsers']:.3f} | {p['synthetic']['giniItems']:.3f} |")
print()
print(f"total time ratio peer / ours: stable {sec['total'] / s['seconds']['total']:.1f}x, ganrs {sec['total'] / g['seconds']['total']:.1f}x")
PY
