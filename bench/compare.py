#!/usr/bin/env python3
"""dropout against numpy and PyTorch on the same training loop, side by side in one run.

It first says what machine this is: the processor, its cores, and the BLAS and kernel each side
multiplies with (dropout's from `dropout --version`, numpy's from threadpoolctl, PyTorch's from
its build), since every figure below depends on them. PyTorch (bench/torch_loop.py, float64 and
float32) runs the large shapes where it is installed (pip install torch), and is left out with
a message where it is not.

For each shape the sides run in alternating order, REPEATS times; the best time of each counts.
Whole processes are timed (what a learner waits for), and a zero-step run of each side is
subtracted to get the cost per step. Peak resident memory comes from the kernel (ru_maxrss).
GFLOP/s is the five matrix products' arithmetic over their own time, which dropout-bench
measures in process (the products of a step, as the step computes them, best of five rounds);
the same five products are timed in numpy too (its third without the derivative's multiply,
which ours fuses into it). Each side also times its own two-core 2048x2048 product in those
rounds, and "% peak" is ours against the best of numpy's product at the start of the run and
the two measured beside this shape: the machine's peak as nearly as it can be measured here.
For the tutorial's shape it also compares a step with the arithmetic it needs: the same step
on 2048 rows instead of 4, where fixed costs per step vanish, per 4 rows.

usage: compare.py [--smoke]   (--smoke: one short run of each shape, no figures worth quoting)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DROPOUT = os.path.join(HERE, "..", ".build", "release", "dropout")
STEP_TIMER = os.path.join(HERE, "..", ".build", "release", "dropout-bench")
SMOKE = "--smoke" in sys.argv
REPEATS = 1 if SMOKE else 3

# The handwritten digits' shape (rows, inputs with the bias, outputs): dropout trains on them
# with `set data digits train=1797`, numpy_loop.py on the same rows from data/digits.csv.
DIGITS = (1797, 65, 10)
# name, rows, features, hidden, outputs, dropout, steps
SHAPES = [
    ("tutorial xor, hidden 4", 4, 3, 4, 1, 0.2, 60000),
    ("xor, hidden 64", 4, 3, 64, 1, 0.2, 60000),
    ("random 2048x64, hidden 512, 10 out", 2048, 64, 512, 10, 0.5, 100),
    ("random 256x784, hidden 1024, 10 out", 256, 784, 1024, 10, 0.2, 100),
    # issue 14's target: a step on all 1,797 digits with hidden 256 at least 5x numpy's
    ("digits 1797x65, hidden 256, 10 out", DIGITS[0], DIGITS[1], 256, DIGITS[2], 0.5, 100),
]


def numpy_environment():
    """Older OpenBLAS builds need OPENBLAS_CORETYPE on some processors; a current numpy is only
    slowed by it, so the benchmark unsets both variables for numpy's processes alone."""
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def timed(command, stdin_text=None, env=None):
    """Wall seconds and peak resident kilobytes of one child process (from wait4, so each
    process is measured on its own)."""
    with tempfile.TemporaryFile("w+") as stdin, tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        stdin.write(stdin_text or "")
        stdin.seek(0)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=stderr, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode != 0:
            sys.exit(f"benchmark command failed: {' '.join(command)}\n{stderr.read()}")
        return seconds, usage.ru_maxrss, stdout.read()


def dropout_script(rows, features, hidden, outputs, dropout, steps):
    if (rows, features, outputs) == (4, 3, 1):
        lines = []
    elif (rows, features, outputs) == DIGITS:
        lines = ["set data digits train=1797", "set alpha 0.001"]  # numpy_loop.py's alpha for them
    else:
        lines = [f"set data random rows={rows} features={features} outputs={outputs}"]
    lines += [f"set hidden {hidden}", f"set dropout {dropout}"]
    if steps:
        lines.append(f"step {steps}")
    return "\n".join(lines) + "\n"


