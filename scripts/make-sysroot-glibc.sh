#!/usr/bin/env bash
# Assembles a Debian 12 arm64 glibc sysroot in DIR (default
# build/sysroot/glibc): the packages below and their library dependencies,
# as apt resolves them for a fresh arm64 machine, fetched with
# `apt-get download` and unpacked with `dpkg -x` (never installed), in the
# merged-/usr layout of a Debian 12 installation. Maintainer scripts do not
# run, so what they would create is made here: /bin/sh, awk, /etc/passwd.
#
#   scripts/make-sysroot-glibc.sh [DIR]
#
# Quick when DIR already holds the versions apt offers now (DIR/.packages
# records them); the .debs are cached (see sysroot_cache_dir) so a rebuild
# downloads only what changed. scripts/install-deps.sh sets up apt first.
set -eu
dest=$(realpath -m "${1:-$(dirname "$0")/../build/sysroot/glibc}")
cd "$(dirname "$0")/.."
. scripts/make-sysroot-common.sh

# fzf, age and gron are Go programs: Go's runtime (threads, SIGURG preemption,
# sigaltstack, futexes) under elfrun, tests/sysroot/programs.sh.
# 7zip: Debian's 7zz for bench/run.sh (its `7zz b -mmt1` rating row).
# lua5.4, luajit: tests/jit/programs.sh (the JIT against the interpreter on
# real work; LuaJIT also writes and runs code of its own).
packages="libc6 coreutils bash dash grep sed gawk findutils diffutils tar gzip
  xz-utils python3.11-minimal python3-minimal libpython3.11-stdlib openssl
  fzf age gron
  7zip lua5.4 luajit"

if stamp_fresh "$dest/.packages"; then
  echo "make-sysroot-glibc: $dest is up to date"
  exit 0
fi

cache=$(sysroot_cache_dir)
# shellcheck disable=SC2086 # the package list is split on purpose
closure=$(resolve_arm64 $packages)
stamp=$(printf 'layout %s\n%s\n' "$SYSROOT_LAYOUT" "$closure")
if up_to_date "$dest/.packages" "$stamp"; then
  echo "make-sysroot-glibc: $dest is up to date"
  exit 0
fi

mapfile -t specs < <(awk '{ print $1 "=" $2 }' <<<"$closure")
mapfile -t debs < <(fetch_debs "$cache" "${specs[@]}")
passwd_deb=$(base_passwd_deb "$cache")

new=$dest.new
rm -rf "$new"
mkdir -p "$new"
for deb in "${debs[@]}"; do dpkg -x "$deb" "$new"; done
merge_usr "$new"
base_dirs "$new" "$passwd_deb"
# Links that dash's, gawk's and python3-minimal's maintainer scripts or the
# alternatives system would make.
[ -e "$new/usr/bin/sh" ] || ln -s dash "$new/usr/bin/sh"
[ -e "$new/usr/bin/awk" ] || ln -s gawk "$new/usr/bin/awk"
[ -e "$new/usr/bin/python3" ] || ln -s python3.11 "$new/usr/bin/python3"
if [ ! -e "$new/lib/ld-linux-aarch64.so.1" ]; then
  echo "make-sysroot-glibc: no /lib/ld-linux-aarch64.so.1 in the unpacked tree" >&2
  exit 1
fi
echo "$stamp" >"$new/.packages"
replace_tree "$new" "$dest"
echo "make-sysroot-glibc: $(wc -l <<<"$closure") packages (arm64) in $dest"
