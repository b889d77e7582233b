#!/usr/bin/env python3
"""The tutorial's training loop in PyTorch on the CPU, for the benchmark: the library a learner
would otherwise reach for, running the same arithmetic as bench/numpy_loop.py and dropout (the
mask comes from torch's own generator, so the numbers differ; the work does not).

usage: torch_loop.py ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS DTYPE   (DTYPE: float64, float32)
Prints the seconds the loop itself took (after data and weights are made).
"""
import sys
import time

import torch

rows, features, hidden, outputs = (int(a) for a in sys.argv[1:5])
dropout, steps, dtype = float(sys.argv[5]), int(sys.argv[6]), getattr(torch, sys.argv[7])
alpha = 0.5
torch.manual_seed(0)
# In float32 this loop's sigmoid slopes and deltas sink below 1.2e-38 within a few steps, and
# arithmetic on subnormal numbers is slow on x86: at 256x784x1024, 20 steps took 6.5 s with them
# and 1.7 s without. Flushing them to zero is what anyone timing float32 would do, so the figure
# measures PyTorch, not the subnormals. (float64's subnormals start at 2.2e-308; none appear.)
if dtype == torch.float32:
    torch.set_flush_denormal(True)

with torch.no_grad():
    X = torch.rand(rows, features, dtype=dtype)
    y = (torch.rand(rows, outputs, dtype=dtype) > 0.5).to(dtype)
    synapse_0 = 2 * torch.rand(features, hidden, dtype=dtype) - 1
    synapse_1 = 2 * torch.rand(hidden, outputs, dtype=dtype) - 1
    keep = torch.full((rows, hidden), 1 - dropout, dtype=dtype)

    start = time.perf_counter()
    for j in range(steps):
        layer_1 = torch.sigmoid(X @ synapse_0)
        if dropout > 0:
            layer_1 *= torch.bernoulli(keep) * (1.0 / (1 - dropout))
        layer_2 = torch.sigmoid(layer_1 @ synapse_1)
        layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
        layer_1_delta = (layer_2_delta @ synapse_1.T) * (layer_1 * (1 - layer_1))
        synapse_1 -= alpha * (layer_1.T @ layer_2_delta)
        synapse_0 -= alpha * (X.T @ layer_1_delta)
    print(f"{time.perf_counter() - start:.6f}")
