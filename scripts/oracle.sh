#!/usr/bin/env bash
# Writes the expected outputs of the tests from the reference oracle,
# qemu-aarch64, never from elfrun.
#   scripts/oracle.sh [BUILD [asm|guest [PATTERN]]]
# PATTERN limits it to the tests whose name contains it. For a guest test,
# NAME[.LABEL].out comes from the glibc build; the musl and static-pie builds
# must print the same, and where a libc legitimately prints differently
# (last-bit libm results, %a of subnormals) NAME[.LABEL].MODE.out records it.
# Review the diff before committing it: a changed expectation needs a reason.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
only=${2:-}
pattern=${3:-}
qemu=${QEMU:-qemu-aarch64}
. scripts/testlib.sh

# -k: one program that does not build must not stop the others.
make -s -k BUILD="$build" test-bins >/dev/null ||
  echo "oracle: some test programs did not build; their expectations are left alone" >&2

matches() { [ -z "$pattern" ] || [[ $1 == *$pattern* ]]; }

oracle_asm() {
  mkdir -p tests/expected/asm
  for bin in "$build"/tests/asm/*; do
    local name=${bin##*/}
    matches "$name" || continue
    run_capture "tests/expected/asm/$name.out" /dev/null "$qemu" "$bin"
  done
}

# A test with a NAME.oracle file saying "native" exercises a system call
# that qemu-aarch64 lacks (clone3, futex_waitv, set_robust_list in 7.2).
# Where the kernel's behaviour is architecture-independent, the same program
# built for x86-64 and run natively stands in for qemu (docs/testing.md).
native_oracle() { [ "$(cat "tests/guest/$1.oracle" 2>/dev/null)" = native ]; }

native_build() {
  mkdir -p "$build/tests/native"
  ${HOST_CC:-cc} -std=gnu11 -O2 -pthread -static -o "$build/tests/native/$1" \
    "tests/guest/$1.c" -lm
}

# oracle_guest_run NAME LABEL ARGS...: one run, every build mode.
oracle_guest_run() {
  local name=$1 label=$2 base stdin mode
  shift 2
  base=$(guest_base "$name" "$label")
  stdin=$(guest_stdin "$name")
  if native_oracle "$name"; then
    run_capture "$base.out" "$stdin" "$build/tests/native/$name" "$@"
    return
  fi
  run_capture "$base.out" "$stdin" "$qemu" "$build/tests/guest/$name.glibc" "$@"
  for mode in $GUEST_MODES; do
    [ "$mode" = glibc ] && continue
    run_capture "$base.$mode.out" "$stdin" "$qemu" "$build/tests/guest/$name.$mode" "$@"
    if cmp -s "$base.out" "$base.$mode.out"; then
      rm -f "$base.$mode.out"
    else
      echo "oracle: $name${label:+ $label} prints differently as $mode: kept $base.$mode.out"
    fi
  done
}

built_everywhere() {
  local mode
  for mode in $GUEST_MODES; do [ -x "$build/tests/guest/$1.$mode" ] || return 1; done
}

# shellcheck disable=SC2120 # `set --` below parses each run's words
oracle_guest() {
  mkdir -p tests/expected/guest
  local src name line
  for src in tests/guest/*.c; do
    name=${src##*/}
    name=${name%.c}
    matches "$name" || continue
    if ! built_everywhere "$name"; then
      echo "oracle: skipped $name (not built in every mode)" >&2
      continue
    fi
    if native_oracle "$name" && ! native_build "$name"; then
      echo "oracle: skipped $name (no native build)" >&2
      continue
    fi
    rm -f "tests/expected/guest/$name".*out
    while IFS= read -r line; do
      eval "set -- $line"
      oracle_guest_run "$name" "${1:-}" "${@:2}"
    done < <(guest_runs "$name")
  done
}

if [ -z "$only" ] || [ "$only" = asm ]; then oracle_asm; fi
if [ -z "$only" ] || [ "$only" = guest ]; then oracle_guest; fi
