#!/usr/bin/env bash
# Builds the seed corpus of the ELF-parser fuzzer: fuzz-seeds.sh BUILD OUTDIR.
# Small valid images (the assembly tests), their broken variants
# (scripts/bad-elfs.sh), and the first 16 KiB of each guest test binary
# (glibc, musl and static-pie headers; the fuzzer's -max_len cuts there).
set -eu
build=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
for bin in "$build"/tests/asm/*; do
  [ -f "$bin" ] && cp "$bin" "$out/asm-${bin##*/}"
done
for bin in "$build"/tests/guest/*.glibc "$build"/tests/guest/*.musl "$build"/tests/guest/*.pie; do
  [ -f "$bin" ] && head -c 16384 "$bin" >"$out/guest-${bin##*/}"
done
first=$(find "$build/tests/asm" -maxdepth 1 -type f 2>/dev/null | sort | head -n 1)
if [ -n "$first" ]; then
  scripts/bad-elfs.sh "$first" "$out/bad" >/dev/null
  for f in "$out"/bad/*; do mv "$f" "$out/bad-${f##*/}"; done
  rmdir "$out/bad"
fi
echo "fuzz-seeds: $(find "$out" -type f | wc -l) seeds in $out"
