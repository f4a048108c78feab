#!/usr/bin/env bash
# Runs elfrun's test suites: one "PASS name", "FAIL name: why" or
# "SKIP name: why" line per test, then the summary as the last line:
# "N passed, N failed[, N skipped]". Exit status 0 only if nothing failed.
#
#   tests/check.sh BUILD [SUITE [PATTERN]]
#
# Suites, in order: unit (host unit tests and a short fuzz run), cli (elfrun's
# command line and bad input), asm, guest (C programs in three builds),
# strace (--strace's decoding against strace(1), tests/strace/run.sh),
# busybox (Debian's busybox under elfrun and qemu-aarch64, compared live),
# sysroot (tests/sysroot/host_fallback.sh: the sysroot's host fallback;
# tests/sysroot/programs.sh: Go programs and python3 against qemu-aarch64),
# jit (python3.11, lua5.4, luajit and xz under each tier of the CPU engine,
# tests/jit/programs.sh),
# isa (random instructions under elfrun and qemu-aarch64, tests/isa/),
# casefold (the sidecar case-folding layer, tests/casefold/run.sh), pty
# (job control in interactive shells under a pseudo-terminal,
# tests/pty/run.sh), exec (nested exec chains against the arm64 chroot,
# tests/exec/run.sh), binfmt (--install-binfmt in a private binfmt_misc,
# tests/binfmt/run.sh), gdb (gdb-multiarch against elfrun --gdb,
# tests/gdb/run.sh) and matrix (Debian's arm64 programs in three
# sysroots, tests/matrix/).
# PATTERN keeps the tests whose name contains it. Expected outputs come from
# scripts/oracle.sh (qemu-aarch64), never from elfrun; each run's output is
# kept in BUILD/test-out/ for debugging. See docs/testing.md.
set -u
cd "$(dirname "$0")/.." || exit 2
build=${1:-build}
only=${2:-}
pattern=${3:-}
fixtures=${FIXTURES:-build/fixtures}
elfrun=$(realpath "$build/elfrun" 2>/dev/null || echo "$build/elfrun")
out_dir=$build/test-out
qemu=${QEMU:-qemu-aarch64}
. scripts/testlib.sh

passed=0 failed=0 skipped=0
mkdir -p "$out_dir"
ulimit -c 0 # guests dying by signal must not leave core files around

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
skip() { skipped=$((skipped + 1)); echo "SKIP $1: $2"; }
selected() { [ -z "$pattern" ] || [[ $1 == *$pattern* ]]; }
out_file() { echo "$out_dir/${1//\//_}.out"; }

# compare NAME EXPECTED STDIN COMMAND...: runs COMMAND (see run_capture) and
# compares its output and exit status with EXPECTED byte for byte.
compare() {
  local name=$1 expected=$2 stdin=$3 got
  shift 3
  got=$(out_file "$name")
  if [ ! -f "$expected" ]; then
    skip "$name" "no expected output $expected (run scripts/oracle.sh)"
    return
  fi
  run_capture "$got" "$stdin" "$@"
  if cmp -s "$expected" "$got"; then pass "$name"
  else fail "$name" "$(describe_difference "$expected" "$got")"; fi
}

# A one-line account of how two outputs differ, for the FAIL line.
describe_difference() {
  local want got
  want=$(tail -n 1 "$1") got=$(tail -n 1 "$2")
  if [ "$want" != "$got" ] && [[ $got == exit=* ]]; then
    local signal=""
    [ "${got#exit=}" -gt 128 ] 2>/dev/null &&
      signal=" (signal $(kill -l $((${got#exit=} - 128)) 2>/dev/null))"
    echo "$got$signal, expected $want (diff $1 $2)"
  else
    echo "output differs (diff $1 $2)"
  fi
}

