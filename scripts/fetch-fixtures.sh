#!/usr/bin/env bash
# Fetches the test fixtures: Debian's busybox-static for arm64, unpacked (not
# installed) under DIR/busybox-static (default build/fixtures). Quick when it
# is already there. Needs the arm64 architecture in apt's lists, which
# scripts/install-deps.sh sets up.
set -eu
dir=${1:-build/fixtures}
dest=$dir/busybox-static

[ -x "$dest/bin/busybox" ] && exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt fetches as the unprivileged _apt user, which must be able to write here.
chmod 777 "$tmp"

download() { (cd "$tmp" && apt-get download -q busybox-static:arm64 2>&1); }
if ! log=$(download); then
  # A fresh container may have no (or stale) package lists yet.
  if [ "$(id -u)" = 0 ] && apt-get update -q >/dev/null 2>&1 && log=$(download); then :
  else
    echo "$log" >&2
    echo "fetch-fixtures: cannot download busybox-static:arm64" \
         "(run scripts/install-deps.sh as root first)" >&2
    exit 1
  fi
fi

# The version moves with Debian point releases: take whatever was fetched.
debs=("$tmp"/busybox-static_*_arm64.deb)
mkdir -p "$dir"
rm -rf "$dest.new"
dpkg -x "${debs[0]}" "$dest.new"
dpkg-deb -f "${debs[0]}" Version >"$dest.new/VERSION"
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "fetch-fixtures: busybox-static $(cat "$dest/VERSION") (arm64) in $dest"
