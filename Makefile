# The two commands a new user needs: `make run` and `make test`. Both install what a fresh
# Debian machine lacks first: libedit-dev for line editing, libopenblas-dev for the matrix
# products of large networks, tmux for the terminal tests, and (`make test`) a Python virtualenv
# with numpy, nbformat and nbclient for checking what the lab exports. A headless Chromium, where installed, checks the
# HTML export (apt-get install chromium); without one that test says it is skipped.

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SWIFT_SOURCES := Sources Tests

.PHONY: run test test-kernels test-jupyter test-python build deps jupyter-deps jupyter notebooks install uninstall format lint bench bench-smoke fuzz clean

deps:
	@if ! pkg-config --exists libedit openblas 2>/dev/null || ! command -v tmux >/dev/null; then \
		echo "installing libedit-dev, libopenblas-dev, pkg-config and tmux with apt-get"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev libopenblas-dev pkg-config tmux >/dev/null; \
	fi

# Python for the tests that run what the lab exports (numpy for `export NAME.py`, nbformat and
# nbclient with ipykernel for notebooks) and for the Jupyter kernel's own tests: one virtualenv
# under .build, since Debian's Python refuses pip installs outside one (PEP 668). `make test`
# puts it first on PATH; where it cannot be made, those tests say they are skipped.
TEST_VENV := $(CURDIR)/.build/jupyter-venv
test-python: jupyter-deps
	@[ -x $(TEST_VENV)/bin/python ] || python3 -m venv $(TEST_VENV) 2>/dev/null || rm -rf $(TEST_VENV)
	@[ ! -x $(TEST_VENV)/bin/python ] || $(TEST_VENV)/bin/python -c 'import numpy, nbformat, nbclient, ipykernel' \
		2>/dev/null || $(TEST_VENV)/bin/pip install -q numpy nbformat nbclient ipykernel 2>/dev/null || \
		echo "numpy, nbformat and nbclient could not be installed; the tests that need them are skipped"

# The release binary carries the Swift runtime and Foundation itself (--static-swift-stdlib): it
# runs without the toolchain that built it, and (measured back to back with the dynamic one)
# starts in 7 ms instead of 12, most of which went to the dynamic loader; the tutorial's whole
# run took 38 ms instead of 56.
RELEASE_BUILD := swift build -c release --static-swift-stdlib --product
build: deps
	$(RELEASE_BUILD) dropout

run: build
	.build/release/dropout

