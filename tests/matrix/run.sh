#!/usr/bin/env bash
# The test matrix: real Debian arm64 programs under elfrun, each result
# cross-checked against an oracle run of the same program on the same
# sysroot and the same files.
#
#   tests/matrix/run.sh [--build DIR] [--engine elfrun|qemu|chroot]
#                       [--suite NAME]... [--out DIR] [PATTERN]
#
# Suites (each a sysroot made by scripts/make-sysroot-*.sh under
# $SYSROOTS, default build/sysroot):
#   static     build/sysroot/static: coreutils (musl, -static), busybox,
#              and the shells bash-static, mksh-static and busybox sh
#   glibc-dyn  build/sysroot/glibc: Debian's coreutils, bash and dash
#   musl-dyn   build/sysroot/musl: coreutils built for musl, dynamic
# Every case of tests/matrix/cases runs for every provider that has its
# applet, in two fixture directories: a host `mktemp -d` directory outside
# the sysroot (the guest reaches it through the host fallback) and one inside
# the sysroot's /tmp, each restaged from tests/matrix/files before each run.
#
# Oracles: `qemu-aarch64 -L SYSROOT`, or the arm64 chroot
# (scripts/arm64-chroot.sh) for cases that start other programs or where qemu
# is known wrong (tests/matrix/cases says which and why). The engine under
# test runs the same program, as `elfrun --sysroot SYSROOT PROGRAM ARGS`
# (the default), or as either oracle: `--engine qemu` and `--engine chroot`
# check the matrix itself (determinism, normalisers, and the agreement of
# the two oracles).
#
# One PASS/FAIL/SKIP line per run, named SUITE/PROVIDER/APPLET.LABEL@WHERE
# (WHERE: host or sysroot); then a table per suite and, last,
# "N passed, N failed[, N skipped]". Outputs are kept in BUILD/matrix-out/,
# or DIR with --out (emptied first: two runs at once need one each).
# Exit status 0 only if nothing failed. See docs/testing.md.
set -u
cd "$(dirname "$0")/../.." || exit 2
. scripts/testlib.sh

build=build engine=elfrun pattern="" suites=() out_opt=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --engine) engine=$2; shift 2 ;;
    --suite) suites+=("$2"); shift 2 ;;
    --out) out_opt=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "tests/matrix/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) pattern=$1; shift ;;
  esac
done
case $engine in
  elfrun|qemu|chroot) ;;
  *) echo "tests/matrix/run.sh: --engine must be elfrun, qemu or chroot" >&2; exit 2 ;;
esac
[ ${#suites[@]} -gt 0 ] || suites=(static glibc-dyn musl-dyn)
sysroots=${SYSROOTS:-build/sysroot}
qemu=${QEMU:-qemu-aarch64}
elfrun=$(realpath "$build/elfrun" 2>/dev/null || echo "$build/elfrun")
chroot_oracle=$(realpath scripts/arm64-chroot.sh)
out_dir=$(realpath -m "${out_opt:-$build/matrix-out}")
TEST_TIMEOUT=${TEST_TIMEOUT:-30}
# The pinned modification time of every staged fixture.
FIXTURE_TIME='2024-01-02 03:04:05 UTC'
ulimit -c 0

# --- the providers of each suite ------------------------------------------
# KIND:NAME:PROGRAM. KIND is "applets" (PROGRAM is a directory holding one
# program per applet), "multicall" (PROGRAM APPLET ARGS) or "shell".
suite_providers() {
  case $1 in
    static) echo "applets:coreutils:/usr/bin multicall:busybox:/bin/busybox
                  shell:bash-static:/bin/bash-static shell:mksh-static:/bin/mksh-static
                  shell:busybox-sh:/bin/busybox" ;;
    glibc-dyn) echo "applets:coreutils:/usr/bin shell:bash:/bin/bash shell:dash:/bin/dash" ;;
    musl-dyn) echo "applets:coreutils:/usr/bin" ;;
    *) return 1 ;;
  esac
}

# --- fixtures ---------------------------------------------------------------
# stage DIR: a fresh copy of tests/matrix/files with pinned modes and times,
# plus the relative symlink link.txt -> hello.txt.
stage() {
  find "$1" -mindepth 1 -delete
  cp -R tests/matrix/files/. "$1"
  ln -s hello.txt "$1/link.txt"
  chmod -R u=rwX,go=rX "$1"
  find "$1" -mindepth 1 -exec touch -h -d "$FIXTURE_TIME" {} +
}

