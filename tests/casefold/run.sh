#!/usr/bin/env bash
# The sidecar case-folding layer end to end (docs/sidecar.md). One PASS,
# FAIL or SKIP line per case:
#
#   tests/casefold/run.sh BUILD collision           12 cases, case-sensitive
#                                                   sysroot, --casefold=auto and on
#   tests/casefold/run.sh BUILD collision-fallback  the same 12 on cifuse, a
#                                                   case-insensitive FUSE file system
#   tests/casefold/run.sh BUILD host-fallback BUSYBOX [QEMU]
#                                                   tests/sysroot/host_fallback.sh
#                                                   with /tmp on cifuse
#   tests/casefold/run.sh BUILD import BUSYBOX      `elfrun sysroot import` onto cifuse
#   tests/casefold/run.sh BUILD crash [RUNS]        kill-at-random, RUNS (200) runs
#   tests/casefold/run.sh BUILD execfn              AT_EXECFN and /proc/self/exe of an
#                                                   exec'd program, against the arm64
#                                                   chroot oracle
#   tests/casefold/run.sh BUILD matrix SYSROOTS [all|SUITE [PATTERN]]
#                                                   the glibc-dyn and musl-dyn suites of
#                                                   tests/matrix/run.sh, their sysroots
#                                                   imported onto cifuse
#
# Oracle of the collision cases: tests/casefold/collide.c checks what Linux
# does, and its native x86-64 build, run on a case-sensitive directory, must
# print the same lines as the aarch64 build under elfrun. cifuse needs root
# and /dev/fuse; without them the FUSE cases are SKIPPED with the reason.
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${1:?usage: run.sh BUILD WHAT}
what=${2:?usage: run.sh BUILD WHAT}
shift 2
elfrun=$(realpath "$build/elfrun")
bins=$(realpath "$build/tests/casefold")
failed=0

pass() { echo "PASS casefold/$1"; }
fail() { failed=1; echo "FAIL casefold/$1${2:+: $2}"; }
skip() { echo "SKIP casefold/$1: $2"; }

W=$(realpath "$(mktemp -d /tmp/elfrun-casefold.XXXXXX)")
mounted=""
cleanup() {
  [ -n "$mounted" ] && { fusermount3 -u "$mounted" 2>/dev/null || umount -l "$mounted"; }
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP # so that cleanup unmounts then too

# mount_ci DIR: cifuse over a fresh backing directory at DIR; on failure
# prints why and returns 1.
mount_ci() {
  local dir=$1
  if [ ! -x "$bins/cifuse" ]; then
    echo "cifuse not built (needs libfuse3-dev: scripts/install-deps.sh)"
    return 1
  fi
  [ "$(id -u)" = 0 ] || { echo "not root: mounting FUSE here needs root"; return 1; }
  [ -c /dev/fuse ] || { echo "no /dev/fuse"; return 1; }
  command -v fusermount3 >/dev/null || { echo "no fusermount3 (package fuse3)"; return 1; }
  mkdir -p "$W/backing" "$dir"
  if ! "$bins/cifuse" "$W/backing" "$dir" 2>"$W/cifuse.err"; then
    echo "cifuse failed to mount: $(head -n 1 "$W/cifuse.err")"
    return 1
  fi
  mounted=$dir
}

# A sysroot at $1 with the two names detection looks at, and /work.
make_sysroot() {
  mkdir -p "$1/etc" "$1/work"
  echo 'sysroot' >"$1/etc/issue"
}

# collide_cases LABEL OUTPUT NATIVE: one line per case of OUTPUT, each
# checked against the native run's line.
collide_cases() {
  local label=$1 out=$2 native=$3 line name want
  while IFS= read -r line; do
    case $line in
      "ok "* | "FAIL "*) ;;
      *) continue ;;
    esac
    name=${line#* }
    name=${name%%:*}
    want=$(grep -m1 -E "^(ok|FAIL) $name(:|$)" "$native")
    if [ "$want" != "ok $name" ]; then
      fail "$label.$name" "the native oracle says: $want"
    elif [ "$line" = "ok $name" ]; then
      pass "$label.$name"
    else
      fail "$label.$name" "${line#FAIL $name: }"
    fi
  done <"$out"
  if ! cmp -s "$out" "$native"; then
    fail "$label.output" "differs from the native run (diff $native $out)"
  fi
}

