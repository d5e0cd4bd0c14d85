#!/usr/bin/env bash
# Trains the six baselines on MovieLens 100K with ganrs and with the PyTorch peer (shared/bench/peer_pytorch.py),
# same seed, test ratio, epochs and batch, one after the other in this one run, and prints the ratios.
# Needs: apt-get install -y python3-torch python3-numpy  (the peer's dependencies).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/datasets/ml-100k/u.data}
peer=${PEER:-$root/../shared/bench/peer_pytorch.py}
epochs=${EPOCHS:-10}
batch=${BATCH:-32}
seed=${SEED:-42}
out=${OUT:-$root/artifacts/bench/baselines}
if [ ! -f "$data" ]; then echo "bench: $data not found; this benchmark needs the shared MovieLens 100K copy" >&2; exit 0; fi
if [ ! -f "$peer" ]; then echo "bench: peer $peer not found" >&2; exit 0; fi
mkdir -p "$out"
dotnet build "$root/src/Cli" -c Release -v q -nologo >/dev/null
ganrs="dotnet $root/artifacts/bin/GanRsSandbox.Cli/release/ganrs.dll"
echo "ganrs evaluate ..." >&2
$ganrs evaluate "$data" --seed "$seed" --epochs "$epochs" --batch "$batch" --test-ratio 0.2 --json "$out/ours.json" >/dev/null
echo "peer (2 threads, its default) ..." >&2
/usr/bin/python3 "$peer" baselines "$data" --seed "$seed" --epochs "$epochs" --batch "$batch" --test-ratio 0.2 --threads 2 --json "$out/peer2.json"
echo "peer (1 thread) ..." >&2
/usr/bin/python3 "$peer" baselines "$data" --seed "$seed" --epochs "$epochs" --batch "$batch" --test-ratio 0.2 --threads 1 --json "$out/peer1.json"
/usr/bin/python3 "$root/bench/compare_baselines.py" "$out/ours.json" "$out/peer2.json" "$out/peer1.json" | tee "$out/table.md"
