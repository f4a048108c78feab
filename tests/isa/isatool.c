/* isatool: elfrun's differential random-instruction tester (host side).

     isatool run      generate cases, run them under qemu-aarch64 -cpu max
                      and elfrun, compare, report per class
     isatool soak     the same over many batches (--insns in total)
     isatool sigill   encodings elfrun must refuse: each in its own process,
                      which must die by SIGILL
     isatool hints    the whole hint space must execute as NOP
     isatool selftest every form's words against aarch64-linux-gnu-objdump
     isatool gen      write a case file and stop (for debugging)

   Options:
     --runner PATH, --elfrun PATH   the aarch64 runner and elfrun
     --qemu PATH                    default $QEMU or qemu-aarch64 (run with -cpu max)
     --seed N                       cases are a function of the seed and the options
     --insns N | --cases N          run size (soak: --insns in all, --batch cases each)
     --max-len N                    instructions per case, 1..8
     --class NAME                   one class only
     --case K                       one case of the run, with full states
     --features LIST                instead of what elfrun advertises
     --out DIR                      work files, and report.txt with --check
     --check                        PASS/FAIL/SKIP lines for tests/check.sh
     --detail N                     findings reported with full states
     --random N                     sigill: random unallocated words
   docs/testing.md describes the design. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "disasm.h"
#include "forms.h"
#include "gen.h"
#include "isa.h"
#include "quirks.h"
#include "report.h"
#include "rng.h"
#include "run.h"

#define TIMEOUT_S 600
#define UNSET_CULPRIT 0xffffffffu

static const char kNoObjdump[] = "cannot run objdump ($OBJDUMP, default aarch64-linux-gnu-objdump)";

struct options {
  const char *command, *runner, *elfrun, *qemu, *features, *out_dir, *only_class_name;
  u64 seed;
  u64 insns;
  u32 cases, max_len, batch, detail, random;
  int only_class;
  long only_case;
  bool check;
};

static void usage(void) {
  fprintf(stderr,
          "usage: isatool run|soak|sigill|hints|selftest|gen --runner PATH --elfrun PATH\n"
          "               [--qemu PATH] [--seed N] [--insns N | --cases N] [--max-len N]\n"
          "               [--class NAME] [--case K] [--features LIST] [--out DIR]\n"
          "               [--batch CASES] [--detail N] [--random N] [--check]\n");
  exit(2);
}

__attribute__((format(printf, 1, 2), noreturn)) static void fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "isatool: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(2);
}

static const char *temp_path(const struct options *o, const char *name) {
  static char paths[8][4096];
  static int next;
  char *p = paths[next++ % 8];
  snprintf(p, sizeof paths[0], "%s/%s", o->out_dir, name);
  return p;
}

/* --- Emulators and features ----------------------------------------------- */

/* qemu with every optional extension it knows, so that each has an oracle. */
static void emulators(const struct options *o, struct emulator emus[2]) {
  memset(emus, 0, 2 * sizeof *emus);
  emus[0] = (struct emulator){"qemu", {o->qemu, "-cpu", "max", NULL}};
  emus[1] = (struct emulator){"elfrun", {o->elfrun, NULL}};
}

/* What elfrun advertises in AT_HWCAP/AT_HWCAP2, by cpuinfo name. */
static const char *elfrun_features(const struct options *o) {
  if (o->features) return o->features;
  const char *argv[] = {o->elfrun, o->runner, "--hwcap", NULL};
  char *out = capture_output(argv);
  if (!out) fatal("cannot read the features elfrun advertises (%s --hwcap)", o->runner);
  out[strcspn(out, "\n")] = 0;
  return out;
}

/* --- Case files ---------------------------------------------------------------- */

static void write_cases(const char *path, const struct isa_case *cases, u32 n, u32 nslots, u64 seed) {
  FILE *f = fopen(path, "wb");
  if (!f) fatal("cannot write %s", path);
  struct isa_header h = {ISA_MAGIC, ISA_VERSION, n, nslots, 0, seed};
  if (fwrite(&h, sizeof h, 1, f) != 1 || fwrite(cases, sizeof *cases, n, f) != n || fclose(f))
    fatal("cannot write %s", path);
}

