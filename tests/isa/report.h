/* Comparing the emulators' results and reporting what differs. */
#ifndef ELFRUN_TESTS_ISA_REPORT_H_
#define ELFRUN_TESTS_ISA_REPORT_H_

#include <stdbool.h>
#include <stdio.h>

#include "disasm.h"
#include "forms.h"
#include "isa.h"
#include "run.h"

enum verdict {
  VERDICT_SAME,
  VERDICT_DIFFER,      /* both finished, with different states */
  VERDICT_ELFRUN_DIED, /* qemu finished, elfrun died on the case */
  VERDICT_QEMU_DIED,   /* elfrun finished, qemu died: a tester or qemu problem */
  VERDICT_BOTH_DIED,   /* a tester problem: the generator made a bad case */
  VERDICT_NOT_RUN,     /* an emulator gave up before the case */
  VERDICT_DIFFER_REFERENCE, /* elfrun differs from the Arm ARM reference */
  VERDICT_DISPUTED,    /* qemu differs from the reference where it should not:
                          a tester problem (the reference, or a new qemu bug) */
};

/* A case that did not come out the same under both emulators. */
struct finding {
  u32 index;   /* in the case file */
  u32 number;  /* in the batch (differs for --case) */
  enum verdict verdict;
  int status;  /* the death's wait status, where one died */
  u32 culprit; /* the instruction that diverged first */
};

/* Totals over one or more batches. */
struct stats {
  u64 insns[CLS_COUNT]; /* instructions generated, by class */
  u64 bad[CLS_COUNT];   /* cases whose first divergence is in the class */
  u64 tester[CLS_COUNT];/* cases qemu could not run (generator or qemu) */
  u64 cases, ninsns, nbad, ntester;
  u64 not_run;          /* cases left after an emulator gave up */
  u32 detailed;         /* detailed reports printed so far */
  u64 quirk_cases[8];   /* by quirk: cases checked against the reference, */
  u64 quirk_qemu_wrong[8]; /* those qemu got wrong as known */
};

enum verdict verdict_of(const struct outcome *q, const struct outcome *e, u32 i, int *status);

/* The verdict on case i (c). A lone instruction that qemu 7.2 is known to
   get wrong (quirks.h) is judged against the Arm ARM reference instead;
   *oracle gets the state the verdict compared elfrun with. */
enum verdict judge_case(const struct isa_case *c, const struct outcome *q, const struct outcome *e,
                        u32 i, int *status, struct isa_state *oracle, struct stats *st);

/* Is this verdict about the tester rather than elfrun? */
bool verdict_is_tester(enum verdict v);

/* Prints one finding: the instructions with their disassembly, and both
   states with the differing registers marked. detail: 2 = full states,
   1 = differing registers only, 0 = one line. */
void report_finding(FILE *out, const struct finding *fd, const struct isa_case *c,
                    const struct isa_state *oracle, const struct isa_result *e,
                    char (*texts)[DISASM_LEN], u64 seed, const char *repro, int detail);

/* The per-class table; returns the number of classes that failed (a
   mismatch, or fewer instructions than their minimum). With check_lines,
   also one PASS/FAIL/SKIP line per class on stdout, FAIL lines pointing
   at details (the report's path). */
int report_table(FILE *out, const struct stats *st, const char *features, bool check_lines,
                 const char *details);

#endif
