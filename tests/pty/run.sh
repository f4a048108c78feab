#!/usr/bin/env bash
# Job control under a real pseudo-terminal: interactive arm64 shells run the
# session tests/pty/jobs.session (a foreground job stopped with ^Z, jobs, bg,
# fg and ^C, kill %1, sleep 1 & wait, a stopped and resumed pipeline, SIGTTIN
# and SIGTTOU stops), typed by tests/pty/drive.py, under elfrun; the
# normalised transcript (job PIDs and terminal escapes removed) must equal
# tests/expected/pty/SHELL.out byte for byte.
#
#   tests/pty/run.sh ELFRUN SYSROOTS OUT_DIR [PATTERN]
#   tests/pty/run.sh --oracle SYSROOTS [PATTERN]
#
# The first form prints one PASS, FAIL or SKIP line per shell: pty/bash
# (Debian's dynamic bash, glibc sysroot), pty/busybox-sh and
# pty/bash-static (static sysroot); transcripts stay in OUT_DIR.
# The second writes the expected files from the arm64 chroot oracle
# (scripts/arm64-chroot.sh: the same shells under qemu-aarch64 through
# binfmt_misc in a private namespace, every program they start aarch64 too;
# qemu-aarch64 -L cannot serve, it runs the host's sleep and cat). It runs
# each session until two complete runs agree (at most four runs), so a
# session whose transcript depends on timing is caught there.
set -u
cd "$(dirname "$0")/../.." || exit 2
session=tests/pty/jobs.session
expected=tests/expected/pty

# What every side gets: a pinned environment, nothing from the caller.
env=(PS1='$ ' TERM=dumb HOME=/ PATH=/usr/bin:/bin LANG=C LC_ALL=C)

# The shells: NAME SYSROOT PROGRAM ARGS...
shells() {
  echo bash glibc /bin/bash --norc --noprofile -i
  echo busybox-sh static /bin/busybox sh -i
  echo bash-static static /bin/bash-static --norc --noprofile -i
}
# (Not mksh-static: whether its `wait %1` prints "Terminated" for a job
# that `kill %1` ended depends on timing, under qemu-aarch64 as under elfrun.)

drive() { env -i "${env[@]}" python3 tests/pty/drive.py "$session" "$@"; }

# check NAME SYSROOT PROGRAM ARGS...: one session under elfrun.
check() {
  local name=pty/$1 sysroot=$sysroots/$2 program=$3 got
  shift 3
  got=$out/${name//\//_}.out
  if [ ! -x "$sysroot$program" ]; then
    echo "SKIP $name: $sysroot$program missing (make sysroots)"
  elif [ ! -f "$expected/${name#pty/}.out" ]; then
    echo "SKIP $name: no expected output $expected/${name#pty/}.out (tests/pty/run.sh --oracle)"
  elif ! drive "$elfrun" --sysroot "$sysroot" --argv0 "$program" "$sysroot$program" "$@" \
      >"$got"; then
    echo "FAIL $name: $(tail -n 1 "$got") (diff $expected/${name#pty/}.out $got)"
  elif ! cmp -s "$expected/${name#pty/}.out" "$got"; then
    echo "FAIL $name: transcript differs (diff $expected/${name#pty/}.out $got)"
  else
    echo "PASS $name"
  fi
}

# oracle NAME SYSROOT PROGRAM ARGS...: the expected transcript.
oracle() {
  local name=$1 sysroot=$sysroots/$2 program=$3 tmp runs=0 kept=""
  shift 3
  tmp=$(mktemp -d)
  while [ $runs -lt 4 ]; do
    runs=$((runs + 1))
    if ! drive scripts/arm64-chroot.sh --qemu "$qemu" "$sysroot" "$program" "$@" \
        >"$tmp/$runs"; then
      echo "oracle: $name run $runs: $(tail -n 1 "$tmp/$runs")" >&2
      continue
    fi
    if [ -n "$kept" ] && cmp -s "$tmp/$kept" "$tmp/$runs"; then
      mkdir -p "$expected"
      cp "$tmp/$runs" "$expected/$name.out"
      echo "oracle: wrote $expected/$name.out"
      rm -rf "$tmp"
      return 0
    fi
    [ -n "$kept" ] && echo "oracle: $name: runs $kept and $runs differ" >&2
    kept=$runs
  done
  echo "oracle: $name: no two complete runs agreed (kept in $tmp)" >&2
  return 1
}

if [ "${1:-}" = --oracle ]; then
  sysroots=$2
  pattern=${3:-}
  qemu=$(scripts/arm64-chroot.sh --prepare) || exit 1
  status=0
  while read -r name rest; do
    [ -z "$pattern" ] || [[ $name == *$pattern* ]] || continue
    eval "oracle $name $rest" || status=1
  done < <(shells)
  exit $status
fi

elfrun=$(realpath "$1")
sysroots=$2
out=$3
pattern=${4:-}
mkdir -p "$out"
if ! command -v python3 >/dev/null; then
  echo "SKIP pty: python3 missing (it drives the pseudo-terminal)"
  exit 0
fi
if [ ! -c /dev/ptmx ]; then
  echo "SKIP pty: no /dev/ptmx, so no pseudo-terminal"
  exit 0
fi
while read -r name rest; do
  [ -z "$pattern" ] || [[ pty/$name == *$pattern* ]] || continue
  eval "check $name $rest"
done < <(shells)