native_oracle() {
  local dir=$W/native
  mkdir -p "$dir"
  "$bins/collide.native" "$dir" >"$W/native.out" 2>&1
  echo "$W/native.out"
}

# run_collide LABEL SYSROOT OPTION
run_collide() {
  local label=$1 s=$2 opt=$3 native=$4 out=$W/$1.out
  make_sysroot "$s"
  timeout 60 "$elfrun" "$opt" --sysroot "$s" "$bins/collide" /work >"$out" 2>&1
  collide_cases "$label" "$out" "$native"
  cp "$out" "$build/test-out/casefold_$label.out" 2>/dev/null
}

layer_used() { ls -a "$1/work" | grep -q '^\.elfrun-cf\.index$'; }

do_collision() {
  local native
  native=$(native_oracle)
  run_collide collision.auto "$W/plain-auto" --casefold=auto "$native"
  if layer_used "$W/plain-auto"; then fail collision.auto.layer_stays_off "an index was written"
  else pass collision.auto.layer_stays_off; fi
  run_collide collision.on "$W/plain-on" --casefold=on "$native"
  if layer_used "$W/plain-on"; then pass collision.on.layer_engaged
  else fail collision.on.layer_engaged "no index written"; fi
}

do_collision_fallback() {
  local native why
  native=$(native_oracle)
  if ! why=$(mount_ci "$W/mnt"); then
    skip collision-fallback "$why"
    return
  fi
  mounted=$W/mnt
  run_collide collision-fallback "$W/mnt/sysroot" --casefold=auto "$native"
  if layer_used "$W/mnt/sysroot"; then pass collision-fallback.layer_detected
  else fail collision-fallback.layer_detected "no index written"; fi
}

# tests/sysroot/host_fallback.sh makes its sysroot and host directories
# under /tmp: in a private mount namespace /tmp is the cifuse mount, so
# the sysroot it makes is case-insensitive (and so are its host
# directories, which the rules do not mind).
do_host_fallback() {
  local bb=${1:-} qemu=${2:-} why line
  if [ ! -x "$bb" ]; then
    skip host_fallback_ci "busybox $bb missing (scripts/fetch-fixtures.sh)"
    return
  fi
  if ! why=$(mount_ci "$W/mnt"); then
    skip host_fallback_ci "$why"
    return
  fi
  mounted=$W/mnt
  # /tmp is about to be replaced by the case-insensitive mount, and this
  # tree (elfrun, busybox, the script) may itself live under /tmp: copy
  # what the run needs onto the mount, where it reappears as /tmp/.hf.
  mkdir -p "$W/mnt/.hf"
  cp "$elfrun" "$W/mnt/.hf/elfrun"
  cp "$(realpath "$bb")" "$W/mnt/.hf/busybox"
  cp tests/sysroot/host_fallback.sh "$W/mnt/.hf/host_fallback.sh"
  unshare -m --propagation private sh -c 'mount --bind "$1" /tmp && shift && exec "$@"' sh \
    "$W/mnt" /tmp/.hf/host_fallback.sh /tmp/.hf/elfrun /tmp/.hf/busybox "$qemu" >"$W/hf.out" 2>&1
  while IFS= read -r line; do
    case $line in
      "PASS sysroot/host_fallback."*) pass "host_fallback_ci.${line#PASS sysroot/host_fallback.}" ;;
      "FAIL sysroot/host_fallback."*) fail "host_fallback_ci.${line#FAIL sysroot/host_fallback.}" ;;
      "SKIP sysroot/host_fallback."*) echo "SKIP casefold/host_fallback_ci.${line#SKIP sysroot/host_fallback.}" ;;
    esac
  done <"$W/hf.out"
  if ! grep -q '^[A-Z]* sysroot/' "$W/hf.out"; then
    fail host_fallback_ci "no results; its output:"
    sed 's/^/    /' "$W/hf.out"
  fi
}

