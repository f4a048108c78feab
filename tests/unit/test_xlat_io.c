/* The epoll_event and statfs translations of src/linux/xlat.c, and the
   aarch64 layouts of src/linux/abi.h they write. Offsets are those of the
   arm64 UAPI headers (asm-generic/statfs.h with a 64-bit __statfs_word;
   linux/eventpoll.h without EPOLL_PACKED, which only x86-64 defines). */
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/statfs.h>

#include "linux/abi.h"
#include "linux/xlat.h"
#include "unit.h"

TEST(xlat_io, a64_epoll_event_layout) {
  EXPECT_EQ(sizeof(struct a64_epoll_event), 16);
  EXPECT_EQ(offsetof(struct a64_epoll_event, events), 0);
  EXPECT_EQ(offsetof(struct a64_epoll_event, data), 8);
  /* The host's is packed: data straddles an 8-byte boundary. */
  EXPECT_EQ(sizeof(struct epoll_event), 12);
  EXPECT_EQ(offsetof(struct epoll_event, data), 4);
}

TEST(xlat_io, epoll_event_from_guest_moves_data_to_offset_4) {
  struct a64_epoll_event g = {.events = EPOLLIN | EPOLLET, .__pad = 0xdeadbeef,
                              .data = 0x8877665544332211ull};
  struct epoll_event h;
  memset(&h, 0xcc, sizeof h);
  xlat_epoll_event_from_guest(&h, &g);
  EXPECT_EQ(h.events, EPOLLIN | EPOLLET);
  EXPECT_EQ(h.data.u64, 0x8877665544332211ull);
  unsigned char raw[12];
  memcpy(raw, &h, sizeof raw);
  EXPECT_EQ(raw[4], 0x11);
  EXPECT_EQ(raw[11], 0x88);
}

TEST(xlat_io, epoll_event_to_guest_clears_the_hole) {
  struct epoll_event h = {.events = EPOLLOUT | EPOLLHUP, .data.u64 = 0x0102030405060708ull};
  struct a64_epoll_event g;
  memset(&g, 0xff, sizeof g);
  xlat_epoll_event_to_guest(&g, &h);
  EXPECT_EQ(g.events, EPOLLOUT | EPOLLHUP);
  EXPECT_EQ(g.__pad, 0);
  EXPECT_EQ(g.data, 0x0102030405060708ull);
}

TEST(xlat_io, epoll_event_round_trip_keeps_every_bit) {
  struct a64_epoll_event g = {.events = 0xffffffffu, .data = ~0ull}, back;
  struct epoll_event h;
  xlat_epoll_event_from_guest(&h, &g);
  xlat_epoll_event_to_guest(&back, &h);
  EXPECT_EQ(back.events, 0xffffffffu);
  EXPECT_EQ(back.data, ~0ull);
}

#define STATFS_AT(f, off) EXPECT_EQ(offsetof(struct a64_statfs, f), off)

TEST(xlat_io, a64_statfs_layout) {
  EXPECT_EQ(sizeof(struct a64_statfs), 120);
  STATFS_AT(f_type, 0);
  STATFS_AT(f_bsize, 8);
  STATFS_AT(f_blocks, 16);
  STATFS_AT(f_bfree, 24);
  STATFS_AT(f_bavail, 32);
  STATFS_AT(f_files, 40);
  STATFS_AT(f_ffree, 48);
  STATFS_AT(f_fsid, 56);
  STATFS_AT(f_namelen, 64);
  STATFS_AT(f_frsize, 72);
  STATFS_AT(f_flags, 80);
  STATFS_AT(f_spare, 88);
}

TEST(xlat_io, statfs_copies_every_field_and_clears_spare) {
  struct statfs h;
  memset(&h, 0x5a, sizeof h);
  h.f_type = 0xef53;
  h.f_bsize = 4096;
  h.f_blocks = 0x123456789ull;
  h.f_bfree = 0x23456789ull;
  h.f_bavail = 0x3456789ull;
  h.f_files = 1000000;
  h.f_ffree = 999;
  int fsid[2] = {0x11223344, 0x55667788};
  memcpy(&h.f_fsid, fsid, sizeof fsid);
  h.f_namelen = 255;
  h.f_frsize = 1024;
  h.f_flags = 0x1026;
  struct a64_statfs g;
  memset(&g, 0xff, sizeof g);
  xlat_statfs_to_guest(&g, &h);
  EXPECT_EQ(g.f_type, 0xef53);
  EXPECT_EQ(g.f_bsize, 4096);
  EXPECT_EQ(g.f_blocks, 0x123456789ll);
  EXPECT_EQ(g.f_bfree, 0x23456789ll);
  EXPECT_EQ(g.f_bavail, 0x3456789ll);
  EXPECT_EQ(g.f_files, 1000000);
  EXPECT_EQ(g.f_ffree, 999);
  EXPECT_EQ(g.f_fsid[0], 0x11223344);
  EXPECT_EQ(g.f_fsid[1], 0x55667788);
  EXPECT_EQ(g.f_namelen, 255);
  EXPECT_EQ(g.f_frsize, 1024);
  EXPECT_EQ(g.f_flags, 0x1026);
  for (int i = 0; i < 4; i++) EXPECT_EQ(g.f_spare[i], 0);
}