/* Writes the cases to DIR/name and runs them under qemu (out[0]) and
   elfrun (out[1]). */
static void run_cases(const struct options *o, const char *name, const struct isa_case *cases, u32 n,
                      u32 nslots, u64 seed, struct outcome out[2]) {
  struct emulator emus[2];
  emulators(o, emus);
  const char *path = temp_path(o, name);
  write_cases(path, cases, n, nslots, seed);
  run_emulators(emus, 2, o->runner, path, n, path, TIMEOUT_S, out);
}

/* --- Finding the instruction that diverged first ------------------------------ */

/* Runs the prefixes of each multi-instruction finding (each in its original
   slot, so PC-relative operands do not move): the first prefix whose
   states differ ends with the culprit. */
static void find_culprits(const struct options *o, const struct isa_case *cases, u32 nslots, u64 seed,
                          struct finding *fds, u32 nfd) {
  struct isa_case *sub = calloc(nfd ? nfd : 1, sizeof *sub);
  u32 *which = calloc(nfd ? nfd : 1, sizeof *which);
  for (u32 i = 0; i < nfd; i++) fds[i].culprit = UNSET_CULPRIT;
  for (u32 k = 1; k < ISA_MAX_INSNS; k++) {
    u32 n = 0;
    for (u32 i = 0; i < nfd; i++) {
      const struct isa_case *c = &cases[fds[i].index];
      if (fds[i].culprit != UNSET_CULPRIT || c->ninsns <= k) continue;
      sub[n] = *c;
      sub[n].ninsns = k;
      which[n++] = i;
    }
    if (!n) break;
    struct outcome out[2];
    char name[32];
    snprintf(name, sizeof name, "prefix%u.bin", k);
    run_cases(o, name, sub, n, nslots, seed, out);
    for (u32 j = 0; j < n; j++) {
      int status;
      if (verdict_of(&out[0], &out[1], j, &status) != VERDICT_SAME) fds[which[j]].culprit = k - 1;
    }
    outcome_free(&out[0]);
    outcome_free(&out[1]);
  }
  for (u32 i = 0; i < nfd; i++)
    if (fds[i].culprit == UNSET_CULPRIT) fds[i].culprit = cases[fds[i].index].ninsns - 1;
  free(sub);
  free(which);
}

/* --- One batch: generate, run, compare, report ---------------------------------- */

static void repro_command(const struct options *o, u64 seed, u32 nslots, u64 insns, const char *features,
                          char *buf, size_t len) {
  char size[64];
  if (insns) snprintf(size, sizeof size, "--insns %llu", (unsigned long long)insns);
  else snprintf(size, sizeof size, "--cases %u", nslots);
  snprintf(buf, len, "isatool run --runner %s --elfrun %s --seed %llu %s --max-len %u%s%s --features '%s'",
           o->runner, o->elfrun, (unsigned long long)seed, size, o->max_len,
           o->only_class_name ? " --class " : "", o->only_class_name ? o->only_class_name : "", features);
}

static void report_findings(const struct options *o, const struct isa_case *cases, struct finding *fds,
                            u32 nfd, const struct isa_state *oracles, const struct outcome *elfrun,
                            const struct gen_config *cfg, struct stats *st, FILE *log) {
  u32 (*words)[ISA_MAX_INSNS] = calloc(nfd ? nfd : 1, sizeof *words);
  char (*texts)[DISASM_LEN] = calloc((size_t)(nfd ? nfd : 1) * ISA_MAX_INSNS, DISASM_LEN);
  for (u32 i = 0; i < nfd; i++) memcpy(words[i], cases[fds[i].index].insn, sizeof words[i]);
  disasm(&words[0][0], nfd * ISA_MAX_INSNS, texts);
  char repro[4096];
  repro_command(o, cfg->seed, cfg->nslots, cfg->insns, cfg->features, repro, sizeof repro);
  for (u32 i = 0; i < nfd; i++) {
    const struct isa_case *c = &cases[fds[i].index];
    int cls = g_forms[c->form[fds[i].culprit]].cls;
    if (verdict_is_tester(fds[i].verdict)) {
      st->tester[cls]++;
      st->ntester++;
    } else {
      st->bad[cls]++;
      st->nbad++;
    }
    /* Full states for the first few, differing registers for some more,
       then one line each. */
    int detail = o->only_case >= 0 || st->detailed < o->detail ? 2
                 : st->detailed < 4 * o->detail + 20       ? 1
                                                           : 0;
    st->detailed++;
    report_finding(log, &fds[i], c, &oracles[fds[i].index], elfrun->result[fds[i].index],
                   &texts[i * ISA_MAX_INSNS], cfg->seed, repro, detail);
  }
  free(words);
  free(texts);
}

