#!/usr/bin/env python3
"""Prints ours vs the PyTorch peer per baseline: training throughput ratios, RMSE and F1@10 side by side."""
import json
import sys


def f1_at(model, threshold, n=10):
    return next(c["f1"] for c in model["curves"] if c["threshold"] == threshold and c["n"] == n)


ours, peer2, peer1 = (json.load(open(p)) for p in sys.argv[1:4])
p2 = {m["name"]: m for m in peer2["models"]}
p1 = {m["name"]: m for m in peer1["models"]}
qs = sorted({c["threshold"] for c in ours["models"][0]["curves"]})
print(f"peer: {peer2.get('peer', 'pytorch')}; epochs {ours['models'][0]['epochs']}, batch {ours['models'][0]['batch']}, seed {ours['seed']}")
head = "| model | ours samples/s | peer samples/s (2 thr) | ratio | peer (1 thr) | ratio | RMSE ours | RMSE peer |"
head += "".join(f" F1@10 q={q} ours | peer |" for q in qs)
print(head)
print("|" + "---|" * (head.count("|") - 1))
for m in ours["models"]:
    a, b, c = m, p2[m["name"]], p1[m["name"]]
    rmse = lambda x: "-" if x.get("rmse") is None else f"{x['rmse']:.4f}"
    row = (f"| {m['name']} | {a['samplesPerSecond']:,.0f} | {b['samplesPerSecond']:,.0f} | {a['samplesPerSecond'] / b['samplesPerSecond']:.2f} "
           f"| {c['samplesPerSecond']:,.0f} | {a['samplesPerSecond'] / c['samplesPerSecond']:.2f} | {rmse(a)} | {rmse(b)} |")
    row += "".join(f" {f1_at(a, q):.4f} | {f1_at(b, q):.4f} |" for q in qs)
    print(row)
