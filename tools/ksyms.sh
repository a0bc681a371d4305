#!/bin/sh
# Writes the assembly for the kernel's symbol table (.ksyms) from `nm -n`
# output of a linked kernel: the text symbols, sorted by address.
# Usage: nm -n kernel.elf | tools/ksyms.sh > ksyms.S   (empty input: an empty table)
awk '
$2 ~ /^[tTwW]$/ && $1 ~ /^ffffffff8/ { addr[n] = $1; name[n] = $3; n++ }
END {
	print "\t.section .ksyms, \"a\""
	print "\t.align 8"
	print "\t.global ksyms_count, ksyms_addrs, ksyms_name_offsets, ksyms_names"
	print "ksyms_count:\t.quad " n + 0
	print "ksyms_addrs:"
	for (i = 0; i < n; i++) print "\t.quad 0x" addr[i]
	print "ksyms_name_offsets:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "ksyms_names:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
}'
