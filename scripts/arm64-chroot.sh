#!/usr/bin/env bash
# The arm64 chroot oracle: runs PROGRAM inside SYSROOT as on an arm64 Debian
# machine, with every arm64 program it starts (exec, shells, env, timeout)
# run by a static qemu-aarch64 through binfmt_misc. `qemu-aarch64 -L` cannot
# be the oracle for such programs: it hands exec to the host kernel, which
# runs the host's x86-64 programs.
#
#   scripts/arm64-chroot.sh [OPTIONS] SYSROOT PROGRAM [ARGS...]
#   scripts/arm64-chroot.sh --prepare      (prints the qemu directory it uses)
#
#   --bind DIR    the host directory DIR appears at the same path inside
#   --rw DIR      writes under DIR (a path inside SYSROOT) reach SYSROOT;
#                 everywhere else they go to a scratch layer dropped at exit
#   --cwd DIR     working directory inside (default /)
#   --qemu DIR    a directory from --prepare (saves an apt look-up per run)
#
# PROGRAM is a path inside SYSROOT; it gets exactly this script's
# environment, standard descriptors and argv[0] (binfmt flag P), and its exit
# status is this script's (128+N for a death by signal N, as a shell says).
#
# Nothing on the host changes, and no privilege is needed beyond user
# namespaces: qemu-user-static is fetched with `apt-get download` and
# unpacked with `dpkg -x` (cached, see sysroot_cache_dir), never installed.
# Inside `unshare --user --map-root-user --mount`, a private binfmt_misc
# instance (Linux 6.7 and later give each user namespace its own) gets the
# Debian registration of qemu-aarch64 with flags F (the interpreter is opened
# now, so it need not exist inside the chroot) and P (argv[0] is kept). The
# root is an overlay whose lower layer is SYSROOT, so the mount points made
# for --bind never reach SYSROOT itself; /dev, /proc and /sys are the host's.
set -eu
here=$(dirname "$(realpath "$0")")
# shellcheck source=scripts/make-sysroot-common.sh
. "$here/make-sysroot-common.sh"

usage() {
  echo "usage: ${0##*/} [--bind DIR]... [--rw DIR]... [--cwd DIR] [--qemu DIR]" \
       "SYSROOT PROGRAM [ARGS...]" >&2
  echo "       ${0##*/} --prepare" >&2
  exit 2
}

