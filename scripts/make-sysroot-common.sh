# shellcheck shell=bash
# Shared by scripts/make-sysroot-{glibc,musl,static}.sh and
# scripts/arm64-chroot.sh: how they ask apt for Debian's arm64 packages,
# where they cache what is slow to fetch or build, and how they lay out a
# sysroot the way Debian 12 lays out a system. Sourced, not executed.

# The version of what these scripts lay out around the packages' own files
# (merge_usr, base_dirs): part of every sysroot's .packages stamp, so that a
# change here rebuilds the sysroots. Bump it with any such change.
# shellcheck disable=SC2034 # (read by the sourcing scripts)
SYSROOT_LAYOUT=3

# Downloads and builds are kept here across `make clean` and fresh clones of
# the tree (CI clones afresh on the same machine), keyed by package version.
# Not writable (not root): under build/ instead.
sysroot_cache_dir() {
  local dir=${ELFRUN_CACHE:-/var/cache/elfrun}
  if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
    dir=$(dirname "${BASH_SOURCE[0]}")/../build/cache
    mkdir -p "$dir"
  fi
  realpath "$dir"
}

# apt_arm64 APT-GET-ARGS...: apt-get on the host's package lists, as if this
# were an empty arm64 machine. An empty dpkg status and arm64 as the only
# architecture make apt resolve dependencies the way it would for a fresh
# arm64 install, without ever touching the host's own packages; an in-memory
# cache keeps the host's amd64 cache files intact.
apt_arm64() {
  apt-get -q -o Dir::State::status=/dev/null \
    -o APT::Architecture=arm64 -o APT::Architectures::=arm64 \
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
}

# resolve_arm64 PACKAGE...: "name version arch" for each package of the
# dependency closure of PACKAGE... (Depends and Pre-Depends, no Recommends),
# in apt's install order. Without arm64 package lists it refreshes them once
# (as root), else it fails with a hint.
resolve_arm64() {
  local closure
  closure=$(apt_closure "$@") && [ -n "$closure" ] && { echo "$closure"; return 0; }
  if [ "$(id -u)" = 0 ] && dpkg --print-foreign-architectures | grep -qx arm64 &&
     apt-get update -q >/dev/null 2>&1; then
    closure=$(apt_closure "$@") && [ -n "$closure" ] && { echo "$closure"; return 0; }
  fi
  echo "${0##*/}: apt cannot resolve $* for arm64" \
       "(scripts/install-deps.sh sets up the arm64 package lists)" >&2
  return 1
}

apt_closure() {
  apt_arm64 -s --no-install-recommends install "$@" 2>/dev/null |
    sed -nE 's/^Inst ([^ ]+) \(([^ ]+) .*\[([a-z0-9]+)\].*$/\1 \2 \3/p'
}

# fetch_debs CACHE NAME=VERSION...: makes sure CACHE/debs holds the arm64
# (or architecture-independent) .deb of each NAME=VERSION and prints their
# paths, one a line. Only what is not cached yet is downloaded.
fetch_debs() {
  local cache=$1/debs spec name version want=() tmp
  shift
  mkdir -p "$cache"
  for spec in "$@"; do
    deb_path "$cache" "${spec%%=*}" "${spec#*=}" >/dev/null || want+=("$spec")
  done
  if [ "${#want[@]}" -gt 0 ]; then
    tmp=$(mktemp -d)
    # apt downloads as its unprivileged _apt user, which must write here.
    chmod 777 "$tmp"
    if ! (cd "$tmp" && apt_arm64 download "${want[@]}" >/dev/null); then
      rm -rf "$tmp"
      echo "${0##*/}: cannot download ${want[*]}" >&2
      return 1
    fi
    mv "$tmp"/*.deb "$cache"/
    rm -rf "$tmp"
  fi
  for spec in "$@"; do
    name=${spec%%=*} version=${spec#*=}
    deb_path "$cache" "$name" "$version" || {
      echo "${0##*/}: $name $version missing after download" >&2
      return 1
    }
  done
}

