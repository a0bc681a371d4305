# sysret: `make` builds the kernel and the initramfs; `make run` boots them;
# `make test` runs every test. Both install the Debian packages they miss.

CC      := gcc
LD      := ld
NM      := nm
MUSLCC  := musl-gcc
BUILD   := build

# The one place the QEMU CPU model is chosen: "max" has NX, SMEP, SMAP and
# XSAVE under software emulation. The kernel also runs on the default qemu64.
QEMU_CPU ?= max
SMP      ?= 2
MEM      ?= 512M
QEMU     := qemu-system-x86_64
QEMU_ARGS = -cpu $(QEMU_CPU) -m $(MEM) -smp $(SMP) -nographic -no-reboot \
            -kernel $(BUILD)/sysret.elf -initrd $(BUILD)/initramfs.cpio

KCFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdlib -fno-pic -fno-pie \
           -mcmodel=kernel -mno-red-zone -mgeneral-regs-only -mno-mmx -mno-sse -mno-sse2 \
           -fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
           -fno-tree-loop-distribute-patterns -fcf-protection=none \
           -Wall -Wextra -Werror -MMD -MP \
           -Ikernel/include -Ikernel/arch/x86_64 -I$(BUILD)
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
            -T kernel/kernel.ld

KSRC := $(wildcard kernel/*.c kernel/lib/*.c kernel/mm/*.c kernel/fs/*.c kernel/tty/*.c kernel/arch/x86_64/*.c)
KASM := $(wildcard kernel/arch/x86_64/*.S)
KOBJ := $(patsubst %.c,$(BUILD)/%.o,$(KSRC)) $(patsubst %.S,$(BUILD)/%.o,$(KASM))

USER_PROGS := init sh
USER_BINS  := $(addprefix $(BUILD)/user/,$(USER_PROGS))
# The tools (user/bin) and the lecture demos (user/demos) go to /bin.
TOOLS      := $(patsubst user/bin/%.c,$(BUILD)/user/bin/%,$(wildcard user/bin/*.c))
DEMOS      := $(patsubst user/demos/%.c,$(BUILD)/user/demos/%,$(wildcard user/demos/*.c))

.PHONY: all run test debug gdb deps clean bench trace docs
all: $(BUILD)/sysret.elf $(BUILD)/initramfs.cpio

# The error-code mask the IDT stubs need, generated from the exception table.
$(BUILD)/gen/errcode.h: tools/gen_errcode.c kernel/arch/x86_64/exceptions.c kernel/arch/x86_64/exceptions.h
	@mkdir -p $(dir $@)
	$(CC) -O1 -Ikernel/include -Ikernel/arch/x86_64 -o $(BUILD)/gen/gen_errcode tools/gen_errcode.c kernel/arch/x86_64/exceptions.c
	$(BUILD)/gen/gen_errcode > $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S $(BUILD)/gen/errcode.h
	@mkdir -p $(dir $@)
	@echo "  AS   $<"
	@$(CC) $(KCFLAGS) -D__ASSEMBLER__ -c $< -o $@

# Linked twice: the first link gives the addresses for the symbol table
# (.ksyms) that the second embeds. .ksyms comes after all code, so no
# function moves; the build checks that.
$(BUILD)/sysret.elf: $(KOBJ) kernel/kernel.ld tools/ksyms.sh
	tools/ksyms.sh < /dev/null > $(BUILD)/ksyms0.S
	$(CC) -c $(BUILD)/ksyms0.S -o $(BUILD)/ksyms0.o
	$(LD) $(KLDFLAGS) -o $(BUILD)/sysret.pass1.elf $(KOBJ) $(BUILD)/ksyms0.o
	$(NM) -n $(BUILD)/sysret.pass1.elf | tools/ksyms.sh > $(BUILD)/ksyms.S
	$(CC) -c $(BUILD)/ksyms.S -o $(BUILD)/ksyms.o
	$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(BUILD)/ksyms.o
	$(NM) -n $@ | tools/ksyms.sh | cmp -s - $(BUILD)/ksyms.S || \
		{ echo "ksyms: functions moved between links"; rm -f $@; exit 1; }

$(BUILD)/user/%: user/%.c
	@mkdir -p $(dir $@)
	$(MUSLCC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/user/sh: $(wildcard user/sh/*.c user/sh/*.h)
	@mkdir -p $(dir $@)
	$(MUSLCC) -static -O2 -Wall -Wextra -Werror -o $@ $(wildcard user/sh/*.c)

$(BUILD)/user/bin/%: user/bin/%.c
	@mkdir -p $(dir $@)
	@echo "  MUSL $<"
	@$(MUSLCC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/user/demos/%: user/demos/%.c
	@mkdir -p $(dir $@)
	@echo "  MUSL $<"
	@$(MUSLCC) -static -O2 -Wall -Wextra -Werror -o $@ $<

# Byte-reproducible: fixed order, owners and times.
$(BUILD)/initramfs.cpio: $(USER_BINS) $(TOOLS) $(DEMOS)
	rm -rf $(BUILD)/rootfs && mkdir -p $(BUILD)/rootfs/bin $(BUILD)/rootfs/dev
	cp $(BUILD)/user/init $(BUILD)/rootfs/init
	cp $(BUILD)/user/sh $(TOOLS) $(DEMOS) $(BUILD)/rootfs/bin/
	cd $(BUILD)/rootfs && find . -exec touch -h -d @0 {} + && find . -mindepth 1 | LC_ALL=C sort | \
		cpio --quiet -o -H newc -R 0:0 --reproducible > ../initramfs.cpio.tmp
	mv $(BUILD)/initramfs.cpio.tmp $@

# The benchmarks (bench/): the same initramfs boots sysret and Linux. Its
# /init runs every program and powers off.
BENCH      := $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/*.c))

$(BUILD)/bench/%: bench/%.c bench/bench.h
	@mkdir -p $(dir $@)
	@echo "  MUSL $<"
	@$(MUSLCC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/bench.cpio: $(BENCH) $(BUILD)/user/sh
	rm -rf $(BUILD)/benchfs && mkdir -p $(BUILD)/benchfs/bin $(BUILD)/benchfs/dev
	cp $(BUILD)/bench/init $(BUILD)/benchfs/init
	cp $(filter-out $(BUILD)/bench/init,$(BENCH)) $(BUILD)/user/sh $(BUILD)/benchfs/bin/
	cd $(BUILD)/benchfs && find . -exec touch -h -d @0 {} + && find . -mindepth 1 | LC_ALL=C sort | \
		cpio --quiet -o -H newc -R 0:0 --reproducible > ../bench.cpio.tmp
	mv $(BUILD)/bench.cpio.tmp $@

bench: deps all $(BUILD)/bench.cpio
	@bench/run.py $(BENCH_ARGS)

# A lecture demo under the trace: pictures in build/ (tools/trace/demo.py).
DEMO ?= fork
trace: deps all
	@tools/trace/demo.py $(DEMO) --smp $(SMP)

# The guide's pictures (docs/pictures/), drawn from real runs of the demos
# under the trace, the same every time (tools/trace/docs.py).
docs: deps all
	@tools/trace/docs.py
	@tools/trace/check_docs.py

deps:
	@scripts/deps.sh

run: deps all
	$(QEMU) $(QEMU_ARGS) -append "console=ttyS0 $(APPEND)"

test: deps all $(BUILD)/bench.cpio
	@tests/run.py

# QEMU stopped at the first instruction, waiting for gdb on port 1234;
# then `make gdb` in another terminal.
debug: deps all
	$(QEMU) $(QEMU_ARGS) -s -S -append "console=ttyS0 $(APPEND)"

# PROG=build/user/demos/fork also loads a user program's symbols (static,
# linked at fixed addresses) once the kernel has stopped at kmain.
gdb:
	gdb -x tools/gdbinit $(if $(PROG),-ex "add-symbol-file $(PROG)")

clean:
	rm -rf $(BUILD)

-include $(KOBJ:.o=.d)