# The release binary and the lessons in the conventional layout, where the binary looks for its
# lessons first: PREFIX/bin/dropout and PREFIX/share/dropout/lessons/*.md. DESTDIR stages it.
PREFIX ?= /usr/local
LESSONS := $(notdir $(wildcard lessons/*.md))
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dropout/lessons
	install -m 755 .build/release/dropout $(DESTDIR)$(PREFIX)/bin/dropout
	install -m 644 $(addprefix lessons/,$(LESSONS)) $(DESTDIR)$(PREFIX)/share/dropout/lessons/

# Python 3 with venv, for the Jupyter kernel and its tests: Debian's own Python refuses pip
# installs outside a virtualenv (PEP 668), so both use one.
jupyter-deps:
	@if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then \
		echo "installing python3 and python3-venv with apt-get"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null || \
		echo "python3-venv could not be installed"; \
	fi

# The Jupyter kernel: its package (jupyter/) and ipykernel from PyPI in a virtualenv of its own,
# and the `dropout` kernelspec that starts it, which `jupyter kernelspec list` then shows.
# `make jupyter` installs for the current user, running the binary built here;
# `make jupyter PREFIX=/opt/dropout` runs `install` first and puts the virtualenv under
# PREFIX/lib/dropout and the kernelspec under PREFIX/share/jupyter (a Jupyter installed
# elsewhere finds it with JUPYTER_PATH=PREFIX/share/jupyter).
ifeq ($(origin PREFIX),file)
JUPYTER_VENV ?= $(HOME)/.local/share/dropout/jupyter-venv
JUPYTER_WHERE := --user
JUPYTER_BINARY ?= $(CURDIR)/.build/release/dropout
JUPYTER_NEEDS := build
else
JUPYTER_VENV ?= $(PREFIX)/lib/dropout/jupyter-venv
JUPYTER_WHERE := --prefix $(PREFIX)
JUPYTER_BINARY ?= $(PREFIX)/bin/dropout
JUPYTER_NEEDS := install
endif
jupyter: $(JUPYTER_NEEDS) jupyter-deps
	python3 -m venv $(JUPYTER_VENV)
	$(JUPYTER_VENV)/bin/pip install -q --upgrade ./jupyter
	$(JUPYTER_VENV)/bin/python -m dropout_kernel.install $(JUPYTER_WHERE) --dropout $(JUPYTER_BINARY)
	JUPYTER_PATH=$(if $(filter --user,$(JUPYTER_WHERE)),,$(PREFIX)/share/jupyter) $(JUPYTER_VENV)/bin/jupyter kernelspec list

# Every lesson as a notebook for the dropout kernel, in notebooks/ (generated, not kept in git):
# its prose as Markdown cells, each of its blocks a code cell with its outputs. Open one in
# JupyterLab after `make jupyter`; `make test-jupyter` re-runs the same exports with nbclient.
# They are signed as trusted for this user (`jupyter trust`), or JupyterLab shows the text of
# each plot, never its SVG, until the cells are run again.
notebooks: build
	@mkdir -p notebooks
	@for lesson in lessons/*.md; do \
		out=notebooks/$$(basename $$lesson .md).ipynb; echo "$$lesson -> $$out"; \
		.build/release/dropout $$lesson --no-pause --export $$out >/dev/null || exit 1; \
	done
	@if [ -x $(JUPYTER_VENV)/bin/jupyter ]; then $(JUPYTER_VENV)/bin/jupyter trust notebooks/*.ipynb; \
	else echo "not trusted: after make jupyter, make notebooks again and JupyterLab shows their plots as SVG"; fi

# Removes what install wrote, and the folders it made if they are left empty.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dropout $(addprefix $(DESTDIR)$(PREFIX)/share/dropout/lessons/,$(LESSONS))
	rmdir $(DESTDIR)$(PREFIX)/share/dropout/lessons $(DESTDIR)$(PREFIX)/share/dropout 2>/dev/null || true

# Builds with our own warnings treated as failures, then runs every test (XCTest) in six
# processes at once (Tests/run-suite.sh says why; logs in .build/test-logs); the lessons replay
# through the release build, since they train many runs over seeds.
test: deps lint test-python
	@swift build --build-tests 2>&1 | tee .build-warnings.log | grep -v '^\[' || true
	@if grep -E '^$(CURDIR)/($(subst $() ,|,$(SWIFT_SOURCES)))/.*(warning|error):' .build-warnings.log; then \
		echo "the build has warnings or errors (above)"; rm -f .build-warnings.log; exit 1; fi
	@rm -f .build-warnings.log
	$(RELEASE_BUILD) dropout
	PATH=$(TEST_VENV)/bin:$$PATH DROPOUT_LESSON_BINARY=$(CURDIR)/.build/release/dropout \
		Tests/run-suite.sh .build/test-logs
	@$(MAKE) --no-print-directory test-jupyter

# The Jupyter kernel against the release binary: jupyter_kernel_test's suite and the kernel's
# own tests, in a virtualenv under .build (jupyter/test.sh; it says so and skips where no
# Python with venv can be installed).
test-jupyter: build jupyter-deps
	jupyter/test.sh $(CURDIR)/.build/release/dropout

# The style of .swift-format (the toolchain's swift-format): `make format` applies it, `make lint`
# (part of `make test`) fails on any difference from it.
FORMATTED := Sources Tests Package.swift bench/StepTimer fuzz
format:
	swift-format format --in-place --recursive $(FORMATTED)

lint:
	@if command -v swift-format >/dev/null; then swift-format lint --strict --recursive $(FORMATTED); \
	else echo "swift-format is not on PATH (it comes with Swift 6); the style check is skipped"; fi
	@# swift-format leaves string literals and comments as they are; no line is over 120 characters
	@# (counted as characters, not bytes, whatever the caller's locale).
	@if LC_ALL=C.UTF-8 grep -rn --include='*.swift' '.\{121,\}' $(FORMATTED); then \
		echo "the lines above are over 120 characters; wrap them"; exit 1; fi

# The numeric tests once under each OpenBLAS kernel this processor can run (OPENBLAS_CORETYPE):
# the products' summation order is the kernel's, and the bars must hold for every one of them.
test-kernels: deps
	swift build --build-tests
	Tests/openblas-kernels.sh .build/debug/dropout

# dropout against numpy on the same loop (bench/compare.py says how it measures).
bench: build
	$(RELEASE_BUILD) dropout-bench
	python3 bench/compare.py

# One short run of each shape: proves the benchmark still works, quotes no figures.
bench-smoke: build
	$(RELEASE_BUILD) dropout-bench
	python3 bench/compare.py --smoke

# libFuzzer on the command language, the lesson format, `expect`, the snapshot loader and the
# HTML export of hostile prose and the requests of `dropout serve`, each for FUZZ_SECONDS, under AddressSanitizer; crashing inputs
# land in fuzz/crashes/. A target with a fuzz/TARGET.dict gets that dictionary of tokens.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := FuzzCommands FuzzLessons FuzzExpectations FuzzSnapshots FuzzHTMLExport FuzzServer
fuzz: build
	for target in $(FUZZ_TARGETS); do \
		DROPOUT_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product $$target || exit 1; \
	done
	fuzz/seed-corpus.sh .build/release/dropout
	mkdir -p fuzz/crashes
	for target in $(FUZZ_TARGETS); do \
		dict=; [ -f fuzz/$$target.dict ] && dict=-dict=fuzz/$$target.dict; \
		.build-fuzz/debug/$$target $$dict -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=20 \
			-artifact_prefix=fuzz/crashes/$$target- .build-fuzz/corpus/$$target || exit 1; \
	done

clean:
	swift package clean
