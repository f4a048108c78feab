#!/usr/bin/env bash
# Installs what elfrun needs to build and test on Debian 12 x86-64 (as root),
# from a fresh container on: host compilers, the aarch64 cross toolchains
# (glibc and musl), qemu-user as the test oracle, clang's fuzzing runtime.
# Quick when everything is already there: it asks apt only for what is
# missing. Nothing else is ever installed by hand; scripts/fetch-fixtures.sh
# brings the test fixtures.
set -eu

host_pkgs="make gcc libc6-dev clang libclang-rt-14-dev binutils
  gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
  linux-libc-dev-arm64-cross qemu-user hyperfine"
# The sysroot scripts (scripts/make-sysroot-*.sh): dpkg-source unpacks
# Debian's coreutils source, util-linux's unshare runs the arm64 chroot oracle.
host_pkgs="$host_pkgs dpkg-dev util-linux"
# The sidecar tests (tests/casefold/) mount cifuse, a case-insensitive FUSE
# file system built on libfuse3.
host_pkgs="$host_pkgs libfuse3-dev fuse3 pkg-config"
# The strace suite (tests/strace/run.sh) checks --strace against strace(1).
host_pkgs="$host_pkgs strace"
# The gdb suite (tests/gdb/run.sh) drives elfrun --gdb with gdb-multiarch.
host_pkgs="$host_pkgs gdb-multiarch"
# bench/: valgrind's callgrind counts instructions for bench/guard.sh; 7zip's
# 7zz is the native side of the `7zz b` row of bench/run.sh.
host_pkgs="$host_pkgs valgrind 7zip"
# musl's aarch64 libc and its aarch64-linux-musl-gcc wrapper come from the
# arm64 architecture of the archive.
arm64_pkgs="musl-dev:arm64"

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# deb-src lines, in a file of their own, for `apt-get source coreutils`
# (scripts/make-sysroot-musl.sh builds it for aarch64-linux-musl).
deb_src=/etc/apt/sources.list.d/elfrun-deb-src.sources
if [ ! -f "$deb_src" ] && [ "$(id -u)" = 0 ]; then
  echo "install-deps: adding $deb_src"
  cat >"$deb_src" <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  apt-get update -q >/dev/null
fi

missing=""
for p in $host_pkgs $arm64_pkgs; do
  installed "$p" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "install-deps: missing packages:$missing (run as root to install them)" >&2
  exit 1
fi
echo "install-deps: installing$missing"
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -q --no-install-recommends $missing
