"""Writes an ML-25M-like ratings.csv: MovieLens latest's header and id ranges, half-star ratings, long-tailed users.

Usage: python3 bench/make_ratings.py RATINGS PATH
"""
import random
import sys

n, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
items = 62_423
with open(path, "w", buffering=1 << 22) as out:
    out.write("userId,movieId,rating,timestamp\n")
    # Distinct (user, item) pairs: each user rates a contiguous run of a shuffled item order, long-tailed run lengths.
    written, user = 0, 1
    while written < n:
        length = min(n - written, min(items, int(random.paretovariate(1.2) * 20)))
        start = random.randrange(items)
        lines = []
        for k in range(length):
            item = (start + k * 7919) % items + 1
            lines.append(f"{user},{item},{random.randint(1, 10) / 2},{1500000000 + k}\n")
        out.write("".join(lines))
        written += length
        # A new user per run, never wrapping: the pairs stay distinct, as in MovieLens (about 200K users for 25M).
        user += 1
