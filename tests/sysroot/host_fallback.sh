#!/usr/bin/env bash
# Host fallback under a sysroot, end to end (docs/sysroot.md, rules 1, 3, 8
# and 9): Debian's busybox-static runs under `elfrun --sysroot DIR` in a
# small sysroot made here, and each case's transcript must be the one the
# rules predict, written out below. Shell cases use builtins only (fork and
# exec are still to come). One PASS/FAIL/SKIP line per case:
#
#   tests/sysroot/host_fallback.sh ELFRUN BUSYBOX [QEMU]
#
# The tree, rebuilt before every case (W is a fresh directory under /tmp):
#   S = W/sysroot  the sysroot: S/etc, S/tmp, and S/M (M's mirror)
#   H = W/host     a host directory the sysroot does not have (S has /tmp,
#                  but no W: every directory from W down is "missing")
#   M = W/mirror   a host directory the sysroot has too, as S/M
#
# Evidence. qemu-aarch64 -L applies a plain prefix rule (util/path.c: the
# prefixed path if it exists, else the path as given). Where that rule and
# elfrun's give the same answer the case is marked `same`, and when QEMU is
# given it also runs under `qemu-aarch64 -L S` as a check of the expected
# transcript itself ("....qemu" lines). Where elfrun departs from qemu on
# purpose the case is marked `differs` and says why; docs/sysroot.md
# ("Compared with qemu-aarch64 -L") has the whole table.
set -u
elfrun=${1:?usage: host_fallback.sh ELFRUN BUSYBOX [QEMU]}
bb=${2:?usage: host_fallback.sh ELFRUN BUSYBOX [QEMU]}
qemu=${3:-}

failed=0
pass() { echo "PASS sysroot/host_fallback.$1"; }
fail() { failed=1; echo "FAIL sysroot/host_fallback.$1: $2"; }
skip() { echo "SKIP sysroot/host_fallback.$1: $2"; }

if [ ! -x "$elfrun" ]; then fail all "$elfrun not built"; exit 1; fi
if [ ! -x "$bb" ]; then skip all "busybox $bb missing (scripts/fetch-fixtures.sh)"; exit 0; fi
elfrun=$(realpath "$elfrun") bb=$(realpath "$bb")

W=$(realpath "$(mktemp -d /tmp/elfrun-sysroot.XXXXXX)")
trap 'rm -rf "$W"' EXIT
S=$W/sysroot H=$W/host M=$W/mirror

fresh() {
  rm -rf "$S" "$H" "$M"
  mkdir -p "$S/etc" "$S/tmp" "$S$M" "$H/a/b/c" "$M"
  echo 'sysroot copy' >"$S$M/both"
  echo 'host copy' >"$M/both"
  echo 'host leaf' >"$M/leaf"
  echo 'deep host file' >"$H/a/b/c/file"
  echo 'old name' >"$H/old"
}

# guest ARGS...: busybox ARGS under the emulator of this run ($emu).
emu=elfrun
guest() {
  if [ "$emu" = qemu ]; then
    env -i PATH=/bin LC_ALL=C timeout 20 "$qemu" -L "$S" "$bb" "$@"
  else
    env -i PATH=/bin LC_ALL=C timeout 20 "$elfrun" --sysroot "$S" "$bb" "$@"
  fi
}

exists() { if [ -e "$1" ]; then echo yes; else echo no; fi; }

