#!/usr/bin/env bash
# gdb-multiarch drives elfrun's GDB stub (docs/gdb.md): each tests/gdb/NAME.gdb
# script runs against `elfrun --gdb 0 PROGRAM`; gdb's output (normalised:
# see normalise()), then the guest's own output and exit status, must equal
# tests/gdb/NAME.expected byte for byte.
#
#   tests/gdb/run.sh BUILD [check|qemu|expect] [PATTERN]
#
# check   (default) one PASS/FAIL/SKIP line per script.
# qemu    runs every script against `qemu-aarch64 -g PORT` too and compares:
#         the diff from qemu's answers to elfrun's must equal the recorded
#         tests/gdb/NAME.qemu-diff, where each difference is explained in
#         docs/gdb.md (qemu's extra registers, its step over SVC, its lack of
#         hardware watchpoints in user mode...). An empty file: they agree.
# expect  rewrites NAME.expected and NAME.qemu-diff from the current run
#         (review both before keeping them).
# Then rsp.py, a protocol-level client (check and expect modes only).
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${1:-build}
mode=${2:-check}
pattern=${3:-}
elfrun=$(realpath "$build/elfrun" 2>/dev/null || echo "$build/elfrun")
bins=$build/tests/gdb
out=$build/test-out/gdb
qemu=${QEMU:-qemu-aarch64}
sysroot=${GDB_SYSROOT:-build/sysroot/glibc}
mkdir -p "$out"

# Which program each script debugs, and the sysroot it needs (if any).
program_of() {
  case $1 in
    threads) echo "$bins/threads" ;;
    signal) echo "$bins/spin" ;;
    pie) echo "$bins/basic.pie" ;;
    dynamic) echo "$bins/basic.dyn" ;;
    *) echo "$bins/basic" ;;
  esac
}
sysroot_of() { [ "$1" = dynamic ] && echo "$sysroot"; }

# What legitimately differs between runs and between elfrun and qemu:
# addresses of 9 or more significant hex digits (stacks, PIE and library
# bases, the pointer guard from AT_RANDOM), long decimals (the same values),
# thread and process ids (and the column widths of `info threads` that
# follow from them), and gdb's "file transfer" notice, which depends on
# whether the stub offers vFile.
normalise() {
  perl -pe 's/\b0x0*[0-9a-f]{9,}\b/0xADDR/g; s/(?<![\w.])-?\d{10,}\b/DEC/g;
            s/(0xADDR|DEC) +/$1 /g;
            s/ {2,}/  /g if /^(  Id +Target Id|[* ] +\d+ +Thread )/;
            s/\b(Thread|LWP|process) \d+(\.\d+)?/$1 ID/g;
            s/^warning: remote target does not support file transfer.*\n//;
            s/^Reading .* from remote target\.\.\.\n//;'
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# run_gdb NAME SERVER-KIND RESULT: starts the server, runs gdb, writes RESULT.
run_gdb() {
  local name=$1 kind=$2 result=$3 prog sr port pid i
  prog=$(program_of "$name")
  sr=$(sysroot_of "$name")
  local guest_out=$result.guest guest_err=$result.stderr
  rm -f "$guest_out" "$guest_err"
  : >"$guest_err" # before the server starts, so no stale port is read
  if [ "$kind" = elfrun ]; then
    "$elfrun" ${sr:+--sysroot "$sr"} --gdb 0 "$prog" >"$guest_out" 2>"$guest_err" &
    pid=$!
    for i in $(seq 1 200); do
      port=$(sed -n 's/^elfrun: waiting for gdb on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$guest_err")
      [ -n "$port" ] && break
      sleep 0.05
    done
  else
    port=$(free_port)
    "$qemu" ${sr:+-L "$sr"} -g "$port" "$prog" >"$guest_out" 2>"$guest_err" &
    pid=$!
    sleep 0.3
  fi
  timeout 120 gdb-multiarch --batch -nx -ex 'set pagination off' -ex 'set confirm off' \
    ${sr:+-ex "set sysroot $sr"} -ex "file $prog" -ex "target remote 127.0.0.1:${port:-1}" \
    -x "tests/gdb/$name.gdb" </dev/null 2>&1 | normalise >"$result"
  # A safety net, not a measurement: a server gdb failed to reach is ended.
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  local status
  wait "$pid"
  status=$?
  { echo "--- guest output"; cat "$guest_out"; echo "exit=$status"; } >>"$result"
}

passed=0 failed=0 skipped=0
result() { echo "$1 gdb/$2${3:+: $3}"; case $1 in PASS) passed=$((passed + 1)) ;; FAIL) failed=$((failed + 1)) ;; *) skipped=$((skipped + 1)) ;; esac; }

