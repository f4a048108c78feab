/* The --strace printers (src/linux/strace_flags.c, strace_print.c): the
   guest's aarch64 values by name, unknown bits and values in strace(1)'s
   notation. Values from the kernel's arm64 UAPI headers; the spellings are
   strace's (tests/strace/decode.expected has the same ones, traced live). */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/config.h"
#include "linux/process.h"
#include "linux/strace.h"
#include "linux/strace_flags.h"
#include "linux/strace_print.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "unit.h"

/* Runs one printer on a fresh line and returns what it wrote. */
#define PRINTED(call) (strace_line_reset(), (call), strace_line_text())

TEST(strace, open_flags_use_the_aarch64_values) {
  /* arm64 asm/fcntl.h: O_DIRECTORY 040000, O_NOFOLLOW 0100000, O_DIRECT
     0200000; x86-64's O_DIRECTORY value is arm64's O_DIRECT. */
  EXPECT_STREQ(PRINTED(strace_put_open_flags(040000 | 0100000 | 02000000)),
               "O_RDONLY|O_NOFOLLOW|O_CLOEXEC|O_DIRECTORY");
  EXPECT_STREQ(PRINTED(strace_put_open_flags(0200000)), "O_RDONLY|O_DIRECT");
  EXPECT_STREQ(PRINTED(strace_put_open_flags(2 | 020000000 | 040000)), "O_RDWR|O_TMPFILE");
  EXPECT_STREQ(PRINTED(strace_put_open_flags(04010000 | 1)), "O_WRONLY|O_SYNC");
}

TEST(strace, unknown_bits_follow_the_known_ones_in_hex) {
  EXPECT_STREQ(PRINTED(strace_put_open_flags(1 | 0x40000000)), "O_WRONLY|0x40000000");
  EXPECT_STREQ(PRINTED(strace_put_map_flags(2 | 0x20 | 0x800000)),
               "MAP_PRIVATE|MAP_ANONYMOUS|0x800000");
  EXPECT_STREQ(PRINTED(strace_put_msg_flags(0x40 | 0x80000000)), "MSG_DONTWAIT|0x80000000");
}

TEST(strace, a_value_with_no_known_bit_names_its_kind) {
  EXPECT_STREQ(PRINTED(strace_put_prot(0x40)), "0x40 /* PROT_??? */");
  EXPECT_STREQ(PRINTED(strace_put_fcntl_cmd(999)), "0x3e7 /* F_??? */");
  EXPECT_STREQ(PRINTED(strace_put_ioctl_request(0x1234)), "0x1234 /* _IOC_??? */");
  EXPECT_STREQ(PRINTED(strace_put_socket_family(99)), "0x63 /* AF_??? */");
}

TEST(strace, zero_flags_and_enums) {
  EXPECT_STREQ(PRINTED(strace_put_prot(0)), "PROT_NONE");
  EXPECT_STREQ(PRINTED(strace_put_at_flags(0)), "0");
  EXPECT_STREQ(PRINTED(strace_put_access_mode(0)), "F_OK");
  EXPECT_STREQ(PRINTED(strace_put_open_flags(0)), "O_RDONLY");
}

TEST(strace, clone_flags_end_with_the_exit_signal) {
  EXPECT_STREQ(PRINTED(strace_put_clone_flags(0x4111)), "CLONE_VM|CLONE_VFORK|SIGCHLD");
  EXPECT_STREQ(PRINTED(strace_put_clone_flags(17)), "SIGCHLD");
  EXPECT_STREQ(PRINTED(strace_put_clone_flags(0)), "0");
}

TEST(strace, signals_and_sets) {
  EXPECT_STREQ(PRINTED(strace_put_signal(10)), "SIGUSR1");
  EXPECT_STREQ(PRINTED(strace_put_signal(34)), "SIGRT_2");
  EXPECT_STREQ(PRINTED(strace_put_signal(65)), "65");
  EXPECT_STREQ(PRINTED(strace_put_sigset_word(1ull << 9 | 1ull << 14)), "[USR1 TERM]");
  /* More than half set: the complement, as strace writes it. */
  EXPECT_STREQ(PRINTED(strace_put_sigset_word(~(1ull << 8 | 1ull << 18))), "~[KILL STOP]");
  EXPECT_STREQ(PRINTED(strace_put_sigset_word(0)), "[]");
}