# --- unit: host unit tests, one child process per test ---------------------
suite_unit() {
  local bin=$build/tests/unit/unit_tests log line status
  if [ ! -x "$bin" ]; then
    fail unit "runner $bin not built (make tests)"
  else
    log=$(out_file unit)
    { ELFRUN_TEST_BUILD=$build "$bin" "${pattern#unit/}" >"$log" 2>&1; status=$?; } 2>/dev/null
    local counted=$((passed + failed))
    while IFS= read -r line; do
      case $line in
        "PASS "*) passed=$((passed + 1)); echo "$line" ;;
        "FAIL "*) failed=$((failed + 1)); echo "$line" ;;
        *) echo "$line" ;; # a failed check's details, printed before its FAIL
      esac
    done <"$log"
    if [ "$status" -ne 0 ] && [ $((passed + failed)) -eq "$counted" ]; then
      fail unit "runner exited with status $status before reporting (see $log)"
    fi
  fi
  fuzz_smoke
}

# A short libFuzzer run over the seed corpus: catches a parser regression
# on malformed input in seconds; `make fuzz` runs for as long as asked.
fuzz_smoke() {
  local name=unit/fuzz_elf.seed_corpus_and_200000_mutations
  selected "$name" || return
  local bin=$build/fuzz/fuzz_elf seeds=$build/fuzz/seeds log
  if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
    skip "$name" "fuzzer not built (needs clang and libclang-rt-14-dev: scripts/install-deps.sh)"
    return
  fi
  log=$(out_file "$name")
  local corpus
  corpus=$(mktemp -d)
  if { "$bin" -runs=200000 -max_len=16384 -seed=1 -timeout=10 \
        -artifact_prefix="$out_dir/fuzz-" "$corpus" "$seeds" >"$log" 2>&1; } 2>/dev/null; then
    pass "$name"
  else
    fail "$name" "crash or failed invariant (see $log)"
  fi
  rm -rf "$corpus"
}

# --- cli: the command line, and bad programs given to elfrun ----------------
# cli_case NAME STATUS REASON_REGEX PROGRAM: elfrun PROGRAM must exit with
# STATUS, print nothing on stdout and exactly one line on stderr naming
# PROGRAM and matching REASON_REGEX.
cli_case() {
  local name=cli/$1 want=$2 reason=$3 program=$4 log err status lines
  selected "$name" || return
  log=$(out_file "$name")
  err=$log.stderr
  { "$elfrun" "$program" >"$log" 2>"$err" </dev/null; status=$?; } 2>/dev/null
  lines=$(wc -l <"$err")
  if [ "$status" -ne "$want" ]; then
    fail "$name" "exit status $status, expected $want (see $err)"
  elif [ -s "$log" ]; then
    fail "$name" "wrote to stdout (see $log)"
  elif [ "$lines" -ne 1 ]; then
    fail "$name" "$lines lines on stderr, expected one (see $err)"
  elif ! grep -qF -- "$program" "$err" || ! grep -qiE -- "$reason" "$err"; then
    fail "$name" "message does not name the file and /$reason/: $(cat "$err")"
  else
    pass "$name"
  fi
}

# cli_run NAME STATUS STREAM REGEX ARGS...: elfrun ARGS exits with STATUS and
# prints a line matching REGEX on STREAM (stdout or stderr).
cli_run() {
  local name=cli/$1 want=$2 stream=$3 regex=$4 log status
  shift 4
  selected "$name" || return
  log=$(out_file "$name")
  { "$elfrun" "$@" >"$log.stdout" 2>"$log.stderr" </dev/null; status=$?; } 2>/dev/null
  if [ "$status" -ne "$want" ]; then
    fail "$name" "exit status $status, expected $want"
  elif ! grep -qE -- "$regex" "$log.$stream"; then
    fail "$name" "no /$regex/ on $stream (see $log.$stream)"
  else
    pass "$name"
  fi
}

