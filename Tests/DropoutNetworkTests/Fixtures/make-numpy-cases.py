#!/usr/bin/env python3
"""Writes numpy-cases.json: the post's training loop run by numpy itself, for the parity tests.

The loop is the post's, with the settings the dropout lab adds (scaling, gradient) spelled out.
Run it from this folder with numpy installed; the tests only read its output.
"""
import json
import numpy as np

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0, 1, 1, 0]]).T


def train(seed, steps, alpha=0.5, hidden=4, dropout=0.2, scaling="inverted", gradient="blog"):
    np.random.seed(seed)
    synapse_0 = 2 * np.random.random((3, hidden)) - 1
    synapse_1 = 2 * np.random.random((hidden, 1)) - 1
    scale = 1.0 / (1 - dropout) if scaling == "inverted" else 1.0
    for _ in range(steps):
        a = 1 / (1 + np.exp(-(np.dot(X, synapse_0))))
        layer_1 = a.copy()
        kept = np.ones_like(a)
        if dropout > 0:
            kept = np.random.binomial([np.ones((len(X), hidden))], 1 - dropout)[0] * scale
            layer_1 *= kept
        layer_2 = 1 / (1 + np.exp(-(np.dot(layer_1, synapse_1))))
        layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
        if gradient == "blog":
            derivative = layer_1 * (1 - layer_1)
        else:
            derivative = kept * (a * (1 - a))
        layer_1_delta = layer_2_delta.dot(synapse_1.T) * derivative
        synapse_1 -= alpha * layer_1.T.dot(layer_2_delta)
        synapse_0 -= alpha * X.T.dot(layer_1_delta)
    return synapse_0, synapse_1


CASES = [
    ("the post's code, 60000 steps", 1, 60000, {}),
    ("no dropout, 60000 steps", 1, 60000, {"dropout": 0.0}),
    ("no scaling, 5000 steps", 1, 5000, {"scaling": "none"}),
    ("classic scaling, seed 7, 5000 steps", 7, 5000, {"scaling": "classic", "dropout": 0.5}),
    ("exact gradient, 5000 steps", 1, 5000, {"gradient": "exact"}),
    ("dropout 0.7 (p <= 0.5 branch), hidden 8, 3000 steps", 3, 3000, {"dropout": 0.7, "hidden": 8}),
]

cases = []
for name, seed, steps, overrides in CASES:
    params = {"alpha": 0.5, "hidden": 4, "dropout": 0.2, "scaling": "inverted", "gradient": "blog"}
    params.update(overrides)
    s0, s1 = train(seed, steps, **params)
    cases.append({"name": name, "seed": seed, "steps": steps, "params": params,
                  "synapse_0": s0.tolist(), "synapse_1": s1.tolist()})

np.random.seed(5)
masks = np.random.binomial([np.ones((64, 16))], 0.3)[0].astype(int).tolist()
with open("numpy-cases.json", "w") as out:
    json.dump({"cases": cases, "binomial_keep03_seed5_64x16": masks}, out, indent=1)
    out.write("\n")
