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
.PHONY: help deps bench-deps build demo test check-programs bench bench-quick bench-insns clean fuzz fuzz-ci \
	test-valgrind test-gc-stress

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
	@echo "  make test-valgrind   translate the gc_* and some other oracle programs, run them"
	@echo "               under valgrind (memcheck) against CPython (VALGRIND_PROGRAMS=... to choose)"
	@echo "  make test-gc-stress  the oracle suite with RPY_GC_NURSERY=4096 (a tiny nursery:"
	@echo "               the GC collects all the time)"
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

# Not part of `make test`: memory errors under valgrind (memcheck) in translated oracle
# programs (tools/valgrind-programs.py): every gc_* program and a mix of others. Each
# word of VALGRIND_PROGRAMS selects the programs whose name contains it (`name$`: that
# one program); the environment reaches the binaries (RPY_GC_NURSERY=4096 make
# test-valgrind, say).
VALGRIND_PROGRAMS ?= gc_ list_basic$$ list_methods$$ dict_basic$$ dict_large$$ \
	dict_instance_keys$$ dict_modify_during_iter$$ str_builder$$ str_unicode$$ \
	str_split_unicode$$ richards$$ pystone$$ exc_objects_reraise$$ recursion_deep_unwind$$ \
	float_repr_edges$$ set_algebra$$ tuple_basics$$ json_pretty$$ tokenizer_eval$$ \
	bytecode_vm$$ game_of_life$$ class_shapes_exceptions$$ err_index_out_of_range$$ \
	jit_boxed_vm$$
VALGRIND_JOBS ?= $(shell nproc)
test-valgrind: build
	@tools/install-deps.sh valgrind
	$(PYTHON) tools/valgrind-programs.py --rpy $(RPY) -j $(VALGRIND_JOBS) $(VALGRIND_PROGRAMS)

# Not part of `make test`: the oracle suite with a tiny GC nursery, so that every
# program collects often (RPY_GC_NURSERY, in bytes, read by the runtime's GC; the
# oracle's binaries inherit the environment). RPY_ORACLE_FILTER=gc_ narrows it.
GC_STRESS_NURSERY ?= 4096
test-gc-stress: build
	RPY_GC_NURSERY=$(GC_STRESS_NURSERY) $(CARGO) test --release --test oracle

clean:
	$(CARGO) clean
	rm -rf $(OUT)