# --jit-perf: a guest under --jit=always prints what it should, and leaves
# /tmp/jit-PID.dump describing its translations (tests/jit/jitdump_check.py).
cli_jit_perf() {
  local name=cli/jit_perf_describes_translations bin=$build/tests/guest/jit_trace.glibc
  local log pid status text dump
  selected "$name" || return
  [ -x "$bin" ] || { skip "$name" "$bin not built (make tests)"; return; }
  log=$(out_file "$name")
  "$elfrun" --jit=always --jit-perf "$bin" >"$log.stdout" 2>"$log.stderr" </dev/null &
  pid=$!
  wait "$pid"
  status=$?
  printf 'exit=%d\n' "$status" >>"$log.stdout" # as the guest suite's expected files end
  dump=/tmp/jit-$pid.dump
  # The program's code: the executable segment's address and size.
  text=$(readelf -lW "$bin" | awk '$1 == "LOAD" && / R E / { print $3, $6; exit }')
  if ! cmp -s "$log.stdout" tests/expected/guest/jit_trace.out; then
    fail "$name" "output differs from tests/expected/guest/jit_trace.out (see $log.stdout)"
  elif ! python3 tests/jit/jitdump_check.py "$dump" "$pid" \
      "${text% *}" "$(( ${text% *} + ${text#* } ))" >"$log.check" 2>&1; then
    fail "$name" "$(tail -n 1 "$log.check")"
  else
    pass "$name"
  fi
  rm -f "$dump"
}

# The guest cannot reach elfrun's own memory (docs/jit.md, "Memory access"):
# once tests/guest/host_unreachable.c says it is ready, it gets the
# addresses of elfrun's code cache, heap, stack and binary from
# /proc/PID/maps, and a load and a store at each, from a translated loop,
# must raise SIGSEGV there. Under each tier.
cli_host_unreachable() {
  local bin=$build/tests/guest/host_unreachable.glibc tier
  for tier in off on always; do
    local name=cli/guest_cannot_reach_host_memory.$tier log
    selected "$name" || continue
    [ -x "$bin" ] || { skip "$name" "$bin not built (make tests)"; continue; }
    log=$(out_file "$name")
    : >"$log"
    coproc PROBE { ELFRUN_JIT=$tier exec "$elfrun" "$bin" 2>&1; }
    local pid=$PROBE_PID line ready=0 addrs
    while IFS= read -r line <&"${PROBE[0]}"; do
      echo "$line" >>"$log"
      [ "$line" = ready ] && { ready=1; break; }
    done
    # The first page of each of elfrun's mappings (those of the process
    # coproc started: elfrun itself, which runs the guest in-process).
    addrs=$(awk '/elfrun-jit|\[heap\]|\[stack\]|\/elfrun$/ { split($1, r, "-"); print r[1] }' \
      "/proc/$pid/maps" 2>/dev/null | sort -u)
    printf '%s\n' $addrs >&"${PROBE[1]}"
    exec {PROBE[1]}>&-
    cat <&"${PROBE[0]}" >>"$log"
    wait "$pid"
    local status=$? want probes
    probes=$(printf '%s\n' $addrs | grep -c .)
    want=$(( 2 * (probes + 2) ))
    if [ "$ready" != 1 ] || [ "$status" != 0 ]; then
      fail "$name" "exit status $status, ready $ready (see $log)"
    elif [ "$probes" -lt $([ $tier = off ] && echo 3 || echo 5) ]; then
      fail "$name" "found only $probes of elfrun's mappings (see $log)"
    elif [ "$(grep -c 'SIGSEGV at the address' "$log")" != "$want" ]; then
      fail "$name" "not every probe faulted at its address (see $log)"
    else
      pass "$name"
    fi
  done
}