static void count_insns(const struct isa_case *cases, u32 n, struct stats *st) {
  for (u32 i = 0; i < n; i++) {
    for (u32 k = 0; k < cases[i].ninsns; k++) st->insns[g_forms[cases[i].form[k]].cls]++;
    st->ninsns += cases[i].ninsns;
  }
  st->cases += n;
}

/* The bulky files of a batch that went well (tens of megabytes); a batch
   with findings keeps them for inspection. */
static void remove_work_files(const struct options *o) {
  static const char *const kNames[] = {"cases.bin", "cases.bin.qemu", "cases.bin.elfrun"};
  for (size_t i = 0; i < sizeof kNames / sizeof *kNames; i++) unlink(temp_path(o, kNames[i]));
}

/* One case file: nslots cases, or as many as make insns instructions. */
static void run_batch(const struct options *o, u64 seed, u32 nslots, u64 insns, const char *features,
                      struct stats *st, FILE *log) {
  struct gen_config cfg = {seed, nslots, insns, o->max_len, features, o->only_class};
  struct isa_case *cases = calloc(nslots, sizeof *cases);
  u32 n = cases ? gen_cases(&cfg, cases) : 0;
  if (!n) exit(2);
  if (o->only_case >= 0) { /* the one case, in its own slot */
    if ((u32)o->only_case >= n) fatal("--case %ld: the run has only %u cases", o->only_case, n);
    cases[0] = cases[o->only_case];
    n = 1;
  }
  count_insns(cases, n, st);

  struct outcome out[2];
  run_cases(o, "cases.bin", cases, n, nslots, seed, out);
  struct finding *fds = calloc(n, sizeof *fds);
  struct isa_state *oracles = calloc(n, sizeof *oracles);
  u32 nfd = 0;
  for (u32 i = 0; i < n; i++) {
    int status;
    enum verdict v = judge_case(&cases[i], &out[0], &out[1], i, &status, &oracles[i], st);
    u32 number = o->only_case >= 0 ? (u32)o->only_case : i;
    if (v == VERDICT_NOT_RUN) st->not_run++; /* reported once, below */
    else if (v != VERDICT_SAME) fds[nfd++] = (struct finding){i, number, v, status, 0};
  }
  find_culprits(o, cases, nslots, seed, fds, nfd);
  report_findings(o, cases, fds, nfd, oracles, &out[1], &cfg, st, log);
  if (o->only_case >= 0 && !nfd) fprintf(log, "case %ld: same state under both emulators\n", o->only_case);
  if (!nfd) remove_work_files(o);
  free(fds);
  free(oracles);
  free(cases);
  outcome_free(&out[0]);
  outcome_free(&out[1]);
}

/* Cases never outnumber instructions. */
static u32 slots_for(u64 insns) { return insns > ISA_MAX_CASES ? ISA_MAX_CASES : (u32)(insns ? insns : 1); }

static FILE *open_log(const struct options *o) {
  if (!o->check) return stdout;
  FILE *log = fopen(temp_path(o, "report.txt"), "w");
  if (!log) fatal("cannot write %s", temp_path(o, "report.txt"));
  return log;
}

