# Test build rules, included by the top-level Makefile. `make check` builds
# everything here, fetches the fixtures and runs tests/check.sh, which prints
# one PASS/FAIL line per test and ends with "N passed, N failed".
# docs/testing.md explains the suites and how expectations are written.

A64_CC ?= aarch64-linux-gnu-gcc
A64_MUSL_CC ?= aarch64-linux-musl-gcc
# The kernel's arm64 UAPI headers (linux-libc-dev-arm64-cross).
A64_UAPI ?= /usr/aarch64-linux-gnu/include
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60

# --- Assembly tests: tests/asm/NAME.S -> $(BUILD)/tests/asm/NAME ----------
ASM_SRCS := $(filter-out tests/asm/harness.inc,$(wildcard tests/asm/*.S))
ASM_BINS := $(ASM_SRCS:tests/asm/%.S=$(BUILD)/tests/asm/%)

$(BUILD)/tests/asm/%: tests/asm/%.S $(wildcard tests/asm/*.inc)
	@mkdir -p $(dir $@)
	$(A64_CC) -nostdlib -static -Itests/asm -o $@ $<

# --- Guest C programs, each built three ways ------------------------------
# NAME.glibc (static), NAME.musl (static), NAME.pie (glibc static-pie).
GUEST_SRCS := $(wildcard tests/guest/*.c)
GUEST_NAMES := $(GUEST_SRCS:tests/guest/%.c=%)
GUEST_MODES := glibc musl pie
GUEST_BINS := $(foreach m,$(GUEST_MODES),$(GUEST_NAMES:%=$(BUILD)/tests/guest/%.$(m)))
GUEST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra $(if $(WERROR),-Werror)
GUEST_LIBS := -lm

$(BUILD)/tests/guest/%.glibc: tests/guest/%.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static -o $@ $< $(GUEST_LIBS)

$(BUILD)/tests/guest/%.musl: tests/guest/%.c
	@mkdir -p $(dir $@)
	$(A64_MUSL_CC) $(GUEST_CFLAGS) -static -o $@ $< $(GUEST_LIBS)

$(BUILD)/tests/guest/%.pie: tests/guest/%.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static-pie -o $@ $< $(GUEST_LIBS)

# --- --strace programs (tests/strace/run.sh): the three guest builds, and
# a native x86-64 one that strace(1) traces as the oracle ------------------
STRACE_SRCS := $(wildcard tests/strace/*.c)
STRACE_NAMES := $(STRACE_SRCS:tests/strace/%.c=%)
STRACE_BINS := $(foreach m,$(GUEST_MODES) native,$(STRACE_NAMES:%=$(BUILD)/tests/strace/%.$(m)))

$(BUILD)/tests/strace/%.glibc: tests/strace/%.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static -o $@ $<

$(BUILD)/tests/strace/%.musl: tests/strace/%.c
	@mkdir -p $(dir $@)
	$(A64_MUSL_CC) $(GUEST_CFLAGS) -static -o $@ $<

$(BUILD)/tests/strace/%.pie: tests/strace/%.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static-pie -o $@ $<

# Static, as the guest builds are: a dynamic loader's calls would join the
# exec'd child's lines in tasks.
$(BUILD)/tests/strace/%.native: tests/strace/%.c
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -static -o $@ $<

tests: $(STRACE_BINS)

.PHONY: check-strace
check-strace: tests
	@tests/check.sh $(BUILD) strace '$(T)'

# --- Host unit tests: tests/unit/*.c linked against libelfrun.a -----------
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%.o)
UNIT_BIN := $(BUILD)/tests/unit/unit_tests

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(UNIT_CFLAGS) -Itests/unit -c -o $@ $<

# abi_ref.c sees the kernel's arm64 headers and nothing else, so the layouts
# it reports are the kernel's, not the host libc's.
$(BUILD)/tests/unit/abi_ref.o: UNIT_CFLAGS := -nostdinc -isystem $(A64_UAPI)

$(UNIT_BIN): $(UNIT_OBJS) $(BUILD)/libelfrun.a
	$(CC) $(LDFLAGS_BASE) -o $@ $(UNIT_OBJS) $(BUILD)/libelfrun.a

-include $(UNIT_OBJS:.o=.d)

# --- Fuzzing the ELF parser (libFuzzer) ------------------------------------
FUZZ_BIN := $(BUILD)/fuzz/fuzz_elf
FUZZ_SEEDS := $(BUILD)/fuzz/seeds
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra $(if $(WERROR),-Werror) -Isrc -D_GNU_SOURCE \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
# Built by `make check` only where the fuzzing compiler is installed.
FUZZ_IF_AVAILABLE := $(if $(shell command -v $(FUZZ_CC)),$(FUZZ_BIN) $(FUZZ_SEEDS)/.done)

$(FUZZ_BIN): tests/fuzz/fuzz_elf.c src/loader/elf.c src/loader/elf.h src/mem/guest.h \
             src/base/types.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_elf.c src/loader/elf.c

$(FUZZ_SEEDS)/.done: $(ASM_BINS) $(GUEST_BINS) scripts/fuzz-seeds.sh scripts/bad-elfs.sh
	scripts/fuzz-seeds.sh $(BUILD) $(FUZZ_SEEDS)
	@touch $@

# `make fuzz FUZZ_SECONDS=600`: new inputs go to $(BUILD)/fuzz/corpus, crashes
# to $(BUILD)/fuzz/crash-*.
fuzz: $(FUZZ_BIN) $(FUZZ_SEEDS)/.done
	@mkdir -p $(BUILD)/fuzz/corpus
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 \
	  -artifact_prefix=$(BUILD)/fuzz/ -print_final_stats=1 \
	  $(BUILD)/fuzz/corpus $(FUZZ_SEEDS)

# --- Random-instruction differential tester (tests/isa/) ------------------
# isatool (host) generates cases and compares; runner (static aarch64) runs
# them under qemu-aarch64 -cpu max and under elfrun. docs/testing.md.
ISA_TOOL := $(BUILD)/tests/isa/isatool
ISA_RUNNER := $(BUILD)/tests/isa/runner
ISA_TOOL_SRCS := $(filter-out tests/isa/runner.c,$(wildcard tests/isa/*.c))
ISA_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra $(if $(WERROR),-Werror)
$(ISA_TOOL): $(ISA_TOOL_SRCS) $(wildcard tests/isa/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ISA_CFLAGS) -o $@ $(ISA_TOOL_SRCS)

$(ISA_RUNNER): tests/isa/runner.c tests/isa/runner_entry.S tests/isa/isa.h
	@mkdir -p $(dir $@)
	$(A64_CC) $(ISA_CFLAGS) -static -o $@ tests/isa/runner.c tests/isa/runner_entry.S

tests: $(ISA_TOOL) $(ISA_RUNNER)

# Debian's python3.11, lua5.4, xz and 7zz b with --jit=off, on and always:
# the same results, and the speed-up of each (tests/jit/programs.sh).
.PHONY: test-jit-programs
test-jit-programs: $(BUILD)/elfrun
	tests/jit/programs.sh --full $(BUILD)/elfrun $(or $(SYSROOTS),build/sysroot)/glibc \
	  $(BUILD)/test-out/jit-programs-full

.PHONY: check-isa isa-soak
check-isa: tests
	@tests/check.sh $(BUILD) isa '$(T)'

# `make isa-soak N=10000000 [SEED=n]`: a long run, N instructions in all,
# with the per-class table and the time taken at the end.
isa-soak: $(BUILD)/elfrun $(ISA_TOOL) $(ISA_RUNNER)
	$(ISA_TOOL) soak --runner $(ISA_RUNNER) --elfrun $(BUILD)/elfrun --insns $(or $(N),10000000) \
	  --seed $(or $(SEED),1000) --out $(BUILD)/test-out/isa-soak

# --- Running ----------------------------------------------------------------
.PHONY: tests test-bins check-deps check-asm check-unit check-cli check-guest check-busybox
tests: $(BUILD)/elfrun $(ASM_BINS) $(GUEST_BINS) $(UNIT_BIN)

# Only the aarch64 test programs (what scripts/oracle.sh needs).
test-bins: $(ASM_BINS) $(GUEST_BINS)

# Everything the suites run against. Fixtures are fetched here; without
# network the busybox suite then reports itself skipped instead.
check-deps: tests $(FUZZ_IF_AVAILABLE)
	@scripts/fetch-fixtures.sh $(FIXTURES) || echo "warning: fixtures unavailable" >&2
	@$(MAKE) --no-print-directory sysroots || echo "warning: sysroots unavailable" >&2

check: check-deps
	@FIXTURES=$(FIXTURES) tests/check.sh $(BUILD)

# One suite, optionally only the tests whose name contains T (ASM for asm).
check-asm: tests
	@tests/check.sh $(BUILD) asm '$(ASM)'

check-unit check-cli check-guest: tests $(FUZZ_IF_AVAILABLE)
	@tests/check.sh $(BUILD) $(@:check-%=%) '$(T)'

check-busybox: check-deps
	@FIXTURES=$(FIXTURES) tests/check.sh $(BUILD) busybox '$(T)'

# The sysroot's host fallback, end to end (docs/sysroot.md): busybox under
# elfrun --sysroot in a sysroot the script makes; qemu-aarch64 -L re-checks
# the expectations where it agrees. `make check` runs it as suite sysroot.
.PHONY: test-sysroot-host-fallback
test-sysroot-host-fallback: $(BUILD)/elfrun
	@scripts/fetch-fixtures.sh $(FIXTURES) >/dev/null || echo "warning: fixtures unavailable" >&2
	tests/sysroot/host_fallback.sh $(BUILD)/elfrun $(FIXTURES)/busybox-static/bin/busybox \
	  "$$(command -v qemu-aarch64)"

# --- The sidecar case-folding layer (docs/sidecar.md, tests/casefold/) -----
# collide (the 12 collision cases, aarch64 and native: the native run is the
# oracle), churn (the kill-at-random workload) and cifuse (a case-insensitive
# FUSE file system; built only where pkg-config knows fuse3, else its tests
# are skipped). `make check` runs the quick ones as suite casefold.
CF_DIR := $(BUILD)/tests/casefold
CF_FUSE := $(if $(shell pkg-config --exists fuse3 2>/dev/null && echo y),$(CF_DIR)/cifuse)
CF_BINS := $(CF_DIR)/collide $(CF_DIR)/collide.native $(CF_DIR)/churn $(CF_DIR)/execfn \
  $(CF_DIR)/execfn.native $(CF_FUSE)

$(CF_DIR)/collide: tests/casefold/collide.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static -o $@ $<

$(CF_DIR)/collide.native: tests/casefold/collide.c
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -o $@ $<

$(CF_DIR)/churn: tests/casefold/churn.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static -pthread -o $@ $<

$(CF_DIR)/execfn: tests/casefold/execfn.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GUEST_CFLAGS) -static -o $@ $<

$(CF_DIR)/execfn.native: tests/casefold/execfn.c
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -o $@ $<

$(CF_DIR)/cifuse: tests/casefold/cifuse.c
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -D_GNU_SOURCE $$(pkg-config --cflags fuse3) -o $@ $< \
	  $$(pkg-config --libs fuse3)

tests: $(CF_BINS)

.PHONY: test-case-collision test-case-collision-fallback test-casefold-crash \
  test-sysroot-host-fallback-ci test-sysroot-import check-casefold test-casefold-execfn \
  matrix-casefold
test-case-collision: $(BUILD)/elfrun $(CF_BINS)
	tests/casefold/run.sh $(BUILD) collision

test-case-collision-fallback: $(BUILD)/elfrun $(CF_BINS)
	tests/casefold/run.sh $(BUILD) collision-fallback

# `make test-casefold-crash [N=200]`.
test-casefold-crash: $(BUILD)/elfrun $(CF_BINS)
	tests/casefold/run.sh $(BUILD) crash $(or $(N),200)

test-sysroot-import: $(BUILD)/elfrun $(CF_BINS)
	@scripts/fetch-fixtures.sh $(FIXTURES) >/dev/null || echo "warning: fixtures unavailable" >&2
	tests/casefold/run.sh $(BUILD) import $(FIXTURES)/busybox-static/bin/busybox

test-sysroot-host-fallback-ci: $(BUILD)/elfrun $(CF_BINS)
	@scripts/fetch-fixtures.sh $(FIXTURES) >/dev/null || echo "warning: fixtures unavailable" >&2
	tests/casefold/run.sh $(BUILD) host-fallback $(FIXTURES)/busybox-static/bin/busybox \
	  "$$(command -v qemu-aarch64)"

test-casefold-execfn: $(BUILD)/elfrun $(CF_BINS)
	tests/casefold/run.sh $(BUILD) execfn

# The matrix's glibc-dyn and musl-dyn suites with their sysroots imported
# onto cifuse (about 2.5 minutes; `make check` runs the musl-dyn one).
matrix-casefold: $(BUILD)/elfrun $(CF_BINS) sysroots
	tests/casefold/run.sh $(BUILD) matrix $(SYSROOTS)

check-casefold: tests
	@FIXTURES=$(FIXTURES) tests/check.sh $(BUILD) casefold '$(T)'

# --- The test matrix: Debian's arm64 programs, elfrun against the oracles ----
# `make sysroots` assembles the arm64 sysroots the matrix runs in (glibc,
# musl and static, under $(SYSROOTS)) and fetches the chroot oracle's
# qemu-user-static; the slow parts (downloads, the musl coreutils build) are
# cached outside the tree, so it is quick once done.
# `make matrix` runs tests/matrix/run.sh against $(BUILD)/elfrun; MATRIX_ARGS
# passes it options (--suite static, --engine qemu, a name pattern).
SYSROOTS ?= build/sysroot
MATRIX_ARGS ?=
.PHONY: sysroots matrix
sysroots:
	@scripts/make-sysroot-glibc.sh $(SYSROOTS)/glibc
	@scripts/make-sysroot-musl.sh $(SYSROOTS)/musl
	@scripts/make-sysroot-static.sh $(SYSROOTS)/static
	@scripts/arm64-chroot.sh --prepare >/dev/null

matrix: $(BUILD)/elfrun sysroots
	@SYSROOTS=$(SYSROOTS) tests/matrix/run.sh --build $(BUILD) $(MATRIX_ARGS)

# Job control in interactive arm64 shells under a pseudo-terminal
# (tests/pty/run.sh; `tests/pty/run.sh --oracle build/sysroot` rewrites the
# expectations from the arm64 chroot), nested exec chains against the
# chroot (tests/exec/run.sh) and elfrun --install-binfmt in a private
# binfmt_misc (tests/binfmt/run.sh). `make check` runs all three.
.PHONY: check-pty check-exec check-binfmt
check-pty: $(BUILD)/elfrun sysroots
	@tests/check.sh $(BUILD) pty '$(T)'

check-exec: $(BUILD)/elfrun sysroots
	@tests/check.sh $(BUILD) exec '$(T)'

check-binfmt: $(BUILD)/elfrun $(BUILD)/tests/guest/hello.glibc $(BUILD)/tests/guest/args.glibc
	@tests/check.sh $(BUILD) binfmt '$(T)'

# 10,000 queued real-time signals plus a SIGUSR1 stream against 8 busy
# threads, 20 runs per libc: no real-time signal lost or duplicated.
.PHONY: stress-signals
stress-signals: $(BUILD)/elfrun
	tests/stress/run.sh $(BUILD) $(or $(N),20)

# --- `make syscall-coverage`: every aarch64 system call number as implemented,
# refused (with its errno and reason) or missing, from src/linux/syscalls.def.
.PHONY: syscall-coverage
syscall-coverage:
	@A64_CC=$(A64_CC) scripts/syscall-coverage.sh

# --- The GDB stub (docs/gdb.md, tests/gdb/): gdb-multiarch --batch scripts
# against elfrun --gdb; programs built -O0 -g, static, static-pie and
# dynamic (debugged under build/sysroot/glibc). `make check` runs suite gdb;
# `make check-gdb-qemu` runs the same scripts against qemu-aarch64 -g too.
GDB_TEST_DIR := $(BUILD)/tests/gdb
GDB_TEST_CFLAGS := -std=gnu11 -O0 -g
GDB_TEST_BINS := $(GDB_TEST_DIR)/basic $(GDB_TEST_DIR)/basic.pie $(GDB_TEST_DIR)/basic.dyn \
  $(GDB_TEST_DIR)/threads $(GDB_TEST_DIR)/spin

$(GDB_TEST_DIR)/basic: tests/gdb/basic.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GDB_TEST_CFLAGS) -static -o $@ $<

$(GDB_TEST_DIR)/basic.pie: tests/gdb/basic.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GDB_TEST_CFLAGS) -static-pie -o $@ $<

$(GDB_TEST_DIR)/basic.dyn: tests/gdb/basic.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GDB_TEST_CFLAGS) -o $@ $<

$(GDB_TEST_DIR)/spin: tests/gdb/spin.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GDB_TEST_CFLAGS) -static -o $@ $<

$(GDB_TEST_DIR)/threads: tests/gdb/threads.c
	@mkdir -p $(dir $@)
	$(A64_CC) $(GDB_TEST_CFLAGS) -static -pthread -o $@ $<

tests: $(GDB_TEST_BINS)

.PHONY: check-gdb check-gdb-qemu
check-gdb: $(BUILD)/elfrun $(GDB_TEST_BINS)
	@tests/check.sh $(BUILD) gdb '$(T)'

check-gdb-qemu: $(BUILD)/elfrun $(GDB_TEST_BINS)
	tests/gdb/run.sh $(BUILD) qemu '$(T)'