suite_cli() {
  if [ ! -x "$elfrun" ]; then
    fail cli "$elfrun not built"
    return
  fi
  local dir=$out_dir/cli-inputs valid
  valid=$(find "$build/tests/asm" -maxdepth 1 -type f 2>/dev/null | sort | head -n 1)
  rm -rf "$dir"
  mkdir -p "$dir/a-directory"
  printf 'hello\n' >"$dir/text.txt"
  : >"$dir/empty"
  printf '#!/bin/sh\necho hi\n' >"$dir/script.sh"
  chmod +x "$dir/script.sh"
  cli_run no_arguments_prints_usage 2 stderr '^usage: elfrun'
  cli_run help_prints_usage 0 stdout '^usage: elfrun' --help
  cli_run version 0 stdout '^elfrun [0-9]' --version
  cli_run unknown_option 2 stderr "unknown .*option '--frobnicate'" --frobnicate /bin/true
  cli_run sysroot_without_path 2 stderr 'option' --sysroot
  local args=$build/tests/guest/args.glibc hello=$build/tests/guest/hello.glibc
  cli_run argv0_replaces_the_program_name 0 stdout '^argv\[0\] names: custom-name$' \
    --argv0 custom-name "$args"
  cli_run strace_logs_system_calls 0 stderr '^exit_group\(0\) = \?$' --strace "$hello"
  cli_run strace_file_that_cannot_be_created 2 stderr '^elfrun: --strace=' \
    --strace="$dir/no-such-dir/trace" "$hello"
  cli_run double_dash_ends_options 0 stdout '^hello, world$' -- "$hello"
  cli_jit_perf
  cli_host_unreachable
  cli_case missing_file 127 'no such file' "$dir/no-such-file"
  cli_case directory 126 'directory' "$dir/a-directory"
  cli_case text_file 126 'not an ELF' "$dir/text.txt"
  cli_case empty_file 126 'empty' "$dir/empty"
  cli_case shell_script 126 'not an ELF' "$dir/script.sh"
  cli_case x86_64_elf 126 'x86-64' /bin/true
  if [ -z "$valid" ]; then
    skip cli/bad_elfs "no test binary to derive them from (make tests)"
    return
  fi
  scripts/bad-elfs.sh "$valid" "$dir/bad" >/dev/null
  cli_case truncated_header 126 'truncated' "$dir/bad/truncated-header.elf"
  cli_case truncated_program_headers 126 'truncated' "$dir/bad/truncated-phdrs.elf"
  cli_case truncated_segment 126 'truncated' "$dir/bad/truncated-segment.elf"
  cli_case elf32 126 '32-bit' "$dir/bad/elf32.elf"
  cli_case big_endian 126 'big-endian' "$dir/bad/big-endian.elf"
  cli_case relocatable 126 'relocatable|not an executable' "$dir/bad/relocatable.elf"
  cli_case other_machine 126 'machine|not aarch64' "$dir/bad/riscv.elf"
  cli_case no_program_headers 126 'program header' "$dir/bad/no-phdrs.elf"
  cli_case absurd_program_header_count 126 'program header' "$dir/bad/huge-phnum.elf"
  cli_case program_headers_past_end 126 'truncated' "$dir/bad/phdrs-past-end.elf"
  cli_case overlapping_segments 126 'overlap' "$dir/bad/overlapping.elf"
  cli_case absurd_segment_size 126 'address space' "$dir/bad/huge-memsz.elf"
  cli_case misaligned_segment 126 'misaligned' "$dir/bad/misaligned.elf"
}

# --- asm: tests/asm/NAME.S against tests/expected/asm/NAME.out --------------
suite_asm() {
  local bin name
  for bin in "$build"/tests/asm/*; do
    [ -x "$bin" ] || continue
    name=asm/${bin##*/}
    selected "$name" || continue
    compare "$name" "tests/expected/$name.out" /dev/null "$elfrun" "$bin"
  done
}

# --- guest: tests/guest/NAME.c, built three ways, each run of NAME.args -----
suite_guest() {
  local src name line label mode bin test
  for src in tests/guest/*.c; do
    name=${src##*/}
    name=${name%.c}
    while IFS= read -r line; do
      eval "set -- $line"
      label=${1:-}
      for mode in $GUEST_MODES; do
        test=guest/$name${label:+.$label}.$mode
        selected "$test" || continue
        bin=$build/tests/guest/$name.$mode
        # NAME.skip: a known elfrun bug that makes the test flaky, its
        # reason on one line (RUN_SKIPPED=1 runs it anyway).
        if [ -f "tests/guest/$name.skip" ] && [ -z "${RUN_SKIPPED:-}" ]; then
          skip "$test" "$(head -n 1 "tests/guest/$name.skip")"
          continue
        fi
        if [ ! -x "$bin" ]; then
          fail "$test" "$bin not built (make tests)"
          continue
        fi
        compare "$test" "$(guest_expected "$name" "$label" "$mode")" \
          "$(guest_stdin "$name")" "$elfrun" "$bin" "${@:2}"
      done
    done < <(guest_runs "$name")
  done
}

