# rpy: translate restricted Python 3 programs to native binaries through LLVM 14.
# `make demo` and `make test` work on a fresh Debian 12 machine with Rust: they install
# what is missing first (tools/install-deps.sh).

SHELL := /bin/bash
CARGO ?= cargo
PYTHON ?= python3
RPY := target/release/rpy
OUT := out

# llvm-sys (under inkwell) finds llvm-config here; Debian's llvm-14-dev installs it.
export LLVM_SYS_140_PREFIX ?= /usr/lib/llvm-14

.DEFAULT_GOAL := help
.PHONY: help deps bench-deps build demo test check-programs bench bench-quick bench-insns clean fuzz fuzz-ci

help:
	@echo "rpy: translate restricted Python 3 programs to native binaries (LLVM 14)"
	@echo
	@echo "  make demo    install what is missing, build, translate examples/bf.py with its JIT and run it"
	@echo "  make test    install what is missing, build, run every test (oracle suite included)"
	@echo "  make build   cargo build --release --workspace ($(RPY) and its runtime librpyrt.a)"
	@echo "  make deps    install missing system packages (LLVM 14 dev, python3, ...)"
	@echo "  make bench   time CPython, pypy3 and the translated binaries (with and without"
	@echo "               JIT) on the example interpreters; table, bench/results/*.json, chart"
	@echo "  make bench-quick   the same on small inputs (under two minutes)"
	@echo "  make bench-insns   instruction counts (perf stat or callgrind) on the small inputs"
	@echo "  make clean   remove build outputs"
	@echo "  make fuzz    differential testing: SEEDS=200 random programs (CPython vs binary vs JIT), MUTATIONS=100 mutated oracle programs"
	@echo "  make fuzz-ci the fixed small fuzz run (a few minutes)"
	@echo
	@echo "  RPY_ORACLE_FILTER=substr make test   runs only the oracle programs whose name contains substr"
	@echo "  BENCH_ARGS='--only bf --runs 5' make bench   passes options to bench/run.py"

deps:
	@tools/install-deps.sh

bench-deps:
	@tools/install-deps.sh bench

build: deps
	$(CARGO) build --release --workspace

# The Brainfuck interpreter of examples/, translated with its generated JIT and without,
# on a program that runs about a second without the JIT.
demo: build
	@mkdir -p $(OUT)
	$(RPY) translate examples/bf.py -o $(OUT)/bf-jit --jit
	$(RPY) translate examples/bf.py -o $(OUT)/bf
	@echo "== with the JIT:"
	time ./$(OUT)/bf-jit examples/bf/bench/loops.b
	@echo "== without the JIT:"
	time ./$(OUT)/bf examples/bf/bench/loops.b

# The CPython-side checks first (fast), then every crate's tests and the oracle suite.
test: build check-programs
	$(PYTHON) -m unittest discover -s tests/python
	$(CARGO) test --release --workspace
	@$(MAKE) --no-print-directory fuzz-ci

# The oracle programs stay inside the language slice, within 64-bit ints, and fast.
check-programs:
	$(PYTHON) tools/check-programs.py

# bench/run.py --help lists the options; BENCH_INSNS=1 counts instructions instead.
bench: build bench-deps
	$(PYTHON) bench/run.py --rpy $(RPY) $(BENCH_ARGS)

bench-quick: build bench-deps
	$(PYTHON) bench/run.py --rpy $(RPY) --quick $(BENCH_ARGS)

bench-insns: build bench-deps
	$(PYTHON) bench/run.py --rpy $(RPY) --quick --insns $(BENCH_ARGS)

# Differential testing (tools/fuzz/): random programs must print the same under CPython,
# as a binary and as a JIT binary; mutated oracle programs must give a binary or a
# diagnostic. Differences are reduced and written to tools/fuzz/findings/.
SEEDS ?= 200
START ?= 1000
MUTATIONS ?= 100
FUZZ_JOBS ?= $(shell nproc)
fuzz: build
	$(PYTHON) tools/fuzz/run.py --seeds $(SEEDS) --start $(START) -j $(FUZZ_JOBS)
	$(PYTHON) tools/fuzz/mutate.py --cases $(MUTATIONS) --start $(START) -j $(FUZZ_JOBS)

# A fixed set of seeds: every one passes today, so a failure is a regression.
fuzz-ci: build
	$(PYTHON) tools/fuzz/run.py --seeds 12 --start 0 -j $(FUZZ_JOBS) --no-reduce --quiet
	$(PYTHON) tools/fuzz/mutate.py --cases 24 --start 0 -j $(FUZZ_JOBS)

clean:
	$(CARGO) clean
	rm -rf $(OUT)
