#ifndef ELFRUN_TESTS_UNIT_ABI_REF_H_
#define ELFRUN_TESTS_UNIT_ABI_REF_H_

/* Layouts of arm64 kernel structures exactly as the kernel's UAPI headers
   define them (abi_ref.c is compiled against those headers alone). This file
   is included by abi_ref.c too, so it may include nothing. */

struct abi_field {
  const char *name;
  unsigned long offset, size;
};

/* struct stat of <asm/stat.h>, fields in declaration order. */
extern const struct abi_field g_ref_stat_fields[];
extern const unsigned long g_ref_stat_nfields;
extern const unsigned long g_ref_stat_size;

#endif
