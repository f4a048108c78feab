#!/usr/bin/env bash
# Regression guard for the interpreter's speed: host instructions per guest
# instruction on three fixed kernels, against bench/guard.baseline. Fails
# when any kernel is more than 10% worse. Instruction counts are repeatable
# on a noisy shared machine where wall time is not (docs/bench.md).
#
#   bench/guard.sh [--record] ELFRUN CC_VERSION_LINE
#
# ELFRUN is the build to measure (valgrind runs the static-pie elfrun:
# it reserves its guest window around valgrind's mappings). --record rewrites the
# baseline from this build instead of comparing.
#
# Host instructions: callgrind's total Ir for the whole elfrun run (start-up,
# loading and the kernel). Guest instructions: qemu-aarch64 running the same
# binary one instruction per translation block, chaining off, logging every
# block it executes (-d nochain,exec), so each log line is one guest
# instruction. Both run under `env -i`, so the guest's start-up sees the
# same environment.
set -euo pipefail
record=0
[ "${1:-}" = --record ] && { record=1; shift; }
elfrun=$1 cc_version=$2
root=$(cd "$(dirname "$0")/.." && pwd)
baseline=$root/bench/guard.baseline
work=$(dirname "$elfrun")/guard-kernels
mkdir -p "$work"
limit_percent=10

skip() {
  echo "bench-guard: SKIP: $*"
  exit 0
}
command -v valgrind >/dev/null || skip "no valgrind (scripts/install-deps.sh)"
command -v qemu-aarch64 >/dev/null || skip "no qemu-aarch64 (scripts/install-deps.sh)"

cross_version=$(aarch64-linux-gnu-gcc --version | head -1)
# The figures belong to one compiler pair: another gcc builds another elfrun
# (and another guest binary), so a different one compares nothing.
if [ $record = 0 ]; then
  [ -f "$baseline" ] || skip "no $baseline (record one with make bench-guard-record)"
  want_cc=$(awk -F'\t' '$1 == "compiler" { print $2 }' "$baseline")
  want_cross=$(awk -F'\t' '$1 == "cross" { print $2 }' "$baseline")
  [ "$want_cc" = "$cc_version" ] ||
    skip "baseline recorded with '$want_cc', this elfrun is built by '$cc_version'"
  [ "$want_cross" = "$cross_version" ] ||
    skip "baseline's kernels built by '$want_cross', here '$cross_version'"
fi

# KERNEL DIVISOR: the work of bench/kernels/KERNEL.c cut DIVISOR-fold, about
# 2.5 million guest instructions each: a register-only ALU loop, a
# switch-dispatched bytecode VM (loads, stores, indirect branches) and
# SHA-256 (long blocks of rotates and adds, table loads).
kernels="intloop:400 bytecode:100 sha256:256"

# -one-insn-per-tb is qemu 8.1's name for 7.2's -singlestep.
if qemu-aarch64 -h | grep -q -- -one-insn-per-tb; then one_insn=-one-insn-per-tb; else one_insn=-singlestep; fi

guest_count() { # BINARY -> guest instructions executed
  env -i qemu-aarch64 $one_insn -d nochain,exec -D /dev/stdout "$1" 2>/dev/null | grep -c '^Trace' || true
}

host_count() { # BINARY -> callgrind's Ir for elfrun running it
  local out=$work/callgrind.out
  # --jit=off: the guard watches the interpreter (the JIT's code is timed by
  # the table; valgrind would not see it rewritten through its second view).
  env -i valgrind --tool=callgrind --callgrind-out-file="$out" "$elfrun" --jit=off "$1" \
    >"$work/stdout" 2>/dev/null
  # A run that did not finish its work counts nothing.
  grep -q "^$(basename "$1") " "$work/stdout" || return 0
  awk '/^(summary|totals):/ { print $2; exit }' "$out"
}

results=()
failed=0
printf '%-10s %12s %14s %10s %10s %8s\n' kernel guest-insns host-Ir Ir/insn baseline change
for spec in $kernels; do
  name=${spec%%:*} div=${spec#*:}
  bin=$work/$name
  aarch64-linux-gnu-gcc -O2 -static -ffp-contract=off -DBENCH_DIVISOR="$div" \
    -o "$bin" "$root/bench/kernels/$name.c"
  guest=$(guest_count "$bin")
  host=$(host_count "$bin")
  if [ -z "$host" ] || [ "$guest" -lt 1000 ]; then
    echo "bench-guard: $name: no count (guest $guest, host '${host:-none}')" >&2
    exit 1
  fi
  ratio=$(awk -v h="$host" -v g="$guest" 'BEGIN { printf "%.3f", h / g }')
  results+=("$name	$guest	$host	$ratio")
  base=""
  [ -f "$baseline" ] && base=$(awk -F'\t' -v k="$name" '$1 == k { print $4 }' "$baseline")
  if [ $record = 1 ] || [ -z "$base" ]; then
    printf '%-10s %12s %14s %10s %10s %8s\n' "$name" "$guest" "$host" "$ratio" - -
    continue
  fi
  change=$(awk -v r="$ratio" -v b="$base" 'BEGIN { printf "%+.1f%%", (r / b - 1) * 100 }')
  printf '%-10s %12s %14s %10s %10s %8s\n' "$name" "$guest" "$host" "$ratio" "$base" "$change"
  if awk -v r="$ratio" -v b="$base" -v l="$limit_percent" 'BEGIN { exit !(r > b * (1 + l / 100)) }'; then
    echo "bench-guard: $name: $ratio host instructions per guest instruction, more than $limit_percent% above the baseline $base" >&2
    failed=1
  fi
done

if [ $record = 1 ]; then
  {
    echo "# bench/guard.baseline: written by bench/guard.sh --record (make bench-guard-record)."
    echo "# kernel, guest instructions, host instructions (callgrind Ir), host per guest."
    printf 'compiler\t%s\n' "$cc_version"
    printf 'cross\t%s\n' "$cross_version"
    printf '%s\n' "${results[@]}"
  } >"$baseline"
  echo "bench-guard: recorded $baseline"
  exit 0
fi
[ $failed = 0 ] && echo "bench-guard: all within $limit_percent% of the baseline"
exit $failed
