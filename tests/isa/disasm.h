/* Disassembly through binutils, the ground truth for encodings. */
#ifndef ELFRUN_TESTS_ISA_DISASM_H_
#define ELFRUN_TESTS_ISA_DISASM_H_

#include <stdbool.h>

#include "isa.h"

#define DISASM_LEN 64

/* texts[i] gets objdump's reading of words[i] ("add x0, x1, x2"), or
   "(undefined)" when objdump knows no instruction there. Returns false if
   objdump could not be run ($OBJDUMP, default aarch64-linux-gnu-objdump). */
bool disasm(const u32 *words, u32 n, char (*texts)[DISASM_LEN]);

/* Is this objdump's "no instruction here"? */
bool disasm_undefined(const char *text);

#endif
