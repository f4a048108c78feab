# elfrun: run aarch64 Linux programs on x86-64 Linux.
# `make` builds build/elfrun; `make check` runs every test; `make demo` sets up
# a fresh Debian 12 machine and runs busybox through elfrun. See README.md.
#
# Variables: BUILD (output directory), CC, OPT, WERROR=1 (warnings are errors),
# SANITIZE (extra -fsanitize flags; `make check-asan` sets them).

CC ?= cc
BUILD ?= build
OPT ?= -O2
WERROR ?=
SANITIZE ?=
# Link-time optimisation lets gcc inline each instruction handler into the
# interpreter's threaded dispatch (src/cpu/interp.c): about 1.7x on the
# register loop of bench/. clang builds (a warnings check here) go without.
LTO ?= $(if $(findstring clang,$(CC)),,-flto=auto)
# elfrun is linked static (and position-independent, so the kernel puts it
# far above the guest window): no host dynamic loader runs in it, so the
# guest's LD_PRELOAD, LD_LIBRARY_PATH or LD_SHOW_AUXV, which elfrun passes
# on unchanged across exec, never act on elfrun itself. Sanitizer builds
# need the dynamic runtime.
STATIC ?= $(if $(SANITIZE),,-static-pie)
AR_LTO := $(if $(LTO),gcc-ar,ar)

# -mcx16: CASP, LDXP/STXP use cmpxchg16b (see "Atomics" in docs/internals.md).
CFLAGS_BASE := -std=gnu11 $(OPT) -g -Wall -Wextra $(if $(WERROR),-Werror) -mcx16 \
  -ffp-contract=off -frounding-math -fno-strict-aliasing -Isrc -D_GNU_SOURCE -pthread -MMD -MP \
  $(SANITIZE) $(LTO) $(if $(LTO),--param=max-inline-insns-auto=40)
LDFLAGS_BASE := -pthread $(SANITIZE) $(LTO) $(OPT)

SRCS := $(shell find src -name '*.c' -o -name '*.S' | sort)
OBJS := $(patsubst src/%,$(BUILD)/obj/%.o,$(basename $(SRCS)))
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

.PHONY: all clean check check-asan demo deps fixtures fuzz bench bench-quick
all: $(BUILD)/elfrun

$(BUILD)/elfrun: $(OBJS)
	$(CC) $(LDFLAGS_BASE) $(STATIC) -o $@ $^

# Flags live here: objects are rebuilt when they change.
$(OBJS): Makefile

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -c -o $@ $<

$(BUILD)/libelfrun.a: $(LIB_OBJS)
	rm -f $@ && $(AR_LTO) rcs $@ $^

# Installs missing build and test packages (Debian 12; needs root).
deps:
	scripts/install-deps.sh

# Debian's busybox-static:arm64, unpacked under $(FIXTURES); quick when present.
FIXTURES ?= build/fixtures
fixtures:
	scripts/fetch-fixtures.sh $(FIXTURES)

# Everything from a fresh machine to busybox running under elfrun.
demo:
	scripts/install-deps.sh
	$(MAKE) all
	scripts/fetch-fixtures.sh $(FIXTURES)
	scripts/demo.sh $(BUILD)/elfrun $(FIXTURES)/busybox-static/bin/busybox

# The whole suite against an elfrun built with AddressSanitizer and UBSan.
ASAN_BUILD ?= build-asan
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-asan:
	$(MAKE) BUILD=$(ASAN_BUILD) SANITIZE='$(ASAN_FLAGS)' check

clean:
	rm -rf $(BUILD)

-include $(OBJS:.o=.d)
-include tests/tests.mk

# elfrun vs qemu-aarch64 vs native x86-64 on the same work, one table in
# bench/results/ (Markdown and JSON). bench-quick runs fewer repetitions.
bench: $(BUILD)/elfrun
	@scripts/fetch-fixtures.sh $(BUILD)/fixtures >/dev/null || true
	$(if $(SYSROOTS),SYSROOT_GLIBC=$(SYSROOTS)/glibc) bench/run.sh $(BUILD)

bench-quick: $(BUILD)/elfrun
	@scripts/fetch-fixtures.sh $(BUILD)/fixtures >/dev/null || true
	$(if $(SYSROOTS),SYSROOT_GLIBC=$(SYSROOTS)/glibc) bench/run.sh --quick $(BUILD)

# The interpreter's speed guard (docs/bench.md): callgrind's host instructions
# per guest instruction on three kernels, against bench/guard.baseline; fails
# when one is more than 10% worse. Not part of `make check`: ~30 s of
# valgrind and qemu-aarch64 are too slow for it.
.PHONY: bench-guard bench-guard-record
bench-guard bench-guard-record: $(BUILD)/elfrun
	bench/guard.sh $(if $(findstring record,$@),--record) $(BUILD)/elfrun "$$($(CC) --version | head -1)"
