# elfrun: run aarch64 Linux programs on x86-64 Linux.
# `make` builds build/elfrun; `make check` runs every test; see README.md.

CC ?= cc
BUILD ?= build
OPT ?= -O2
WERROR ?=
SANITIZE ?=

CFLAGS_BASE := -std=gnu11 $(OPT) -g -Wall -Wextra $(if $(WERROR),-Werror) \
  -ffp-contract=off -frounding-math -fno-strict-aliasing -Isrc -D_GNU_SOURCE -pthread -MMD -MP \
  $(SANITIZE)
LDFLAGS_BASE := -pthread $(SANITIZE)

SRCS := $(shell find src -name '*.c' | sort)
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

.PHONY: all clean check check-asan demo deps fuzz bench
all: $(BUILD)/elfrun

$(BUILD)/elfrun: $(OBJS)
	$(CC) $(LDFLAGS_BASE) -o $@ $^

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -c -o $@ $<

$(BUILD)/libelfrun.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

clean:
	rm -rf build

-include $(OBJS:.o=.d)
-include tests/tests.mk
