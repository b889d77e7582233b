#!/usr/bin/env python3
"""Writes numpy-large-cases.json: the post's loop run by numpy on a network large enough for
every fast path of dropout's step (OpenBLAS split over the cores, the sigmoid and mask lanes,
the fused hidden delta, the mask drawn beside the forward product), for the parity tests.

The data is `set data random rows=256 features=32 outputs=4 seed=3`, built here the way
dropout's Dataset builds it. Every 16th weight of synapse_0 and every 2nd of synapse_1 are
kept (row-major), which keeps the file small and still reaches every row and column.
Weights are kept after step 3 (before rounding differences between BLAS kernels have grown)
and after step 30; the tests say which bar holds at each. The file also names the BLAS kernel
numpy used, since numpy's own results differ between kernels.
Run it from this folder with numpy installed; the tests only read its output.
"""
import json
import numpy as np

from numpy_blas import numpy_blas

ROWS, FEATURES, HIDDEN, OUTPUTS, DATA_SEED = 256, 32, 256, 4, 3


def dataset():
    generator = np.random.RandomState(DATA_SEED)
    X = generator.random_sample((ROWS, FEATURES))
    rule = 2 * generator.random_sample((FEATURES, OUTPUTS)) - 1
    y = np.zeros((ROWS, OUTPUTS))
    for r in range(ROWS):
        for o in range(OUTPUTS):
            total = 0.0
            for f in range(FEATURES):  # summed in dropout's order, so no target flips
                total += (float(X[r, f]) - 0.5) * float(rule[f, o])
            y[r, o] = 1.0 if total > 0 else 0.0
    return X, y


def train(X, y, checkpoints, dropout, gradient, alpha=0.5, seed=1):
    """The weights after each step in `checkpoints`."""
    np.random.seed(seed)
    synapse_0 = 2 * np.random.random((FEATURES, HIDDEN)) - 1
    synapse_1 = 2 * np.random.random((HIDDEN, OUTPUTS)) - 1
    scale = 1.0 / (1 - dropout)
    kept_weights = {}
    for step in range(1, max(checkpoints) + 1):
        a = 1 / (1 + np.exp(-(np.dot(X, synapse_0))))
        kept = np.random.binomial([np.ones((len(X), HIDDEN))], 1 - dropout)[0] * scale
        layer_1 = a * kept
        layer_2 = 1 / (1 + np.exp(-(np.dot(layer_1, synapse_1))))
        layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
        derivative = layer_1 * (1 - layer_1) if gradient == "blog" else kept * (a * (1 - a))
        layer_1_delta = layer_2_delta.dot(synapse_1.T) * derivative
        synapse_1 -= alpha * layer_1.T.dot(layer_2_delta)
        synapse_0 -= alpha * X.T.dot(layer_1_delta)
        if step in checkpoints:
            kept_weights[step] = (synapse_0.copy(), synapse_1.copy())
    return kept_weights


X, y = dataset()
cases = []
for dropout, gradient in [(0.5, "blog"), (0.3, "exact")]:
    for step, (s0, s1) in sorted(train(X, y, (3, 30), dropout, gradient).items()):
        cases.append({"dropout": dropout, "gradient": gradient, "steps": step,
                      "synapse_0_every_16th": s0.ravel()[::16].tolist(),
                      "synapse_1_every_2nd": s1.ravel()[::2].tolist()})
with open("numpy-large-cases.json", "w") as out:
    json.dump({"rows": ROWS, "features": FEATURES, "hidden": HIDDEN, "outputs": OUTPUTS,
               "data_seed": DATA_SEED, "numpy_blas": numpy_blas(), "cases": cases}, out)
    out.write("\n")
