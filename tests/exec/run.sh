#!/usr/bin/env bash
# The nested exec chain, with no binfmt_misc: a shell runs a shell that
# runs env, sort and uname, every level an aarch64 program that elfrun
# re-runs by itself, compared live with the arm64 chroot oracle
# (scripts/arm64-chroot.sh). qemu-aarch64 -L cannot be the oracle: it hands
# exec to the host kernel, which runs the host's x86-64 programs, so
# `uname -m` at the bottom says x86_64 as soon as one level escaped.
#
#   tests/exec/run.sh ELFRUN SYSROOTS OUT_DIR [PATTERN]
#
# One PASS, FAIL or SKIP line per case:
#   exec/busybox-sh.nested  busybox sh -c 'sh -c "env | sort; uname -m"'
#                           (static sysroot; busybox runs its applets
#                           through execve of /proc/self/exe)
#   exec/dash.nested        sh -c 'sh -c "..."' with Debian's dash as sh
#   exec/bash.nested        bash -c 'bash -c "..."', Debian's bash and
#                           coreutils (glibc sysroot, dynamic)
#   exec/bash.env_sysroot   the same with the sysroot given by
#                           ELFRUN_SYSROOT, which the guest then sees (the
#                           user set it), as the chroot's programs do
#   exec/no_emulator_variables  none of the listings shows an ELFRUN_* or
#                           QEMU_* variable the test did not set
# Both sides get the same pinned environment, standard input /dev/null and
# working directory /; output, exit status and all are compared byte for
# byte.
set -u
cd "$(dirname "$0")/../.." || exit 2
elfrun=$(realpath "$1")
sysroots=$(realpath "$2")
out=$3
pattern=${4:-}
mkdir -p "$out"
out=$(realpath "$out")
chroot=$(realpath scripts/arm64-chroot.sh)
env=(PATH=/usr/bin:/bin HOME=/ LANG=C LC_ALL=C TZ=UTC TERM=dumb)
script='env | sort; uname -m'
listings=()

# capture OUT ENV... -- COMMAND...: runs COMMAND from / in the pinned
# environment plus ENV; OUT gets stdout and stderr, then "exit=N".
capture() {
  local file=$1 extra=() status
  shift
  while [ "$1" != -- ]; do extra+=("$1"); shift; done
  shift
  (cd / && env -i "${env[@]}" "${extra[@]}" timeout -k 5 60 "$@" >"$file" 2>&1 </dev/null)
  status=$?
  echo "exit=$status" >>"$file"
}

# nested NAME SYSROOT ENV... -- PROGRAM ARGS...: one case on both sides;
# elfrun gets --sysroot unless ENV gives ELFRUN_SYSROOT.
nested() {
  local name=exec/$1 sysroot=$sysroots/$2 extra=() base
  shift 2
  while [ "$1" != -- ]; do extra+=("$1"); shift; done
  shift
  local program=$1
  shift
  [ -z "$pattern" ] || [[ $name == *$pattern* ]] || return 0
  if [ ! -x "$sysroot$program" ]; then
    echo "SKIP $name: $sysroot$program missing (make sysroots)"
    return
  fi
  base=$out/${name//\//_}
  local how=(--sysroot "$sysroot")
  [[ " ${extra[*]} " == *" ELFRUN_SYSROOT="* ]] && how=()
  capture "$base.oracle" "${extra[@]}" -- "$chroot" --qemu "$qemu" "$sysroot" "$program" "$@"
  capture "$base.elfrun" "${extra[@]}" -- "$elfrun" "${how[@]}" --argv0 "$program" \
    "$sysroot$program" "$@"
  listings+=("$base.elfrun")
  if ! grep -qx aarch64 "$base.oracle"; then
    echo "FAIL $name: the oracle did not print aarch64 (see $base.oracle)"
  elif cmp -s "$base.oracle" "$base.elfrun"; then
    echo "PASS $name"
  else
    echo "FAIL $name: output differs (diff $base.oracle $base.elfrun)"
  fi
}

if ! qemu=$(scripts/arm64-chroot.sh --prepare 2>/dev/null) ||
   ! scripts/arm64-chroot.sh --qemu "$qemu" "$sysroots/static" /usr/bin/true >/dev/null 2>&1
then
  echo "SKIP exec: the arm64 chroot oracle cannot run here (scripts/arm64-chroot.sh" \
    "needs qemu-user-static from apt and user namespaces with binfmt_misc, Linux 6.7+)"
  exit 0
fi
nested busybox-sh.nested static -- /bin/busybox sh -c "sh -c \"$script\""
nested dash.nested glibc -- /bin/sh -c "sh -c \"$script\""
nested bash.nested glibc -- /bin/bash -c "bash -c \"$script\""
nested bash.env_sysroot glibc ELFRUN_SYSROOT="$sysroots/glibc" -- \
  /bin/bash -c "bash -c \"$script\""

name=exec/no_emulator_variables
if [ -z "$pattern" ] || [[ $name == *$pattern* ]]; then
  if [ ${#listings[@]} -eq 0 ]; then
    echo "SKIP $name: no case ran"
  elif leaks=$(grep -hE '^(ELFRUN_|QEMU_)' "${listings[@]}" | grep -v '^ELFRUN_SYSROOT='); then
    echo "FAIL $name: $(echo "$leaks" | tr '\n' ' ')"
  else
    echo "PASS $name"
  fi
fi
