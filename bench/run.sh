#!/usr/bin/env bash
# One table: elfrun vs qemu-aarch64 vs native x86-64 on the same work, in the
# same run. Medians from hyperfine. Writes Markdown and JSON to
# bench/results/. What each row means: docs/bench.md.
#
#   bench/run.sh [--quick] [BUILD]
#
# --quick (make bench-quick, under 3 minutes): 3 runs a row, the xz and gzip
# inputs cut to 1 and 2 MB, no 7zz row. The full run (make bench): a warm-up
# and 10 runs a row, 20 MB inputs, the 7zz rating. xz and gzip, minutes a
# run under an emulator, are timed once in both. Every command runs once
# before it is timed, to check that elfrun and qemu-aarch64 print the same
# bytes; that run also warms the page cache, so it is the only warm-up of the
# long rows and of --quick.
#
# The dynamic rows use the glibc sysroot of `make sysroots`:
# SYSROOT_GLIBC (default build/sysroot/glibc); without it they are skipped,
# and the table says why.
set -euo pipefail
quick=0
[ "${1:-}" = --quick ] && { quick=1; shift; }
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/results
bin=$build/bench
sysroot=$(realpath -m "${SYSROOT_GLIBC:-$root/build/sysroot/glibc}")
elfrun=$build/elfrun
mkdir -p "$out" "$bin/a64" "$bin/a64-musl" "$bin/native" "$bin/json" "$bin/out" "$bin/data"

if [ $quick = 1 ]; then
  runs=3 warmup=0 long_runs=1 text_mb_xz=1 text_mb_gz=2 sevenzip_runs=0
else
  runs=10 warmup=1 long_runs=1 text_mb_xz=20 text_mb_gz=20 sevenzip_runs=1
fi

# The same sources and flags for all three. -ffp-contract=off: gcc for
# aarch64 would otherwise fuse a*b+c into fmadd (one rounding) where x86-64
# without -mfma cannot, and the FP rows would not do the same arithmetic.
cflags=(-O2 -static -pthread -ffp-contract=off)
build_kernel() { # NAME [musl]
  local src=$root/bench/kernels/$1.c
  if [ "$bin/native/$1" -nt "$src" ] && [ "$bin/native/$1" -nt "$root/bench/kernels/common.h" ] &&
    [ "$bin/native/$1" -nt "$root/bench/run.sh" ]; then
    return
  fi
  aarch64-linux-gnu-gcc "${cflags[@]}" -o "$bin/a64/$1" "$src" -lm
  [ "${2:-}" = musl ] && aarch64-linux-musl-gcc "${cflags[@]}" -o "$bin/a64-musl/$1" "$src" -lm
  gcc "${cflags[@]}" -o "$bin/native/$1" "$src" -lm
}

rows=()     # LABEL|HYPERFINE_JSON|CALLS (CALLS: report ns per call)
skipped=()  # LABEL: REASON
skip() { # LABEL REASON
  echo "bench: $1: skipped: $2" >&2
  skipped+=("$1: $2")
}

# row LABEL ELFRUN_CMD QEMU_CMD NATIVE_CMD [RUNS [WARMUP [CALLS]]]
row() {
  local label=$1 e_cmd=$2 q_cmd=$3 n_cmd=$4 n_runs=${5:-$runs} n_warm=${6:-$warmup} calls=${7:-}
  local json=$bin/json/${label//[^A-Za-z0-9]/_}.json o=$bin/out
  echo "bench: $label" >&2
  # elfrun and qemu-aarch64 must print the same bytes before their times
  # mean anything; native output may differ (a libm's last digit, ls of a
  # different root), which is only noted.
  $e_cmd >"$o/elfrun" 2>/dev/null || true
  $q_cmd >"$o/qemu" 2>/dev/null || true
  $n_cmd >"$o/native" 2>/dev/null || true
  if ! cmp -s "$o/elfrun" "$o/qemu"; then
    skip "$label" "elfrun's output differs from qemu-aarch64's"
    return
  fi
  cmp -s "$o/native" "$o/qemu" || echo "bench: $label: native output differs (noted, not an error)" >&2
  hyperfine -N --warmup "$n_warm" --runs "$n_runs" --export-json "$json" \
    -n elfrun "$e_cmd" -n qemu "$q_cmd" -n native "$n_cmd" >/dev/null 2>&1 ||
    { skip "$label" "hyperfine failed (a command exited non-zero)"; return; }
  rows+=("$label|$json|$calls")
}

# kernel LABEL NAME [ARGS...]: a kernel of bench/kernels, static, three ways.
kernel() {
  local label=$1 name=$2
  shift 2
  row "$label" "$elfrun $bin/a64/$name $*" "qemu-aarch64 $bin/a64/$name $*" "$bin/native/$name $*"
}

# dynamic LABEL "GUEST_PROGRAM ARGS" "NATIVE_PROGRAM ARGS" [RUNS [WARMUP]]:
# a program of the glibc sysroot under elfrun --sysroot and qemu-aarch64 -L,
# against the host's own build of the same Debian package.
have_sysroot=0
[ -x "$sysroot/usr/bin/true" ] && [ -e "$sysroot/lib/ld-linux-aarch64.so.1" ] && have_sysroot=1
dynamic() {
  local label=$1 guest=$2 native=$3
  shift 3
  if [ $have_sysroot = 0 ]; then
    skip "$label" "no glibc sysroot at $sysroot (make sysroots)"
    return
  fi
  if [ ! -x "$sysroot/${guest%% *}" ]; then
    skip "$label" "no ${guest%% *} in the sysroot (make sysroots)"
    return
  fi
  if ! command -v "${native%% *}" >/dev/null; then
    skip "$label" "no ${native%% *} on the host (scripts/install-deps.sh)"
    return
  fi
  row "$label" "$elfrun --sysroot $sysroot $sysroot/$guest" "qemu-aarch64 -L $sysroot $sysroot/$guest" "$native" "$@"
}

# A text file of MB megabytes, the same bytes on every run (gentext.c).
text_file() { # MB -> path
  local f=$bin/data/text-$1M.txt
  if [ ! -s "$f" ] || [ "$bin/native/gentext" -nt "$f" ]; then "$bin/native/gentext" "$1" >"$f"; fi
  echo "$f"
}

for k in hello exit0 intloop crc32 sort strsearch matmul_int bytecode sha256 \
  matmul_fp nbody libm getpid stat openclose pipe forkexec clock futex parsum gentext; do
  case $k in hello) build_kernel $k musl ;; *) build_kernel $k ;; esac
