#!/usr/bin/env python3
"""Mean rating of items by how often they are rated, and how many of the best-rated tenth each band holds.

Usage: liking_bands.py LABEL=FILE ... (u.data or a CSV with a user,item,rating header). Prints one row per file.
"""
import sys
from collections import defaultdict

BANDS = [(1, 3), (3, 10), (10, 50), (50, 150), (150, 10**9)]


def load(path):
    sums, counts = defaultdict(float), defaultdict(int)
    with open(path) as f:
        first = True
        for line in f:
            if first and not path.endswith("u.data"):
                first = False
                continue
            parts = line.replace("\t", ",").split(",")
            item, rating = parts[1], float(parts[2])
            sums[item] += rating
            counts[item] += 1
    return {i: (counts[i], sums[i] / counts[i]) for i in counts}


def main():
    header = "| set | " + " | ".join(f"items rated {lo}-{hi - 1 if hi < 10**9 else '…'}: mean, share of top tenth" for lo, hi in BANDS) + " |"
    print(header)
    print("|" + "---|" * (len(BANDS) + 1))
    for arg in sys.argv[1:]:
        label, path = arg.split("=", 1)
        items = load(path)
        means = sorted(m for _, m in items.values())
        top = means[int(0.9 * len(means))]
        cells = []
        for lo, hi in BANDS:
            band = [m for n, m in items.values() if lo <= n < hi]
            if not band:
                cells.append("–")
                continue
            cells.append(f"{sum(band) / len(band):.2f}, {sum(1 for m in band if m >= top) / len(band):.2f} ({len(band)})")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
