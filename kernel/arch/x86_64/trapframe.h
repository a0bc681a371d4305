#ifndef SYSRET_TRAPFRAME_H
#define SYSRET_TRAPFRAME_H
#include "types.h"

/*
 * What the kernel saves on its stack when an exception or interrupt enters:
 * the general registers pushed by trap_common, the vector and error code
 * pushed by the vector's stub, and the five words the CPU pushed itself.
 */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;
	uint64_t error;		/* 0 when the CPU pushes none */
	uint64_t rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

#define TF_VECTOR_OFF	(15 * 8)
#define TF_CS_OFF	(18 * 8)
#define TF_SIZE		(22 * 8)
_Static_assert(__builtin_offsetof(struct trap_frame, vector) == TF_VECTOR_OFF, "vectors.S");
_Static_assert(__builtin_offsetof(struct trap_frame, cs) == TF_CS_OFF, "vectors.S");
_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "vectors.S");

/* The vector field of a frame built by the system call entry (not a real
 * vector); its error field then holds the call's number (orig_rax). */
#define VEC_SYSCALL	0x100

static inline bool tf_from_user(const struct trap_frame *tf) { return (tf->cs & 3) == 3; }

#endif