# --- busybox: elfrun and qemu-aarch64 side by side on the same inputs -------
# stage_files DIR: a fresh copy of tests/busybox/files with pinned modes and
# modification times, so `ls -l` prints the same on every machine.
stage_files() {
  rm -rf "$1"
  mkdir -p "$1"
  cp -R tests/busybox/files/. "$1"
  chmod -R u=rwX,go=rX "$1"
  find "$1" -depth -exec touch -h -d '2024-01-02 03:04:05 UTC' {} +
}

suite_busybox() {
  local bb=$fixtures/busybox-static/bin/busybox
  if [ ! -x "$bb" ]; then
    skip busybox "fixture $bb missing (scripts/fetch-fixtures.sh downloads it)"
    return
  fi
  if ! command -v "$qemu" >/dev/null; then
    skip busybox "$qemu missing (scripts/install-deps.sh installs qemu-user)"
    return
  fi
  bb=$(realpath "$bb")
  local work dir name stdin rest test want got in
  work=$(mktemp -d /tmp/elfrun-busybox.XXXXXX)
  dir=$work/files
  while read -r name stdin rest; do
    [ -z "$name" ] || [[ $name == \#* ]] && continue
    test=busybox/$name
    selected "$test" || continue
    eval "set -- $rest"
    want=$(realpath -m "$(out_file "$test").qemu")
    got=$(realpath -m "$(out_file "$test")")
    in=/dev/null
    [ "$stdin" != - ] && in=$dir/$stdin
    stage_files "$dir"
    (cd "$dir" && run_capture "$want" "$in" "$qemu" "$bb" "$@")
    stage_files "$dir"
    (cd "$dir" && run_capture "$got" "$in" "$elfrun" "$bb" "$@")
    if cmp -s "$want" "$got"; then pass "$test"
    else fail "$test" "$(describe_difference "$want" "$got")"; fi
  done <tests/busybox/cases
  rm -rf "$work"
}

# --- Suites run by scripts that print their own PASS/FAIL/SKIP lines ------
# count_lines LOG: echoes LOG's PASS/FAIL/SKIP lines of selected tests and
# counts them.
count_lines() {
  local line name
  while IFS= read -r line; do
    case $line in
      "PASS "* | "FAIL "* | "SKIP "*) ;;
      *) continue ;;
    esac
    name=${line#* }
    name=${name%%:*}
    selected "$name" || continue
    case $line in
      "PASS "*) passed=$((passed + 1)) ;;
      "FAIL "*) failed=$((failed + 1)) ;;
      "SKIP "*) skipped=$((skipped + 1)) ;;
    esac
    echo "$line"
  done <"$1"
}

# --- strace: --strace's decoding (tests/strace/run.sh) ----------------------
# tests/strace/*.c under elfrun --strace in three builds, and their native
# builds under strace(1), each against tests/strace/NAME.expected.
suite_strace() {
  local log
  log=$(out_file strace)
  tests/strace/run.sh "$build" >"$log" 2>&1
  count_lines "$log"
}

# --- sysroot: the sysroot's host fallback, end to end ------------------------
# tests/sysroot/host_fallback.sh prints its own PASS/FAIL/SKIP lines.
suite_sysroot() {
  local log
  log=$(out_file sysroot/host_fallback)
  tests/sysroot/host_fallback.sh "$elfrun" "$fixtures/busybox-static/bin/busybox" \
    "$(command -v "$qemu")" >"$log" 2>&1
  # Debian's Go programs and python3 in the glibc sysroot, against
  # qemu-aarch64 -L live (tests/sysroot/programs.sh).
  tests/sysroot/programs.sh "$elfrun" "${SYSROOTS:-build/sysroot}/glibc" "$out_dir/sysroot" \
    "$(command -v "$qemu")" "$pattern" >>"$log" 2>&1
  count_lines "$log"
}

