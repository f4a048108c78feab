/* /proc/<pid>/maps and smaps from elfrun's table of guest mappings
   (mem/vma.c), in fs/proc/task_mmu.c's format, and the totals status,
   stat and statm report.

   A file mapping shows the name its vma records. Where none is recorded,
   the host names it: a guest mapping of a file is a host mapping of the
   same file at the same address, so the host's /proc/self/maps line that
   holds the vma's start with the same inode gives the host path, which
   then reads as a guest path (no sysroot prefix). */
#include "path/procfs_files.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "linux/process.h"
#include "mem/guest.h"
#include "mem/vma.h"
#include "path/sidecar.h"
#include "path/sysroot.h"

/* One named line of the host's /proc/self/maps. */
struct host_map {
  u64 start, end, ino;
  char *name;
};

struct host_maps {
  struct host_map *v;
  size_t n;
};

static void host_maps_load(struct host_maps *hm) {
  hm->v = NULL;
  hm->n = 0;
  FILE *f = fopen("/proc/self/maps", "re");
  if (!f) return;
  size_t cap = 0;
  char line[4096 + 128];
  while (fgets(line, sizeof line, f)) {
    struct host_map m;
    int at = 0;
    if (sscanf(line, "%lx-%lx %*s %*s %*s %lu %n", &m.start, &m.end, &m.ino, &at) != 3) continue;
    char *name = line + at;
    name[strcspn(name, "\n")] = 0;
    if (name[0] != '/') continue;
    if (hm->n == cap) {
      cap = cap ? 2 * cap : 64;
      struct host_map *v = realloc(hm->v, cap * sizeof *v);
      if (!v) break;
      hm->v = v;
    }
    m.name = strdup(name);
    if (m.name) hm->v[hm->n++] = m;
  }
  fclose(f);
}

static void host_maps_free(struct host_maps *hm) {
  for (size_t i = 0; i < hm->n; i++) free(hm->v[i].name);
  free(hm->v);
}

/* The host's name of the file mapped at v->start (the lines are sorted),
   as the guest names it: without the sysroot prefix, and with the guest's
   names for generated host names (docs/sidecar.md). */
static const char *host_name(const struct host_maps *hm, const struct vma *v,
                             char buf[PATH_MAX]) {
  size_t lo = 0, hi = hm->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (hm->v[mid].end <= v->start) lo = mid + 1;
    else hi = mid;
  }
  if (lo == hm->n || hm->v[lo].start > v->start || hm->v[lo].ino != v->ino) return NULL;
  const char *view = path_guest_view(hm->v[lo].name);
  if (view == hm->v[lo].name) return view; /* outside the sysroot */
  snprintf(buf, PATH_MAX, "%s", view);
  sidecar_guest_path(buf);
  return buf;
}

/* show_map_vma(): the recorded name, a file's path, or a label. Thread
   stacks carry none, as since Linux 4.5. */
static const char *vma_name(const struct vma *v, const struct host_maps *hm,
                            char buf[PATH_MAX]) {
  if (v->name) return v->name;
  if (v->flags & VMA_VDSO) return "[vdso]";
  if (v->flags & VMA_STACK) return "[stack]";
  if (v->flags & VMA_HEAP) return "[heap]";
  if (v->ino && !(v->flags & VMA_ANON)) return host_name(hm, v, buf);
  return NULL;
}

/* show_vma_header_prefix() then the name padded to column 73
   (seq_setwidth(25 + 6 * sizeof(void *) - 1), seq_pad). */
static void map_line(FILE *out, const struct vma *v, const char *name) {
  int len = fprintf(out, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", (unsigned long)v->start,
                    (unsigned long)v->end, v->prot & PROT_READ ? 'r' : '-',
                    v->prot & PROT_WRITE ? 'w' : '-', v->prot & PROT_EXEC ? 'x' : '-',
                    v->flags & VMA_SHARED ? 's' : 'p', (unsigned long)v->offset,
                    major(v->dev), minor(v->dev), (unsigned long)v->ino);
  if (name) fprintf(out, "%*s%s", len < 72 ? 72 - len + 1 : 1, "", name);
  fputc('\n', out);
}

/* Bytes of [start, end) resident on the host (mincore). */
static u64 resident(gaddr start, gaddr end) {
  unsigned char vec[1024];
  u64 bytes = 0;
  for (gaddr a = start; a < end;) {
    u64 pages = (end - a) / GUEST_PAGE;
    if (pages > sizeof vec) pages = sizeof vec;
    if (mincore(g2h(a), pages * GUEST_PAGE, vec) != 0) break;
    for (u64 i = 0; i < pages; i++) bytes += (vec[i] & 1) * GUEST_PAGE;
    a += pages * GUEST_PAGE;
  }
  return bytes;
}

static void kb(FILE *out, const char *field, u64 bytes) {
  fprintf(out, "%-16s%8lu kB\n", field, (unsigned long)(bytes >> 10));
}

