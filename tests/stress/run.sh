#!/usr/bin/env bash
# make stress-signals: tests/stress/sigstorm.c built for glibc and musl, run
# N times each (default 20) under elfrun. Prints one PASS/FAIL line per run
# and the usual summary.
set -u
build=${1:-build}
runs=${2:-20}
out=$build/tests/stress
mkdir -p "$out"
aarch64-linux-gnu-gcc -O2 -static -o "$out/sigstorm.glibc" tests/stress/sigstorm.c -lpthread || exit 1
aarch64-linux-musl-gcc -O2 -static -o "$out/sigstorm.musl" tests/stress/sigstorm.c -lpthread || exit 1
passed=0 failed=0
for libc in glibc musl; do
  for i in $(seq "$runs"); do
    if result=$(timeout 120 "$build/elfrun" "$out/sigstorm.$libc" 2>&1) && [ "$result" = ok ]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAIL stress/sigstorm.$libc run $i: $result"
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
