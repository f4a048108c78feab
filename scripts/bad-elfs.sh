#!/usr/bin/env bash
# Makes broken variants of a valid aarch64 ELF for the bad-input tests and the
# fuzzer's seed corpus: bad-elfs.sh SRC OUTDIR. SRC needs two PT_LOADs (any
# test binary has them). Each output is named for what is wrong with it.
set -eu
src=$1
out=$2
mkdir -p "$out"

# get FILE OFFSET SIZE: little-endian unsigned integer at OFFSET.
get() { od -An -t "u$3" -j "$2" -N "$3" "$1" | tr -d ' '; }

# put FILE OFFSET SIZE VALUE: writes VALUE little-endian over SIZE bytes.
put() {
  local file=$1 at=$2 size=$3 value=$4 bytes="" i
  for ((i = 0; i < size; i++)); do
    bytes+=$(printf '\\x%02x' $(((value >> (8 * i)) & 255)))
  done
  printf '%b' "$bytes" | dd of="$file" bs=1 seek="$at" conv=notrunc status=none
}

variant() { cp "$src" "$out/$1"; echo "$out/$1"; }

phoff=$(get "$src" 32 8)
phnum=$(get "$src" 56 2)
loads=()
for ((i = 0; i < phnum; i++)); do
  [ "$(get "$src" $((phoff + 56 * i)) 4)" = 1 ] && loads+=($((phoff + 56 * i)))
done
if [ "${#loads[@]}" -lt 2 ]; then
  echo "bad-elfs: $src needs two PT_LOAD segments" >&2
  exit 1
fi
first=${loads[0]} last=${loads[-1]}

head -c 40 "$src" >"$out/truncated-header.elf"
head -c $((phoff + 20)) "$src" >"$out/truncated-phdrs.elf"
head -c $(($(get "$src" $((last + 8)) 8) + $(get "$src" $((last + 32)) 8) - 1)) "$src" \
  >"$out/truncated-segment.elf"
put "$(variant elf32.elf)" 4 1 1                 # EI_CLASS = ELFCLASS32
put "$(variant big-endian.elf)" 5 1 2            # EI_DATA = ELFDATA2MSB
put "$(variant relocatable.elf)" 16 2 1          # e_type = ET_REL
put "$(variant riscv.elf)" 18 2 243              # e_machine = EM_RISCV
put "$(variant no-phdrs.elf)" 56 2 0             # e_phnum = 0
put "$(variant huge-phnum.elf)" 56 2 65535
put "$(variant phdrs-past-end.elf)" 32 8 $(( $(wc -c <"$src") - 8 ))
# The second PT_LOAD moved onto the first one: p_offset and p_vaddr copied.
f=$(variant overlapping.elf)
put "$f" $((loads[1] + 8)) 8 "$(get "$src" $((first + 8)) 8)"
put "$f" $((loads[1] + 16)) 8 "$(get "$src" $((first + 16)) 8)"
# A segment reaching far past the 2^46-byte guest window.
put "$(variant huge-memsz.elf)" $((last + 40)) 8 $((1 << 62))
put "$(variant misaligned.elf)" $((last + 16)) 8 $(($(get "$src" $((last + 16)) 8) + 8))
