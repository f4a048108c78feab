#!/usr/bin/env bash
# The --strace decoding, end to end: each program of tests/strace/ runs
# under elfrun --strace=FILE (its glibc, musl and static-pie builds) in an
# empty scratch directory; the lines between its two markers, normalised,
# must equal tests/strace/NAME.expected byte for byte. Prints one
# PASS/FAIL/SKIP line per test.
#
#   tests/strace/run.sh BUILD
#
# The expected files were written by hand from strace(1)'s trace of the
# native x86-64 build of the same program (docs/strace.md). Where strace is
# installed, NAME.native re-checks NAME.expected against the live strace
# -f of the native build: both tools must print the same lines.
#
# Normalisation: addresses of nine or more hex digits (mappings and
# stacks, which differ between runs and architectures) become 0xADDR;
# strace's padding before " = " is squeezed; in tasks, the parent's pid
# becomes PID, the child's CHILD, and the child's lines follow the
# parent's (their order between the two processes is not fixed); of the
# child's, only the calls tasks.c makes itself are kept.
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${1:-build}
elfrun=$(realpath "$build/elfrun")
bins=$build/tests/strace
mkdir -p "$build/test-out/strace"
out=$(realpath "$build/test-out/strace")

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; }
skip() { echo "SKIP $1: $2"; }

# run_clean DIR COMMAND...: COMMAND in DIR with no descriptor above 2
# (an inherited one would shift every fd number in the trace).
run_clean() {
  local dir=$1 fd
  shift
  (
    cd "$dir" || exit 2
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec "$@" >/dev/null 2>&1 </dev/null
  )
}

# The lines from the begin marker to the end marker, normalised.
window() {
  sed -n '/write(-1, "strace-begin"/,/write(-1, "strace-end"/p' "$1" |
    sed -E 's/0x[0-9a-f]{9,}/0xADDR/g; s/\) +=  */) = /'
}

# tasks: the parent's lines, "-- child", the child's lines; pids masked.
split_tasks() {
  local pid child
  pid=$(sed -n 's/^getpid() = \([0-9]*\)$/\1/p' "$1")
  child=$(sed -n 's/^.*clone(.*) = \([0-9]*\)$/\1/p' "$1")
  [ -n "$pid" ] && [ -n "$child" ] || return
  {
    grep -E "^(\[pid +$pid\] |[a-z])" "$1"
    echo "-- child"
    grep -E "^\[pid +$child\] (write\(-1|close|execve|exit_group)" "$1"
  } | sed -E "s/\[pid +/[pid /; s/\<$pid\>/PID/g; s/\<$child\>/CHILD/g"
}

# strace -f -o FILE's lines in --strace's form: "PID " prefixes become
# "[pid PID] " from the first clone on (before it there is one task), a
# call split by another task's lines ("<unfinished ...>", "<... resumed>")
# is joined where it returned, and exit and signal notes are dropped.
join_native_tasks() {
  awk '{
    pid = $1
    sub(/^[0-9]+ +/, "")
    line = $0
    if (line ~ /^(\+\+\+|---) /) next
    if (line ~ / <unfinished \.\.\.>$/) {
      sub(/ <unfinished \.\.\.>$/, "", line)
      pending[pid] = line
      if (line ~ /^clone/) many = 1 # the child may print before the clone returns
      next
    }
    if (line ~ /^<\.\.\. [a-z0-9_]+ resumed>/) {
      sub(/^<\.\.\. [a-z0-9_]+ resumed> ?/, "", line)
      line = pending[pid] line
    }
    if (line ~ /^clone/) many = 1
    print (many ? "[pid " pid "] " : "") line
  }' "$1"
}

# check NAME MODE TRACE: compares TRACE's window with NAME.expected.
check() {
  local name=$1 test=$2 trace=$3 got=$out/$2.got
  window "$trace" >"$got"
  if [ "$name" = tasks ]; then
    split_tasks "$got" >"$got.split"
    mv "$got.split" "$got"
  fi
  if cmp -s "tests/strace/$name.expected" "$got"; then pass "strace/$test"
  else fail "strace/$test" "lines differ (diff tests/strace/$name.expected $got)"; fi
}

for src in tests/strace/*.c; do
  name=${src##*/}
  name=${name%.c}
  for mode in glibc musl pie; do
    bin=$bins/$name.$mode
    if [ ! -x "$bin" ]; then
      fail "strace/$name.$mode" "$bin not built (make tests)"
      continue
    fi
    dir=$(mktemp -d)
    run_clean "$dir" "$elfrun" --strace="$out/$name.$mode.trace" "$(realpath "$bin")"
    check "$name" "$name.$mode" "$out/$name.$mode.trace"
    rm -rf "$dir"
  done
done

# The oracle: strace(1) itself on the native builds, with -f for tasks.
for name in decode tasks; do
  trace=$out/$name.native.trace
  if ! command -v strace >/dev/null; then
    skip "strace/$name.native" "strace is not installed (scripts/install-deps.sh)"
    continue
  elif [ ! -x "$bins/$name.native" ]; then
    fail "strace/$name.native" "$bins/$name.native not built (make tests)"
    continue
  fi
  dir=$(mktemp -d)
  if run_clean "$dir" strace -f -o "$trace.raw" "$(realpath "$bins/$name.native")" &&
     [ -s "$trace.raw" ]; then
    join_native_tasks "$trace.raw" >"$trace"
    check "$name" "$name.native" "$trace"
  else
    skip "strace/$name.native" "strace cannot trace here (ptrace refused)"
  fi
  rm -rf "$dir"
done