def run_dropout(shape, steps):
    _, rows, features, hidden, outputs, dropout, _ = shape
    seconds, peak, _ = timed([DROPOUT], dropout_script(rows, features, hidden, outputs, dropout, steps))
    return seconds, peak


def run_torch(shape, steps, dtype):
    """The loop's own seconds, as torch_loop.py times them: importing torch alone takes a second
    or two and varies by more than the loop takes, so a zero-step process is no baseline."""
    _, rows, features, hidden, outputs, dropout, _ = shape
    command = [sys.executable, os.path.join(HERE, "torch_loop.py"),
               *map(str, (rows, features, hidden, outputs, dropout, steps)), dtype]
    _, _, output = timed(command)
    return float(output)


def run_numpy(shape, steps):
    _, rows, features, hidden, outputs, dropout, _ = shape
    command = [sys.executable, os.path.join(HERE, "numpy_loop.py"), *map(str, (rows, features, hidden, outputs, dropout, steps))]
    seconds, peak, _ = timed(command, env=numpy_environment())
    return seconds, peak


def in_process(rows, features, hidden, outputs, dropout, steps):
    """dropout-bench's best seconds per step and per step's products."""
    _, _, output = timed([STEP_TIMER, *map(str, (rows, features, hidden, outputs, dropout, steps))])
    return json.loads(output)


def memory_budget_mb(rows, features, hidden, outputs):
    """The issue's memory target: 1.5 times the data, weights and activations, plus 30 MB.
    Activations are the arrays a step keeps: the hidden activation, mask, layer_1 and its delta,
    layer_2 and its delta, and the two weight gradients."""
    data = rows * (features + outputs)
    weights = features * hidden + hidden * outputs
    activations = 4 * rows * hidden + 2 * rows * outputs + weights
    return 1.5 * 8 * (data + weights + activations) / 2**20 + 30


NUMPY_PRODUCTS = """
import json, sys, time, numpy as np
rows, features, hidden, outputs, steps = map(int, sys.argv[1:])
rng = np.random.default_rng(0)
X, y = rng.random((rows, features)), rng.random((rows, outputs))
synapse_0, synapse_1 = rng.random((features, hidden)) - 0.5, rng.random((hidden, outputs)) - 0.5
layer_1, layer_2_delta = rng.random((rows, hidden)), rng.random((rows, outputs))
layer_1_delta = rng.random((rows, hidden))
a, b = rng.random((2048, 2048)), rng.random((2048, 2048))
def products():
    X.dot(synapse_0); layer_1.dot(synapse_1); layer_2_delta.dot(synapse_1.T)
    layer_1.T.dot(layer_2_delta); X.T.dot(layer_1_delta)
def seconds(work, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        work()
    return (time.perf_counter() - start) / repeat
products(); a @ b
best_products = best_square = float("inf")
for _ in range(5):
    best_products = min(best_products, seconds(products, steps))
    best_square = min(best_square, seconds(lambda: a @ b, 1))
print(json.dumps({"products": best_products, "peak": 2 * 2048 ** 3 / best_square / 1e9}))
"""


def numpy_products(rows, features, hidden, outputs, steps):
    """The post's five products in numpy, on arrays of the step's shapes, and numpy's 2048x2048
    matmul, in the same rounds as dropout-bench times ours: numpy's best seconds per step's
    products and its peak GFLOP/s, so that its share of its own peak is the ceiling to read ours
    against."""
    result = subprocess.run([sys.executable, "-c", NUMPY_PRODUCTS, *map(str, (rows, features, hidden, outputs, steps))],
                            capture_output=True, text=True, env=numpy_environment())
    return json.loads(result.stdout)


