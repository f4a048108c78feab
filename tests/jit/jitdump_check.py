#!/usr/bin/env python3
"""Checks a jitdump file that `elfrun --jit-perf` wrote (docs/jit.md).

    jitdump_check.py DUMP PID LO HI

Passes (exit 0, one summary line) when DUMP is perf's jitdump format as
`perf inject --jit` reads it: the header (magic, version 1, its own size,
x86-64, the process id PID), then code-load records whose sizes add up to
the file, each naming the guest addresses of its trace ("guest:0x...",
"+0x..." for each further block) with at least one address in [LO, HI),
the guest program's code, and carrying code that begins as every
translation does: the chain entry's test of cpu->attention
(cmp dword [rbx + disp8], imm8: 83 7b, rbx pointing into the cpu so
that attention is a disp8 away).
"""
import re
import struct
import sys


def fail(why):
    print("jitdump_check: " + why)
    sys.exit(1)


def main():
    path, pid, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3], 0), int(sys.argv[4], 0)
    data = open(path, "rb").read()
    if len(data) < 40:
        fail("%s: %d bytes, shorter than a header" % (path, len(data)))
    magic, version, size, machine, _, header_pid, _, _ = struct.unpack_from("<6I2Q", data, 0)
    if (magic, version, size, machine) != (0x4A695444, 1, 40, 62):
        fail("bad header: magic %#x version %d size %d machine %d" % (magic, version, size, machine))
    if header_pid != pid:
        fail("header names process %d, not %d" % (header_pid, pid))
    at, loads, in_program = size, 0, 0
    while at < len(data):
        if at + 56 > len(data):
            fail("record at %d cut short" % at)
        rid, rsize, _, rpid, _, vma, code_addr, code_size, index = struct.unpack_from(
            "<2IQ2I4Q", data, at)
        if rid != 0:
            fail("record at %d: id %d, not a code load" % (at, rid))
        end = data.index(b"\0", at + 56)
        name = data[at + 56:end].decode()
        code = data[end + 1:at + rsize]
        if rsize < 56 or at + rsize > len(data) or len(code) != code_size:
            fail("record %d (%s): size %d does not hold its code (%d bytes)" %
                 (index, name, rsize, code_size))
        if rpid != pid or vma != code_addr or index != loads:
            fail("record %d (%s): pid %d, vma %#x, code at %#x, index %d" %
                 (loads, name, rpid, vma, code_addr, index))
        if not code.startswith(b"\x83\x7b"):
            fail("record %d (%s): code starts %s, not with the chain entry" %
                 (index, name, code[:8].hex()))
        m = re.fullmatch(r"guest:(0x[0-9a-f]+)((\+0x[0-9a-f]+)*)", name)
        if not m:
            fail("record %d: name %r" % (index, name))
        pcs = [int(m.group(1), 16)] + [int(x, 16) for x in m.group(2).split("+")[1:]]
        in_program += any(lo <= pc < hi for pc in pcs)
        loads += 1
        at += rsize
    if not in_program:
        fail("%d code loads, none of the program's code [%#x, %#x)" % (loads, lo, hi))
    print("%d code loads, %d of them in the program's code" % (loads, in_program))


main()