done

# --- start-up
kernel "startup: static hello (glibc)" hello
row "startup: static hello (musl)" "$elfrun $bin/a64-musl/hello" "qemu-aarch64 $bin/a64-musl/hello" "$bin/native/hello"
bb=$build/fixtures/busybox-static/bin/busybox
if [ -x "$bb" ]; then
  row "startup: busybox true" "$elfrun $bb true" "qemu-aarch64 $bb true" "/bin/true"
else
  skip "startup: busybox true" "no $bb (make fixtures)"
fi
dynamic "startup: dynamic /bin/true" "usr/bin/true" "/usr/bin/true"
dynamic "startup: dynamic ls /" "usr/bin/ls /" "/usr/bin/ls /"
dynamic "startup: python3 -S -c pass" "usr/bin/python3.11 -S -c pass" "/usr/bin/python3.11 -S -c pass"
dynamic "startup: python3 -c pass" "usr/bin/python3.11 -c pass" "/usr/bin/python3.11 -c pass"

# --- CPU, integer
kernel "int: register loop" intloop
kernel "int: crc32 table" crc32
kernel "int: qsort" sort
kernel "int: string search (naive, Horspool)" strsearch
kernel "int: matmul" matmul_int
kernel "int: bytecode interpreter" bytecode
kernel "int: sha256 (16 MiB)" sha256
xz_in=$(text_file $text_mb_xz)
gz_in=$(text_file $text_mb_gz)
dynamic "int: xz -9 ($text_mb_xz MB text)" "usr/bin/xz -9 -T1 -c $xz_in" "/usr/bin/xz -9 -T1 -c $xz_in" "$long_runs" 0
dynamic "int: gzip -9 ($text_mb_gz MB text)" "usr/bin/gzip -9 -c $gz_in" "/usr/bin/gzip -9 -c $gz_in" "$long_runs" 0

