# Test build rules, included by the top-level Makefile. `make check` builds
# everything here and runs tests/check.sh, which prints "N passed, N failed".

A64_CC ?= aarch64-linux-gnu-gcc
A64_MUSL_CC ?= aarch64-linux-musl-gcc

ASM_SRCS := $(filter-out tests/asm/harness.inc,$(wildcard tests/asm/*.S))
ASM_BINS := $(ASM_SRCS:tests/asm/%.S=$(BUILD)/tests/asm/%)

$(BUILD)/tests/asm/%: tests/asm/%.S tests/asm/harness.inc
	@mkdir -p $(dir $@)
	$(A64_CC) -nostdlib -static -Itests/asm -o $@ $<

.PHONY: tests check-asm
tests: $(BUILD)/elfrun $(ASM_BINS)

check: tests
	@tests/check.sh $(BUILD)

# Only the assembly tests matching ASM=pattern (default: all).
check-asm: tests
	@tests/check.sh $(BUILD) asm '$(ASM)'
