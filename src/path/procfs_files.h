#ifndef ELFRUN_PATH_PROCFS_FILES_H_
#define ELFRUN_PATH_PROCFS_FILES_H_

#include <stdio.h>

#include "base/types.h"

struct thread;

/* The /proc entry a synthetic file is generated for. */
struct proc_node {
  struct thread *t; /* the thread that opens it (its process is the one shown) */
  int tid;          /* the task: /proc/<pid>/task/<tid>/..., or the pid */
  bool per_task;    /* opened under task/<tid>/ (or thread-self) */
  int hostfd;       /* the host's own file at the same path, open */
};

/* The guest's memory layout, summed over its mappings (procfs_maps.c). */
struct vm_totals {
  u64 size;                 /* every mapping (VmSize) */
  u64 data, stack, exec;    /* data_vm, stack_vm, exec_vm of mm_struct */
  gaddr start_code, end_code; /* the program's executable mapping */
  gaddr start_data, end_data; /* its writable file mapping */
  gaddr start_brk;          /* the heap, or the end of the program's data */
};

/* Each writes one file's content; 0 or -errno. */
int procfs_gen_maps(const struct proc_node *n, FILE *out);
int procfs_gen_smaps(const struct proc_node *n, FILE *out);
int procfs_gen_stat(const struct proc_node *n, FILE *out);
int procfs_gen_statm(const struct proc_node *n, FILE *out);
int procfs_gen_status(const struct proc_node *n, FILE *out);

void procfs_vm_totals(const struct thread *t, struct vm_totals *out);

#endif