static int cmd_run(const struct options *o, bool soak) {
  const char *features = elfrun_features(o);
  FILE *log = open_log(o);
  fprintf(log, "isatool: seed %llu, elfrun advertises: %s\n", (unsigned long long)o->seed, features);
  struct stats st = {0};
  time_t start = time(NULL);
  if (!soak) {
    if (o->cases) run_batch(o, o->seed, o->cases, 0, features, &st, log);
    else run_batch(o, o->seed, slots_for(o->insns), o->insns, features, &st, log);
  } else {
    u32 batch = o->batch;
    for (u64 b = 0; st.ninsns < o->insns; b++) {
      run_batch(o, o->seed + b, batch, 0, features, &st, log);
      fprintf(stderr, "isatool soak: batch %llu (seed %llu): %llu instructions, %llu mismatches, %lds\n",
              (unsigned long long)b, (unsigned long long)(o->seed + b), (unsigned long long)st.ninsns,
              (unsigned long long)st.nbad, (long)(time(NULL) - start));
      fflush(log);
    }
  }
  int failed = o->only_case >= 0 ? (int)(st.nbad + st.ntester)
                                 : report_table(log, &st, features, o->check, temp_path(o, "report.txt"));
  if (st.not_run) { /* RUN_MAX_DEATHS deaths in one file: something is badly broken */
    fprintf(log, "%llu cases were not run: an emulator died too often (see the .deaths files)\n",
            (unsigned long long)st.not_run);
    if (o->check) printf("FAIL isa/run: %llu cases not run, an emulator died too often\n",
                         (unsigned long long)st.not_run);
    failed++;
  }
  fprintf(log, "%llu instructions in %llu cases, %llu mismatching cases, %llu bad test cases, %lds\n",
          (unsigned long long)st.ninsns, (unsigned long long)st.cases, (unsigned long long)st.nbad,
          (unsigned long long)st.ntester, (long)(time(NULL) - start));
  if (log != stdout) fclose(log);
  return failed ? 1 : 0;
}

/* --- SIGILL and hint checks ----------------------------------------------------- */

static u64 random_field(void *ctx, u32 width) { return rng_bits(ctx, width); }
static u32 random_reg(void *ctx, enum role role) {
  (void)role;
  return (u32)rng_bits(ctx, 5);
}

/* A valid random word of form f (NULL-predicate forms always are). */
static bool draw_valid(const struct form *f, struct rng *r, u32 *w) {
  for (int tries = 0; tries < 200; tries++) {
    *w = form_draw(f, random_reg, r, random_field);
    if (!f->valid || f->valid(*w)) return true;
  }
  return false;
}

/* Forms that stand for a whole encoding space (SVE, SME). */
static bool is_wildcard(const struct form *f) { return !strcmp(f->names, "*"); }

struct candidate {
  u32 word;
  u16 form;       /* g_nforms for a random unallocated word */
  const char *feature;
};

/* Words binutils calls undefined that the Arm ARM does not: it rejects
   fields marked "should be one" (the (1) bits of LDAR's Rs and Rt2,
   LDAPR's Rs) and the CONSTRAINED UNPREDICTABLE register overlaps of loads
   and stores (writeback into a transfer register, LDP of one register
   twice), where a CPU may just as well execute the instruction. */
static bool binutils_stricter(u32 w) {
  u32 rt = w & 31, rn = w >> 5 & 31, rt2 = w >> 10 & 31;
  if ((w >> 24 & 0x3f) == 0x08) return true; /* exclusive and ordered */
  if ((w >> 27 & 7) == 5 && !(w >> 25 & 1)) { /* pairs */
    bool wb = w >> 23 & 1, load = w >> 22 & 1;
    return (load && rt == rt2) || (wb && rn != 31 && (rn == rt || rn == rt2));
  }
  if ((w >> 27 & 7) == 7 && !(w >> 24 & 3) && !(w >> 21 & 1) && (w >> 10 & 1))
    return rn != 31 && rn == rt; /* single register, pre- or post-index */
  if ((w >> 27 & 7) == 7 && !(w >> 24 & 3) && (w >> 21 & 1) && !(w >> 10 & 3))
    return (w >> 15 & 1) && (w >> 12 & 7) == 4; /* LDAPR's Rs */
  return false;
}

/* The encodings elfrun must refuse: a few words of every form whose feature
   it does not advertise, and random words objdump calls unallocated. */
