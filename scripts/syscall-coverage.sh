#!/usr/bin/env bash
# Prints every aarch64 system call number with what elfrun does with it:
#   implemented  a handler does the call (a note says where it refuses part)
#   refused      a handler returns one errno on purpose, for the reason shown
#   missing      no row in src/linux/syscalls.def: the guest gets ENOSYS
# The numbers and names come from the kernel's arm64 UAPI headers
# (asm/unistd.h -> asm-generic/unistd.h, as the cross compiler sees them,
# so that __ARCH_WANT_* and __BITS_PER_LONG select what arm64 has); what
# elfrun does comes from syscalls.def, whose refused rows end in
#   /* refused: ERRNO, reason */   or   /* partly refused: ... */
# A refused row must agree with its REFUSE(name, ERRNO) in src/linux/refused.c
# where there is one; a disagreement is an error (exit status 1).
#   scripts/syscall-coverage.sh [--missing]   (--missing: only the missing)
set -eu
cd "$(dirname "$0")/.."
a64_cc=${A64_CC:-aarch64-linux-gnu-gcc}
def=src/linux/syscalls.def
refused_c=src/linux/refused.c
only_missing=${1:-}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "NUMBER NAME" for every __NR_ the arm64 headers define, aliases resolved
# by the preprocessor itself.
kernel_table() {
  printf '#include <asm/unistd.h>\n' | "$a64_cc" -E -dM - |
    awk '$1 == "#define" && $2 ~ /^__NR_/ && $2 != "__NR_syscalls" &&
         $2 != "__NR_arch_specific_syscall" { print $2 }' |
    sort -u >"$tmp/names"
  {
    echo '#include <asm/unistd.h>'
    sed 's/^__NR_\(.*\)$/@@ \1 __NR_\1/' "$tmp/names"
  } | "$a64_cc" -E -P - | awk '$1 == "@@" && $3 ~ /^[0-9]+$/ { print $3, $2 }' |
    sort -n -u -k1,1
}

# "NUMBER NAME KIND|NOTE" for each row of syscalls.def.
def_table() {
  sed -n 's/^SYSCALL(\([0-9]*\), *\([a-z0-9_]*\),[^)]*)[ \t]*\(.*\)$/\1 \2 \3/p' "$def" |
    while read -r nr name rest; do
      rest=${rest#/\* }
      rest=${rest% \*/}
      printf '%s %s %s\n' "$nr" "$name" "$rest"
    done
}

kernel_table >"$tmp/kernel"
def_table >"$tmp/def"
if [ ! -s "$tmp/kernel" ]; then
  echo "syscall-coverage: no syscall numbers from $a64_cc" >&2
  exit 1
fi

status=0
printf '%-5s %-26s %-12s %-8s %s\n' nr name status errno reason >"$tmp/table"
impl=0 refused=0 missing=0 partly=0
: >"$tmp/missing"
while read -r nr name; do
  row=$(awk -v n="$nr" '$1 == n { $1 = ""; print substr($0, 2); exit }' "$tmp/def")
  if [ -z "$row" ]; then
    missing=$((missing + 1))
    echo "$name" >>"$tmp/missing"
    printf '%-5s %-26s %-12s\n' "$nr" "$name" missing >>"$tmp/table"
    continue
  fi
  dname=${row%% *}
  note=${row#"$dname"}
  note=${note# }
  [ "$dname" = "$name" ] ||
    { echo "syscall-coverage: $nr is $name in the kernel, $dname in $def" >&2; status=1; }
  case $note in
    "refused: "*)
      rest=${note#refused: }
      err=${rest%%,*}
      why=${rest#*, }
      want=$(sed -n "s/^REFUSE($name, \([A-Z0-9]*\))\$/\1/p" "$refused_c")
      if [ -n "$want" ] && [ "$want" != "$err" ]; then
        echo "syscall-coverage: $name: $def says $err, $refused_c returns $want" >&2
        status=1
      fi
      refused=$((refused + 1))
      printf '%-5s %-26s %-12s %-8s %s\n' "$nr" "$name" refused "$err" "$why" >>"$tmp/table"
      ;;
    "partly refused: "*)
      rest=${note#partly refused: }
      impl=$((impl + 1))
      partly=$((partly + 1))
      printf '%-5s %-26s %-12s %-8s %s\n' "$nr" "$name" implemented "${rest%% *}" \
        "partly refused: ${rest#* }" >>"$tmp/table"
      ;;
    *)
      impl=$((impl + 1))
      printf '%-5s %-26s %-12s\n' "$nr" "$name" implemented >>"$tmp/table"
      ;;
  esac
done <"$tmp/kernel"

# Rows past the headers' last number are calls newer than the installed
# UAPI headers (Debian 12's are Linux 6.1): listed, counted as implemented.
# Rows for numbers inside the table that the kernel lacks are mistakes.
last=$(tail -n 1 "$tmp/kernel" | cut -d' ' -f1)
newer=0
while read -r nr name rest; do
  grep -q "^$nr " "$tmp/kernel" && continue
  if [ "$nr" -gt "$last" ]; then
    newer=$((newer + 1))
    printf '%-5s %-26s %-12s %-8s %s\n' "$nr" "$name" implemented "" \
      "newer than the installed UAPI headers" >>"$tmp/table"
  else
    echo "syscall-coverage: $def has $nr $name, which arm64 does not" >&2
    status=1
  fi
done <"$tmp/def"
impl=$((impl + newer))

total=$(($(wc -l <"$tmp/kernel") + newer))
if [ "$only_missing" = --missing ]; then
  cat "$tmp/missing"
else
  cat "$tmp/table"
  echo
  echo "$total aarch64 system calls: $impl implemented ($partly of them partly refused)," \
    "$refused refused, $missing missing"
  if [ "$missing" -gt 0 ]; then
    echo "missing: $(tr '\n' ' ' <"$tmp/missing")"
  fi
fi
exit "$status"