for script in tests/gdb/*.gdb; do
  name=$(basename "$script" .gdb)
  [ -z "$pattern" ] || [[ $name == *$pattern* ]] || continue
  if ! command -v gdb-multiarch >/dev/null; then result SKIP "$name" "gdb-multiarch not installed"; continue; fi
  prog=$(program_of "$name")
  if [ ! -x "$prog" ]; then result SKIP "$name" "$prog not built (make tests)"; continue; fi
  sr=$(sysroot_of "$name")
  if [ -n "$sr" ] && [ ! -d "$sr" ]; then result SKIP "$name" "no sysroot $sr (make sysroots)"; continue; fi
  run_gdb "$name" elfrun "$out/$name.elfrun"
  if [ "$mode" = expect ]; then cp "$out/$name.elfrun" "tests/gdb/$name.expected"; fi
  if [ "$mode" = check ]; then
    if cmp -s "tests/gdb/$name.expected" "$out/$name.elfrun"; then result PASS "$name"
    else result FAIL "$name" "diff tests/gdb/$name.expected $out/$name.elfrun"; fi
    continue
  fi
  if ! command -v "$qemu" >/dev/null; then result SKIP "$name/qemu" "$qemu not installed"; continue; fi
  run_gdb "$name" qemu "$out/$name.qemu"
  # qemu also describes system registers (and SVE's vg) that a Linux
  # process cannot see; they are left out of the comparison.
  perl -ni -e 'print unless /^(vg|[A-Z][A-Z0-9_]*) +0x/' "$out/$name.qemu"
  diff "$out/$name.qemu" "$out/$name.elfrun" >"$out/$name.qemu-diff"
  if [ "$mode" = expect ]; then cp "$out/$name.qemu-diff" "tests/gdb/$name.qemu-diff"; continue; fi
  if cmp -s "tests/gdb/$name.qemu-diff" "$out/$name.qemu-diff"; then
    result PASS "$name/qemu" "$( [ -s "$out/$name.qemu-diff" ] && echo "agrees but for the recorded differences" || echo "agrees")"
  else
    result FAIL "$name/qemu" "diff tests/gdb/$name.qemu-diff $out/$name.qemu-diff"
  fi
done
# rsp.py speaks the protocol itself (bad memory, signal and Ctrl-C stop
# replies, qXfer objects, thread names, W), against elfrun only.
rsp_test() {
  local prog=$bins/spin result=$out/rsp.elfrun port pid i flag status
  [ -x "$prog" ] || { result SKIP rsp "$prog not built (make tests)"; return; }
  flag=$(aarch64-linux-gnu-nm "$prog" | awk '/ stop_spinning$/ { print $1 }')
  rm -f "$result.guest" "$result.stderr"
  : >"$result.stderr"
  "$elfrun" --gdb 0 "$prog" >"$result.guest" 2>"$result.stderr" &
  pid=$!
  for i in $(seq 1 200); do
    port=$(sed -n 's/^elfrun: waiting for gdb on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$result.stderr")
    [ -n "$port" ] && break
    sleep 0.05
  done
  timeout 60 python3 -u tests/gdb/rsp.py "${port:-1}" "$flag" >"$result" 2>&1
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid"
  status=$?
  { echo "--- guest output"; cat "$result.guest"; echo "exit=$status"; } >>"$result"
  [ "$mode" = expect ] && cp "$result" tests/gdb/rsp.expected
  if cmp -s tests/gdb/rsp.expected "$result"; then result PASS rsp
  else result FAIL rsp "diff tests/gdb/rsp.expected $result"; fi
}
if [ "$mode" != qemu ] && { [ -z "$pattern" ] || [[ rsp == *$pattern* ]]; }; then
  if command -v python3 >/dev/null; then rsp_test; else result SKIP rsp "no python3"; fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
