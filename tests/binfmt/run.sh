#!/usr/bin/env bash
# elfrun --install-binfmt and --uninstall-binfmt, end to end, in a private
# binfmt_misc instance: Linux 6.7 gives each user namespace its own, so the
# test runs in a new user and mount namespace (tests/binfmt/userns.py, ids
# 0-65535 mapped to themselves so that `setpriv --reuid=65534` has a real
# unprivileged user to become) and mounts binfmt_misc there. The host's
# registrations are listed before and after and must be unchanged.
#
#   tests/binfmt/run.sh BUILD [SYSROOT]
#
# BUILD holds elfrun and the guest programs tests/guest/hello.glibc and
# args.glibc; SYSROOT (default build/sysroot/glibc) a dynamic sysroot for
# the ELFRUN_SYSROOT case. Prints one PASS, FAIL or SKIP line per check.
# Expected entry text: the kernel's format (fs/binfmt_misc.c, entry_status)
# for Debian's qemu-aarch64 magic and mask and flags F and P; expected
# program output: tests/expected/guest/hello.out, written by the oracle.
set -u
cd "$(dirname "$0")/../.." || exit 2
. scripts/testlib.sh
dir=/proc/sys/fs/binfmt_misc
entry=$dir/elfrun-aarch64

if [ "${1:-}" = --inner ]; then
  inner=1
  shift
fi
build=$1
sysroot=$(realpath "${2:-build/sysroot/glibc}" 2>/dev/null || echo "${2:-}")
elfrun=$(realpath "$build/elfrun")
hello=$(realpath "$build/tests/guest/hello.glibc")
args=$(realpath "$build/tests/guest/args.glibc")
out=$(realpath -m "$build/test-out/binfmt")

pass() { echo "PASS binfmt/$1"; }
fail() { echo "FAIL binfmt/$1: $2"; }
check() { if [ "$2" = ok ]; then pass "$1"; else fail "$1" "$2"; fi; }

# run NAME COMMAND...: runs COMMAND in the pinned test environment; its
# stdout, stderr and status land in $out/NAME.{stdout,stderr,status}.
run() {
  local name=$1 status
  shift
  env -i "${TEST_ENV[@]}" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" </dev/null
  status=$?
  echo "$status" >"$out/$name.status"
}

# expect NAME STATUS STREAM REGEX: the last run NAME exited with STATUS
# and printed one line on STREAM, matching REGEX.
expect() {
  local name=$1 want=$2 stream=$3 regex=$4 f=$out/$1.$3
  if [ "$(cat "$out/$name.status")" != "$want" ]; then
    fail "$name" "exit status $(cat "$out/$name.status"), expected $want (see $out/$name.*)"
  elif [ "$(wc -l <"$f")" -ne 1 ] || ! grep -qE -- "$regex" "$f"; then
    fail "$name" "expected one line matching /$regex/ on $stream (see $f)"
  else
    pass "$name"
  fi
}

nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)

# exec_errno PROGRAM: what a bare execve of PROGRAM gives (no shell or
# execvp fallback to /bin/sh on ENOEXEC).
exec_errno() {
  python3 -c 'import os, sys
try:
    os.execv(sys.argv[1], sys.argv[1:])
except OSError as e:
    print(os.strerror(e.errno))' "$1"
}

