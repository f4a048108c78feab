/* elfrun's command line: options into struct config, then run the guest. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "binfmt.h"
#include "cpu/jit/jit.h"
#include "base/log.h"
#include "gdb/gdb.h"
#include "linux/start.h"
#include "linux/strace_output.h"
#include "path/sidecar.h"


static void usage(FILE *f) {
  fputs("usage: elfrun [options] PROGRAM [ARGS...]\n"
        "       elfrun [--casefold=MODE] sysroot import SRC DEST | check DEST\n"
        "Run an aarch64 Linux program on this x86-64 machine.\n\n"
        "  --sysroot PATH   find the program's libraries and absolute paths in PATH\n"
        "  --casefold=MODE  auto, on or off: exact names over a sysroot on a\n"
        "                   case-insensitive file system (default auto: detected)\n"
        "  --strace         log every system call to stderr (docs/strace.md)\n"
        "  --strace=FILE    the same, into FILE\n"
        "  --jit=MODE       on (default): translate hot code to x86-64; off:\n"
        "                   interpret only; always: translate everything (docs/jit.md)\n"
        "  --jit-threshold=N  runs of a block before it is translated (default 256)\n"
        "  --jit-verify     run each translated block beside the interpreter and\n"
        "                   stop at the first difference (also ELFRUN_JIT_VERIFY=1)\n"
        "  --jit-perf       describe translated code to perf (docs/jit.md)\n"
        "  --argv0 NAME     pass NAME to the guest as argv[0]\n"
        "  --execfn PATH    the path the guest's AT_EXECFN names (default PROGRAM)\n"
        "  --gdb [HOST:]PORT  wait for gdb on PORT (127.0.0.1 unless HOST is given),\n"
        "                   stopped before the first instruction (docs/gdb.md)\n"
        "  --gdb-stop-on-entry  the same stop, stated explicitly (--gdb only)\n"
        "  --install-binfmt    run aarch64 programs through this elfrun from now on\n"
        "                      (binfmt_misc; --uninstall-binfmt removes it)\n"
        "  -h, --help       show this help\n"
        "  --version        show the version\n",
        f);
}

/* Parses options up to the program name; returns the index of PROGRAM. */
static int parse_options(int argc, char **argv) {
  int i = 1;
  bool gdb_stop_on_entry = false;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *opt = argv[i];
    if (!strcmp(opt, "--")) return i + 1;
    if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
      usage(stdout);
      exit(0);
    } else if (!strcmp(opt, "--install-binfmt")) {
      exit(binfmt_install());
    } else if (!strcmp(opt, "--uninstall-binfmt")) {
      exit(binfmt_uninstall());
    } else if (!strcmp(opt, "--version")) {
      puts("elfrun 0.1");
      exit(0);
    } else if (!strncmp(opt, "--casefold=", 11)) {
      enum casefold_mode mode;
      if (!sidecar_parse_mode(opt + 11, &mode)) {
        fprintf(stderr, "elfrun: --casefold takes auto, on or off, not '%s'\n", opt + 11);
        exit(2);
      }
      g_config.casefold = (int)mode;
    } else if (jit_option(opt)) {
      /* --jit=MODE, --jit-threshold=N, --jit-verify (cpu/jit/jit.c) */
    } else if (strace_option(opt)) {
      /* --strace, --strace=FILE (linux/strace_output.c) */
    } else if ((!strcmp(opt, "--sysroot") || !strcmp(opt, "--argv0")) && i + 1 < argc) {
      *(!strcmp(opt, "--sysroot") ? &g_config.sysroot : &g_config.argv0) = argv[++i];
    } else if (!strcmp(opt, "--gdb") && i + 1 < argc) {
      g_config.gdb = argv[++i];
      if (!gdb_where_ok(g_config.gdb)) {
        fprintf(stderr, "elfrun: --gdb takes PORT or HOST:PORT (numeric HOST), not '%s'\n",
                g_config.gdb);
        exit(2);
      }
    } else if (!strcmp(opt, "--gdb-stop-on-entry")) {
      gdb_stop_on_entry = true;
    } else if (!strcmp(opt, "--execfn") && i + 1 < argc) {
      g_config.execfn = argv[++i];
    } else {
      fprintf(stderr, "elfrun: unknown or incomplete option '%s'\n", opt);
      usage(stderr);
      exit(2);
    }
  }
  if (gdb_stop_on_entry && !g_config.gdb) {
    fputs("elfrun: --gdb-stop-on-entry needs --gdb [HOST:]PORT\n", stderr);
    exit(2);
  }
  return i;
}

int main(int argc, char **argv) {
  argv = binfmt_command_line(&argc, argv); /* started by binfmt_misc (flag P) */
  g_config.host_argv = argv;
  jit_from_environment();
  int first = parse_options(argc, argv);
  if (first < argc && !strcmp(argv[first], "sysroot"))
    return sidecar_tool_main(argc - first, argv + first);
  if (first >= argc) {
    usage(stderr);
    return 2;
  }
  log_init();
  strace_open_output();
  return start_guest(argv[first], &argv[first]);
}
