#!/usr/bin/env bash
# Installs what building and testing rpy needs on Debian 12 (bookworm), when missing.
#
# usage: tools/install-deps.sh [bench] [valgrind]
#
#   (always)  llvm-14-dev and what linking against the shared libLLVM-14.so needs
#             (zlib1g-dev libffi-dev libncurses-dev libxml2-dev; llvm-14-dev pulls in
#             libz3-dev itself), pkg-config, and python3 (the translator imports
#             the target program with CPython, and CPython is the test oracle);
#   bench     also pypy3 and GNU time (peak RSS), for the benchmarks (make bench);
#   valgrind  also valgrind, for make test-valgrind (and bench/run.py --insns without perf).
#
# Assumes Rust, build-essential, git and curl are there. Quiet and quick when nothing
# is missing: `apt-get update` runs only when something has to be installed. Works as
# root, or through sudo when there is one. Exports nothing: the Makefile points
# llvm-sys at LLVM with LLVM_SYS_140_PREFIX=/usr/lib/llvm-14.
set -euo pipefail

packages=(llvm-14-dev zlib1g-dev libffi-dev libncurses-dev libxml2-dev pkg-config)
for group in "$@"; do
  case $group in
    bench) packages+=(pypy3 time) ;;
    valgrind) packages+=(valgrind) ;;
    *) echo "install-deps: unknown group '$group' (known: bench, valgrind)" >&2; exit 2 ;;
  esac
done

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
# Any python3 on PATH will do (a pyenv or venv one too); Debian's otherwise.
if ! command -v python3 >/dev/null 2>&1 && ! installed python3; then
  missing+=(python3)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-deps: missing ${missing[*]}; run this as root (no sudo here)" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x /usr/lib/llvm-14/bin/llvm-config ]; then
  echo "install-deps: /usr/lib/llvm-14/bin/llvm-config is missing after installing llvm-14-dev" >&2
  exit 1
fi
