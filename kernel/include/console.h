#ifndef SYSRET_CONSOLE_H
#define SYSRET_CONSOLE_H
#include "types.h"

/* The kernel console (COM1). Output polls; input arrives by interrupt. */
void console_init(void);		/* early: output only */
void console_enable_rx_irq(void);	/* once the IOAPIC is up */
void console_write(const char *s, size_t n);	/* "\n" becomes "\r\n" (the kernel's messages) */
void console_write_raw(const char *s, size_t n);	/* as it is (the tty does its own output processing) */
int console_getc_nonblock(void);	/* -1 if nothing has arrived */
uint64_t console_rx_count(void);	/* bytes received by interrupt */
/* From now on each received byte goes to fn (in interrupt context), not the ring. */
void console_set_rx_hook(void (*fn)(char c));
void tty_init(void);
struct proc;
struct file;
void tty_session_leader_exit(struct proc *p);
int tty_open(struct file *f, uint32_t rdev);
struct tty;
int tty_foreground(struct tty *t);

#endif