def peak_gflops():
    code = ("import numpy as np, time; a = np.random.random((2048, 2048)); b = np.random.random((2048, 2048)); a @ b\n"
            "best = min((lambda s: (a @ b, time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(3))\n"
            "print(2 * 2048 ** 3 / best / 1e9)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=numpy_environment())
    return float(result.stdout)


def runnable_kernels():
    """OpenBLAS's kernels this processor can run (Tests/openblas-kernels.txt)."""
    flags = set(next((line.split(":", 1)[1].split() for line in open("/proc/cpuinfo") if line.startswith("flags")), []))
    with open(os.path.join(HERE, "..", "Tests", "openblas-kernels.txt")) as table:
        rows = [line.split() for line in table if line.strip() and not line.startswith("#")]
    return [name for name, *needs in rows if flags.issuperset(needs)]


def memory_on_every_kernel():
    """Peak memory of each large shape under every kernel the processor runs: OpenBLAS's
    buffers are sized per kernel, and the budget must hold for whichever one a machine gets."""
    print()
    for shape in SHAPES[2:]:
        name, rows, features, hidden, outputs, dropout, _ = shape
        steps = 1 if SMOKE else 10
        script = dropout_script(rows, features, hidden, outputs, dropout, steps)
        peaks = {}
        for kernel in runnable_kernels():
            _, peak, _ = timed([DROPOUT], script, env=dict(os.environ, OPENBLAS_CORETYPE=kernel))
            peaks[kernel] = peak / 1024
        worst = max(peaks, key=peaks.get)
        print(f"peak memory, {name}, {len(peaks)} kernels: {min(peaks.values()):.1f} to {peaks[worst]:.1f} MB"
              f" ({worst}); budget {memory_budget_mb(rows, features, hidden, outputs):.1f} MB")


def python_has(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def describe_machine(have_numpy, have_torch):
    """The lines that say where the figures come from."""
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 "unknown processor")
    print(f"machine: {model}, {os.cpu_count()} cores")
    _, _, version = timed([DROPOUT, "--version"])
    for line in version.splitlines()[1:]:
        print(f"dropout {line}")
    if have_numpy:
        code = ("import numpy, threadpoolctl\n"
                "pools = threadpoolctl.threadpool_info()\n"
                "print(numpy.__version__, '; '.join(f\"{p['internal_api']} {p['version']}, kernel {p.get('architecture')},"
                " {p['num_threads']} threads\" for p in pools if p['user_api'] == 'blas') or 'no BLAS found')")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=numpy_environment())
        print(f"numpy {result.stdout.strip()}" if result.returncode == 0
              else "numpy: its BLAS kernel is not shown (pip install threadpoolctl)")
    if have_torch:
        code = ("import torch, re\n"
                "blas = re.search(r'(Intel\\(R\\) oneAPI Math Kernel Library Version [^ ]+|OpenBLAS[^\\n]*)', torch.__config__.show())\n"
                "print(torch.__version__, 'BLAS:', blas.group(1) if blas else 'unknown', '; threads:', torch.get_num_threads())")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        print(f"PyTorch {result.stdout.strip()}")
    else:
        print("PyTorch is not installed: its columns are left empty (pip install torch)")