# run_case NAME same|differs <<EXPECTED: runs case_NAME in a fresh tree
# under elfrun, and under qemu too when the case is `same`, comparing each
# transcript with EXPECTED.
run_case() {
  local name=$1 agreement=$2 want got
  want=$(cat)
  for emu in elfrun ${qemu:+qemu}; do
    [ "$emu" = qemu ] && [ "$agreement" != same ] && continue
    local label=$name${emu/#elfrun/}
    label=${label/%qemu/.qemu}
    fresh
    got=$("case_$name" 2>&1)
    if [ "$got" = "$want" ]; then pass "$label"
    else fail "$label" "$(printf 'expected:\n%s\ngot:\n%s' "$want" "$got" | tr '\n' '|')"; fi
  done
  emu=elfrun
}

# --- Rule 1: whatever the sysroot lacks is the host's ----------------------

# Every directory from W down is missing from the sysroot.
case_reads_through_missing_directories() {
  guest cat "$H/a/b/c/file"
  guest ls "$H/a/b/c"
}
run_case reads_through_missing_directories same <<'EOF'
deep host file
file
EOF

case_create_write_unlink() {
  guest sh -c "echo hello >$H/new"
  guest cat "$H/new"
  echo "on the host: $(cat "$H/new")"
  echo "in the sysroot: $(exists "$S$H/new")"
  guest rm "$H/new"
  echo "after rm: $(exists "$H/new")"
}
run_case create_write_unlink same <<'EOF'
hello
on the host: hello
in the sysroot: no
after rm: no
EOF

# mkdir -p walks /tmp, W and H, which exist on the host (H only there): an
# existing name is acted on where it is (EEXIST on the host), so nothing
# is made in the sysroot on the way.
case_mkdir_rmdir() {
  guest mkdir -p "$H/d1/d2"
  echo "on the host: $(exists "$H/d1/d2")"
  echo "in the sysroot: $(exists "$S$H")"
  guest rmdir "$H/d1/d2" "$H/d1"
  echo "after rmdir: $(exists "$H/d1")"
}
run_case mkdir_rmdir same <<'EOF'
on the host: yes
in the sysroot: no
after rmdir: no
EOF

case_rename_on_host_paths() {
  guest mv "$H/old" "$H/renamed"
  echo "old: $(exists "$H/old"), new: $(cat "$H/renamed")"
  guest mkdir "$H/dir1"
  guest mv "$H/dir1" "$H/dir2"
  echo "dir1: $(exists "$H/dir1"), dir2: $(exists "$H/dir2")"
}
run_case rename_on_host_paths same <<'EOF'
old: no, new: old name
dir1: no, dir2: yes
EOF

# The parent (M) is in the sysroot, the last name only on the host: reading
# falls back to the host's file, and appending (O_CREAT of a name that
# exists) writes to that same file rather than making a sysroot copy.
case_missing_final_component() {
  guest cat "$M/leaf"
  guest sh -c "echo appended >>$M/leaf"
  echo "on the host: $(tr '\n' ' ' <"$M/leaf")"
  echo "in the sysroot: $(exists "$S$M/leaf")"
}
run_case missing_final_component same <<'EOF'
host leaf
on the host: host leaf appended 
in the sysroot: no
EOF

case_name_in_both_sysroot_wins() {
  guest cat "$M/both"
  guest sh -c "echo rewritten >$M/both"
  echo "host copy: $(cat "$M/both")"
}
run_case name_in_both_sysroot_wins same <<'EOF'
sysroot copy
host copy: host copy
EOF

# --- Rule 3: a new name goes where its parent is ---------------------------

# differs: qemu creates the file on the host (its prefix rule only asks
# whether the name exists in the sysroot), so the guest's own listing of M
# (the sysroot's directory) would not show a file it has just made.
case_new_name_goes_to_the_sysroot_parent() {
  guest sh -c "echo fresh >$M/fresh"
  echo "in the sysroot: $(exists "$S$M/fresh"), on the host: $(exists "$M/fresh")"
  guest ls "$M"
}
run_case new_name_goes_to_the_sysroot_parent differs <<'EOF'
in the sysroot: yes, on the host: no
both
fresh
EOF

# --- Rule 8: the loader's files never fall back ----------------------------

# differs: qemu hands the guest the host's x86-64 files.
case_loader_files_never_fall_back() {
  guest cat /etc/ld.so.cache >/dev/null
  echo "cat: status $?"
  guest ls /lib >/dev/null
  echo "ls: status $?"
}
if [ -e /etc/ld.so.cache ] && [ -e /lib ]; then
  run_case loader_files_never_fall_back differs <<'EOF'
cat: can't open '/etc/ld.so.cache': No such file or directory
cat: status 1
ls: /lib: No such file or directory
ls: status 1
EOF
else
  skip loader_files_never_fall_back "the host has no /etc/ld.so.cache or /lib to fall back to"
fi

# --- Rule 9: guest paths back out -------------------------------------------

# differs: qemu reports the host path, sysroot prefix included.
case_getcwd_inside_the_sysroot() {
  (cd "$S/etc" && guest pwd && guest readlink /proc/self/cwd)
}
run_case getcwd_inside_the_sysroot differs <<'EOF'
/etc
/etc
EOF

exit "$failed"
