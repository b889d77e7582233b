"""Installs the `dropout` kernelspec: `python -m dropout_kernel.install [--user | --prefix P]`.

The kernelspec starts this Python (the one running the install, which has the package and
ipykernel) with `-m dropout_kernel`, and names the dropout binary in DROPOUT_BINARY.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="for the current user (the default)")
    where.add_argument("--prefix", help="under PREFIX/share/jupyter/kernels")
    parser.add_argument("--dropout", required=True, help="the dropout binary the kernel runs")
    arguments = parser.parse_args(argv)
    dropout = os.path.abspath(arguments.dropout)
    if not (os.path.isfile(dropout) and os.access(dropout, os.X_OK)):
        parser.error(f"{dropout} is not an executable file; build dropout first (make build)")
    spec = {
        "argv": [sys.executable, "-m", "dropout_kernel", "-f", "{connection_file}"],
        "display_name": "dropout",
        "language": "dropout",
        "interrupt_mode": "signal",
        "env": {"DROPOUT_BINARY": dropout},
    }
    folder = tempfile.mkdtemp()
    try:
        with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as file:
            json.dump(spec, file, indent=1)
            file.write("\n")
        path = KernelSpecManager().install_kernel_spec(
            folder, "dropout", user=not arguments.prefix, prefix=arguments.prefix
        )
    finally:
        shutil.rmtree(folder)
    print(f"installed the dropout kernelspec in {path}")


if __name__ == "__main__":
    main()