# 7-Zip's benchmark reports its own rating (MIPS, instructions of a
# reference LZMA machine per second), which is what the row keeps; its wall
# time is mostly fixed by its own calibration. The table shows the rating as
# a time-equivalent, 1000/MIPS = seconds per 10^9 rated instructions, so
# that the ratios read like every other row (lower is faster).
sevenzip_args=(b 1 -mmt1 -md18)
sevenzip_rating() { # COMMAND... -> total rating in MIPS, or nothing
  "$@" "${sevenzip_args[@]}" 2>/dev/null | awk '/^Tot:/ { print $NF }'
}
sevenzip_row() {
  local label="int: 7zz ${sevenzip_args[*]}" json=$bin/json/7zz.json
  if [ "$sevenzip_runs" = 0 ]; then
    skip "$label" "full run only (its fixed work takes minutes under an emulator)"
    return
  fi
  if [ $have_sysroot = 0 ] || [ ! -x "$sysroot/usr/bin/7zz" ]; then
    skip "$label" "no usr/bin/7zz in the sysroot $sysroot (make sysroots)"
    return
  fi
  if ! command -v 7zz >/dev/null; then
    skip "$label" "no 7zz on the host (scripts/install-deps.sh)"
    return
  fi
  echo "bench: $label" >&2
  local e q n
  e=$(median_of "$sevenzip_runs" sevenzip_rating "$elfrun" --sysroot "$sysroot" "$sysroot/usr/bin/7zz")
  q=$(median_of "$sevenzip_runs" sevenzip_rating qemu-aarch64 -L "$sysroot" "$sysroot/usr/bin/7zz")
  n=$(median_of "$sevenzip_runs" sevenzip_rating 7zz)
  if [ -z "$e" ] || [ -z "$q" ] || [ -z "$n" ]; then
    skip "$label" "no rating from one of the three (7zz b failed)"
    return
  fi
  # Written in the shape median() reads from hyperfine's files.
  printf '{"results": [\n{"command": "elfrun", "median": %s, "rating": %s},\n{"command": "qemu", "median": %s, "rating": %s},\n{"command": "native", "median": %s, "rating": %s}\n]}\n' \
    "$(awk -v r="$e" 'BEGIN { print 1000 / r }')" "$e" "$(awk -v r="$q" 'BEGIN { print 1000 / r }')" "$q" \
    "$(awk -v r="$n" 'BEGIN { print 1000 / r }')" "$n" >"$json"
  rows+=("$label (1000/rating; rating $e / $q / $n MIPS)|$json|")
}
median_of() { # RUNS COMMAND... -> median of the numbers the command prints
  local k=$1
  shift
  for ((i = 0; i < k; i++)); do "$@"; done | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
sevenzip_row

# --- floating point
kernel "fp: matmul" matmul_fp
kernel "fp: n-body" nbody
kernel "fp: libm (sin cos exp log pow atan2)" libm

# --- system calls
kernel "sys: getpid loop" getpid
kernel "sys: stat loop" stat
kernel "sys: open/close loop" openclose
kernel "sys: pipe write/read loop" pipe
# The child is exit0, a tiny static program. qemu-aarch64 has no binfmt_misc
# entry here, so its guest execs qemu-aarch64 itself, as binfmt would.
row "sys: fork+exec+wait loop" "$elfrun $bin/a64/forkexec 1 $bin/a64/exit0" \
  "qemu-aarch64 $bin/a64/forkexec 1 /usr/bin/qemu-aarch64 $bin/a64/exit0" \
  "$bin/native/forkexec 1 $bin/native/exit0"
row "sys: clock_gettime loop" "$elfrun $bin/a64/clock" "qemu-aarch64 $bin/a64/clock" "$bin/native/clock" \
  "$runs" "$warmup" 2000000

# --- threads
kernel "thr: futex ping-pong" futex
kernel "thr: parallel sum, 2 threads" parsum

median() { # JSON_FILE COMMAND_NAME -> seconds
  awk -v name="\"$2\"" '
    /"command":/ { cur = $0; sub(/.*"command": */, "", cur); sub(/,.*$/, "", cur) }
    /"median":/ && cur == name { v = $0; sub(/.*"median": */, "", v); sub(/[,}].*$/, "", v); print v; exit }' "$1"
}

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -r)"
load=$(cut -d' ' -f1-3 /proc/loadavg)
mode=$([ $quick = 1 ] && echo "bench-quick: $runs runs a row, no separate warm-up" ||
  echo "bench: a warm-up and $runs runs a row")
mode="$mode; xz and gzip: $long_runs timed run after the checking run"
md=$out/latest.md
json=$out/latest.json
{
  echo "# elfrun benchmarks ($stamp)"
  echo
  echo "Machine: $machine; load average at the end $load (shared machine)."
  echo "Median wall time from hyperfine ($mode). elfrun/qemu below 1: elfrun is faster."
  echo "Rows are explained in docs/bench.md."
  echo
  echo "| benchmark | elfrun | qemu-aarch64 | native | elfrun/qemu | elfrun/native |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$md"
echo "{\"date\": \"$stamp\", \"machine\": \"$machine\", \"load\": \"$load\", \"quick\": $quick, \"rows\": [" >"$json"
sep=""
for r in "${rows[@]}"; do
  IFS='|' read -r label f calls <<<"$r"
  e=$(median "$f" elfrun) q=$(median "$f" qemu) n=$(median "$f" native)
  extra=""
  if [ -n "$calls" ]; then
    per=$(awk -v e="$e" -v q="$q" -v n="$n" -v c="$calls" \
      'BEGIN { printf "%.0f / %.0f / %.0f", e / c * 1e9, q / c * 1e9, n / c * 1e9 }')
    label="$label (ns per call, whole run / calls: $per)"
    extra=", \"calls\": $calls"
  fi
  awk -v l="$label" -v e="$e" -v q="$q" -v n="$n" 'BEGIN {
    printf "| %s | %.4f s | %.4f s | %.4f s | %.2f | %.1f |\n", l, e, q, n, e / q, e / n }' >>"$md"
  printf '%s{"name": "%s", "elfrun": %s, "qemu": %s, "native": %s%s}' "$sep" "$label" "$e" "$q" "$n" "$extra" >>"$json"
  sep=$',\n'
done
echo "]," >>"$json"
printf '"skipped": [' >>"$json"
sep=""
if [ ${#skipped[@]} -gt 0 ]; then
  { echo; echo "Skipped:"; echo; } >>"$md"
  for s in "${skipped[@]}"; do
    echo "- $s" >>"$md"
    printf '%s"%s"' "$sep" "$s" >>"$json"
    sep=", "
  done
fi
echo "]}" >>"$json"
cat "$md"
