#!/usr/bin/env bash
# Assembles the static suite's arm64 sysroot in DIR (default
# build/sysroot/static): statically linked programs only, so that nothing in
# it needs a dynamic loader. GNU coreutils built for aarch64-linux-musl with
# -static (the cached build of scripts/make-sysroot-musl.sh) in /usr/bin, and
# from Debian's arm64 packages /bin/busybox (busybox-static), /bin/bash-static
# (bash-static) and /bin/mksh-static (mksh), in the merged-/usr layout.
#
#   scripts/make-sysroot-static.sh [DIR]
#
# Quick when DIR already holds what it would build (DIR/.packages).
set -eu
dest=$(realpath -m "${1:-$(dirname "$0")/../build/sysroot/static}")
cd "$(dirname "$0")/.."
. scripts/make-sysroot-common.sh

# package:file, the static program each package brings.
programs="busybox-static:bin/busybox bash-static:bin/bash-static mksh:bin/mksh-static"

# resolve_in ROOT PATH: ROOT/PATH with its symlinks followed inside ROOT
# (mksh's /bin/mksh-static -> /usr/lib/klibc/bin/mksh is absolute): the file
# is copied rather than linked, so the host can run it by its sysroot path.
resolve_in() {
  local f=$1/$2 target
  while [ -L "$f" ]; do
    target=$(readlink "$f")
    case $target in
      /*) f=$1$target ;;
      *) f=$(dirname "$f")/$target ;;
    esac
  done
  echo "$f"
}

if stamp_fresh "$dest/.packages"; then
  echo "make-sysroot-static: $dest is up to date"
  exit 0
fi
cache=$(sysroot_cache_dir)
build=$(scripts/make-sysroot-musl.sh --build-only)
packages=$(for p in $programs; do echo "${p%%:*}"; done)
# shellcheck disable=SC2086 # the package list is split on purpose
closure=$(resolve_arm64 $packages)
# Only the packages themselves, in the order of $programs: their static
# programs need nothing else.
specs=()
for p in $programs; do
  specs+=("$(awk -v p="${p%%:*}" '$1 == p { print $1 "=" $2 }' <<<"$closure")")
done
stamp=$(printf 'layout %s\n' "$SYSROOT_LAYOUT"; printf '%s\n' "${specs[@]/=/ }"
        echo "coreutils ${build##*/}")
if up_to_date "$dest/.packages" "$stamp"; then
  echo "make-sysroot-static: $dest is up to date"
  exit 0
fi

mapfile -t debs < <(fetch_debs "$cache" "${specs[@]}")
passwd_deb=$(base_passwd_deb "$cache")
new=$dest.new
rm -rf "$new"
mkdir -p "$new/usr/bin"
cp -a "$build/static/." "$new/"
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
i=0
for p in $programs; do
  dpkg -x "${debs[i]}" "$unpacked/$i"
  cp "$(resolve_in "$unpacked/$i" "${p#*:}")" "$new/usr/bin/${p##*/}"
  i=$((i + 1))
done
merge_usr "$new"
base_dirs "$new" "$passwd_deb"
# Nothing here may need a loader: a dynamic program would only fail later,
# and obscurely, in the static suite.
for f in "$new"/usr/bin/*; do
  if aarch64-linux-gnu-readelf -l "$f" 2>/dev/null | grep -q 'program interpreter'; then
    echo "make-sysroot-static: ${f#"$new"} is not statically linked" >&2
    exit 1
  fi
done
echo "$stamp" >"$new/.packages"
replace_tree "$new" "$dest"
echo "make-sysroot-static: busybox, bash-static, mksh-static and coreutils" \
     "$(cat "$build/VERSION") (static, arm64) in $dest"