static u32 sigill_candidates(const char *features, u64 seed, u32 nrandom, struct candidate *out, u32 max) {
  struct rng r;
  rng_seed(&r, seed);
  u32 n = 0;
  for (u32 i = 0; i < g_nforms && n < max; i++) {
    const struct form *f = &g_forms[i];
    if (gen_has_feature(features, f->feature)) continue;
    u32 w;
    for (int k = 0; k < (is_wildcard(f) ? 24 : 3) && n < max; k++)
      if (draw_valid(f, &r, &w)) out[n++] = (struct candidate){w, (u16)i, f->feature};
  }
  /* About a fifth of all words are unallocated. */
  u32 nwords = nrandom * 8 < 4096 ? 4096 : nrandom * 8 > 65536 ? 65536 : nrandom * 8;
  u32 *words = calloc(nwords, sizeof *words);
  char (*texts)[DISASM_LEN] = calloc(nwords, DISASM_LEN);
  for (u32 i = 0; i < nwords; i++) words[i] = (u32)rng_next(&r);
  if (!disasm(words, nwords, texts)) fatal("%s", kNoObjdump);
  for (u32 i = 0, taken = 0; i < nwords && n < max && taken < nrandom; i++)
    if (disasm_undefined(texts[i]) && !binutils_stricter(words[i])) {
      out[n++] = (struct candidate){words[i], (u16)g_nforms, "unallocated"};
      taken++;
    }
  free(words);
  free(texts);
  return n;
}

/* Runs elfrun on cases [0, n) of path, one process each, two at a time;
   status[i] gets each wait status. A process still running after 10
   seconds dies by SIGALRM (the alarm survives exec). */
static void run_each(const struct options *o, const char *path, u32 n, int *status) {
  u32 next = 0, running = 0;
  pid_t pids[2] = {0, 0};
  u32 idx[2];
  while (next < n || running) {
    while (running < 2 && next < n) {
      int slot = pids[0] ? 1 : 0;
      fflush(NULL);
      pid_t pid = fork();
      if (pid == 0) {
        char first[16];
        snprintf(first, sizeof first, "%u", next);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        alarm(10);
        execl(o->elfrun, o->elfrun, o->runner, path, first, "1", (char *)NULL);
        _exit(127);
      }
      pids[slot] = pid;
      idx[slot] = next++;
      running++;
    }
    int st;
    pid_t done = wait(&st);
    for (int s = 0; s < 2; s++)
      if (pids[s] == done) {
        status[idx[s]] = st;
        pids[s] = 0;
        running--;
      }
  }
}

static int cmd_sigill(const struct options *o) {
  const char *features = elfrun_features(o);
  enum { MAX = 16384 };
  static struct candidate cands[MAX];
  static struct isa_case cases[MAX];
  static int status[MAX];
  static char texts[MAX][DISASM_LEN];
  static u32 words[MAX];
  u32 n = sigill_candidates(features, o->seed, o->random, cands, MAX);
  for (u32 i = 0; i < n; i++) {
    gen_single(o->seed + i, i, cands[i].word, cands[i].form, &cases[i]);
    words[i] = cands[i].word;
  }
  const char *path = temp_path(o, "sigill.bin");
  write_cases(path, cases, n, n, o->seed);
  run_each(o, path, n, status);
  disasm(words, n, texts);

  /* One line per feature: every candidate must have died by SIGILL. */
  const char *done[256];
  u32 ndone = 0;
  int failed = 0;
  for (u32 i = 0; i < n; i++) {
    bool seen = false;
    for (u32 d = 0; d < ndone; d++) seen |= !strcmp(done[d], cands[i].feature);
    if (seen || ndone == 256) continue;
    done[ndone++] = cands[i].feature;
    u32 total = 0, bad = 0;
    for (u32 j = i; j < n; j++) {
      if (strcmp(cands[j].feature, cands[i].feature)) continue;
      total++;
      if (WIFSIGNALED(status[j]) && WTERMSIG(status[j]) == SIGILL) continue;
      char why[64];
      if (!bad++) printf("FAIL isa/sigill.%s:", cands[i].feature);
      printf(" %08x (%s: %s)", words[j], texts[j], describe_status(status[j], why, sizeof why));
    }
    if (bad) {
      printf(" [%u of %u did not raise SIGILL]\n", bad, total);
      failed++;
    } else {
      printf("PASS isa/sigill.%s (%u encodings)\n", cands[i].feature, total);
    }
  }
  return failed ? 1 : 0;
}