# --- isa: random instructions under elfrun and qemu-aarch64 -cpu max --------
# tests/isa/isatool prints its own PASS/FAIL/SKIP lines: the encoding forms
# against objdump, one line per instruction class (ISA_INSNS instructions,
# default 100000, from seed ISA_SEED, default 1), one per CPU feature elfrun
# must refuse with SIGILL, and the hint space. The report with every
# mismatch and both states is BUILD/test-out/isa/report.txt.
isa_lines() {
  local log=$1 line status
  shift
  { "$@" >"$log" 2>"$log.stderr"; status=$?; } 2>/dev/null
  while IFS= read -r line; do
    case $line in
      "PASS "* | "FAIL "* | "SKIP "*) ;;
      *) continue ;;
    esac
    local name=${line#* }
    name=${name%%[: ]*}
    selected "$name" || continue
    case $line in
      "PASS "*) passed=$((passed + 1)) ;;
      "FAIL "*) failed=$((failed + 1)) ;;
      "SKIP "*) skipped=$((skipped + 1)) ;;
    esac
    echo "$line"
  done <"$log"
  [ "$status" -le 1 ] || fail "isa/$2" "isatool exited with status $status (see $log.stderr)"
}

suite_isa() {
  local tool=$build/tests/isa/isatool runner=$build/tests/isa/runner dir=$out_dir/isa
  if [ ! -x "$tool" ] || [ ! -x "$runner" ]; then
    fail isa "tester not built (make tests)"
    return
  fi
  if ! command -v "$qemu" >/dev/null; then
    skip isa "$qemu missing (scripts/install-deps.sh installs qemu-user)"
    return
  fi
  mkdir -p "$dir"
  local common=(--runner "$runner" --elfrun "$elfrun" --qemu "$qemu" --out "$dir"
    --seed "${ISA_SEED:-1}")
  isa_lines "$dir/selftest.out" "$tool" selftest
  isa_lines "$dir/run.out" "$tool" run --check --insns "${ISA_INSNS:-100000}" "${common[@]}"
  isa_lines "$dir/sigill.out" "$tool" sigill "${common[@]}"
  isa_lines "$dir/hints.out" "$tool" hints "${common[@]}"
}

# --- casefold: the sidecar case-folding layer (tests/casefold/run.sh) --------
# The 12 collision cases on a case-sensitive sysroot (--casefold=auto and
# on) and on cifuse, a case-insensitive FUSE file system; the host-fallback
# cases with the sysroot on cifuse; `elfrun sysroot import` onto cifuse;
# the kill-at-random test (CASEFOLD_RUNS
# runs, default 200, about 25 s); AT_EXECFN and /proc/self/exe after exec;
# the matrix's musl-dyn suite with its sysroot on cifuse (all of it:
# make matrix-casefold). FUSE cases SKIP without root or /dev/fuse.
suite_casefold() {
  local log=$out_dir/casefold.log line name
  : >"$log"
  tests/casefold/run.sh "$build" collision >>"$log" 2>&1
  tests/casefold/run.sh "$build" collision-fallback >>"$log" 2>&1
  tests/casefold/run.sh "$build" host-fallback "$fixtures/busybox-static/bin/busybox" \
    "$(command -v "$qemu")" >>"$log" 2>&1
  tests/casefold/run.sh "$build" import "$fixtures/busybox-static/bin/busybox" >>"$log" 2>&1
  tests/casefold/run.sh "$build" crash "${CASEFOLD_RUNS:-200}" >>"$log" 2>&1
  tests/casefold/run.sh "$build" execfn >>"$log" 2>&1
  tests/casefold/run.sh "$build" matrix "${SYSROOTS:-build/sysroot}" musl-dyn >>"$log" 2>&1
  count_lines "$log"
}

# --- pty, exec and binfmt: scripts that print their own result lines -------
# Job control: interactive arm64 shells under a pseudo-terminal
# (tests/pty/run.sh), transcripts against the arm64 chroot oracle's.
suite_pty() {
  local log=$out_dir/pty.log
  tests/pty/run.sh "$elfrun" "${SYSROOTS:-build/sysroot}" "$out_dir" >"$log" 2>&1
  count_lines "$log"
}

