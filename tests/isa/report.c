#include "report.h"

#include <stddef.h>
#include <string.h>

#include "gen.h"
#include "quirks.h"

enum verdict verdict_of(const struct outcome *q, const struct outcome *e, u32 i, int *status) {
  const struct isa_result *qr = q->result[i], *er = e->result[i];
  *status = 0;
  if (qr && er) return memcmp(&qr->out, &er->out, sizeof qr->out) ? VERDICT_DIFFER : VERDICT_SAME;
  const struct outcome *dead = qr ? e : q;
  for (u32 d = 0; d < dead->ndeaths; d++)
    if (dead->deaths[d].index == i) {
      *status = dead->deaths[d].status;
      if (!qr && !er) return VERDICT_BOTH_DIED;
      return qr ? VERDICT_ELFRUN_DIED : VERDICT_QEMU_DIED;
    }
  return VERDICT_NOT_RUN;
}

enum verdict judge_case(const struct isa_case *c, const struct outcome *q, const struct outcome *e,
                        u32 i, int *status, struct isa_state *oracle, struct stats *st) {
  enum verdict v = verdict_of(q, e, i, status);
  const struct quirk *qk = c->ninsns == 1 ? quirk_of(c->insn[0]) : NULL;
  if (q->result[i]) *oracle = q->result[i]->out;
  if (!qk || (v != VERDICT_SAME && v != VERDICT_DIFFER)) return v;
  u32 k = (u32)(qk - g_quirks);
  qk->reference(c->insn[0], &c->in, oracle);
  st->quirk_cases[k]++;
  if (memcmp(&q->result[i]->out, oracle, sizeof *oracle)) {
    if (!qk->qemu_wrong_on(c->insn[0], &c->in, oracle)) return VERDICT_DISPUTED;
    st->quirk_qemu_wrong[k]++;
  }
  return memcmp(&e->result[i]->out, oracle, sizeof *oracle) ? VERDICT_DIFFER_REFERENCE : VERDICT_SAME;
}

bool verdict_is_tester(enum verdict v) {
  return v == VERDICT_QEMU_DIED || v == VERDICT_BOTH_DIED || v == VERDICT_DISPUTED;
}

static const char *verdict_text(enum verdict v) {
  switch (v) {
    case VERDICT_SAME: return "same";
    case VERDICT_DIFFER: return "mismatch";
    case VERDICT_ELFRUN_DIED: return "elfrun died";
    case VERDICT_QEMU_DIED: return "qemu died (elfrun did not)";
    case VERDICT_BOTH_DIED: return "both died (bad test case)";
    case VERDICT_DIFFER_REFERENCE: return "mismatch with the Arm ARM reference";
    case VERDICT_DISPUTED: return "qemu and the Arm ARM reference disagree (tester problem)";
    default: return "not run";
  }
}

/* --- States, side by side ------------------------------------------------------ */

struct columns {
  const struct isa_state *s[3]; /* input, oracle, elfrun (NULL: none) */
  int detail;
  FILE *out;
};

/* One line: the len bytes at offset in each state, most significant byte
   first, marked with '*' when the oracle and elfrun differ. Below full
   detail only the differing lines are printed. */
static void row(const struct columns *c, const char *name, size_t offset, size_t len) {
  const u8 *oracle = (const u8 *)c->s[1], *elfrun = (const u8 *)c->s[2];
  bool differs = oracle && elfrun && memcmp(oracle + offset, elfrun + offset, len);
  if (!differs && c->detail < 2) return;
  fprintf(c->out, "%s %-9s", differs ? "*" : " ", name);
  for (int col = 0; col < 3; col++) {
    const u8 *b = (const u8 *)c->s[col] + offset;
    fputc(' ', c->out);
    if (!c->s[col]) fprintf(c->out, "%-*s", (int)(2 * len), "-");
    else
      for (size_t i = len; i-- > 0;) fprintf(c->out, "%02x", b[i]);
  }
  fputc('\n', c->out);
}

#define AT(member) offsetof(struct isa_state, member), sizeof(((struct isa_state *)0)->member)

static void print_states(FILE *out, const struct isa_state *in, const struct isa_state *oracle,
                         const struct isa_state *e, const char *oracle_name, int detail) {
  struct columns c = {{in, oracle, e}, detail, out};
  char name[16];
  fprintf(out, "  %-9s %-32s %-32s %s\n", "", "input", oracle_name, "elfrun");
  for (int i = 0; i < 31; i++) {
    snprintf(name, sizeof name, "x%d", i);
    row(&c, name, AT(x[i]));
  }
  row(&c, "sp", AT(sp));
  row(&c, "nzcv", offsetof(struct isa_state, nzcv), 4); /* the low words: the rest is zero */
  row(&c, "fpsr", offsetof(struct isa_state, fpsr), 4);
  row(&c, "fpcr", offsetof(struct isa_state, fpcr), 4);
  for (int i = 0; i < 32; i++) {
    snprintf(name, sizeof name, "v%d", i);
    row(&c, name, AT(v[i]));
  }
  c.detail = detail > 0 ? 1 : 0; /* memory: only the rows that differ */
  for (int i = 0; i < ISA_MEM_SIZE / 16; i++) {
    snprintf(name, sizeof name, "mem+%03x", 16 * i);
    row(&c, name, offsetof(struct isa_state, mem) + 16 * (size_t)i, 16);
  }
}

