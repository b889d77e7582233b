#!/usr/bin/env python3
"""Writes numpy-digits-cases.json: numpy's own split of the handwritten digits and the post's
loop trained on it for 100 steps, for DigitsTests.

The split is what `set data digits train=N validation=V noise=P seed=S` builds, done here with
numpy's RandomState itself (dropout reproduces its draws):

    rs = np.random.RandomState(S)
    perm = rs.permutation(1797)               # training rows perm[:N], in that order,
                                              # validation perm[N:N+V], test the rest
    labels = digit[perm[:N]]
    k = floor(P * N + 1/2)                    # the share P of the training labels, in rows
    if k > 0:
        for i in rs.permutation(N)[:k]:       # which training rows, in this order
            labels[i] = (labels[i] + 1 + rs.randint(9)) % 10   # each a different digit

Inputs are the 64 pixels / 16 and a last column of ones; targets are one-hot over 10 outputs.
Two cases train with `set loss cross_entropy` (output delta `layer_2 - y`) and `set weight_decay
L` (`L * synapse` added to each gradient, every row). The weights come from np.random.seed(1), as `set seed 1` (the default) draws them, and are kept
whole for the small network and every 8th (row-major) for the larger ones. The file also names
the BLAS numpy used, since numpy's products differ between kernels.
Run it from this folder with numpy installed; the tests only read its output.
"""
import csv
import json
import math
import numpy as np

from numpy_blas import numpy_blas

ROWS, PIXELS, CLASSES = 1797, 64, 10


def digits():
    with open("../../../data/digits.csv", newline="") as source:
        table = np.array([[int(v) for v in row] for row in csv.reader(source)])
    return np.hstack([table[:, :PIXELS] / 16.0, np.ones((ROWS, 1))]), table[:, PIXELS]


def split(train, validation, noise, seed):
    rs = np.random.RandomState(seed)
    perm = rs.permutation(ROWS)
    labels = DIGIT[perm[:train]].copy()
    scaled = noise * train
    k = math.floor(scaled) + (1 if scaled - math.floor(scaled) >= 0.5 else 0)
    if k > 0:
        for i in rs.permutation(train)[:k]:
            labels[i] = (labels[i] + 1 + rs.randint(9)) % CLASSES
    return perm, labels


def train(X, y, hidden, dropout, alpha, gradient, loss="squared", weight_decay=0.0, steps=100, seed=1):
    np.random.seed(seed)
    synapse_0 = 2 * np.random.random((X.shape[1], hidden)) - 1
    synapse_1 = 2 * np.random.random((hidden, CLASSES)) - 1
    scale = 1.0 / (1 - dropout)
    for _ in range(steps):
        a = 1 / (1 + np.exp(-(np.dot(X, synapse_0))))
        kept = np.random.binomial([np.ones((len(X), hidden))], 1 - dropout)[0] * scale
        layer_1 = a * kept
        layer_2 = 1 / (1 + np.exp(-(np.dot(layer_1, synapse_1))))
        if loss == "squared":
            layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
        else:  # cross_entropy: the sigmoid's slope cancels
            layer_2_delta = layer_2 - y
        derivative = layer_1 * (1 - layer_1) if gradient == "blog" else kept * (a * (1 - a))
        layer_1_delta = layer_2_delta.dot(synapse_1.T) * derivative
        if weight_decay > 0:  # the L2 penalty's gradient, every weight (the bias row too)
            synapse_1 -= alpha * (layer_1.T.dot(layer_2_delta) + weight_decay * synapse_1)
            synapse_0 -= alpha * (X.T.dot(layer_1_delta) + weight_decay * synapse_0)
        else:
            synapse_1 -= alpha * layer_1.T.dot(layer_2_delta)
            synapse_0 -= alpha * X.T.dot(layer_1_delta)
    return synapse_0, synapse_1


X_ALL, DIGIT = digits()
CASES = [
    # rows x features x hidden below dropout's BLAS threshold: products summed in numpy's order
    {"train": 60, "validation": 0, "noise": 0.0, "seed": 0,
     "hidden": 8, "dropout": 0.2, "alpha": 0.05, "gradient": "blog", "every": 1},
    {"train": 1000, "validation": 300, "noise": 0.1, "seed": 3,
     "hidden": 32, "dropout": 0.5, "alpha": 0.01, "gradient": "blog", "every": 8},
    # the benchmark's shape: every row, hidden 256, products split over the cores
    {"train": 1797, "validation": 0, "noise": 0.0, "seed": 0,
     "hidden": 256, "dropout": 0.5, "alpha": 0.001, "gradient": "exact", "every": 8},
    # `set loss cross_entropy`, below the BLAS threshold, and `set weight_decay 1` past it
    {"train": 60, "validation": 0, "noise": 0.0, "seed": 0,
     "hidden": 8, "dropout": 0.5, "alpha": 0.02, "gradient": "exact", "every": 1, "loss": "cross_entropy"},
    {"train": 1000, "validation": 300, "noise": 0.1, "seed": 3,
     "hidden": 32, "dropout": 0.5, "alpha": 0.01, "gradient": "blog", "every": 8, "weight_decay": 1.0},
]
cases, permutations = [], {}
for case in CASES:
    perm, labels = split(case["train"], case["validation"], case["noise"], case["seed"])
    X = X_ALL[perm[:case["train"]]]
    y = np.eye(CLASSES)[labels]
    s0, s1 = train(X, y, case["hidden"], case["dropout"], case["alpha"], case["gradient"],
                   case.get("loss", "squared"), case.get("weight_decay", 0.0))
    every = case["every"]
    permutations[str(case["seed"])] = perm.tolist()
    cases.append(dict(case, steps=100, training_labels=labels.tolist(),
                      synapse_0=s0.ravel()[::every].tolist(), synapse_1=s1.ravel()[::every].tolist()))
with open("numpy-digits-cases.json", "w") as out:
    json.dump({"numpy_blas": numpy_blas(), "permutations": permutations, "cases": cases}, out)
    out.write("\n")