TEST(strace, socket_types_and_options) {
  EXPECT_STREQ(PRINTED(strace_put_socket_type(2 | 02000000 | 04000)),
               "SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
  EXPECT_STREQ(PRINTED(strace_put_sockopt_name(1, 2)), "SO_REUSEADDR");
  EXPECT_STREQ(PRINTED(strace_put_sockopt_name(6, 1)), "TCP_NODELAY");
  EXPECT_STREQ(PRINTED(strace_put_sockopt_name(999, 7)), "7");
  EXPECT_STREQ(PRINTED(strace_put_socket_protocol(2, 6)), "IPPROTO_TCP");
  EXPECT_STREQ(PRINTED(strace_put_socket_protocol(1, 0)), "0");
}

TEST(strace, futex_operations_join_private_to_the_name) {
  EXPECT_STREQ(PRINTED(strace_put_futex_op(128 | 1)), "FUTEX_WAKE_PRIVATE");
  EXPECT_STREQ(PRINTED(strace_put_futex_op(9 | 128 | 256)),
               "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME");
}

TEST(strace, wait_status) {
  EXPECT_STREQ(PRINTED(strace_put_wait_status(3 << 8)), "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
  EXPECT_STREQ(PRINTED(strace_put_wait_status(0x80 | 9)),
               "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}]");
  EXPECT_STREQ(PRINTED(strace_put_wait_status(19 << 8 | 0x7f)),
               "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]");
}

TEST(strace, file_modes) {
  EXPECT_STREQ(PRINTED(strace_put_file_mode(0104755)), "S_IFREG|S_ISUID|0755");
  EXPECT_STREQ(PRINTED(strace_put_file_mode(040700)), "S_IFDIR|0700");
}

TEST(strace, strings_are_escaped_as_strace_does) {
  static const u8 kBytes[] = {'a', '"', '\\', 0, '1', '\n', 0x7f, 0};
  EXPECT_STREQ(PRINTED(strace_put_bytes(kBytes, sizeof kBytes, false)),
               "\"a\\\"\\\\\\0001\\n\\177\\0\"");
  EXPECT_STREQ(PRINTED(strace_put_bytes((const u8 *)"abc", 3, true)), "\"abc\"...");
}

TEST(strace, a_long_line_is_cut_not_overrun) {
  strace_line_reset();
  for (int i = 0; i < 10000; i++) strace_put("0123456789");
  EXPECT_TRUE(strlen(strace_line_text()) < 4096);
}

/* Every syscall's decoders over guest memory full of garbage (all-ones,
   all-zero, small numbers), bad pointers and a buffer that ends at an
   unmapped page: nothing may crash, hang or overrun the line. */
static void trace_every_call(struct thread *t, const u64 *args, i64 ret) {
  for (u64 nr = 0; nr < 512; nr++) {
    strace_enter(t, nr, args);
    strace_exit(t, nr, ret);
  }
}

TEST(strace, garbage_and_bad_pointers_never_crash) {
  /* A buffer inside the guest window (above the part ASan builds carve out
     of it, mem/guest.h), its last page unmapped. */
  const size_t size = 4 * 4096;
  u8 *buf = mmap((void *)0x200000000000ull, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  ASSERT_TRUE(buf != MAP_FAILED);
  munmap(buf + size - 4096, 4096);
  fault_init();
  g_config.strace_fd = open("/dev/null", O_WRONLY);
  ASSERT_TRUE(g_config.strace_fd >= 0);
  struct thread t;
  memset(&t, 0, sizeof t);
  t.tid = 1;
  const gaddr base = (gaddr)(uintptr_t)buf, edge = base + size - 4096;
  static const u8 kFills[] = {0xff, 0x00, 0x01};
  for (size_t f = 0; f < ARRAY_LEN(kFills); f++) {
    memset(buf, kFills[f], size - 4096);
    const u64 pointers[][6] = {
        {base, base, base, base, base, base},
        {edge - 8, edge - 1, edge - 16, edge - 4, edge - 2, edge - 24},
        {8, 8, 8, 8, 8, 8},
        {GUEST_END - 4, ~0ull, GUEST_END - 1, 1ull << 47, 0x10000, 0},
        {base, ~0ull, base, ~0ull, base, ~0ull},
        {~0ull, base, ~0ull, base, ~0ull, base},
    };
    for (size_t p = 0; p < ARRAY_LEN(pointers); p++) {
      trace_every_call(&t, pointers[p], 0);
      trace_every_call(&t, pointers[p], 1 << 20);
      trace_every_call(&t, pointers[p], -14);
    }
  }
  close(g_config.strace_fd);
  EXPECT_TRUE(true);
}
