# shellcheck shell=bash disable=SC2034 # (variables used by the sourcing scripts)
# Shared by tests/check.sh and scripts/oracle.sh, so that elfrun and the
# oracle run every test in exactly the same way. Sourced, not executed.

# The environment every guest runs with: pinned, so output does not depend
# on the caller's shell (and both sides see the same variables).
TEST_ENV=(PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C LC_ALL=C TZ=UTC
          USER=root TERM=dumb ELFRUN_TEST=1)
TEST_TIMEOUT=${TEST_TIMEOUT:-60}

# Emulators report a guest's death by signal on stderr; a real arm64 kernel
# prints nothing (the shell's "Illegal instruction" comes from the shell).
# Those lines are the emulator's, not the program's, so both sides drop them.
EMULATOR_NOISE='^(qemu: uncaught target signal |elfrun: guest killed by ).*$'

# run_capture OUT STDIN COMMAND...: runs COMMAND in the pinned environment
# with STDIN as standard input; OUT gets stdout and stderr (interleaved as
# written), minus emulator noise, then a last line "exit=N" (128+SIG for a
# death by signal, as a shell reports it). The { } 2>/dev/null keeps bash's
# own "Illegal instruction" job message out of our output.
run_capture() {
  local out=$1 in=$2 status tier=()
  shift 2
  # The CPU tier under test reaches elfrun only (tests/check.sh runs some
  # suites once per tier); elfrun takes it out of the guest's environment.
  [ "${1##*/}" = elfrun ] &&
    tier=(${ELFRUN_JIT:+"ELFRUN_JIT=$ELFRUN_JIT"} ${ELFRUN_JIT_VERIFY:+"ELFRUN_JIT_VERIFY=$ELFRUN_JIT_VERIFY"})
  # (&& || rather than status=$? keeps `set -e` callers alive.)
  { env -i "${TEST_ENV[@]}" "${tier[@]}" timeout -k 5 "$TEST_TIMEOUT" "$@" >"$out.raw" 2>&1 <"$in" &&
      status=0 || status=$?; } 2>/dev/null
  sed -E "/$EMULATOR_NOISE/d" "$out.raw" >"$out"
  rm -f "$out.raw"
  echo "exit=$status" >>"$out"
}

# guest_runs NAME: one line per run of guest test NAME, "LABEL ARGS..." from
# tests/guest/NAME.args, or a single empty line (no label, no arguments).
guest_runs() {
  local args=tests/guest/$1.args
  if [ -f "$args" ]; then grep -Ev '^[[:space:]]*(#|$)' "$args"; else echo; fi
}

# guest_base NAME LABEL: the expected-file stem, tests/expected/guest/NAME[.LABEL]
guest_base() { echo "tests/expected/guest/$1${2:+.$2}"; }

# guest_stdin NAME: the file a guest test reads as standard input.
guest_stdin() {
  if [ -f "tests/guest/$1.stdin" ]; then echo "tests/guest/$1.stdin"; else echo /dev/null; fi
}

# guest_expected NAME LABEL MODE: the expected output of one run in one build
# mode: BASE.MODE.out where the libcs legitimately differ, else BASE.out.
guest_expected() {
  local base
  base=$(guest_base "$1" "$2")
  if [ -f "$base.$3.out" ]; then echo "$base.$3.out"; else echo "$base.out"; fi
}

GUEST_MODES="glibc musl pie"
