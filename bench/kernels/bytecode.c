/* A small bytecode interpreter: a stack machine with a switch dispatch
   running a fixed program (nested loops, arithmetic, a memory array), the
   shape of the inner loop of every scripting-language VM. */
#include "common.h"

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, AND, LT, JNZ, JMP, LDM, STM, HALT };

struct insn {
  unsigned char op;
  int arg;
};

/* vars: 0 i, 1 j, 2 acc, 3 n. For i < n: for j < 256: acc = acc*33 ^ mem[j];
   mem[j] = acc >> 7 & 255. */
static const struct insn program[] = {
    {PUSH, 0},  {STORE, 0},                              /* 0: i = 0 */
    {PUSH, 0},  {STORE, 1},                              /* 2: j = 0 */
    {LOAD, 2},  {PUSH, 33},  {MUL, 0},   {LOAD, 1},  {LDM, 0},
    {XOR, 0},   {STORE, 2},                              /* 4: acc = acc*33 ^ mem[j] */
    {LOAD, 2},  {PUSH, 7},   {SHR, 0},   {PUSH, 255}, {AND, 0},
    {LOAD, 1},  {STM, 0},                                /* 11: mem[j] = acc>>7 & 255 */
    {LOAD, 1},  {PUSH, 1},   {ADD, 0},   {STORE, 1},     /* 18: j++ */
    {LOAD, 1},  {PUSH, 256}, {LT, 0},    {JNZ, 4},       /* 22: j < 256 */
    {LOAD, 0},  {PUSH, 1},   {ADD, 0},   {STORE, 0},     /* 26: i++ */
    {LOAD, 0},  {LOAD, 3},   {LT, 0},    {JNZ, 2},       /* 30: i < n */
    {HALT, 0},
};

static uint64_t run(const struct insn *code, uint64_t n) {
  uint64_t stack[16], vars[4] = {0, 0, 1, n}, mem[256];
  for (int k = 0; k < 256; k++) mem[k] = bench_next() & 255;
  int sp = 0;
  for (const struct insn *pc = code;; pc++) {
    switch (pc->op) {
    case PUSH: stack[sp++] = (uint64_t)pc->arg; break;
    case LOAD: stack[sp++] = vars[pc->arg]; break;
    case STORE: vars[pc->arg] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
    case SHR: sp--; stack[sp - 1] >>= stack[sp]; break;
    case AND: sp--; stack[sp - 1] &= stack[sp]; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case JNZ: if (stack[--sp]) pc = code + pc->arg - 1; break;
    case JMP: pc = code + pc->arg - 1; break;
    case LDM: stack[sp - 1] = mem[stack[sp - 1] & 255]; break;
    case STM: sp -= 2; mem[stack[sp + 1] & 255] = stack[sp]; break;
    case HALT: return vars[2] ^ mem[0] ^ mem[255];
    }
  }
}

int main(int argc, char **argv) {
  bench_result("bytecode", run(program, 5000u * (uint64_t)bench_scale(argc, argv) / BENCH_DIVISOR));
  return 0;
}
