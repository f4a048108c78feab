/* The guest mapping table (src/mem/vma.c): insert, remove, split, protect,
   lookups and the top-down search for free space. Each test runs in a fresh
   process, so the table starts empty (save the ASan hole, far above the
   addresses used here). */
#include <string.h>
#include <sys/mman.h>

#include "mem/guest.h"
#include "mem/vma.h"
#include "unit.h"

#define PAGE GUEST_PAGE
#define A(n) (0x100000ull + (n) * PAGE) /* page n of a test area */

static void map(gaddr start, gaddr end, int prot) {
  struct vma v = {.start = start, .end = end, .prot = prot, .flags = VMA_ANON};
  vma_insert(&v);
}

struct snapshot {
  int n;
  struct vma v[16];
};

static bool collect(const struct vma *v, void *arg) {
  struct snapshot *s = arg;
  if (s->n < 16) s->v[s->n] = *v;
  s->n++;
  return true;
}

static struct snapshot snap(void) {
  struct snapshot s = {0};
  vma_for_each(collect, &s);
  return s;
}

TEST(vma, lookup_finds_inserted_mapping) {
  vma_init();
  map(A(0), A(4), PROT_READ);
  struct vma v;
  ASSERT_TRUE(vma_lookup_copy(A(2) + 123, &v));
  EXPECT_EQ(v.start, A(0));
  EXPECT_EQ(v.end, A(4));
  EXPECT_EQ(v.prot, PROT_READ);
  EXPECT_TRUE(vma_lookup(A(0)));
  EXPECT_TRUE(vma_lookup(A(4) - 1));
}

TEST(vma, lookup_end_is_exclusive) {
  vma_init();
  map(A(0), A(4), PROT_READ);
  EXPECT_FALSE(vma_lookup(A(4)));
  EXPECT_FALSE(vma_lookup(A(0) - 1));
}

TEST(vma, empty_table_has_no_mappings) {
  vma_init();
  EXPECT_EQ(snap().n, 0);
  EXPECT_FALSE(vma_lookup(A(0)));
  EXPECT_FALSE(vma_overlaps(A(0), A(100)));
}

TEST(vma, for_each_visits_in_address_order) {
  vma_init();
  map(A(20), A(21), PROT_READ);
  map(A(0), A(1), PROT_WRITE);
  map(A(10), A(12), PROT_EXEC);
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 3);
  EXPECT_EQ(s.v[0].start, A(0));
  EXPECT_EQ(s.v[1].start, A(10));
  EXPECT_EQ(s.v[2].start, A(20));
}

static bool stop_after_first(const struct vma *v, void *arg) {
  (void)v;
  ++*(int *)arg;
  return false;
}

TEST(vma, for_each_stops_when_callback_returns_false) {
  vma_init();
  map(A(0), A(1), PROT_READ);
  map(A(2), A(3), PROT_READ);
  int calls = 0;
  vma_for_each(stop_after_first, &calls);
  EXPECT_EQ(calls, 1);
}

TEST(vma, insert_over_middle_replaces_overlap) {
  vma_init();
  struct vma file = {.start = A(0), .end = A(10), .prot = PROT_READ, .offset = 0x5000,
                     .ino = 7, .name = "/lib/x.so"};
  vma_insert(&file);
  map(A(4), A(6), PROT_READ | PROT_WRITE);
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 3);
  EXPECT_EQ(s.v[0].end, A(4));
  EXPECT_EQ(s.v[1].start, A(4));
  EXPECT_EQ(s.v[1].prot, PROT_READ | PROT_WRITE);
  EXPECT_EQ(s.v[1].ino, 0);
  EXPECT_EQ(s.v[2].start, A(6));
  EXPECT_EQ(s.v[2].end, A(10));
  /* The upper remainder still maps the file at the matching offset. */
  EXPECT_EQ(s.v[2].offset, 0x5000 + 6 * PAGE);
  EXPECT_STREQ(s.v[2].name, "/lib/x.so");
}

TEST(vma, insert_spanning_several_replaces_all) {
  vma_init();
  map(A(0), A(2), PROT_READ);
  map(A(3), A(5), PROT_READ);
  map(A(6), A(8), PROT_READ);
  map(A(1), A(7), PROT_EXEC);
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 3);
  EXPECT_EQ(s.v[0].end, A(1));
  EXPECT_EQ(s.v[1].start, A(1));
  EXPECT_EQ(s.v[1].end, A(7));
  EXPECT_EQ(s.v[1].prot, PROT_EXEC);
  EXPECT_EQ(s.v[2].start, A(7));
  EXPECT_EQ(s.v[2].end, A(8));
}

TEST(vma, insert_copies_the_name) {
  vma_init();
  char name[] = "/tmp/a";
  struct vma v = {.start = A(0), .end = A(1), .name = name};
  vma_insert(&v);
  name[5] = 'b';
  struct vma got;
  ASSERT_TRUE(vma_lookup_copy(A(0), &got));
  EXPECT_STREQ(got.name, "/tmp/a");
}

TEST(vma, remove_middle_splits_mapping) {
  vma_init();
  struct vma file = {.start = A(0), .end = A(8), .prot = PROT_READ, .offset = 0,
                     .name = "/bin/prog"};
  vma_insert(&file);
  vma_remove(A(2), A(5));
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 2);
  EXPECT_EQ(s.v[0].start, A(0));
  EXPECT_EQ(s.v[0].end, A(2));
  EXPECT_EQ(s.v[1].start, A(5));
  EXPECT_EQ(s.v[1].end, A(8));
  EXPECT_EQ(s.v[1].offset, 5 * PAGE);
  EXPECT_STREQ(s.v[0].name, "/bin/prog");
  EXPECT_STREQ(s.v[1].name, "/bin/prog");
  EXPECT_FALSE(vma_lookup(A(3)));
}