# snapshot DIR SINCE: the state of DIR after a run, one line per entry:
# name, type, mode, size, link target, and the time (as pinned, or "recent"
# for anything changed at or after SINCE), then the checksum of every file.
snapshot() {
  echo "--- files"
  (cd "$1" && find . -mindepth 1 -printf '%P %y %m %s %l %T@\n' | LC_ALL=C sort |
     awk -v since="$2" '{ $NF = ($NF >= since) ? "recent" : int($NF); print }'
   cd "$1" && find . -type f -exec md5sum {} + | LC_ALL=C sort -k 2)
}

# --- normalisers (norm=NAME in tests/matrix/cases) ---------------------------
# Each filters a run's output, its last line "exit=N" excepted.
norm_date() { sed -E 's/[0-9]{2}:[0-9]{2}:[0-9]{2}/HH:MM:SS/; s/ [ 0-9][0-9] / DD /; s/[0-9]{4}$/YYYY/'; }
# df also names the file system of its directory and where it is mounted.
# In the sysroot's fixture directory, on a sysroot whose file system is not
# mounted at the host's / (make matrix-casefold puts it on cifuse), the two
# sides see that one file system from two roots: qemu-aarch64 takes "."
# from its host working directory and so names the host mount point, while
# under elfrun "." lies below the guest's "/", the sysroot, and the host's
# mount table (passed through unchanged) gives "/" the host root's device.
# The name and mount point columns are then not compared.
norm_df() {
  local script='s/[0-9]+%/N%/g; s/  +/ /g; s/ [0-9]+/ N/g'
  if [ "$where" = sysroot ] && [ "$sysroot_mount" != / ]; then
    script="$script; 2,\$ s/^[^ ]+ (.*) [^ ]+\$/FS \\1 MOUNT/"
  fi
  sed -E "$script"
}
# stat: the device and inode numbers, and the access, change and birth
# times, belong to the run; the size, mode, owner and (pinned) modification
# time do not.
norm_stat() {
  sed -E 's/^Device: [^[:space:]]+([[:space:]]+)Inode: [0-9]+/Device: -\1Inode: -/
          s/^(Access|Change): [0-9].*/\1: -/; s/^ Birth: .*/ Birth: -/'
}
norm_sort() { LC_ALL=C sort; }

# normalise FILE NAME...: applies the named normalisers to FILE in place.
normalise() {
  local file=$1 name
  shift
  for name in "$@"; do
    { head -n -1 "$file" | "norm_$name"; tail -n 1 "$file"; } >"$file.norm"
    mv "$file.norm" "$file"
  done
}

# --- running one side --------------------------------------------------------
# run_side SIDE OUT STDIN: runs the current case ($sysroot, $where, $gdir,
# $hdir, $program, ${argv[@]}) with SIDE (elfrun, qemu or chroot), then
# normalises OUT and appends the fixture directory's state.
run_side() {
  local side=$1 out=$2 stdin=$3 since cmd
  stage "$hdir"
  case $side in
    elfrun) cmd=("$elfrun" --sysroot "$sysroot" --argv0 "$program" "$sysroot$program") ;;
    qemu) cmd=("$qemu" -L "$sysroot" -0 "$program" "$sysroot$program") ;;
    chroot)
      local share=(--bind "$hdir")
      [ "$where" = sysroot ] && share=(--rw "$gdir")
      cmd=("$chroot_oracle" --qemu "$qemu_static" "${share[@]}" --cwd "$gdir" \
           "$sysroot" "$program") ;;
  esac
  since=$EPOCHSECONDS
  (cd "$hdir" && run_capture "$out" "$stdin" "${cmd[@]}" "${argv[@]}")
  [ ${#norms[@]} -eq 0 ] || normalise "$out" "${norms[@]}"
  snapshot "$hdir" "$since" >>"$out"
}

# --- bookkeeping ---------------------------------------------------------------
declare -A n_pass=() n_fail=() n_skip=() skip_why=()
pass() { n_pass[$suite]=$((${n_pass[$suite]:-0} + 1)); echo "PASS $1"; }
fail() { n_fail[$suite]=$((${n_fail[$suite]:-0} + 1)); echo "FAIL $1: $2"; }
skip() {
  n_skip[$suite]=$((${n_skip[$suite]:-0} + 1))
  skip_why["$suite|$2"]=$((${skip_why["$suite|$2"]:-0} + 1))
  echo "SKIP $1: $2"
}

# difference WANT GOT: a one-line account of how two outputs differ.
difference() {
  local want got
  want=$(grep -m 1 '^exit=' "$1") got=$(grep -m 1 '^exit=' "$2")
  if [ "$want" != "$got" ]; then echo "$got, expected $want (diff $1 $2)"
  else echo "output differs (diff $1 $2)"; fi
}

# expand_args ARGS: the case's shell words with @D and %NAME substituted,
# into the array argv.
expand_args() {
  local words=${1//@D/$gdir} call
  case $kind in
    multicall) call='busybox \1' ;;
    *) call='\1' ;;
  esac
  words=$(sed -E "s/%([a-z][a-z0-9]+)/$call/g" <<<"$words")
  eval "argv=($words)"
}

