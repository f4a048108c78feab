#!/usr/bin/env bash
# Debian's arm64 programs in the glibc sysroot, under elfrun and under
# qemu-aarch64 -L on the same sysroot, the same input and the same pinned
# environment (scripts/testlib.sh), compared byte for byte at test time:
#
#   tests/sysroot/programs.sh ELFRUN SYSROOT OUT_DIR [QEMU [PATTERN]]
#
# Go programs (fzf, age, gron): Go's runtime starts a thread per P, preempts
# goroutines with SIGURG sent by tgkill, runs its handlers on a sigaltstack
# per thread, parks threads on futexes and returns through rt_sigreturn, so
# these exercise threads and signals together. The preemption-heavy fzf
# case runs GO_REPEAT times (default 3) to catch a flaky delivery. age
# encrypts with fresh randomness, so its cases cross over: what one side
# encrypts the other decrypts, and the plaintext must come back.
#
# python3 (tests/sysroot/python_modules.py): os, socket, select, mmap,
# threading under load, subprocess (pipes, timeouts, children killed by
# signals) and a forked multiprocessing pool. Under qemu-aarch64 -L a
# subprocess is the host's x86-64 program (qemu hands execve to the host
# kernel); the script only starts programs whose output is the same there.
#
# One PASS/FAIL/SKIP line per case whose name contains PATTERN (all when
# it is empty); each side's output stays in OUT_DIR.
set -u
usage='usage: programs.sh ELFRUN SYSROOT OUT_DIR [QEMU [PATTERN]]'
elfrun=${1:?$usage} root=${2:?$usage} out=${3:?$usage} qemu=${4:-} pattern=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/testlib.sh disable=SC1091
. "$here/../../scripts/testlib.sh"
repeat=${GO_REPEAT:-3}

want() { [ -z "$pattern" ] || [[ sysroot/$1 == *"$pattern"* ]]; }
pass() { echo "PASS sysroot/$1"; }
fail() { echo "FAIL sysroot/$1: $2"; }
skip() { echo "SKIP sysroot/$1: $2"; }

cases="go.fzf_version go.fzf_filter go.fzf_filter_exact go.gron go.gron_ungron
  go.age_keygen_public go.age_elfrun_decrypts go.age_qemu_decrypts go.age_armor
  python.modules"
skip_all() { for c in $cases; do want "$c" && skip "$c" "$1"; done; exit 0; }

any=false
for c in $cases; do want "$c" && any=true; done
$any || exit 0

[ -x "$elfrun" ] || { for c in $cases; do want "$c" && fail "$c" "$elfrun not built"; done; exit 0; }
[ -x "$root/usr/bin/python3" ] || skip_all "no glibc sysroot at $root (make sysroots)"
{ [ -n "$qemu" ] && [ -x "$qemu" ]; } || skip_all "qemu-aarch64 missing (scripts/install-deps.sh)"
elfrun=$(realpath "$elfrun") root=$(realpath "$root")
mkdir -p "$out"
out=$(realpath "$out")

W=$(realpath "$(mktemp -d /tmp/elfrun-programs.XXXXXX)")
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 2

# Inputs: a long list for fzf (enough matching work for the runtime to
# preempt), a JSON document for gron, a plaintext and an identity for age.
seq 1 200000 | sed 's/$/ line of text/' >lines.txt
printf '%s\n' '{"name":"elfrun","list":[1,2.5,{"deep":[true,false,null]}],' \
  '"text":"a \"quoted\" line\n","empty":{},"none":[]}' >doc.json
seq 1 50000 >plain.txt

# side NAME QEMU|ELFRUN STDIN PROGRAM ARGS...: one run, output in
# OUT_DIR/NAME.SIDE (stdout and stderr, then exit=N).
side() {
  local name=$1 who=$2 in=$3 prog=$4
  shift 4
  if [ "$who" = qemu ]; then
    run_capture "$out/$name.qemu" "$in" "$qemu" -L "$root" "$root$prog" "$@"
  else
    run_capture "$out/$name.elfrun" "$in" "$elfrun" --sysroot "$root" \
      --argv0 "$prog" "$root$prog" "$@"
  fi
}

# verdict NAME: the two sides' outputs compared.
verdict() {
  if cmp -s "$out/$1.qemu" "$out/$1.elfrun"; then pass "$1"
  else fail "$1" "output differs (diff $out/$1.qemu $out/$1.elfrun)"; fi
}

# live NAME STDIN PROGRAM ARGS...: both sides, then the verdict.
live() {
  local name=$1
  shift
  side "$name" qemu "$@"
  side "$name" elfrun "$@"
  verdict "$name"
}