def main():
    if not os.path.exists(DROPOUT) or not os.path.exists(STEP_TIMER):
        sys.exit("build first: make build (make bench does)")
    have_numpy = shutil.which("python3") and subprocess.run([sys.executable, "-c", "import numpy"]).returncode == 0
    if not have_numpy:
        print("numpy is not installed: only dropout's own times are shown (pip install numpy)")
    have_torch = python_has("torch")
    describe_machine(have_numpy, have_torch)
    if SMOKE:
        print("smoke run: one short run of each shape, to show the benchmark works; the figures mean nothing")
    start, _, _ = timed([DROPOUT], "quit\n")
    print(f"dropout start-up to reading its first command: {start * 1000:.1f} ms")
    start_peak = peak_gflops() if have_numpy and not SMOKE else None
    if start_peak:
        print(f"numpy matmul, 2048x2048 doubles: {start_peak:.1f} GFLOP/s (the machine's peak is the best of this"
              f" and each shape's own measurements of both sides, printed below each large shape)")
    print()
    header = (f"{'shape':38} {'steps':>6} {'dropout/s':>11} {'numpy/s':>11} {'ratio':>7} {'torch64/s':>10}"
              f" {'ratio':>6} {'torch32/s':>10} {'GFLOP/s':>8} {'% peak':>7} {'RSS MB':>7} {'budget':>7}")
    print(header)
    for shape in SHAPES:
        name, rows, features, hidden, outputs, dropout, steps = shape
        if SMOKE:
            steps = max(1, steps // 1000)
        ours, theirs, rss = [], [], 0
        base_ours = min(run_dropout(shape, 0)[0] for _ in range(REPEATS))
        base_theirs = min(run_numpy(shape, 0)[0] for _ in range(REPEATS)) if have_numpy else None
        for _ in range(REPEATS):
            seconds, peak_kb = run_dropout(shape, steps)
            ours.append(seconds)
            rss = max(rss, peak_kb)
            if have_numpy:
                theirs.append(run_numpy(shape, steps)[0])
        our_rate = steps / max(min(ours) - base_ours, 1e-9)
        # The post's loop has five products: two forward, one back through synapse_1, and the
        # two weight gradients (it never propagates the error back into X).
        flops = 2 * rows * (2 * features * hidden + 3 * hidden * outputs)
        timings = in_process(rows, features, hidden, outputs, dropout, steps)
        gflops = flops / timings["products"] / 1e9
        # The machine's peak: the best two-core 2048x2048 product either side measured, at the
        # start of the run or beside these products.
        theirs_in_process = numpy_products(rows, features, hidden, outputs, steps) if have_numpy and rows > 4 else None
        peak = max(p for p in (start_peak, timings["peak"], theirs_in_process and theirs_in_process["peak"]) if p)
        their_rate = steps / max(min(theirs) - base_theirs, 1e-9) if have_numpy else float("nan")
        ratio = our_rate / their_rate if have_numpy else float("nan")
        percent = 100 * gflops / peak
        torch_rates = {}
        if have_torch and rows > 4:
            for dtype in ("float64", "float32"):
                torch_rates[dtype] = steps / min(run_torch(shape, steps, dtype) for _ in range(REPEATS))
        torch64 = torch_rates.get("float64", float("nan"))
        print(f"{name:38} {steps:6d} {our_rate:11.1f} {their_rate:11.1f} {ratio:7.2f} {torch64:10.1f}"
              f" {our_rate / torch64:6.2f} {torch_rates.get('float32', float('nan')):10.1f} {gflops:8.2f} {percent:7.1f}"
              f" {rss / 1024:7.1f} {memory_budget_mb(rows, features, hidden, outputs):7.1f}")
        if rows > 4:
            print("  each alone: " + ", ".join(f"{name} {rate:.1f}" for name, rate in timings["each"].items())
                  + " GFLOP/s")
        if theirs_in_process:
            their_gflops = flops / theirs_in_process["products"] / 1e9
            print(f"  products: dropout {gflops:.1f} GFLOP/s, {100 * gflops / timings['peak']:.0f}% of its own"
                  f" 2048x2048 product ({timings['peak']:.1f}); numpy {their_gflops:.1f} GFLOP/s,"
                  f" {100 * their_gflops / theirs_in_process['peak']:.0f}% of its own ({theirs_in_process['peak']:.1f})")
        if shape is SHAPES[0]:
            if have_numpy:
                print(f"{'  (whole processes, seconds)':38} {'':6} {min(ours):11.3f} {min(theirs):11.3f}"
                      f" {min(theirs) / min(ours):7.2f}")
            wide = in_process(2048, features, hidden, outputs, dropout, max(1, steps // 30))
            needed = wide["step"] * rows / 2048
            print(f"  one step: {timings['step'] * 1e9:.0f} ns; its arithmetic, timed on 2048 rows: {needed * 1e9:.0f} ns"
                  f" per {rows} rows; the step takes {timings['step'] / needed:.1f}x its arithmetic")
    memory_on_every_kernel()


if __name__ == "__main__":
    main()
