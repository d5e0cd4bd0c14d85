#!/usr/bin/env python3
"""scikit-learn's KMeans (n_init=1, the authors' and peer_pytorch.py's settings) on a float32 point file written
by GanRsSandbox.Bench, so that both sides cluster the very same points. Prints JSON."""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

path, dim, k, iterations, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
x = np.fromfile(path, dtype=np.float32).reshape(-1, dim)
t = time.perf_counter()
km = KMeans(n_clusters=k, n_init=1, max_iter=iterations, random_state=seed).fit(x)
print(json.dumps({"peer": "sklearn KMeans(n_init=1)", "n": len(x), "k": k, "iterations": int(km.n_iter_),
                  "inertia": float(km.inertia_), "seconds": time.perf_counter() - t}))