# deb_path DIR NAME VERSION: the .deb of NAME at VERSION in DIR (apt names
# files NAME_VERSION_ARCH.deb, with the epoch's colon written %3a).
deb_path() {
  local f
  for f in "$1/${2}_${3//:/%3a}_"{arm64,all}.deb; do
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  return 1
}

# deb_version DEB: the Version field of a .deb.
deb_version() { dpkg-deb -f "$1" Version; }

# merge_usr ROOT: the merged-/usr layout of a Debian 12 installation, as the
# usrmerge package makes it: the contents of /bin, /sbin and /lib move into
# /usr, and the top-level names become relative symlinks (bin -> usr/bin).
# Debian 12's packages still ship files under both trees; a name shipped in
# both would be a packaging conflict, so it stops the build.
merge_usr() {
  local root=$1 dir clash
  for dir in bin sbin lib; do
    mkdir -p "$root/usr/$dir"
    if [ ! -d "$root/$dir" ] || [ -L "$root/$dir" ]; then
      ln -sfn "usr/$dir" "$root/$dir"
      continue
    fi
    clash=$(cd "$root/$dir" && find . ! -type d | while IFS= read -r f; do
              if [ -e "$root/usr/$dir/$f" ] || [ -L "$root/usr/$dir/$f" ]; then echo "$f"; fi
            done)
    if [ -n "$clash" ]; then
      echo "${0##*/}: /$dir and /usr/$dir both ship: $clash" >&2
      return 1
    fi
    cp -a "$root/$dir/." "$root/usr/$dir/"
    rm -rf "${root:?}/$dir"
    ln -s "usr/$dir" "$root/$dir"
  done
}

# base_dirs ROOT: what a Debian system has beyond its packages' files: the
# kernel's mount points, a world-writable /tmp, and the passwd and group
# databases (base-passwd's master files, which its postinst would install).
base_dirs() {
  local root=$1 passwd_deb=$2 tmp
  mkdir -p "$root"/{dev,proc,sys,run,root,tmp,var/tmp,etc}
  chmod 1777 "$root/tmp" "$root/var/tmp"
  tmp=$(mktemp -d)
  dpkg -x "$passwd_deb" "$tmp"
  cp "$tmp/usr/share/base-passwd/passwd.master" "$root/etc/passwd"
  cp "$tmp/usr/share/base-passwd/group.master" "$root/etc/group"
  rm -rf "$tmp"
}

# base_passwd_deb CACHE: the .deb of base-passwd, fetched alone: only its
# master files are used, not its program (whose dependencies reach PAM).
base_passwd_deb() {
  local version
  version=$(resolve_arm64 base-passwd | awk '$1 == "base-passwd" { print $2 }')
  [ -n "$version" ] || { echo "${0##*/}: apt knows no base-passwd:arm64" >&2; return 1; }
  fetch_debs "$1" "base-passwd=$version"
}

# stamp_fresh STAMP: true when nothing that decides a sysroot's contents
# changed since STAMP (a sysroot's .packages) was written or last confirmed:
# apt's package lists, dpkg's status (the host's cross toolchain) and these
# scripts. It spares the second or so apt takes to resolve the packages.
stamp_fresh() {
  local here
  here=$(dirname "${BASH_SOURCE[0]}")
  [ -f "$1" ] || return 1
  [ -z "$(find /var/lib/apt/lists /var/lib/dpkg/status "$here"/make-sysroot-*.sh \
            -maxdepth 1 -newer "$1" -print -quit 2>/dev/null)" ]
}

# up_to_date STAMP CONTENT: true (and STAMP confirmed for stamp_fresh) when
# STAMP already records CONTENT.
up_to_date() {
  [ -f "$1" ] && [ "$2" = "$(cat "$1")" ] && touch "$1"
}

# replace_tree NEW DEST: puts the finished tree NEW in place of DEST, so an
# interrupted build never leaves a half-made DEST behind.
replace_tree() {
  rm -rf "$2.old"
  [ -e "$2" ] && mv "$2" "$2.old"
  mv "$1" "$2"
  rm -rf "$2.old"
}