# parse_flags NAME FLAGS: sets the case's oracles, stdin, normalisers and
# nochroot from its FLAGS column (see tests/matrix/cases).
parse_flags() {
  local flag
  oracle_host=qemu oracle_sysroot=qemu stdin_name="" nochroot="" qemu_wrong="" norms=()
  for flag in ${2//,/ }; do
    case $flag in
      -) ;;
      exec|chroot) oracle_host=chroot oracle_sysroot=chroot ;;
      chroot@sysroot) oracle_sysroot=chroot ;;
      stdin=*) stdin_name=${flag#stdin=} ;;
      sort) norms+=(sort) ;;
      norm=*) norms+=("${flag#norm=}") ;;
      nochroot) nochroot=1 ;;
      qemu-wrong=*) qemu_wrong=${flag#qemu-wrong=} ;;
      *) echo "tests/matrix/cases: $1: unknown flag $flag" >&2; exit 2 ;;
    esac
  done
}

# skip_reason APPLET: why the current run cannot be made, or nothing.
skip_reason() {
  if [ "$kind" = applets ] && [ ! -x "$sysroot$program" ]; then
    echo "no $program in the sysroot"
  elif [ "$kind" = multicall ] && ! grep -qx "$1" <<<"$busybox_applets"; then
    echo "busybox has no $1 applet"
  elif [ "$oracle" = qemu ] && [ "$engine" != qemu ] && [ "$qemu_wrong" = "$kind" ]; then
    echo "qemu-aarch64 -L is wrong here and no other oracle applies (tests/matrix/cases)"
  elif [ "$oracle" = chroot ] || [ "$engine" = chroot ]; then
    if [ -n "$chroot_broken" ]; then
      echo "no arm64 chroot: $chroot_broken"
    elif [ -n "$nochroot" ] && [ "$engine" = chroot ]; then
      echo "not comparable inside the chroot (own mount table)"
    fi
  fi
}

# compare_sides TEST: runs the current case under its oracle and under the
# engine, each in a freshly staged directory, and reports the result.
compare_sides() {
  local test=$1 want got stdin=/dev/null
  want=$out_dir/$test.$oracle
  got=$out_dir/$test.$engine
  [ "$engine" = "$oracle" ] && got=$got.again
  mkdir -p "$(dirname "$want")"
  # (Opened once run_side has restaged the directory.)
  [ -n "$stdin_name" ] && stdin=$hdir/$stdin_name
  run_side "$oracle" "$want" "$stdin"
  run_side "$engine" "$got" "$stdin"
  if cmp -s "$want" "$got"; then pass "$test"
  else fail "$test" "$(difference "$want" "$got")"; fi
}

# run_case NAME FLAGS ARGS: one case for the current provider, in both
# fixture directories.
run_case() {
  local name=$1 applet=${1%%.*} test why
  local oracle oracle_host oracle_sysroot stdin_name nochroot qemu_wrong
  parse_flags "$name" "$2"
  program=$pdir
  [ "$kind" = applets ] && program=$pdir/$applet
  for where in host sysroot; do
    test=$suite/$provider/$name@$where
    [ -z "$pattern" ] || [[ $test == *$pattern* ]] || continue
    if [ "$where" = host ]; then hdir=$host_dir gdir=$host_dir oracle=$oracle_host
    else hdir=$sysroot$sys_guest_dir gdir=$sys_guest_dir oracle=$oracle_sysroot; fi
    why=$(skip_reason "$applet")
    if [ -n "$why" ]; then skip "$test" "$why"; continue; fi
    expand_args "$3"
    if [ "$kind" = multicall ]; then argv=("$applet" "${argv[@]}")
    elif [ "$provider" = busybox-sh ]; then argv=(sh "${argv[@]}"); fi
    compare_sides "$test"
  done
}