/* Does HINT #imm mean something under the advertised features? The PAC
   hints (XPACLRI, PACIA1716..AUTIB1716, PACIAZ..AUTIBSP) with "paca", the
   BTI landing pads with "bti"; every other hint is a NOP to software. */
static bool hint_has_meaning(u32 imm, const char *features) {
  bool pac = imm == 7 || (imm >= 8 && imm <= 14 && !(imm & 1)) || (imm >= 24 && imm <= 31);
  bool bti = imm >= 32 && imm <= 38 && !(imm & 1);
  return (pac && gen_has_feature(features, "paca")) || (bti && gen_has_feature(features, "bti"));
}

/* HINT #0..#127 (NOP, YIELD, WFE, WFI, SEV, PACIASP, AUTIASP, BTI, ...):
   for a CPU without the features that give some of them a meaning, each
   must leave every register and the memory window unchanged. */
static int cmd_hints(const struct options *o) {
  const char *features = elfrun_features(o);
  struct isa_case cases[128];
  u32 n = 0;
  for (u32 imm = 0; imm < 128; imm++) {
    if (hint_has_meaning(imm, features)) continue;
    gen_single(o->seed + imm, n, 0xd503201fu | imm << 5, (u16)g_nforms, &cases[n]);
    n++;
  }
  struct emulator e = {"elfrun", {o->elfrun, NULL}};
  const char *path = temp_path(o, "hints.bin");
  write_cases(path, cases, n, n, o->seed);
  struct outcome out;
  run_emulators(&e, 1, o->runner, path, n, path, TIMEOUT_S, &out);
  u32 words[128], bad = 0;
  static char texts[128][DISASM_LEN];
  for (u32 i = 0; i < n; i++) words[i] = cases[i].insn[0];
  disasm(words, n, texts);
  for (u32 i = 0; i < n; i++) {
    const struct isa_result *r = out.result[i];
    if (r && !memcmp(&r->out, &cases[i].in, sizeof r->out)) continue;
    if (!bad++) printf("FAIL isa/hint_space_is_nop:");
    printf(" %08x (%s: %s)", words[i], texts[i], r ? "changed the state" : "died");
  }
  if (bad) printf(" [%u of %u]\n", bad, n);
  else printf("PASS isa/hint_space_is_nop (%u encodings)\n", n);
  outcome_free(&out);
  return bad ? 1 : 0;
}

/* --- Self test of the forms against objdump ------------------------------------ */

static int cmd_selftest(const struct options *o) {
  enum { PER_FORM = 64 };
  u32 n = g_nforms * PER_FORM;
  u32 *words = calloc(n, sizeof *words);
  char (*texts)[DISASM_LEN] = calloc(n, DISASM_LEN);
  struct rng r;
  rng_seed(&r, o->seed);
  for (u32 i = 0; i < g_nforms; i++)
    for (u32 k = 0; k < PER_FORM; k++)
      if (!draw_valid(&g_forms[i], &r, &words[i * PER_FORM + k]))
        fatal("form %s has no valid word", g_forms[i].names);
  if (!disasm(words, n, texts)) fatal("%s", kNoObjdump);
  int failed = 0;
  for (u32 i = 0; i < g_nforms; i++) {
    const struct form *f = &g_forms[i];
    bool unallocated = !strcmp(f->feature, "unallocated") && strcmp(f->names, "udf");
    u32 bad = 0;
    for (u32 k = 0; k < PER_FORM; k++) {
      const char *t = texts[i * PER_FORM + k];
      char mnemonic[DISASM_LEN];
      sscanf(t, "%63s", mnemonic);
      bool ok = unallocated ? disasm_undefined(t)
                            : is_wildcard(f) || (!disasm_undefined(t) && form_mnemonic_ok(f, mnemonic));
      if (ok) continue;
      if (!bad++) printf("FAIL isa/selftest: form \"%s\" [%s]:", f->names, f->pattern);
      if (bad <= 4) printf(" %08x (%s)", words[i * PER_FORM + k], t);
    }
    if (bad) {
      printf(" [%u of %d]\n", bad, PER_FORM);
      failed++;
    }
  }
  if (!failed) printf("PASS isa/selftest (%u forms, %u words against objdump)\n", g_nforms, n);
  free(words);
  free(texts);
  return failed ? 1 : 0;
}

