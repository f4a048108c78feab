#!/usr/bin/env bash
# Runs elfrun's test suites and prints one line per failure, then the summary
# "N passed, N failed[, N skipped]". Usage: tests/check.sh BUILD [SUITE [PATTERN]]
# Expected outputs in tests/expected/ come from scripts/oracle.sh (qemu-aarch64).
set -u
build=${1:-build}
only=${2:-}
pattern=${3:-}
elfrun=$build/elfrun
passed=0 failed=0 skipped=0
out_dir=$build/test-out
mkdir -p "$out_dir"

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
skip() { skipped=$((skipped + 1)); echo "SKIP $1: $2"; }

# compare NAME EXPECTED_FILE COMMAND...: runs the command under elfrun with
# stdout+stderr and the exit status captured, and compares byte for byte.
compare() {
  local name=$1 expected=$2
  shift 2
  local got=$out_dir/${name//\//_}.out
  if [ ! -f "$expected" ]; then skip "$name" "no expected file $expected"; return; fi
  { timeout 60 "$@" 2>&1; echo "exit=$?"; } >"$got" </dev/null
  if cmp -s "$expected" "$got"; then pass; else
    fail "$name" "output differs (diff $expected $got)"
  fi
}

suite_asm() {
  for bin in "$build"/tests/asm/*; do
    [ -x "$bin" ] || continue
    local name=${bin##*/}
    [ -n "$pattern" ] && [[ $name != *$pattern* ]] && continue
    compare "asm/$name" "tests/expected/asm/$name.out" "$elfrun" "$bin"
  done
}

for suite in asm; do
  [ -n "$only" ] && [ "$only" != "$suite" ] && continue
  suite_$suite
done
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
