#!/usr/bin/env bash
# Writes the expected outputs of the tests from the reference oracle,
# qemu-aarch64, never from elfrun. Usage: scripts/oracle.sh [BUILD] [asm]
# Review the diff before committing it: a changed expectation needs a reason.
set -eu
build=${1:-build}
only=${2:-}
make -s BUILD="$build" tests >/dev/null

oracle() { # EXPECTED_FILE COMMAND...
  local expected=$1
  shift
  mkdir -p "$(dirname "$expected")"
  { timeout 60 qemu-aarch64 "$@" 2>&1; echo "exit=$?"; } >"$expected" </dev/null
}

if [ -z "$only" ] || [ "$only" = asm ]; then
  for bin in "$build"/tests/asm/*; do
    oracle "tests/expected/asm/${bin##*/}.out" "$bin"
  done
fi