# The nested exec chain with no binfmt_misc, against the arm64 chroot
# oracle live (tests/exec/run.sh).
suite_exec() {
  local log=$out_dir/exec.log
  tests/exec/run.sh "$elfrun" "${SYSROOTS:-build/sysroot}" "$out_dir" >"$log" 2>&1
  count_lines "$log"
}

# elfrun --install-binfmt and --uninstall-binfmt in a private binfmt_misc
# instance (tests/binfmt/run.sh).
suite_binfmt() {
  local log=$out_dir/binfmt.log
  tests/binfmt/run.sh "$build" "${SYSROOTS:-build/sysroot}/glibc" >"$log" 2>&1
  count_lines "$log"
}

# --- jit: real programs under each tier of the CPU engine (tests/jit/) ------
# Debian's arm64 python3.11, lua5.4, luajit and xz with --jit=off, on and always (and
# qemu-aarch64), the same bytes out; `make test-jit-programs` adds 7zz b.
suite_jit() {
  local log=$out_dir/jit-programs.log
  tests/jit/programs.sh "$elfrun" "${SYSROOTS:-build/sysroot}/glibc" "$out_dir/jit-programs" \
    >"$log" 2>&1
  count_lines "$log"
}

# --- gdb: gdb-multiarch --batch scripts against elfrun --gdb (tests/gdb/) ---
suite_gdb() {
  local log=$out_dir/gdb.log
  tests/gdb/run.sh "$build" check "$pattern" >"$log" 2>&1
  count_lines "$log"
}

# --- matrix: Debian's arm64 programs in three sysroots (tests/matrix/) ------
# Each case under elfrun --sysroot against qemu-aarch64 -L or the arm64
# chroot oracle; run.sh prints its own lines and per-suite table (kept in
# the log).
suite_matrix() {
  local log line
  log=$(out_file matrix)
  SYSROOTS=${SYSROOTS:-build/sysroot} tests/matrix/run.sh --build "$build" \
    ${pattern:+"$pattern"} >"$log" 2>&1
  while IFS= read -r line; do
    case $line in
      "PASS "*) passed=$((passed + 1)) ;;
      "FAIL "*) failed=$((failed + 1)); echo "FAIL matrix/${line#FAIL }" ;;
      "SKIP "*) skipped=$((skipped + 1)); echo "SKIP matrix/${line#SKIP }" ;;
    esac
  done <"$log"
  sed -n '/^suite  *passed/,/^[0-9]* passed/p' "$log" | sed '$d' | sed 's/^/  matrix: /'
}

# --- tiers of the CPU engine (docs/jit.md) -----------------------------------
# guest, isa and matrix run once with the interpreter alone (ELFRUN_JIT=off,
# under their usual names) and once with every block translated
# (ELFRUN_JIT=always, names under jit/); guest also under the JIT's lockstep
# check (ELFRUN_JIT_VERIFY=1, names under jit-verify/). The other suites run
# with elfrun's default, the JIT on at its threshold.
tiers_of() {
  case $1 in
    guest) echo "off always verify" ;;
    isa | matrix) echo "off always" ;;
    *) echo "default" ;;
  esac
}

run_suite() {
  local suite=$1 tier prefix log base_out=$out_dir
  for tier in $(tiers_of "$suite"); do
    case $tier in
      default) "suite_$suite"; continue ;;
      off) prefix= ;;
      always) prefix=jit/ ;;
      verify) prefix=jit-verify/ ;;
    esac
    out_dir=$base_out${prefix:+/${prefix%/}}
    mkdir -p "$out_dir"
    log=$out_dir/$suite.tier.log
    if [ "$tier" = verify ]; then export ELFRUN_JIT=on ELFRUN_JIT_VERIFY=1
    else export ELFRUN_JIT=$tier; fi
    "suite_$suite" >"$log"
    unset ELFRUN_JIT ELFRUN_JIT_VERIFY
    sed -e "s#^\(PASS\|FAIL\|SKIP\) #\1 $prefix#" "$log"
  done
  out_dir=$base_out
}

for suite in unit cli asm guest strace busybox sysroot jit isa casefold pty exec binfmt gdb matrix; do
  [ -n "$only" ] && [ "$only" != "$suite" ] && continue
  run_suite "$suite"
done
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
