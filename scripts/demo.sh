#!/usr/bin/env bash
# Runs a few of Debian's arm64 busybox applets through elfrun and shows what
# they print: demo.sh ELFRUN BUSYBOX. `make demo` sets everything up first.
set -u
elfrun=$(realpath "$1")
busybox=$(realpath "$2")
version=$(cat "$(dirname "$busybox")/../VERSION" 2>/dev/null || echo "unknown version")
work=$(mktemp -d /tmp/elfrun-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

mkdir -p notes
printf 'apples\nbananas\ncherries\n' >notes/fruit.txt
printf 'elfrun runs aarch64 programs on x86-64\n' >notes/readme.txt

bold=""
plain=""
if [ -t 1 ]; then
  bold=$(printf '\033[1m')
  plain=$(printf '\033[0m')
fi

ran=0 failures=0
# show 'ARGS': prints "$ elfrun busybox ARGS", then runs it (ARGS are shell
# words, as typed). The { } 2>/dev/null drops bash's own report of a
# command killed by a signal; elfrun's message still shows.
show() {
  local status
  printf '\n%s$ elfrun busybox %s%s\n' "$bold" "$1" "$plain"
  eval "set -- $1"
  { "$elfrun" "$busybox" "$@" 2>&1; status=$?; } 2>/dev/null
  ran=$((ran + 1))
  if [ "$status" -ne 0 ]; then
    echo "(exit status $status)"
    failures=$((failures + 1))
  fi
}

echo "Debian's busybox-static $version for arm64, run by $elfrun on $(uname -m):"
show "echo 'Hello from an arm64 busybox'"
show "uname -m"
show "ls -l notes"
show "sha256sum notes/fruit.txt"
show "wc notes/fruit.txt notes/readme.txt"
show "sort -r notes/fruit.txt"
show "sh -c 'i=1 f=1; while [ \$i -le 10 ]; do f=\$((f * i)); echo \"\$i! = \$f\"; i=\$((i + 1)); done'"
echo
if [ "$failures" -eq 0 ]; then
  echo "demo: all $ran commands ran under elfrun"
else
  echo "demo: $failures of $ran commands failed under elfrun"
  exit 1
fi