/* show_smap_vma_flags(): the two-letter flags of the mapping. */
static void vm_flags(FILE *out, const struct vma *v) {
  fputs("VmFlags: ", out);
  if (v->prot & PROT_READ) fputs("rd ", out);
  if (v->prot & PROT_WRITE) fputs("wr ", out);
  if (v->prot & PROT_EXEC) fputs("ex ", out);
  if (v->flags & VMA_SHARED) fputs("sh ", out);
  fputs("mr mw me ", out);
  if (v->flags & VMA_SHARED) fputs("ms ", out);
  if (v->flags & VMA_STACK) fputs("gd ", out);
  if ((v->flags & VMA_ANON) && (v->prot & PROT_WRITE) && !(v->flags & VMA_SHARED))
    fputs("ac ", out);
  fputc('\n', out);
}

/* show_smap(): resident pages come from the host. A private mapping's
   resident pages count as dirty and anonymous when it is anonymous, as
   clean file pages otherwise; page-level sharing is not tracked. */
static void smap_block(FILE *out, const struct vma *v) {
  u64 rss = resident(v->start, v->end);
  bool anon = v->flags & VMA_ANON, shared = v->flags & VMA_SHARED;
  kb(out, "Size:", v->end - v->start);
  kb(out, "KernelPageSize:", GUEST_PAGE);
  kb(out, "MMUPageSize:", GUEST_PAGE);
  kb(out, "Rss:", rss);
  kb(out, "Pss:", rss);
  kb(out, "Pss_Dirty:", anon ? rss : 0);
  kb(out, "Shared_Clean:", shared && !anon ? rss : 0);
  kb(out, "Shared_Dirty:", shared && anon ? rss : 0);
  kb(out, "Private_Clean:", !shared && !anon ? rss : 0);
  kb(out, "Private_Dirty:", !shared && anon ? rss : 0);
  kb(out, "Referenced:", rss);
  kb(out, "Anonymous:", !shared && anon ? rss : 0);
  static const char *const kZero[] = {
      "KSM:", "LazyFree:", "AnonHugePages:", "ShmemPmdMapped:", "FilePmdMapped:",
      "Shared_Hugetlb:", "Private_Hugetlb:", "Swap:", "SwapPss:", "Locked:"};
  for (size_t i = 0; i < ARRAY_LEN(kZero); i++) kb(out, kZero[i], 0);
  fputs("THPeligible:           0\n", out);
  vm_flags(out, v);
}

struct maps_walk {
  FILE *out;
  bool smaps;
  const struct host_maps *hm;
};

static bool show_vma(const struct vma *v, void *arg) {
  struct maps_walk *w = arg;
  char buf[PATH_MAX];
  map_line(w->out, v, vma_name(v, w->hm, buf));
  if (w->smaps) smap_block(w->out, v);
  return true;
}

static int gen_maps(FILE *out, bool smaps) {
  struct host_maps hm;
  host_maps_load(&hm);
  struct maps_walk w = {out, smaps, &hm};
  vma_for_each(show_vma, &w);
  host_maps_free(&hm);
  return 0;
}

int procfs_gen_maps(const struct proc_node *n, FILE *out) {
  (void)n;
  return gen_maps(out, false);
}

int procfs_gen_smaps(const struct proc_node *n, FILE *out) {
  (void)n;
  return gen_maps(out, true);
}

/* ---- totals ---- */

struct totals_walk {
  struct vm_totals *t;
  dev_t exe_dev;
  ino_t exe_ino;
};

/* vm_stat_account(): exec_vm, stack_vm and data_vm by the mapping's
   flags; the code and data bounds from the program's own mappings. */
static bool add_vma(const struct vma *v, void *arg) {
  struct totals_walk *w = arg;
  struct vm_totals *t = w->t;
  u64 size = v->end - v->start;
  bool write = v->prot & PROT_WRITE, shared = v->flags & VMA_SHARED;
  t->size += size;
  if (v->flags & VMA_STACK) t->stack += size;
  else if (write && !shared) t->data += size;
  else if ((v->prot & PROT_EXEC) && !write) t->exec += size;
  if (v->flags & VMA_HEAP && !t->start_brk) t->start_brk = v->start;
  if (!w->exe_ino || v->ino != w->exe_ino || v->dev != w->exe_dev) return true;
  if ((v->prot & PROT_EXEC) && !t->start_code) {
    t->start_code = v->start;
    t->end_code = v->end;
  }
  if (write) {
    if (!t->start_data) t->start_data = v->start;
    t->end_data = v->end;
  }
  return true;
}

void procfs_vm_totals(const struct thread *th, struct vm_totals *out) {
  memset(out, 0, sizeof *out);
  struct totals_walk w = {out, 0, 0};
  struct stat st;
  if (th->proc->exe_path && stat(th->proc->exe_path, &st) == 0) {
    w.exe_dev = st.st_dev;
    w.exe_ino = st.st_ino;
  }
  vma_for_each(add_vma, &w);
  if (!out->start_brk) out->start_brk = page_up(out->end_data);
}
