#!/bin/sh
# The Jupyter kernel's tests: a virtualenv under .build with the kernel's package and the test
# tools from PyPI (ipykernel, jupyter_client, jupyter_kernel_test, nbformat, nbclient,
# jupyterlab, pillow), the kernelspec installed where only these tests look (JUPYTER_PATH),
# then the tests themselves: tests/test_kernel.py (jupyter_kernel_test's suite and the
# kernel's own), tests/test_notebooks.py (every lesson exported as a notebook, re-run
# with nbclient and compared with its transcript in transcripts/) and tests/test_lab.py (a
# lesson notebook in JupyterLab under headless Chromium, where installed).
# Usage: jupyter/test.sh DROPOUT_BINARY. Where no Python with venv can be had, says so and
# skips (exit 0); any failure after that is a failure.
set -eu
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$here/.." && pwd)/.build
venv=$build/jupyter-venv
prefix=$build/jupyter-test-prefix

if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
	echo "skipped: the Jupyter kernel tests need python3 with venv (apt-get install python3-venv)"
	exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv" || { echo "skipped: python3 -m venv failed"; rm -rf "$venv"; exit 0; }
fi
if ! "$venv/bin/python" -c 'import jupyter_kernel_test, nbclient, nbformat, ipykernel, jupyterlab, PIL' 2>/dev/null; then
	"$venv/bin/pip" install -q ipykernel jupyter_client jupyter_kernel_test nbformat nbclient jupyterlab pillow ||
		{ echo "skipped: pip could not install the Jupyter test tools from PyPI"; exit 0; }
fi
"$venv/bin/pip" install -q --no-deps --force-reinstall "$here"
rm -rf "$prefix"
"$venv/bin/python" -m dropout_kernel.install --prefix "$prefix" --dropout "$binary"
cd "$here/tests"
export DROPOUT_LESSONS="$here/../lessons" DROPOUT_TRANSCRIPTS="$here/../transcripts"
log=$build/jupyter-test.log
status=0
JUPYTER_PATH=$prefix/share/jupyter DROPOUT_BINARY=$binary "$venv/bin/python" -m unittest -v >"$log" 2>&1 || status=$?
# ipykernel warns on every start that its loopback TCP is unencrypted; the rest is the tests'.
grep -v 'Kernel is running over TCP without encryption' "$log"
exit $status
