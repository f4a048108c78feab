#!/usr/bin/env bash
# Installs what elfrun needs to build and test on Debian 12 x86-64 (run as root).
# Quick when everything is already there: it only calls apt-get for missing packages.
set -eu

host_pkgs="make gcc clang gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
  libc6-dev-arm64-cross linux-libc-dev-arm64-cross qemu-user hyperfine
  libclang-rt-14-dev"
arm64_pkgs="musl-dev:arm64"

missing=""
for p in $host_pkgs $arm64_pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "install-deps: missing packages:$missing (run as root to install them)" >&2
  exit 1
fi
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