# RUNS times: elfrun runs the churn workload (two processes, two threads
# each) and is killed with SIGKILL after a random 10 to 160 ms; then
# `elfrun sysroot check` must find no row pointing nowhere and no
# generated name without a row, and `churn verify` each keep file under
# exactly one name. On cifuse when it mounts, else a case-sensitive
# directory with --casefold=on.
do_crash() {
  local runs=${1:-200} s opt=--casefold=auto why i w pid bad=0 where
  if why=$(mount_ci "$W/mnt"); then
    mounted=$W/mnt s=$W/mnt/sysroot where=cifuse
  else
    s=$W/plain opt=--casefold=on where="a case-sensitive directory, --casefold=on ($why)"
  fi
  make_sysroot "$s"
  "$elfrun" "$opt" --sysroot "$s" "$bins/churn" setup /work || { fail crash "setup failed"; return; }
  for ((i = 1; i <= runs; i++)); do
    setsid "$elfrun" "$opt" --sysroot "$s" "$bins/churn" run /work "$i" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$(printf '%03d' $((10 + RANDOM % 150)))"
    kill -9 -- -"$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # The forked worker is not ours to wait for: it may still be ending
    # its last system call (a FUSE request already sent is waited out).
    # Zombies do not count: init may be slow to reap them in a container.
    for ((w = 0; w < 500; w++)); do
      pgrep -g "$pid" -r D,R,S,T,t >/dev/null || break
      sleep 0.01
    done
    if ! "$elfrun" "$opt" sysroot check "$s" >"$W/check.out" 2>&1; then
      fail crash "run $i: $(grep -v '^[0-9]* directories' "$W/check.out" | head -n 3 | tr '\n' ' ')"
      bad=1
      break
    fi
    if ! "$elfrun" "$opt" --sysroot "$s" "$bins/churn" verify /work >"$W/verify.out" 2>&1; then
      fail crash "run $i: $(head -n 3 "$W/verify.out" | tr '\n' ' ')"
      bad=1
      break
    fi
  done
  [ "$bad" = 0 ] && pass "crash.${runs}_runs_killed_at_random"
  [ "$bad" = 0 ] && echo "    ($runs runs on $where: $(tail -n 1 "$W/check.out"))"
}

# `elfrun sysroot import` onto cifuse (or a case-sensitive directory with
# --casefold=on): a tree whose names collide in case must read back the
# same under elfrun as the original tree does, listed and summed by busybox.
do_import() {
  local bb=${1:-} s opt=--casefold=auto why src=$W/src
  if [ ! -x "$bb" ]; then
    skip import "busybox $bb missing (scripts/fetch-fixtures.sh)"
    return
  fi
  bb=$(realpath "$bb")
  if why=$(mount_ci "$W/mnt"); then
    mounted=$W/mnt s=$W/mnt/sysroot
  else
    s=$W/plain opt=--casefold=on
  fi
  mkdir -p "$src/etc" "$src/usr/include/netfilter" "$src/t/Foo" "$src/t/foo"
  echo upper >"$src/usr/include/netfilter/xt_CONNMARK.h"
  echo lower >"$src/usr/include/netfilter/xt_connmark.h"
  echo 'in Foo' >"$src/t/Foo/a"
  echo 'in foo' >"$src/t/foo/A"
  echo big >"$src/t/Makefile"
  echo small >"$src/t/makefile"
  ln -s Makefile "$src/t/link"
  ln "$src/t/makefile" "$src/t/hard"
  if ! "$elfrun" "$opt" sysroot import "$src" "$s" >"$W/import.out" 2>&1; then
    fail import "sysroot import failed: $(head -n 2 "$W/import.out" | tr '\n' ' ')"
    return
  fi
  local cmd='cd / && find usr t | sort && find usr t -type f | sort | xargs md5sum &&
    cat t/link && stat -c "%h %n" t/hard t/makefile'
  env -i PATH=/bin "$elfrun" --sysroot "$src" "$bb" sh -c "$cmd" >"$W/import.want" 2>&1
  env -i PATH=/bin "$elfrun" "$opt" --sysroot "$s" "$bb" sh -c "$cmd" >"$W/import.got" 2>&1
  if cmp -s "$W/import.want" "$W/import.got" && [ -s "$W/import.want" ]; then
    pass import.collisions_survive
  else
    fail import.collisions_survive "diff $W/import.want $W/import.got: $(diff "$W/import.want" \
      "$W/import.got" | head -n 4 | tr '\n' ' ')"
  fi
}