TEST(vma, remove_whole_mapping_leaves_neighbours) {
  vma_init();
  map(A(0), A(1), PROT_READ);
  map(A(1), A(2), PROT_WRITE);
  map(A(2), A(3), PROT_EXEC);
  vma_remove(A(1), A(2));
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 2);
  EXPECT_EQ(s.v[0].prot, PROT_READ);
  EXPECT_EQ(s.v[1].prot, PROT_EXEC);
}

TEST(vma, remove_spanning_gaps_and_edges) {
  vma_init();
  map(A(0), A(4), PROT_READ);
  map(A(6), A(10), PROT_READ);
  map(A(12), A(14), PROT_READ);
  vma_remove(A(2), A(13));
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 2);
  EXPECT_EQ(s.v[0].end, A(2));
  EXPECT_EQ(s.v[1].start, A(13));
  EXPECT_EQ(s.v[1].end, A(14));
}

TEST(vma, remove_of_unmapped_range_is_harmless) {
  vma_init();
  map(A(0), A(2), PROT_READ);
  vma_remove(A(5), A(9));
  EXPECT_EQ(snap().n, 1);
}

TEST(vma, protect_middle_splits_into_three) {
  vma_init();
  map(A(0), A(6), PROT_READ | PROT_WRITE);
  vma_protect(A(2), A(3), PROT_READ);
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 3);
  EXPECT_EQ(s.v[0].prot, PROT_READ | PROT_WRITE);
  EXPECT_EQ(s.v[1].start, A(2));
  EXPECT_EQ(s.v[1].end, A(3));
  EXPECT_EQ(s.v[1].prot, PROT_READ);
  EXPECT_EQ(s.v[2].prot, PROT_READ | PROT_WRITE);
}

TEST(vma, protect_across_a_gap_maps_nothing_new) {
  vma_init();
  map(A(0), A(2), PROT_READ);
  map(A(4), A(6), PROT_READ);
  vma_protect(A(1), A(5), PROT_NONE);
  EXPECT_FALSE(vma_lookup(A(3)));
  struct snapshot s = snap();
  ASSERT_EQ(s.n, 4);
  EXPECT_EQ(s.v[0].prot, PROT_READ);
  EXPECT_EQ(s.v[1].prot, PROT_NONE);
  EXPECT_EQ(s.v[2].prot, PROT_NONE);
  EXPECT_EQ(s.v[3].prot, PROT_READ);
}

TEST(vma, overlaps_detects_partial_overlap) {
  vma_init();
  map(A(4), A(8), PROT_READ);
  EXPECT_TRUE(vma_overlaps(A(7), A(9)));
  EXPECT_TRUE(vma_overlaps(A(0), A(5)));
  EXPECT_TRUE(vma_overlaps(A(5), A(6)));
  EXPECT_TRUE(vma_overlaps(A(0), A(20)));
}

TEST(vma, overlaps_false_for_adjacent_ranges) {
  vma_init();
  map(A(4), A(8), PROT_READ);
  EXPECT_FALSE(vma_overlaps(A(0), A(4)));
  EXPECT_FALSE(vma_overlaps(A(8), A(9)));
}

TEST(vma, covers_requires_every_page) {
  vma_init();
  map(A(0), A(2), PROT_READ);
  map(A(2), A(4), PROT_WRITE); /* adjacent: still covered */
  map(A(5), A(6), PROT_READ);
  EXPECT_TRUE(vma_covers(A(0), A(4)));
  EXPECT_TRUE(vma_covers(A(1), A(3)));
  EXPECT_FALSE(vma_covers(A(0), A(6)));  /* hole at page 4 */
  EXPECT_FALSE(vma_covers(A(3), A(5)));
  EXPECT_FALSE(vma_covers(A(10), A(11)));
}

TEST(vma, find_free_in_empty_table_is_just_below_limit) {
  vma_init();
  EXPECT_EQ(vma_find_free(4 * PAGE, A(100)), A(96));
}

TEST(vma, find_free_goes_top_down_past_mappings) {
  vma_init();
  map(A(90), A(100), PROT_READ);
  map(A(80), A(88), PROT_READ); /* 2-page gap at A(88)..A(90) */
  EXPECT_EQ(vma_find_free(2 * PAGE, A(100)), A(88));
  EXPECT_EQ(vma_find_free(3 * PAGE, A(100)), A(77));
}

TEST(vma, find_free_ignores_mappings_above_limit) {
  vma_init();
  map(A(50), A(60), PROT_READ);
  EXPECT_EQ(vma_find_free(PAGE, A(50)), A(49));
}

TEST(vma, find_free_with_limit_inside_a_mapping) {
  vma_init();
  map(A(40), A(60), PROT_READ);
  EXPECT_EQ(vma_find_free(PAGE, A(50)), A(39));
}

TEST(vma, find_free_fails_when_nothing_fits) {
  vma_init();
  map(GUEST_BASE, A(10), PROT_READ);
  EXPECT_EQ(vma_find_free(PAGE, A(10)), 0);
  EXPECT_EQ(vma_find_free(PAGE, GUEST_BASE), 0);
  EXPECT_EQ(vma_find_free(0, A(10)), 0);
  EXPECT_EQ(vma_find_free(~0ull, A(10)), 0);
}

TEST(vma, find_free_can_use_the_lowest_page) {
  vma_init();
  map(GUEST_BASE + PAGE, A(10), PROT_READ);
  EXPECT_EQ(vma_find_free(PAGE, A(10)), GUEST_BASE);
}
