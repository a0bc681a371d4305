/*
 * User-memory copies whose faults are expected. Each instruction that may
 * touch a bad user address is listed in __ex_table with where to go
 * instead: the page-fault handler first tries to bring the page in (then
 * the same instruction runs again); if it cannot, it jumps to the fix-up,
 * which returns the error. SMAP's stac/clac are in uaccess.c.
 */
	.text
/* size_t copy_user_raw(void *dst, const void *src, size_t n): bytes NOT copied.
 * Eight bytes a step, then the tail: a signal frame is a kilobyte or more. */
	.global copy_user_raw
copy_user_raw:
	movq %rdx, %rcx
	shrq $3, %rcx
	andl $7, %edx
1:	rep movsq
	movl %edx, %ecx
7:	rep movsb
	xorl %eax, %eax
	ret
2:	leaq (%rdx,%rcx,8), %rax	/* faulted among the quadwords */
	ret
8:	movq %rcx, %rax			/* faulted in the tail */
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

/* long fpu_save_user_raw(void *ufp, long xsave): the FPU registers straight
 * into the user's signal frame (XSAVE, all components, or FXSAVE); 0 or -EFAULT. */
	.global fpu_save_user_raw
fpu_save_user_raw:
	testq %rsi, %rsi
	jz 11f
	movl $-1, %eax
	movl $-1, %edx
9:	xsave64 (%rdi)
	xorl %eax, %eax
	ret
11:	fxsave64 (%rdi)
	xorl %eax, %eax
	ret
10:	movq $-14, %rax
	ret

/* long fpu_restore_user_raw(const void *ufp, long xsave): the FPU registers
 * straight from a user's signal frame; 0, or -EFAULT if the image is not
 * readable or the CPU refuses it (#GP: reserved MXCSR or header bits). */
	.global fpu_restore_user_raw
fpu_restore_user_raw:
	testq %rsi, %rsi
	jz 13f
	movl $-1, %eax
	movl $-1, %edx
12:	xrstor64 (%rdi)
	xorl %eax, %eax
	ret
13:	fxrstor64 (%rdi)
	xorl %eax, %eax
	ret

	.section __ex_table, "a"
	.quad 1b, 2b
	.quad 7b, 8b
	.quad 4b, 6b
	.quad 9b, 10b
	.quad 11b, 10b
	.quad 12b, 10b
	.quad 13b, 10b
