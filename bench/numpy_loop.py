#!/usr/bin/env python3
"""The tutorial's training loop in numpy, for the benchmark: the same step dropout runs.

usage: numpy_loop.py ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS
Prints the seconds the loop itself took (after data and weights are made).
"""
import os
import sys
import time

import numpy as np

rows, features, hidden, outputs = (int(a) for a in sys.argv[1:5])
dropout, steps = float(sys.argv[5]), int(sys.argv[6])
alpha = 0.5

if (rows, features, outputs) == (4, 3, 1):
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
elif (rows, features, outputs) == (1797, 65, 10):
    # the handwritten digits, as `set data digits train=1797` has them: every row, in the order
    # of numpy's permutation of seed 0, pixels / 16 and a bias column, one-hot targets
    table = np.loadtxt(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "digits.csv"),
                       delimiter=",", dtype=np.int64)[np.random.RandomState(0).permutation(rows)]
    X = np.hstack([table[:, :64] / 16.0, np.ones((rows, 1))])
    y = np.eye(outputs)[table[:, 64]]
    # the post's alpha, on gradients summed over 1,797 rows, saturates every unit in one step
    # (and overflows exp); compare.py gives dropout the same alpha
    alpha = 0.001
else:
    data = np.random.RandomState(0)
    X = data.random_sample((rows, features))
    y = (data.random_sample((rows, outputs)) > 0.5).astype(float)

np.random.seed(1)
synapse_0 = 2 * np.random.random((features, hidden)) - 1
synapse_1 = 2 * np.random.random((hidden, outputs)) - 1

start = time.perf_counter()
for j in range(steps):
    layer_1 = 1 / (1 + np.exp(-(np.dot(X, synapse_0))))
    if dropout > 0:
        layer_1 *= np.random.binomial([np.ones((len(X), hidden))], 1 - dropout)[0] * (1.0 / (1 - dropout))
    layer_2 = 1 / (1 + np.exp(-(np.dot(layer_1, synapse_1))))
    layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
    layer_1_delta = layer_2_delta.dot(synapse_1.T) * (layer_1 * (1 - layer_1))
    synapse_1 -= alpha * layer_1.T.dot(layer_2_delta)
    synapse_0 -= alpha * X.T.dot(layer_1_delta)
print(f"{time.perf_counter() - start:.6f}")