# The test matrix's dynamic suites with their sysroots stored on cifuse:
# SYSROOTS/glibc and SYSROOTS/musl (from `make sysroots`) are put there
# with `elfrun sysroot import`, and tests/matrix/run.sh runs the glibc-dyn
# and musl-dyn suites (or the one SUITE) with SYSROOTS pointing at the
# mount, its fixtures in a host `mktemp -d` directory and in the sysroot's
# /tmp. Its oracles (qemu-aarch64 -L and the arm64 chroot) run on the same
# cifuse-stored sysroots, so both sides see the same files. The matrix
# runs a copy of elfrun, so a rebuild meanwhile changes nothing, and keeps
# its outputs in BUILD/matrix-casefold-out, apart from `make matrix`'s.
# Each matrix line comes back as casefold/matrix.LINE; PATTERN narrows
# the cases as it does for tests/matrix/run.sh.
do_matrix() {
  local roots=${1:-build/sysroot} only=${2:-all} pattern=${3:-} why suite line args=()
  if ! why=$(mount_ci "$W/mnt"); then
    skip matrix "$why"
    return
  fi
  mounted=$W/mnt
  mkdir -p "$W/build"
  cp "$elfrun" "$W/build/elfrun"
  for suite in glibc-dyn musl-dyn; do
    [ "$only" = all ] || [ "$only" = "$suite" ] || continue
    local s=${suite%-dyn}
    if [ ! -d "$roots/$s/usr/bin" ]; then
      skip "matrix.$suite" "no sysroot $roots/$s (make sysroots)"
      continue
    fi
    if ! "$W/build/elfrun" sysroot import "$roots/$s" "$W/mnt/$s" >"$W/import-$s.out" 2>&1; then
      fail "matrix.$suite" "sysroot import failed: $(head -n 2 "$W/import-$s.out" | tr '\n' ' ')"
      continue
    fi
    args+=(--suite "$suite")
  done
  [ ${#args[@]} -gt 0 ] || return
  SYSROOTS=$W/mnt tests/matrix/run.sh --build "$W/build" --out "$build/matrix-casefold-out" \
    "${args[@]}" ${pattern:+"$pattern"} >"$W/matrix.out" 2>&1
  while IFS= read -r line; do
    case $line in
      "PASS "*) pass "matrix.${line#PASS }" ;;
      "FAIL "*) fail "matrix.${line#FAIL }" ;;
      "SKIP "*) echo "SKIP casefold/matrix.${line#SKIP }" ;;
    esac
  done <"$W/matrix.out"
  sed -n '/^suite  *passed/,/^[0-9]* passed/p' "$W/matrix.out" | sed 's/^/    matrix on cifuse: /'
  mkdir -p "$build/test-out" && cp "$W/matrix.out" "$build/test-out/casefold_matrix.out"
  grep -q '^[0-9]* passed' "$W/matrix.out" ||
    fail matrix "no summary (its output: $build/test-out/casefold_matrix.out)"
}