static int cmd_gen(const struct options *o) {
  const char *features = o->features ? o->features : "fp asimd";
  u32 nslots = o->cases ? o->cases : slots_for(o->insns);
  struct gen_config cfg = {o->seed, nslots, o->cases ? 0 : o->insns, o->max_len, features, o->only_class};
  struct isa_case *cases = calloc(nslots, sizeof *cases);
  u32 n = cases ? gen_cases(&cfg, cases) : 0;
  if (!n) return 2;
  write_cases(temp_path(o, "cases.bin"), cases, n, nslots, o->seed);
  printf("%s: %u cases\n", temp_path(o, "cases.bin"), n);
  free(cases);
  return 0;
}

/* --- Options ------------------------------------------------------------------- */

static u64 number(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || *end || end == s) fatal("not a number: %s", s);
  return v;
}

static int class_by_name(const char *name) {
  for (int cls = 0; cls < CLS_COUNT; cls++)
    if (!strcmp(g_class_names[cls], name)) return cls;
  fatal("no class %s (see the table isatool prints)", name);
}

static void parse_options(int argc, char **argv, struct options *o) {
  *o = (struct options){.qemu = getenv("QEMU") ? getenv("QEMU") : "qemu-aarch64",
                        .out_dir = "/tmp", .seed = 1, .insns = 100000, .max_len = 8,
                        .batch = 25000, .detail = 3, .random = 200, .only_class = -1,
                        .only_case = -1};
  if (argc < 2) usage();
  o->command = argv[1];
  for (int i = 2; i < argc; i++) {
    const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(opt, "--check")) {
      o->check = true;
      continue;
    }
    if (!val) usage();
    i++;
    if (!strcmp(opt, "--runner")) o->runner = val;
    else if (!strcmp(opt, "--elfrun")) o->elfrun = val;
    else if (!strcmp(opt, "--qemu")) o->qemu = val;
    else if (!strcmp(opt, "--features")) o->features = val;
    else if (!strcmp(opt, "--out")) o->out_dir = val;
    else if (!strcmp(opt, "--seed")) o->seed = number(val);
    else if (!strcmp(opt, "--insns")) o->insns = number(val);
    else if (!strcmp(opt, "--cases")) o->cases = (u32)number(val);
    else if (!strcmp(opt, "--max-len")) o->max_len = (u32)number(val);
    else if (!strcmp(opt, "--batch")) o->batch = (u32)number(val);
    else if (!strcmp(opt, "--detail")) o->detail = (u32)number(val);
    else if (!strcmp(opt, "--random")) o->random = (u32)number(val);
    else if (!strcmp(opt, "--case")) o->only_case = (long)number(val);
    else if (!strcmp(opt, "--class")) o->only_class = class_by_name(o->only_class_name = val);
    else usage();
  }
  if (o->max_len < 1 || o->max_len > ISA_MAX_INSNS) fatal("--max-len must be 1..%d", ISA_MAX_INSNS);
  if (!o->batch || o->batch > ISA_MAX_CASES) fatal("--batch must be 1..%u", ISA_MAX_CASES);
  bool needs_emulators = strcmp(o->command, "selftest") && strcmp(o->command, "gen");
  if (needs_emulators && (!o->runner || !o->elfrun)) usage();
  mkdir(o->out_dir, 0755);
}

int main(int argc, char **argv) {
  struct options o;
  forms_init();
  parse_options(argc, argv, &o);
  if (!strcmp(o.command, "run")) return cmd_run(&o, false);
  if (!strcmp(o.command, "soak")) return cmd_run(&o, true);
  if (!strcmp(o.command, "sigill")) return cmd_sigill(&o);
  if (!strcmp(o.command, "hints")) return cmd_hints(&o);
  if (!strcmp(o.command, "selftest")) return cmd_selftest(&o);
  if (!strcmp(o.command, "gen")) return cmd_gen(&o);
  usage();
}
