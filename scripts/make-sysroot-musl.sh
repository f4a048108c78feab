#!/usr/bin/env bash
# Assembles an arm64 musl sysroot in DIR (default build/sysroot/musl):
# Debian's musl:arm64 (the dynamic loader /lib/ld-musl-aarch64.so.1, which is
# also libc.so) and GNU coreutils built from Debian's coreutils source for
# aarch64-linux-musl, dynamically linked, in the merged-/usr layout.
#
#   scripts/make-sysroot-musl.sh [DIR]
#   scripts/make-sysroot-musl.sh --build-only   (prints the build's directory)
#
# The coreutils build is the slow part (about two minutes on two cores): it
# is done once per machine and cached, keyed by the source, musl and recipe
# versions (see sysroot_cache_dir), with a static build beside the dynamic
# one for scripts/make-sysroot-static.sh. Quick when everything is in place.
# Needs deb-src lines and dpkg-dev (scripts/install-deps.sh sets both up).
set -eu
[ "${1:-}" = --build-only ] ||
  dest=$(realpath -m "${1:-$(dirname "$0")/../build/sysroot/musl}")
cd "$(dirname "$0")/.."
. scripts/make-sysroot-common.sh

# Bump when the configure options or the install layout below change.
recipe=1

# coreutils_source_version: the version `apt-get source coreutils` fetches.
coreutils_source_version() {
  local dsc empty
  # (From an empty directory: apt leaves out files already in the current one.)
  empty=$(mktemp -d) || return 1
  dsc=$(cd "$empty" && apt-get source --print-uris -qq coreutils 2>/dev/null |
        awk '$2 ~ /\.dsc$/ { print $2; exit }')
  rmdir "$empty"
  if [ -z "$dsc" ]; then
    echo "make-sysroot-musl: apt has no source for coreutils" \
         "(scripts/install-deps.sh adds the deb-src lines)" >&2
    return 1
  fi
  dsc=${dsc#coreutils_}
  echo "${dsc%.dsc}"
}

# kernel_headers DIR: only the kernel's UAPI directories of the arm64 cross
# headers, for -idirafter. The musl specs search musl's headers alone, and
# musl ships no linux/ or asm/; the whole cross glibc include directory would
# also bring glibc's own headers where musl has none (sys/cdefs.h, gnu/).
kernel_headers() {
  local d
  mkdir -p "$1"
  for d in linux asm asm-generic; do
    ln -sfn "/usr/aarch64-linux-gnu/include/$d" "$1/$d"
  done
}

# build_coreutils SRC_VERSION OUT: configures and builds coreutils SRC_VERSION
# for aarch64-linux-musl, then installs its programs stripped into
# OUT/dynamic and, relinked with -static from the same objects, OUT/static.
build_coreutils() {
  local version=$1 out=$2 work src
  mkdir -p "$(dirname "$out")" || return 1
  work=$(mktemp -d "$out.build.XXXXXX") || return 1
  chmod 777 "$work" # apt downloads as its unprivileged _apt user
  (cd "$work" && apt-get source -q "coreutils=$version" >/dev/null 2>&1) || {
    echo "make-sysroot-musl: apt-get source coreutils=$version failed" >&2
    return 1
  }
  src=$(find "$work" -maxdepth 1 -type d -name 'coreutils-*' | head -n 1)
  [ -x "$src/configure" ] || { echo "make-sysroot-musl: no source tree in $work" >&2; return 1; }
  kernel_headers "$work/kernel-headers" || return 1
  mkdir "$work/build" || return 1
  echo "make-sysroot-musl: building coreutils $version for aarch64-linux-musl" \
       "(log: $work/build.log)" >&2
  (
    set -e
    cd "$work/build"
    # No optional libraries: the programs need nothing but musl's libc.
    "$src/configure" --host=aarch64-linux-musl --build="$(gcc -dumpmachine)" \
      --prefix=/usr CC=aarch64-linux-musl-gcc CFLAGS=-O2 \
      CPPFLAGS="-idirafter $work/kernel-headers" \
      --disable-nls --disable-acl --disable-xattr --disable-libcap \
      --disable-libsmack --without-selinux --without-libgmp --without-openssl
    make -j"$(nproc)"
    make install-binPROGRAMS install-pkglibexecPROGRAMS DESTDIR="$work/dynamic"
    make clean-binPROGRAMS
    make -j"$(nproc)" LDFLAGS=-static
    make install-binPROGRAMS DESTDIR="$work/static"
  ) >"$work/build.log" 2>&1 || {
    echo "make-sysroot-musl: the coreutils build failed; last lines of $work/build.log:" >&2
    tail -n 20 "$work/build.log" >&2
    return 1
  }
  find "$work/dynamic" "$work/static" -type f -exec aarch64-linux-gnu-strip {} + &&
    rm -rf "$out" && mkdir -p "$out" &&
    mv "$work/dynamic" "$work/static" "$out/" &&
    echo "$version" >"$out/VERSION" &&
    rm -rf "$work"
}

# coreutils_build: the cached build's directory, built first if missing.
coreutils_build() {
  local version toolchain out
  version=$(coreutils_source_version) || return 1
  toolchain=$(dpkg-query -W -f='${Version}' musl-dev:arm64) || return 1
  out=$(sysroot_cache_dir)/coreutils-musl/${version//:/%3a}-musl${toolchain}-r$recipe
  [ -f "$out/VERSION" ] || build_coreutils "$version" "$out" || return 1
  echo "$out"
}

if [ "${1:-}" = --build-only ]; then
  coreutils_build
  exit
fi

if stamp_fresh "$dest/.packages"; then
  echo "make-sysroot-musl: $dest is up to date"
  exit 0
fi
cache=$(sysroot_cache_dir)
build=$(coreutils_build)
musl=$(resolve_arm64 musl | awk '$1 == "musl" { print $1 "=" $2 }')
stamp=$(printf 'layout %s\n%s\n%s\n' "$SYSROOT_LAYOUT" "${musl/=/ }" "coreutils ${build##*/}")
if up_to_date "$dest/.packages" "$stamp"; then
  echo "make-sysroot-musl: $dest is up to date"
  exit 0
fi

musl_deb=$(fetch_debs "$cache" "$musl")
passwd_deb=$(base_passwd_deb "$cache")
new=$dest.new
rm -rf "$new"
mkdir -p "$new"
dpkg -x "$musl_deb" "$new"
cp -a "$build/dynamic/." "$new/"
merge_usr "$new"
base_dirs "$new" "$passwd_deb"
if [ ! -e "$new/lib/ld-musl-aarch64.so.1" ]; then
  echo "make-sysroot-musl: no /lib/ld-musl-aarch64.so.1 in the unpacked tree" >&2
  exit 1
fi
echo "$stamp" >"$new/.packages"
replace_tree "$new" "$dest"
echo "make-sysroot-musl: musl ${musl#*=} and coreutils $(cat "$build/VERSION") (arm64) in $dest"