# What an exec'd program sees of its own name (tests/casefold/execfn.c):
# AT_EXECFN is the name execve was given, relative ones included, and
# /proc/self/exe the program as a path from the guest's root, also when
# the sidecar layer stores it under a generated host name. A tree with
# /work/execfn and /work/Execfn (and a #! script run by execfn) is the
# sysroot as it is, and, imported, on cifuse (or with --casefold=on where
# cifuse cannot mount), where one of the two gets a generated name. Each
# run is `execfn exec PATH` from /work. Oracle: the arm64 chroot on the
# original tree; for the script's AT_EXECFN, the native x86-64 build,
# since fs/exec.c keeps bprm->exec, the script's name, where qemu-aarch64
# names the interpreter.
do_execfn() {
  local src=$W/ef-src s opt=--casefold=auto why qemu_static label path where
  mkdir -p "$src/work" "$W/ef-native"
  cp "$bins/execfn" "$src/work/execfn"
  cp "$bins/execfn" "$src/work/Execfn"
  printf '#!/work/execfn show\n' >"$src/work/script"
  cp "$bins/execfn.native" "$W/ef-native/execfn"
  printf '#!%s show\n' "$W/ef-native/execfn" >"$W/ef-native/script"
  chmod +x "$src/work/script" "$W/ef-native/script"
  if ! qemu_static=$(scripts/arm64-chroot.sh --prepare 2>&1) ||
     [ "$(scripts/arm64-chroot.sh --qemu "$qemu_static" "$src" /work/execfn show 2>&1 | head -n 1)" \
       != AT_EXECFN=/work/execfn ]; then
    skip execfn "no arm64 chroot oracle here (scripts/arm64-chroot.sh needs user namespaces," \
      "overlayfs and a binfmt_misc per namespace)"
    return
  fi
  if why=$(mount_ci "$W/mnt"); then
    mounted=$W/mnt s=$W/mnt/sysroot where=cifuse
  else
    s=$W/ef-on opt=--casefold=on where="--casefold=on ($why)"
  fi
  if ! "$elfrun" "$opt" sysroot import "$src" "$s" >"$W/ef-import.out" 2>&1; then
    fail execfn "sysroot import failed: $(head -n 2 "$W/ef-import.out" | tr '\n' ' ')"
    return
  fi
  if ls -a "$s/work" | grep -q '^\.elfrun-cf\.n\.'; then pass execfn.generated_name_in_use
  else fail execfn.generated_name_in_use "neither execfn nor Execfn got a generated name ($where)"; fi
  for label in plain sidecar; do
    for path in ./execfn ./Execfn /work/execfn /work/Execfn ./script; do
      local root=$src o=--casefold=auto name=$label.absolute.${path##*/}
      [ "${path#./}" = "$path" ] || name=$label.relative.${path##*/}
      [ "$label" = sidecar ] && root=$s o=$opt
      scripts/arm64-chroot.sh --qemu "$qemu_static" --cwd /work "$src" /work/execfn exec "$path" \
        >"$W/ef.want" 2>&1
      if [ "$path" = ./script ]; then
        (cd "$W/ef-native" && ./execfn exec ./script) | grep '^AT_EXECFN=' >"$W/ef.native"
        sed -i "s|^AT_EXECFN=.*|$(cat "$W/ef.native")|" "$W/ef.want"
      fi
      (cd "$root/work" && "$elfrun" "$o" --sysroot "$root" "$root/work/execfn" exec "$path") \
        >"$W/ef.got" 2>&1
      if cmp -s "$W/ef.want" "$W/ef.got"; then pass "execfn.$name"
      else fail "execfn.$name" "want $(tr '\n' ' ' <"$W/ef.want")got $(tr '\n' ' ' <"$W/ef.got")"; fi
    done
  done
}

case $what in
  collision) do_collision ;;
  execfn) do_execfn ;;
  matrix) do_matrix "$@" ;;
  import) do_import "$@" ;;
  collision-fallback) do_collision_fallback ;;
  host-fallback) do_host_fallback "$@" ;;
  crash) do_crash "$@" ;;
  *) echo "run.sh: unknown test $what" >&2; exit 2 ;;
esac
exit "$failed"
