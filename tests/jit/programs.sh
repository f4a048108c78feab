#!/usr/bin/env bash
# Debian's arm64 python3.11, lua5.4, luajit, xz and 7zz under each tier of elfrun's
# CPU engine: the interpreter alone (--jit=off) is the reference, and the
# JIT at its threshold (--jit=on) and on every block (--jit=always) must
# print the same bytes. qemu-aarch64 runs the same command as a second
# witness. One PASS/FAIL line per case, then a table of wall times.
#
#   tests/jit/programs.sh [--full] ELFRUN SYSROOT OUTDIR
#
# Without --full (make check's jit suite, about 15 s): python, lua, luajit
# and xz on small inputs. --full (make test-jit-programs): larger inputs and the
# `7zz b` benchmark, whose ratings depend on speed, so there the check is its
# exit status and its own verification of what it decompressed.
set -u
full=0
[ "${1:-}" = --full ] && { full=1; shift; }
elfrun=$1 sysroot=$(realpath "$2") out=$3
qemu=${QEMU:-qemu-aarch64}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
for program in python3.11 lua5.4 luajit xz 7zz; do
  if [ ! -x "$sysroot/usr/bin/$program" ]; then
    echo "SKIP jit-programs: $sysroot/usr/bin/$program missing (make sysroots)"
    exit 0
  fi
done

times=()
# run NAME TIER COMMAND...: the guest command under elfrun at TIER, its
# output and exit status in $out/NAME.TIER, its wall time in $seconds.
run() {
  local name=$1 tier=$2 start end
  shift 2
  # (the status is read right after the command below)
  start=$(date +%s.%N)
  if [ "$tier" = qemu ]; then
    "$qemu" -L "$sysroot" "$sysroot/usr/bin/$1" "${@:2}" >"$out/$name.$tier" 2>&1
  else
    "$elfrun" --jit="$tier" --sysroot "$sysroot" "$sysroot/usr/bin/$1" "${@:2}" \
      >"$out/$name.$tier" 2>&1
  fi
  local status=$? # on a line of its own: xz's output is binary
  printf '\nexit=%d\n' "$status" >>"$out/$name.$tier"
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
}

# check NAME COMMAND...: every tier and qemu against --jit=off.
check() {
  local name=$1 tier ok=1 why="" t_off t_on
  shift
  run "$name" off "$@"
  t_off=$seconds
  for tier in on always qemu; do
    run "$name" "$tier" "$@"
    [ "$tier" = on ] && t_on=$seconds
    if ! cmp -s "$out/$name.off" "$out/$name.$tier"; then
      ok=0 why="$why $tier differs (diff $out/$name.off $out/$name.$tier)"
    fi
  done
  if ! grep -qx 'exit=0' "$out/$name.off"; then ok=0 why="$why; $(tail -n 1 "$out/$name.off")"; fi
  if [ $ok = 1 ]; then echo "PASS jit-programs/$name"; else echo "FAIL jit-programs/$name:$why"; fi
  times+=("$(printf '| %s | %.2f s | %.2f s | %.1fx |' "$name" "$t_off" "$t_on" \
    "$(echo "$t_off / $t_on" | bc -l)")")
}

check python3.11 python3.11 -S "$here/work.py"
check lua5.4 lua5.4 "$here/work.lua"
# LuaJIT compiles the hot loops to arm64 code, flushes it with IC IVAU and
# runs it: a guest JIT under elfrun's.
check luajit luajit "$here/work_luajit.lua"

# xz: compress a file of the sysroot (the same bytes on every machine with
# the same Debian release), then the compressed stream's checksum.
input=$sysroot/usr/lib/aarch64-linux-gnu/libc.so.6
data=$out/xz-input
if [ $full = 1 ]; then cat "$input" "$input" "$input" >"$data"; else head -c 400000 "$input" >"$data"; fi
check xz xz -9 -T1 -c "$data"

if [ $full = 1 ]; then
  # 7zz b: the same work under both tiers; it decompresses what it
  # compressed and checks it, and exits non-zero on a mismatch.
  for tier in off on; do
    run 7zz "$tier" 7zz b 1 -mmt1 -md16
    eval "t_$tier=\$seconds"
    if grep -qx 'exit=0' "$out/7zz.$tier" && ! grep -qi error "$out/7zz.$tier"; then
      echo "PASS jit-programs/7zz-b.$tier"
    else
      echo "FAIL jit-programs/7zz-b.$tier: $(tail -n 1 "$out/7zz.$tier") (see $out/7zz.$tier)"
    fi
  done
  # shellcheck disable=SC2154 # set by eval above
  times+=("$(printf '| 7zz b 1 -mmt1 -md16 (ratings %s / %s) | %.2f s | %.2f s | %.1fx |' \
    "$(awk '/^Tot:/ { print $4 }' "$out/7zz.off")" "$(awk '/^Tot:/ { print $4 }' "$out/7zz.on")" \
    "$t_off" "$t_on" "$(echo "$t_off / $t_on" | bc -l)")")
fi

echo
echo "| program | --jit=off | --jit=on | speed-up |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${times[@]}"