inner_checks() {
  mount -t binfmt_misc binfmt_misc "$dir" || { fail mount "cannot mount binfmt_misc"; return; }

  run install "$elfrun" --install-binfmt
  expect install 0 stdout "registered $entry: .* through $elfrun \\(flags FP\\)"
  printf 'enabled\ninterpreter %s\nflags: PF\noffset 0\nmagic %s\nmask %s\n' "$elfrun" \
    7f454c460201010000000000000000000200b700 ffffffffffffff00fffffffffffffffffeffffff \
    >"$out/entry.expected"
  # (through cat: cmp trusts st_size, which is 0 here)
  cat "$entry" 2>&1 | cmp -s "$out/entry.expected" - && pass entry_contents ||
    fail entry_contents "$(cat "$entry" 2>&1 | tr '\n' ' ') (expected $out/entry.expected)"

  # The program itself, as a native one is run: its output is the oracle's.
  run_capture "$out/static_program_runs_directly.out" /dev/null "$hello"
  cmp -s tests/expected/guest/hello.out "$out/static_program_runs_directly.out" &&
    pass static_program_runs_directly ||
    fail static_program_runs_directly "diff tests/expected/guest/hello.out $out/static_program_runs_directly.out"

  # Flag P: the argv[0] the caller chose reaches the guest.
  run_capture "$out/argv0.binfmt" /dev/null python3 -c \
    'import os, sys; os.execv(sys.argv[1], ["custom-name", "one", "two"])' "$args"
  run_capture "$out/argv0.elfrun" /dev/null "$elfrun" --argv0 custom-name "$args" one two
  if ! grep -q '^argv\[0\] names: custom-name$' "$out/argv0.binfmt"; then
    fail argv0_is_kept "no 'argv[0] names: custom-name' in $out/argv0.binfmt"
  else
    cmp -s "$out/argv0.elfrun" "$out/argv0.binfmt" && pass argv0_is_kept ||
      fail argv0_is_kept "differs from elfrun --argv0 (diff $out/argv0.elfrun $out/argv0.binfmt)"
  fi

  # A dynamic program finds its sysroot through ELFRUN_SYSROOT, and a
  # program it starts is aarch64 too.
  if [ -x "$sysroot/usr/bin/uname" ]; then
    run dynamic_with_ELFRUN_SYSROOT env ELFRUN_SYSROOT="$sysroot" "$sysroot/usr/bin/uname" -m
    expect dynamic_with_ELFRUN_SYSROOT 0 stdout '^aarch64$'
    run dynamic_shell_execs_aarch64 env ELFRUN_SYSROOT="$sysroot" "$sysroot/bin/sh" -c 'uname -m'
    expect dynamic_shell_execs_aarch64 0 stdout '^aarch64$'
  else
    echo "SKIP binfmt/dynamic_with_ELFRUN_SYSROOT: no sysroot $sysroot (make sysroots)"
  fi

  run install_again_replaces "$elfrun" --install-binfmt
  expect install_again_replaces 0 stdout "registered $entry"

  run unprivileged_install "${nobody[@]}" "$elfrun" --install-binfmt
  expect unprivileged_install 1 stderr "cannot register.*Permission denied.*root"
  run unprivileged_uninstall "${nobody[@]}" "$elfrun" --uninstall-binfmt
  expect unprivileged_uninstall 1 stderr "cannot remove.*Permission denied.*root"

  run uninstall "$elfrun" --uninstall-binfmt
  expect uninstall 0 stdout "removed $entry"
  [ ! -e "$entry" ] && pass entry_is_gone || fail entry_is_gone "$entry still exists"
  local why
  why=$(exec_errno "$hello")
  [ "$why" = "Exec format error" ] && pass program_is_ENOEXEC_again ||
    fail program_is_ENOEXEC_again "execve says '$why', expected 'Exec format error'"
  run uninstall_when_absent "$elfrun" --uninstall-binfmt
  expect uninstall_when_absent 1 stderr "no binfmt_misc entry $entry"

  # Another handler for aarch64 ELF files (qemu's, as Debian registers it)
  # is reported with the way to remove it, and left alone.
  printf ':qemu-aarch64:M::%s:%s:/bin/true:FP' \
    '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00' \
    '\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff' \
    >"$dir/register"
  run refuses_beside_qemu "$elfrun" --install-binfmt
  expect refuses_beside_qemu 1 stderr "entry 'qemu-aarch64' already runs aarch64 programs .*echo -1 > $dir/qemu-aarch64"
  [ -e "$dir/qemu-aarch64" ] && [ ! -e "$entry" ] && pass qemu_entry_left_alone ||
    fail qemu_entry_left_alone "$(ls "$dir" | tr '\n' ' ')"
  echo -1 >"$dir/qemu-aarch64"

  # No binfmt_misc mounted: an empty directory in its place.
  umount "$dir"
  mount -t tmpfs tmpfs "$dir"
  run not_mounted "$elfrun" --install-binfmt
  expect not_mounted 1 stderr "binfmt_misc is not mounted on $dir .*mount -t binfmt_misc"
}

if [ -n "${inner:-}" ]; then
  inner_checks
  exit 0
fi

# What the host has registered (nothing when binfmt_misc is not mounted).
host_entries() {
  if [ -e "$dir/register" ]; then grep -r . "$dir" 2>&1; else echo "not mounted"; fi
}

for f in "$elfrun" "$hello" "$args"; do
  [ -x "$f" ] || { echo "FAIL binfmt: $f not built (make tests)"; exit 0; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP binfmt: needs root (to map user ids 0-65535 into a new user namespace)"
  exit 0
fi
if ! tests/binfmt/userns.py sh -c "mount -t binfmt_misc binfmt_misc $dir" 2>/dev/null; then
  echo "SKIP binfmt: this kernel ($(uname -r)) does not mount binfmt_misc in a user" \
    "namespace (Linux 6.7 and later do)"
  exit 0
fi
mkdir -p "$out"
before=$(host_entries)
tests/binfmt/userns.py bash tests/binfmt/run.sh --inner "$build" "$sysroot"
after=$(host_entries)
if [ "$before" = "$after" ]; then pass host_entries_unchanged
else fail host_entries_unchanged "before: $before; after: $after"; fi