# needs NAME PROGRAM...: true when case NAME is selected and the sysroot
# has every PROGRAM, else false (with a SKIP line for a missing one).
needs() {
  local name=$1 prog
  shift
  want "$name" || return 1
  for prog; do
    [ -x "$root$prog" ] && continue
    skip "$name" "the sysroot has no $prog (make sysroots, scripts/make-sysroot-glibc.sh)"
    return 1
  done
}

go_fzf() {
  needs go.fzf_version /usr/bin/fzf && live go.fzf_version /dev/null /usr/bin/fzf --version
  if needs go.fzf_filter /usr/bin/fzf; then
    side go.fzf_filter qemu lines.txt /usr/bin/fzf --filter 99
    local i bad=""
    for i in $(seq 1 "$repeat"); do
      side go.fzf_filter elfrun lines.txt /usr/bin/fzf --filter 99
      cmp -s "$out/go.fzf_filter.qemu" "$out/go.fzf_filter.elfrun" || { bad=$i; break; }
    done
    if [ -z "$bad" ]; then pass go.fzf_filter
    else fail go.fzf_filter "run $bad of $repeat differs (diff $out/go.fzf_filter.qemu $out/go.fzf_filter.elfrun)"; fi
  fi
  needs go.fzf_filter_exact /usr/bin/fzf &&
    live go.fzf_filter_exact lines.txt /usr/bin/fzf --filter "'1234 text" --exact --no-sort
}

go_gron() {
  needs go.gron /usr/bin/gron && live go.gron doc.json /usr/bin/gron
  if needs go.gron_ungron /usr/bin/gron; then
    side go.gron_ungron.input qemu doc.json /usr/bin/gron
    grep -v '^exit=' "$out/go.gron_ungron.input.qemu" >flat.txt
    live go.gron_ungron flat.txt /usr/bin/gron --ungron
  fi
}

# The identity comes from qemu's age-keygen; each side derives the public
# key from it, and each decrypts what the other encrypted.
go_age() {
  local age="/usr/bin/age /usr/bin/age-keygen" recipient
  env -i "${TEST_ENV[@]}" "$qemu" -L "$root" "$root/usr/bin/age-keygen" -o key.txt 2>/dev/null
  # shellcheck disable=SC2086 # two program names
  needs go.age_keygen_public $age &&
    live go.age_keygen_public /dev/null /usr/bin/age-keygen -y "$W/key.txt"
  recipient=$(env -i "${TEST_ENV[@]}" "$qemu" -L "$root" "$root/usr/bin/age-keygen" -y key.txt 2>/dev/null)
  # shellcheck disable=SC2086
  needs go.age_elfrun_decrypts $age && cross go.age_elfrun_decrypts qemu elfrun "$recipient"
  # shellcheck disable=SC2086
  needs go.age_qemu_decrypts $age && cross go.age_qemu_decrypts elfrun qemu "$recipient"
  # shellcheck disable=SC2086
  needs go.age_armor $age && cross go.age_armor elfrun qemu "$recipient" --armor
}

# cross NAME ENCRYPTER DECRYPTER RECIPIENT [AGE_OPTIONS...]: plain.txt
# encrypted on one side, decrypted on the other, must come back unchanged
# (and the armored file must look like one).
cross() {
  local name=$1 enc=$2 dec=$3 recipient=$4
  shift 4
  rm -f "$name.age"
  side "$name.encrypt" "$enc" /dev/null /usr/bin/age "$@" -r "$recipient" -o "$W/$name.age" "$W/plain.txt"
  side "$name" "$dec" /dev/null /usr/bin/age -d -i "$W/key.txt" -o "$W/$name.txt" "$W/$name.age"
  if [ "$(tail -n 1 "$out/$name.encrypt.$enc")" != exit=0 ]; then
    fail "$name" "age under $enc failed to encrypt (see $out/$name.encrypt.$enc)"
  elif [ "$(cat "$out/$name.$dec")" != exit=0 ]; then
    fail "$name" "age under $dec failed to decrypt (see $out/$name.$dec)"
  elif ! cmp -s plain.txt "$name.txt"; then
    fail "$name" "the decrypted text differs from the plaintext"
  elif [ "$*" = --armor ] && [ "$(head -n 1 "$name.age")" != "-----BEGIN AGE ENCRYPTED FILE-----" ]; then
    fail "$name" "no armor header in $name.age"
  else
    pass "$name"
  fi
}

python_modules() {
  needs python.modules /usr/bin/python3 &&
    live python.modules /dev/null /usr/bin/python3 "$here/python_modules.py"
}

go_fzf
go_gron
go_age
python_modules
exit 0