void report_finding(FILE *out, const struct finding *fd, const struct isa_case *c,
                    const struct isa_state *oracle, const struct isa_result *e,
                    char (*texts)[DISASM_LEN], u64 seed, const char *repro, int detail) {
  bool reference = fd->verdict == VERDICT_DIFFER_REFERENCE || fd->verdict == VERDICT_DISPUTED;
  const struct form *f = &g_forms[c->form[fd->culprit]];
  char why[64] = "";
  if (fd->status) describe_status(fd->status, why, sizeof why);
  if (!detail) {
    fprintf(out, "%s: case %u, seed %llu, %s: %08x %s%s%s\n", verdict_text(fd->verdict), fd->number,
            (unsigned long long)seed, g_class_names[f->cls], c->insn[fd->culprit],
            texts[fd->culprit], why[0] ? ", " : "", why);
    return;
  }
  fprintf(out, "\n=== %s%s%s: case %u, seed %llu, class %s ===\n", verdict_text(fd->verdict),
          why[0] ? " by " : "", why, fd->number, (unsigned long long)seed, g_class_names[f->cls]);
  fprintf(out, "first divergence at instruction %u of %u: %08x  %s\n", fd->culprit + 1, c->ninsns,
          c->insn[fd->culprit], texts[fd->culprit]);
  for (u32 k = 0; k < c->ninsns; k++)
    fprintf(out, " %s %u: %08x  %-40s [%s]\n", k == fd->culprit ? "->" : "  ", k + 1, c->insn[k],
            texts[k], g_class_names[g_forms[c->form[k]].cls]);
  if (reference)
    fprintf(out, "qemu 7.2 is known to get this instruction wrong (tests/isa/qemu-quirks.md): "
                 "the oracle is the Arm ARM pseudocode\n");
  print_states(out, &c->in, oracle, e ? &e->out : NULL, reference ? "arm arm" : "qemu", detail);
  fprintf(out, "reproduce: %s --case %u\n", repro, fd->number);
}

/* --- The table --------------------------------------------------------------- */

/* The features a class's forms need, for "not advertised" reasons. */
static void class_features(int cls, char *buf, size_t len) {
  buf[0] = 0;
  for (u32 i = 0; i < g_nforms; i++) {
    const char *feat = g_forms[i].feature;
    if (g_forms[i].cls != cls || !feat[0] || strstr(buf, feat)) continue;
    snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", buf[0] ? "/" : "", feat);
  }
}

static bool class_enabled(int cls, const char *features) {
  for (u32 i = 0; i < g_nforms; i++)
    if (g_forms[i].cls == cls && gen_form_enabled(&g_forms[i], features)) return true;
  return false;
}

int report_table(FILE *out, const struct stats *st, const char *features, bool check_lines,
                 const char *details) {
  u64 total_weight = 0;
  for (int cls = 0; cls < CLS_COUNT; cls++)
    if (class_enabled(cls, features)) total_weight += g_class_weights[cls];
  int failed = 0;
  fprintf(out, "\n%-26s %10s %10s  %s\n", "class", "insns", "mismatches", "status");
  for (int cls = 0; cls < CLS_COUNT - 1; cls++) {
    char feats[128], status[160];
    class_features(cls, feats, sizeof feats);
    const char *name = g_class_names[cls];
    if (!class_enabled(cls, features)) {
      fprintf(out, "%-26s %10s %10s  skipped: %s not advertised\n", name, "-", "-", feats);
      if (check_lines) printf("SKIP isa/%s: %s not advertised by elfrun\n", name, feats);
      continue;
    }
    /* A class must get at least a quarter of its expected share. */
    u64 minimum = total_weight ? st->ninsns * g_class_weights[cls] / total_weight / 4 : 0;
    bool low = st->insns[cls] < (minimum ? minimum : 1);
    if (st->bad[cls] || st->tester[cls]) {
      snprintf(status, sizeof status, "FAIL: %llu mismatching case%s%s",
               (unsigned long long)st->bad[cls], st->bad[cls] == 1 ? "" : "s",
               st->tester[cls] ? ", and tester problems (see the report)" : "");
    } else if (low) {
      snprintf(status, sizeof status, "FAIL: fewer than the minimum of %llu instructions",
               (unsigned long long)minimum);
    } else {
      snprintf(status, sizeof status, "ok");
    }
    fprintf(out, "%-26s %10llu %10llu  %s\n", name, (unsigned long long)st->insns[cls],
            (unsigned long long)st->bad[cls], status);
    bool ok = !strcmp(status, "ok");
    failed += !ok;
    if (check_lines && ok)
      printf("PASS isa/%s (%llu instructions)\n", name, (unsigned long long)st->insns[cls]);
    else if (check_lines)
      printf("FAIL isa/%s: %s in %llu instructions (see %s)\n", name, status + 6,
             (unsigned long long)st->insns[cls], details);
  }
  fprintf(out, "%-26s %10llu %10llu  (%llu cases)\n", "total", (unsigned long long)st->ninsns,
          (unsigned long long)st->nbad, (unsigned long long)st->cases);
  fprintf(out, "\nqemu 7.2 gets these wrong; they run alone in their case and are checked against\n"
               "the Arm ARM pseudocode instead (tests/isa/qemu-quirks.md):\n");
  for (u32 k = 0; k < g_nquirks && k < 8; k++)
    fprintf(out, "  %-52s %8llu cases, qemu wrong on %llu\n    (qemu 7.2 %s)\n", g_quirks[k].insn,
            (unsigned long long)st->quirk_cases[k], (unsigned long long)st->quirk_qemu_wrong[k],
            g_quirks[k].wrong);
  return failed;
}
