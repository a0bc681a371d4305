/*
 * User-memory copies whose faults are expected. Each instruction that may
 * touch a bad user address is listed in __ex_table with where to go
 * instead: the page-fault handler first tries to bring the page in (then
 * the same instruction runs again); if it cannot, it jumps to the fix-up,
 * which returns the error. SMAP's stac/clac are in uaccess.c.
 */
	.text
/* size_t copy_user_raw(void *dst, const void *src, size_t n): bytes NOT copied */
	.global copy_user_raw
copy_user_raw:
	movq %rdx, %rcx
1:	rep movsb
	xorl %eax, %eax
	ret
2:	movq %rcx, %rax
	ret

/* long strncpy_user_raw(char *dst, const char *src, size_t max):
 * the string's length if a NUL came within max bytes, else max; -EFAULT (-14). */
	.global strncpy_user_raw
strncpy_user_raw:
	xorl %eax, %eax
3:	cmpq %rdx, %rax
	jae 5f
4:	movb (%rsi,%rax), %cl
	movb %cl, (%rdi,%rax)
	testb %cl, %cl
	jz 5f
	incq %rax
	jmp 3b
5:	ret
6:	movq $-14, %rax
	ret

	.section __ex_table, "a"
	.quad 1b, 2b
	.quad 4b, 6b
