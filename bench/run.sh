#!/usr/bin/env bash
# One table: elfrun vs qemu-aarch64 vs native x86-64 on the same work, in the
# same run. Medians from hyperfine (with warm-up). Writes Markdown and JSON to
# bench/results/. Usage: bench/run.sh [--quick] [BUILD]
set -euo pipefail
quick=0
[ "${1:-}" = --quick ] && { quick=1; shift; }
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/results
bin=$build/bench
mkdir -p "$out" "$bin/a64" "$bin/a64-musl" "$bin/native" "$bin/json"
elfrun=$build/elfrun
runs=$([ $quick = 1 ] && echo 3 || echo 10)
scale=1

cflags="-O2 -static"
build_kernel() { # NAME
  local src=$root/bench/kernels/$1.c
  [ "$bin/native/$1" -nt "$src" ] && return
  aarch64-linux-gnu-gcc $cflags -o "$bin/a64/$1" "$src"
  aarch64-linux-musl-gcc $cflags -o "$bin/a64-musl/$1" "$src"
  gcc $cflags -o "$bin/native/$1" "$src"
}

rows=()
# row LABEL A64_BINARY NATIVE_COMMAND [ARGS...]
row() {
  local label=$1 a64=$2 native=$3
  shift 3
  local args="$*" json=$bin/json/${label//[^A-Za-z0-9]/_}.json
  # All three must agree on the output before their times mean anything.
  local want got_e got_q
  want=$($native $args 2>/dev/null || true)
  got_e=$($elfrun $a64 $args 2>/dev/null || true)
  got_q=$(qemu-aarch64 $a64 $args 2>/dev/null || true)
  if [ "$got_e" != "$got_q" ]; then
    echo "bench: $label: elfrun output differs from qemu-aarch64; skipped" >&2
    return
  fi
  [ -n "$native" ] && [ "$want" != "$got_q" ] && [ "${label#startup}" = "$label" ] &&
    echo "bench: $label: native output differs (fine for FP formatting)" >&2
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" \
    -n elfrun "$elfrun $a64 $args" -n qemu "qemu-aarch64 $a64 $args" \
    ${native:+-n native "$native $args"} >/dev/null 2>&1
  rows+=("$label|$json")
}

for k in hello intloop crc32 sort matmul_int matmul_fp getpid; do build_kernel $k; done
row "startup: static hello (glibc)" "$bin/a64/hello" "$bin/native/hello"
row "startup: static hello (musl)" "$bin/a64-musl/hello" "$bin/native/hello"
bb=$build/fixtures/busybox-static/bin/busybox
[ -x "$bb" ] && row "startup: busybox true" "$bb true" "/bin/true"
row "int: register loop" "$bin/a64/intloop" "$bin/native/intloop" $scale
row "int: crc32 table" "$bin/a64/crc32" "$bin/native/crc32" $scale
row "int: qsort" "$bin/a64/sort" "$bin/native/sort" $scale
row "int: matmul" "$bin/a64/matmul_int" "$bin/native/matmul_int" $scale
row "fp: matmul" "$bin/a64/matmul_fp" "$bin/native/matmul_fp" $scale
row "sys: getpid loop" "$bin/a64/getpid" "$bin/native/getpid" $scale

median() { # JSON_FILE COMMAND_NAME -> seconds
  awk -v name="\"$2\"" '
    /"command":/ { cur = $2; sub(/,$/, "", cur) }
    /"median":/ && cur == name { v = $2; sub(/,$/, "", v); print v; exit }' "$1"
}

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
md=$out/latest.md
json=$out/latest.json
{
  echo "# elfrun benchmarks ($stamp)"
  echo
  echo "Machine: $machine. Median wall time of $runs runs after a warm-up (hyperfine)."
  echo
  echo "| benchmark | elfrun | qemu-aarch64 | native | elfrun/qemu | elfrun/native |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$md"
echo "{\"date\": \"$stamp\", \"machine\": \"$machine\", \"rows\": [" >"$json"
sep=""
for r in "${rows[@]}"; do
  label=${r%%|*} f=${r#*|}
  e=$(median "$f" elfrun) q=$(median "$f" qemu) n=$(median "$f" native)
  awk -v l="$label" -v e="$e" -v q="$q" -v n="${n:-0}" 'BEGIN {
    nat = (n > 0) ? sprintf("%.4f s", n) : "-"
    ratio = (n > 0) ? sprintf("%.1f", e / n) : "-"
    printf "| %s | %.4f s | %.4f s | %s | %.2f | %s |\n", l, e, q, nat, e / q, ratio }' >>"$md"
  printf '%s{"name": "%s", "elfrun": %s, "qemu": %s, "native": %s}' "$sep" "$label" "$e" "$q" "${n:-null}" >>"$json"
  sep=$',\n'
done
echo "]}" >>"$json"
cat "$md"