# qemu_static_dir: a directory holding qemu-aarch64-static and Debian's
# binfmt registration for it, downloaded once per version. The host's
# qemu-user version is preferred, so that both oracles are the same qemu.
qemu_static_dir() {
  local cache version tmp dir
  cache=$(sysroot_cache_dir)/qemu-user-static
  version=$(dpkg-query -W -f='${Version}' qemu-user 2>/dev/null || true)
  if [ -z "$version" ] || ! apt-cache show "qemu-user-static=$version" >/dev/null 2>&1; then
    version=$(apt-cache show --no-all-versions qemu-user-static 2>/dev/null |
              sed -n 's/^Version: //p' | head -n 1)
  fi
  [ -n "$version" ] || { echo "${0##*/}: apt knows no qemu-user-static" >&2; return 1; }
  dir=$cache/${version//:/%3a}
  if [ ! -x "$dir/qemu-aarch64-static" ]; then
    tmp=$(mktemp -d)
    chmod 777 "$tmp" # apt downloads as its unprivileged _apt user
    if ! (cd "$tmp" && apt-get download -q "qemu-user-static=$version" >/dev/null); then
      rm -rf "$tmp"
      echo "${0##*/}: cannot download qemu-user-static $version" >&2
      return 1
    fi
    dpkg-deb --fsys-tarfile "$tmp"/qemu-user-static_*.deb |
      tar -x -C "$tmp" ./usr/bin/qemu-aarch64-static ./usr/lib/binfmt.d/qemu-aarch64.conf
    mkdir -p "$dir.new"
    mv "$tmp/usr/bin/qemu-aarch64-static" "$tmp/usr/lib/binfmt.d/qemu-aarch64.conf" "$dir.new/"
    rm -rf "$tmp" "$dir"
    mv "$dir.new" "$dir"
  fi
  echo "$dir"
}

# binfmt_register BINFMT_MISC QEMU_DIR: registers qemu-aarch64 with Debian's
# magic and mask for aarch64 ELF files, but our interpreter path and flags.
binfmt_register() {
  local name type offset magic mask
  IFS=: read -r _ name type offset magic mask _ _ <"$2/qemu-aarch64.conf"
  printf ':%s:%s:%s:%s:%s:%s:FP' "$name" "$type" "$offset" "$magic" "$mask" \
    "$2/qemu-aarch64-static" >"$1/register"
}

# inner SCRATCH SYSROOT QEMU_DIR CWD NBIND BIND... NRW RW... PROGRAM ARGS...:
# runs in the new namespaces; builds the root under SCRATCH and execs PROGRAM.
inner() {
  local scratch=$1 sysroot=$2 qemu=$3 cwd=$4 n env
  shift 4
  mapfile -d '' env </proc/$$/environ
  mount -t tmpfs tmpfs "$scratch"
  mkdir "$scratch"/{upper,work,root,binfmt}
  mount -t overlay overlay \
    -o "lowerdir=$sysroot,upperdir=$scratch/upper,workdir=$scratch/work" "$scratch/root"
  local root=$scratch/root
  mkdir -p "$root/dev" "$root/proc" "$root/sys"
  mount --rbind /dev "$root/dev"
  mount --rbind /proc "$root/proc"
  mount --rbind /sys "$root/sys"
  n=$1
  shift
  for ((; n > 0; n--)); do
    mkdir -p "$root$1"
    mount --rbind "$1" "$root$1"
    shift
  done
  n=$1
  shift
  for ((; n > 0; n--)); do
    mount --bind "$sysroot$1" "$root$1"
    shift
  done
  mount -t binfmt_misc binfmt_misc "$scratch/binfmt"
  binfmt_register "$scratch/binfmt" "$qemu"
  exec env -i "${env[@]}" unshare --root="$root" --wd="$cwd" "$@"
}

if [ "${1:-}" = --inner ]; then
  shift
  inner "$@"
fi

binds=() rws=() cwd=/ qemu=""
while [ $# -gt 0 ]; do
  case $1 in
    --prepare) qemu_static_dir; exit ;;
    --bind) [ $# -ge 2 ] || usage; binds+=("$(realpath "$2")"); shift 2 ;;
    --rw) [ $# -ge 2 ] || usage; rws+=("$2"); shift 2 ;;
    --cwd) [ $# -ge 2 ] || usage; cwd=$2; shift 2 ;;
    --qemu) [ $# -ge 2 ] || usage; qemu=$2; shift 2 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
sysroot=$(realpath "$1")
shift
for dir in "${rws[@]}"; do
  if [ ! -d "$sysroot$dir" ]; then
    echo "${0##*/}: --rw $dir: no such directory in $sysroot" >&2
    exit 2
  fi
done
[ -n "$qemu" ] || qemu=$(qemu_static_dir)

# The environment the caller gave, before bash added its own variables.
mapfile -d '' env </proc/$$/environ
scratch=$(mktemp -d)
status=0
# (The 3>&2 2>/dev/null dance keeps bash's own report of a death by signal,
# "Segmentation fault", out of the program's standard error.)
{ env -i "${env[@]}" unshare --user --map-root-user --mount \
    bash "$here/arm64-chroot.sh" --inner "$scratch" "$sysroot" "$qemu" "$cwd" \
    "${#binds[@]}" "${binds[@]}" "${#rws[@]}" "${rws[@]}" "$@" 2>&3 3>&- || status=$?
} 3>&2 2>/dev/null
rmdir "$scratch"
exit "$status"