# run_suite SUITE: every case for every provider of SUITE.
run_suite() {
  local spec kind provider pdir sysroot busybox_applets="" sys_guest_dir started chroot_broken
  local sysroot_mount
  sysroot=$(realpath -m "$sysroots/${suite%-dyn}")
  started=$EPOCHSECONDS
  if [ ! -d "$sysroot/usr/bin" ]; then
    skip "$suite" "no sysroot $sysroot (make sysroots)"
    return
  fi
  # The fixture directory inside the sysroot, and its name as the guest sees
  # it. (Those of runs killed hours ago go first: no run lasts that long.)
  local sys_dir
  find "$sysroot/tmp" -maxdepth 1 -name 'elfrun-matrix.*' -mmin +120 -exec rm -rf {} +
  sys_dir=$(mktemp -d "$sysroot/tmp/elfrun-matrix.XXXXXX")
  cleanup+=("$sys_dir")
  sys_guest_dir=/tmp/${sys_dir##*/}
  if [ -e "$sysroot$host_dir" ] || [ -e "$sys_guest_dir" ]; then
    # A name in both would make the host directory unreachable from the guest.
    rmdir "$sys_dir"
    fail "$suite" "fixture directory names collide; run again"
    return
  fi
  chroot_broken=$(probe_chroot)
  sysroot_mount=$(findmnt -n -o TARGET -T "$sysroot" 2>/dev/null || echo /)
  if [ -x "$sysroot/bin/busybox" ]; then
    busybox_applets=$("$qemu" "$sysroot/bin/busybox" --list 2>/dev/null)
  fi
  for spec in $(suite_providers "$suite"); do
    IFS=: read -r kind provider pdir <<<"$spec"
    if [ ! -e "$sysroot$pdir" ]; then
      skip "$suite/$provider" "no $pdir in the sysroot"
      continue
    fi
    while read -r name flags rest; do
      [ -z "$name" ] || [[ $name == \#* ]] && continue
      if [ "$kind" = shell ]; then [[ $name == sh.* ]] || continue
      else [[ $name != sh.* ]] || continue; fi
      run_case "$name" "${flags:--}" "$rest"
    done <tests/matrix/cases
  done
  rm -rf "$sys_dir"
  seconds[$suite]=$((EPOCHSECONDS - started))
}

# --- the oracles ---------------------------------------------------------------
if ! command -v "$qemu" >/dev/null; then
  echo "SKIP matrix: $qemu missing (scripts/install-deps.sh installs qemu-user)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
if [ "$engine" = elfrun ] && [ ! -x "$elfrun" ]; then
  echo "FAIL matrix: $elfrun not built (make BUILD=$build)"
  echo "0 passed, 1 failed"
  exit 1
fi
chroot_ready=""
if ! qemu_static=$("$chroot_oracle" --prepare 2>&1); then
  chroot_ready="scripts/arm64-chroot.sh --prepare failed: ${qemu_static##*$'\n'}"
fi

# probe_chroot: why the arm64 chroot cannot run in $sysroot, or nothing.
probe_chroot() {
  local probe
  [ -z "$chroot_ready" ] || { echo "$chroot_ready"; return; }
  if ! probe=$("$chroot_oracle" --qemu "$qemu_static" "$sysroot" /usr/bin/uname -m 2>&1) ||
     [ "$probe" != aarch64 ]; then
    echo "scripts/arm64-chroot.sh fails here (it needs user namespaces, overlayfs" \
         "and a binfmt_misc per namespace, Linux 6.7+): ${probe##*$'\n'}"
  fi
}

# The fixture directories go when the run ends, however it ends.
host_dir=$(mktemp -d /tmp/elfrun-matrix-host.XXXXXX)
cleanup=("$host_dir")
trap 'rm -rf "${cleanup[@]}"' EXIT
trap 'exit 130' INT TERM
# Only this run's outputs: a stale file from another engine would mislead.
rm -rf "$out_dir"
mkdir -p "$out_dir"
declare -A seconds=()
for suite in "${suites[@]}"; do
  if ! suite_providers "$suite" >/dev/null; then
    echo "tests/matrix/run.sh: unknown suite $suite (static, glibc-dyn, musl-dyn)" >&2
    exit 2
  fi
  run_suite
done

# --- the report ------------------------------------------------------------------
total_pass=0 total_fail=0 total_skip=0
echo
echo "matrix: engine $engine, oracles qemu-aarch64 -L and the arm64 chroot"
printf '%-10s %7s %7s %7s %8s\n' suite passed failed skipped seconds
for suite in "${suites[@]}"; do
  printf '%-10s %7d %7d %7d %8s\n' "$suite" "${n_pass[$suite]:-0}" "${n_fail[$suite]:-0}" \
    "${n_skip[$suite]:-0}" "${seconds[$suite]:--}"
  total_pass=$((total_pass + ${n_pass[$suite]:-0}))
  total_fail=$((total_fail + ${n_fail[$suite]:-0}))
  total_skip=$((total_skip + ${n_skip[$suite]:-0}))
done
if [ ${#skip_why[@]} -gt 0 ]; then
  echo "skipped, by reason:"
  for key in "${!skip_why[@]}"; do
    printf '  %-10s %4d  %s\n' "${key%%|*}" "${skip_why[$key]}" "${key#*|}"
  done | LC_ALL=C sort
fi
summary="$total_pass passed, $total_fail failed"
[ "$total_skip" -gt 0 ] && summary="$summary, $total_skip skipped"
echo "$summary"
[ "$total_fail" -eq 0 ]
