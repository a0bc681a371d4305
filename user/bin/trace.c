/*
 * trace: run a command and show, strace-style, what it asks of the kernel.
 *
 *   trace [-e KINDS] [-o FILE] [-r RAWFILE] CMD [ARGS...]
 *   trace [-e KINDS] [-o FILE] --format RAWFILE      (RAWFILE "-": stdin)
 *
 * The first form forks; the child waits on a pipe while the parent tells
 * /proc/trace (docs/TRACE.md) to record it and its descendants, then runs
 * CMD (looked up in PATH). The parent reads the trace every 10 ms (and at
 * once when the child exits: it waits for SIGCHLD) until
 * the child is gone, writes the log (to stderr, or FILE with -o), copies
 * every raw line to RAWFILE with -r, and exits with the child's status
 * (128 + N if signal N killed it). Like strace, it starts at execve: the
 * child's own system calls before it are left out of both. The second
 * form only decodes a raw trace saved earlier, onto stdout: the host
 * tools run it that way.
 *
 * The log reads like `strace -f`: one `name(args) = ret` line per system
 * call, split into `<unfinished ...>` and `<... name resumed>` when other
 * events come in between; `--- SIG... {...} ---` for a signal taken;
 * `+++ exited with N +++` at the end of each process; `[pid N] ` before
 * each line while more than one process is alive. KINDS (default
 * syscall,signal,proc; "all" for all six) says what the kernel records;
 * given explicitly, it also shows what strace has no line for (exceptions,
 * interrupts, context switches, signals sent, fork/exec/reap) as
 * `--- ... ---` comment lines. Events lost by the kernel are always shown.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define TRACE_FILE "/proc/trace"
#define MAX_KEYS 16
#define STR_MAX 32		/* strace shows at most 32 bytes of a buffer */
#define RET_COLUMN 40		/* strace's column for "= ret" */

/* ---- one line of the raw trace ---- */

struct kv {
	const char *key;
	char *val;
	size_t len;		/* bytes in val: a quoted value may hold NULs */
};

struct event {
	unsigned long long ts;
	int cpu, pid;
	const char *kind;
	int nkeys;
	struct kv kv[MAX_KEYS];
};

/* A number as the kernel writes it: decimal, 0x hex, maybe negative. */
static unsigned long long parse_num(const char *s)
{
	bool neg = *s == '-';
	s += neg;
	unsigned long long v = s[0] == '0' && s[1] == 'x' ? strtoull(s + 2, NULL, 16) : strtoull(s, NULL, 10);
	return neg ? -v : v;
}

/* Undoes the C escapes of a quoted value in place, from just after the
 * opening quote; returns the end of the value (after the closing quote). */
static char *unquote(char *s, size_t *len)
{
	static const char plain[] = "nt\"\\rvf0", real[] = "\n\t\"\\\r\v\f";
	char *w = s, *r = s;
	while (*r && *r != '"') {
		if (*r != '\\' || !r[1]) {
			*w++ = *r++;
		} else if (r[1] == 'x' && r[2] && r[3]) {
			char hex[3] = { r[2], r[3], 0 };
			*w++ = (char)strtoul(hex, NULL, 16);
			r += 4;
		} else {
			const char *p = strchr(plain, r[1]);
			*w++ = p ? real[p - plain] : r[1];
			r += 2;
		}
	}
	*len = w - s;
	if (*r)
		r++;
	*w = 0;
	return r;
}

/* Splits "TS CPU PID KIND key=value..." into ev, in place; false if it is
 * not an event line. */
static bool parse_line(char *line, struct event *ev)
{
	char *fields[4];
	line[strcspn(line, "\n")] = 0;
	for (int i = 0; i < 4; i++) {
		line += strspn(line, " ");
		fields[i] = line;
		line += strcspn(line, " ");
		if (fields[i] == line)
			return false;
		if (*line)
			*line++ = 0;
	}
	if (fields[0][0] < '0' || fields[0][0] > '9')
		return false;
	ev->ts = parse_num(fields[0]);
	ev->cpu = (int)parse_num(fields[1]);
	ev->pid = (int)parse_num(fields[2]);
	ev->kind = fields[3];
	for (ev->nkeys = 0; ev->nkeys < MAX_KEYS && *(line += strspn(line, " ")); ev->nkeys++) {
		struct kv *kv = &ev->kv[ev->nkeys];
		kv->key = line;
		line += strcspn(line, "= ");
		if (*line != '=')
			return false;
		*line++ = 0;
		kv->val = line;
		if (*line == '"') {
			kv->val = ++line;
			line = unquote(line, &kv->len);
		} else {
			line += strcspn(line, " ");
			kv->len = line - kv->val;
		}
		if (*line)
			*line++ = 0;
	}
	return true;
}

static const struct kv *find_key(const struct event *ev, const char *key)
{
	for (int i = 0; i < ev->nkeys; i++)
		if (!strcmp(ev->kv[i].key, key))
			return &ev->kv[i];
	return NULL;
}

static const char *str_key(const struct event *ev, const char *key)
{
	const struct kv *kv = find_key(ev, key);
	return kv ? kv->val : "";
}

/* The six numbers of args=A0,...,A5 (0 for those missing). */
static void parse_args(const struct event *ev, unsigned long long arg[6])
{
	const char *s = str_key(ev, "args");
	for (int i = 0; i < 6; i++) {
		arg[i] = *s ? parse_num(s) : 0;
		s += strcspn(s, ",");
		s += *s == ',';
	}
}

static long long num_key(const struct event *ev, const char *key)
{
	const struct kv *kv = find_key(ev, key);
	return kv ? (long long)parse_num(kv->val) : 0;
}

/* ---- names of numbers ---- */

struct name {
	long long num;
	const char *name;
};

#define N(x) { x, #x }

/* Errno names with the text strace prints: glibc's strerror(), which for
 * many (ECHILD, ENOMEM, ENOTTY, ESPIPE...) is not musl's. */
struct errno_name {
	int num;
	const char *name, *text;
};

#define E(x, text) { x, #x, text }

static const struct errno_name errnos[] = {
	E(EPERM, "Operation not permitted"),
	E(ENOENT, "No such file or directory"),
	E(ESRCH, "No such process"),
	E(EINTR, "Interrupted system call"),
	E(EIO, "Input/output error"),
	E(ENXIO, "No such device or address"),
	E(E2BIG, "Argument list too long"),
	E(ENOEXEC, "Exec format error"),
	E(EBADF, "Bad file descriptor"),
	E(ECHILD, "No child processes"),
	E(EAGAIN, "Resource temporarily unavailable"),
	E(ENOMEM, "Cannot allocate memory"),
	E(EACCES, "Permission denied"),
	E(EFAULT, "Bad address"),
	E(ENOTBLK, "Block device required"),
	E(EBUSY, "Device or resource busy"),
	E(EEXIST, "File exists"),
	E(EXDEV, "Invalid cross-device link"),
	E(ENODEV, "No such device"),
	E(ENOTDIR, "Not a directory"),
	E(EISDIR, "Is a directory"),
	E(EINVAL, "Invalid argument"),
	E(ENFILE, "Too many open files in system"),
	E(EMFILE, "Too many open files"),
	E(ENOTTY, "Inappropriate ioctl for device"),
	E(ETXTBSY, "Text file busy"),
	E(EFBIG, "File too large"),
	E(ENOSPC, "No space left on device"),
	E(ESPIPE, "Illegal seek"),
	E(EROFS, "Read-only file system"),
	E(EMLINK, "Too many links"),
	E(EPIPE, "Broken pipe"),
	E(EDOM, "Numerical argument out of domain"),
	E(ERANGE, "Numerical result out of range"),
	E(EDEADLK, "Resource deadlock avoided"),
	E(ENAMETOOLONG, "File name too long"),
	E(ENOLCK, "No locks available"),
	E(ENOSYS, "Function not implemented"),
	E(ENOTEMPTY, "Directory not empty"),
	E(ELOOP, "Too many levels of symbolic links"),
	E(ENOMSG, "No message of desired type"),
	E(EOVERFLOW, "Value too large for defined data type"),
	E(EILSEQ, "Invalid or incomplete multibyte or wide character"),
	E(ENOTSOCK, "Socket operation on non-socket"),
	E(EOPNOTSUPP, "Operation not supported"),
	E(EADDRINUSE, "Address already in use"),
	E(ECONNRESET, "Connection reset by peer"),
	E(ENOBUFS, "No buffer space available"),
	E(EISCONN, "Transport endpoint is already connected"),
	E(ENOTCONN, "Transport endpoint is not connected"),
	E(ETIMEDOUT, "Connection timed out"),
	E(ECONNREFUSED, "Connection refused"),
	E(EALREADY, "Operation already in progress"),
	E(EINPROGRESS, "Operation now in progress"),
	E(ECANCELED, "Operation canceled"),
};

/* Kernel-internal codes, never seen by a program: strace prints "= ? NAME". */
static const struct name restarts[] = {
	{ 512, "ERESTARTSYS (To be restarted if SA_RESTART is set)" },
	{ 513, "ERESTARTNOINTR (To be restarted)" },
	{ 514, "ERESTARTNOHAND (To be restarted if no handler)" },
	{ 515, "ENOIOCTLCMD (No ioctl command)" },
	{ 516, "ERESTART_RESTARTBLOCK (Interrupted by signal)" },
};

static const struct name signals[] = {
	N(SIGHUP), N(SIGINT), N(SIGQUIT), N(SIGILL), N(SIGTRAP), N(SIGABRT), N(SIGBUS),
	N(SIGFPE), N(SIGKILL), N(SIGUSR1), N(SIGSEGV), N(SIGUSR2), N(SIGPIPE), N(SIGALRM),
	N(SIGTERM), N(SIGSTKFLT), N(SIGCHLD), N(SIGCONT), N(SIGSTOP), N(SIGTSTP), N(SIGTTIN),
	N(SIGTTOU), N(SIGURG), N(SIGXCPU), N(SIGXFSZ), N(SIGVTALRM), N(SIGPROF), N(SIGWINCH),
	N(SIGIO), N(SIGPWR), N(SIGSYS),
};

/* si_code: the generic ones, then per signal for the kernel's (> 0). */
static const struct name si_codes[] = {
	{ 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { -1, "SI_QUEUE" }, { -2, "SI_TIMER" },
	{ -3, "SI_MESGQ" }, { -4, "SI_ASYNCIO" }, { -5, "SI_SIGIO" }, { -6, "SI_TKILL" },
};
static const struct name cld_codes[] = {
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
};
static const struct name segv_codes[] = { { 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" } };
static const struct name bus_codes[] = { { 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" } };
static const struct name ill_codes[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" }, { 4, "ILL_ILLTRP" },
	{ 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" }, { 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" },
};
static const struct name fpe_codes[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" }, { 4, "FPE_FLTOVF" },
	{ 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" }, { 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" },
};
static const struct name trap_codes[] = { { 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" } };

static const char *lookup(const struct name *t, size_t n, long long num)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].num == num)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, num) lookup(t, ARRAY_SIZE(t), num)

static const struct errno_name *find_errno(long long num)
{
	for (size_t i = 0; i < ARRAY_SIZE(errnos); i++)
		if (errnos[i].num == num)
			return &errnos[i];
	return NULL;
}

/* "SIGINT", "SIGRT_3", or the number in buf. */
static const char *signal_name(long long sig, char *buf, size_t n)
{
	const char *name = LOOKUP(signals, sig);
	if (name)
		return name;
	if (sig == 32)
		return "SIGRTMIN";
	snprintf(buf, n, sig > 32 && sig <= 64 ? "SIGRT_%lld" : "%lld", sig - (sig > 32 && sig <= 64 ? 32 : 0));
	return buf;
}

static bool is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

/* The si_code's name for signal sig, or NULL. */
static const char *si_code_name(int sig, long long code)
{
	if (code <= 0 || code == 0x80)
		return LOOKUP(si_codes, code);
	switch (sig) {
	case SIGCHLD: return LOOKUP(cld_codes, code);
	case SIGSEGV: return LOOKUP(segv_codes, code);
	case SIGBUS: return LOOKUP(bus_codes, code);
	case SIGILL: return LOOKUP(ill_codes, code);
	case SIGFPE: return LOOKUP(fpe_codes, code);
	case SIGTRAP: return LOOKUP(trap_codes, code);
	}
	return NULL;
}

/* The si_code's name, or its number in buf. */
static const char *si_code_text(int sig, long long code, char *buf, size_t n)
{
	const char *name = si_code_name(sig, code);
	if (name)
		return name;
	snprintf(buf, n, "%lld", code);
	return buf;
}

/* Bit flags, with the Linux x86-64 values: the trace shows raw numbers. */
struct flag {
	unsigned long long bits;
	const char *name;
};

/* strace's order: composite values before their parts. */
static const struct flag open_flags[] = {
	{ 0100, "O_CREAT" }, { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" }, { 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" }, { 04010000, "O_SYNC" }, { 010000, "O_DSYNC" },
	{ 040000, "O_DIRECT" }, { 0100000, "O_LARGEFILE" }, { 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" }, { 010000000, "O_PATH" },
	{ 020200000, "O_TMPFILE" }, { 0200000, "O_DIRECTORY" }, { 020000, "FASYNC" },
};
static const struct flag fd_flags[] = { { 04000, "O_NONBLOCK" }, { 02000000, "O_CLOEXEC" } };
static const struct flag prot_flags[] = {
	{ 1, "PROT_READ" }, { 2, "PROT_WRITE" }, { 4, "PROT_EXEC" }, { 0x8, "PROT_SEM" },
	{ 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" },
};
static const struct flag map_flags[] = {
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" }, { 0x40, "MAP_32BIT" },
	{ 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" }, { 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" }, { 0x20000, "MAP_STACK" }, { 0x40000, "MAP_HUGETLB" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
};
static const struct flag at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" }, { 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" }, { 0x1000, "AT_EMPTY_PATH" },
};
static const struct flag access_modes[] = { { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" } };
static const struct flag wait_options[] = {
	{ 1, "WNOHANG" }, { 2, "WSTOPPED" }, { 4, "WEXITED" }, { 8, "WCONTINUED" },
	{ 0x1000000, "WNOWAIT" }, { 0x20000000, "__WNOTHREAD" }, { 0x40000000, "__WALL" },
	{ 0x80000000, "__WCLONE" },
};
static const struct flag clone_flags[] = {
	{ 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" }, { 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" }, { 0x1000, "CLONE_PIDFD" }, { 0x2000, "CLONE_PTRACE" },
	{ 0x4000, "CLONE_VFORK" }, { 0x8000, "CLONE_PARENT" }, { 0x10000, "CLONE_THREAD" },
	{ 0x20000, "CLONE_NEWNS" }, { 0x40000, "CLONE_SYSVSEM" }, { 0x80000, "CLONE_SETTLS" },
	{ 0x100000, "CLONE_PARENT_SETTID" }, { 0x200000, "CLONE_CHILD_CLEARTID" },
	{ 0x400000, "CLONE_DETACHED" }, { 0x800000, "CLONE_UNTRACED" },
	{ 0x1000000, "CLONE_CHILD_SETTID" },
};

static const struct name sighows[] = { { 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" } };
static const struct name whences[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
};
static const struct name fcntls[] = {
	{ 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" }, { 4, "F_SETFL" },
	{ 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 1030, "F_DUPFD_CLOEXEC" },
};
static const struct name ioctls[] = {
	{ 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" }, { 0x5404, "TCSETSF" },
	{ 0x540b, "TCFLSH" }, { 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" }, { 0x5410, "TIOCSPGRP" },
	{ 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" }, { 0x541b, "FIONREAD" },
	{ 0x5421, "FIONBIO" }, { 0x5422, "TIOCNOTTY" }, { 0x5429, "TIOCGSID" },
	{ 0x5450, "FIONCLEX" }, { 0x5451, "FIOCLEX" },
};
static const struct name arch_codes[] = {
	{ 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" }, { 0x1003, "ARCH_GET_FS" }, { 0x1004, "ARCH_GET_GS" },
};

/* ---- building a line ---- */

struct sbuf {
	char s[2048];
	size_t n;
};

static void sb_add(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		b->n = b->n + k < sizeof(b->s) ? b->n + k : sizeof(b->s) - 1;
}

/* "A|B|0x40", or zero if no bit is set. */
static void sb_flags(struct sbuf *b, const struct flag *t, size_t n, unsigned long long v, const char *zero)
{
	const char *sep = "";
	for (size_t i = 0; i < n; i++) {
		if ((v & t[i].bits) == t[i].bits) {
			sb_add(b, "%s%s", sep, t[i].name);
			v &= ~t[i].bits;
			sep = "|";
		}
	}
	if (v)
		sb_add(b, "%s%#llx", sep, v);
	else if (!*sep)
		sb_add(b, "%s", zero);
}

/* A name from t, else the number (decimal, or hex if hex). */
static void sb_named(struct sbuf *b, const struct name *t, size_t n, long long v, bool hex)
{
	const char *name = lookup(t, n, v);
	if (name)
		sb_add(b, "%s", name);
	else
		sb_add(b, hex ? "%#llx" : "%lld", v);
}

/* A string as strace shows it: C escapes, octal for the rest, at most max
 * bytes, and "..." after the quote if the whole (full bytes) was longer. */
static void sb_quote(struct sbuf *b, const char *s, size_t len, size_t full, size_t max)
{
	static const char special[] = "\"\\\n\t\r\v\f", shown[] = "\"\\ntrvf";
	size_t n = len < max ? len : max;
	sb_add(b, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		const char *p = c ? strchr(special, c) : NULL;
		if (p)
			sb_add(b, "\\%c", shown[p - special]);
		else if (c >= ' ' && c < 127)
			sb_add(b, "%c", c);
		else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7')
			sb_add(b, "\\%03o", c);
		else
			sb_add(b, "\\%o", c);
	}
	sb_add(b, "\"%s", full > n ? "..." : "");
}

/* ---- system calls ---- */

/* How an argument is shown. OUT and RBUF are filled in by the call:
 * like strace, they and all after them are shown when it returns. */
enum arg_type {
	END, INT, LONG, UINT, HEX, PTR, OUT, PATH, WBUF, RBUF, FD, DIRFD, PID, OFLAGS,
	CMODE, MODE, FDFLAGS, ATFLAGS, AMODE, PROT, MAPFLAGS, SIG, SIGHOW, WHENCE, FCNTL,
	IOCTL, ARCH, CLONE, WSTATUS, WOPTIONS, MORE,
};

struct sysdef {
	const char *name;
	unsigned char arg[6];
};

/* Calls not listed show their name and six hex arguments. */
static const struct sysdef calls[] = {
	{ "read", { FD, RBUF, UINT } },
	{ "write", { FD, WBUF, UINT } },
	{ "open", { PATH, OFLAGS, CMODE } },
	{ "close", { FD } },
	{ "stat", { PATH, OUT } },
	{ "fstat", { FD, OUT } },
	{ "lstat", { PATH, OUT } },
	{ "poll", { PTR, UINT, INT } },
	{ "lseek", { FD, LONG, WHENCE } },
	{ "mmap", { PTR, UINT, PROT, MAPFLAGS, FD, HEX } },
	{ "mprotect", { PTR, UINT, PROT } },
	{ "munmap", { PTR, UINT } },
	{ "brk", { PTR } },
	{ "rt_sigaction", { SIG, MORE } },
	{ "rt_sigprocmask", { SIGHOW, PTR, OUT, UINT } },
	{ "rt_sigreturn", { END } },
	{ "ioctl", { FD, IOCTL, HEX } },
	{ "pread64", { FD, OUT, UINT, LONG } },
	{ "pwrite64", { FD, PTR, UINT, LONG } },
	{ "readv", { FD, PTR, INT } },
	{ "writev", { FD, PTR, INT } },
	{ "access", { PATH, AMODE } },
	{ "pipe", { OUT } },
	{ "select", { INT, PTR, PTR, PTR, PTR } },
	{ "sched_yield", { END } },
	{ "mremap", { PTR, UINT, UINT, HEX, PTR } },
	{ "madvise", { PTR, UINT, INT } },
	{ "dup", { FD } },
	{ "dup2", { FD, FD } },
	{ "pause", { END } },
	{ "nanosleep", { PTR, OUT } },
	{ "getitimer", { INT, OUT } },
	{ "alarm", { UINT } },
	{ "setitimer", { INT, PTR, OUT } },
	{ "getpid", { END } },
	{ "clone", { CLONE, PTR, PTR, PTR, HEX } },
	{ "fork", { END } },
	{ "vfork", { END } },
	{ "execve", { PATH, MORE } },
	{ "exit", { INT } },
	{ "wait4", { PID, WSTATUS, WOPTIONS, PTR } },
	{ "kill", { PID, SIG } },
	{ "uname", { OUT } },
	{ "fcntl", { FD, FCNTL, HEX } },
	{ "fsync", { FD } },
	{ "truncate", { PATH, LONG } },
	{ "ftruncate", { FD, LONG } },
	{ "getdents", { FD, OUT, UINT } },
	{ "getcwd", { OUT, UINT } },
	{ "chdir", { PATH } },
	{ "fchdir", { FD } },
	{ "rename", { PATH, PTR } },
	{ "mkdir", { PATH, MODE } },
	{ "rmdir", { PATH } },
	{ "creat", { PATH, MODE } },
	{ "link", { PATH, PTR } },
	{ "unlink", { PATH } },
	{ "symlink", { PATH, PTR } },
	{ "readlink", { PATH, OUT, UINT } },
	{ "chmod", { PATH, MODE } },
	{ "fchmod", { FD, MODE } },
	{ "chown", { PATH, INT, INT } },
	{ "umask", { MODE } },
	{ "gettimeofday", { OUT, PTR } },
	{ "getrlimit", { INT, OUT } },
	{ "getrusage", { INT, OUT } },
	{ "sysinfo", { OUT } },
	{ "times", { OUT } },
	{ "getuid", { END } },
	{ "getgid", { END } },
	{ "setuid", { INT } },
	{ "setgid", { INT } },
	{ "geteuid", { END } },
	{ "getegid", { END } },
	{ "setpgid", { PID, PID } },
	{ "getppid", { END } },
	{ "getpgrp", { END } },
	{ "setsid", { END } },
	{ "getpgid", { PID } },
	{ "getsid", { PID } },
	{ "rt_sigpending", { OUT, UINT } },
	{ "rt_sigsuspend", { PTR, UINT } },
	{ "sigaltstack", { PTR, OUT } },
	{ "arch_prctl", { ARCH, HEX } },
	{ "chroot", { PATH } },
	{ "sync", { END } },
	{ "gettid", { END } },
	{ "tkill", { PID, SIG } },
	{ "futex", { PTR, INT, INT, PTR, PTR, INT } },
	{ "getdents64", { FD, OUT, UINT } },
	{ "set_tid_address", { PTR } },
	{ "clock_gettime", { INT, OUT } },
	{ "clock_nanosleep", { INT, INT, PTR, OUT } },
	{ "exit_group", { INT } },
	{ "tgkill", { PID, PID, SIG } },
	{ "waitid", { INT, PID, OUT, HEX, OUT } },
	{ "openat", { DIRFD, PATH, OFLAGS, CMODE } },
	{ "mkdirat", { DIRFD, PATH, MODE } },
	{ "fchownat", { DIRFD, PATH, INT, INT, ATFLAGS } },
	{ "newfstatat", { DIRFD, PATH, OUT, ATFLAGS } },
	{ "unlinkat", { DIRFD, PATH, ATFLAGS } },
	{ "renameat", { DIRFD, PATH, DIRFD, PTR } },
	{ "linkat", { DIRFD, PATH, DIRFD, PTR, ATFLAGS } },
	{ "symlinkat", { PTR, DIRFD, PTR } },	/* the kernel keeps no path for it */
	{ "readlinkat", { DIRFD, PATH, OUT, UINT } },
	{ "fchmodat", { DIRFD, PATH, MODE } },
	{ "faccessat", { DIRFD, PATH, AMODE } },
	{ "pselect6", { INT, PTR, PTR, PTR, PTR, PTR } },
	{ "ppoll", { PTR, UINT, PTR, PTR, UINT } },
	{ "utimensat", { DIRFD, PATH, PTR, ATFLAGS } },
	{ "dup3", { FD, FD, FDFLAGS } },
	{ "pipe2", { OUT, FDFLAGS } },
	{ "prlimit64", { PID, INT, PTR, OUT } },
	{ "getrandom", { OUT, UINT, HEX } },
	{ "execveat", { DIRFD, PATH, MORE } },
	{ "faccessat2", { DIRFD, PATH, AMODE, ATFLAGS } },
};

static const char *const hex_ret_calls[] = { "mmap", "brk", "mremap" };
static const char *const no_return_calls[] = { "exit", "exit_group" };
static const char *const fork_calls[] = { "fork", "vfork", "clone", "clone3" };

static bool listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

#define LISTED(list, name) listed(list, ARRAY_SIZE(list), name)

static const struct sysdef *find_call(const char *name)
{
	static const struct sysdef unknown = { "", { HEX, HEX, HEX, HEX, HEX, HEX } };
	for (size_t i = 0; i < ARRAY_SIZE(calls); i++)
		if (!strcmp(calls[i].name, name))
			return &calls[i];
	return &unknown;
}

/* A call in progress: its sys_enter, waiting for its sys_exit. */
struct call {
	char name[32];
	const struct sysdef *def;
	unsigned long long arg[6];
	char str[128];		/* the sys_enter's str= (a path, or write's bytes) */
	size_t str_len, str_full;
	bool has_str;
	bool reaped;		/* a reap event came in the call (wait4): */
	long long reap_child, reap_status;	/* what it stored in *wstatus */
	int shown;		/* arguments the first half of the line showed */
};

/* What an argument's value is shown from: the call, and for the second
 * half, its return value and the sys_exit's str= (read's bytes). */
struct call_ctx {
	const struct call *c;
	const struct event *exit;
	long long ret;
};

static bool is_output(int type)
{
	return type == OUT || type == RBUF || type == WSTATUS;
}

/* Number of arguments shown: CMODE only when the flags before it create. */
static int arg_count(const struct call *c)
{
	int n = 0;
	while (n < 6 && c->def->arg[n] != END)
		n++;
	if (n && c->def->arg[n - 1] == CMODE && !(c->arg[n - 2] & 020000100))	/* O_CREAT, O_TMPFILE */
		n--;
	return n;
}

static void sb_pointer(struct sbuf *b, unsigned long long v)
{
	sb_add(b, v ? "%#llx" : "NULL", v);
}

/* A buffer from a str= key, or the pointer if the kernel kept none. */
static void sb_buffer(struct sbuf *b, const char *s, size_t len, size_t full, unsigned long long ptr, size_t count)
{
	if (s)
		sb_quote(b, s, len, full, STR_MAX);
	else if (!count)
		sb_add(b, "\"\"");
	else
		sb_pointer(b, ptr);
}

/* A wait status as strace shows *wstatus: "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]". */
static void sb_wait_status(struct sbuf *b, long long status)
{
	char sig[16];
	if ((status & 0xff) == 0x7f)
		sb_add(b, "[{WIFSTOPPED(s) && WSTOPSIG(s) == %s}]",
		       signal_name((status >> 8) & 0xff, sig, sizeof(sig)));
	else if (!(status & 0x7f))
		sb_add(b, "[{WIFEXITED(s) && WEXITSTATUS(s) == %lld}]", (status >> 8) & 0xff);
	else if (status == 0xffff)
		sb_add(b, "[{WIFCONTINUED(s)}]");
	else
		sb_add(b, "[{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}]", signal_name(status & 0x7f, sig, sizeof(sig)),
		       status & 0x80 ? " && WCOREDUMP(s)" : "");
}

static void format_arg(struct sbuf *b, int type, unsigned long long v, const struct call_ctx *x, int i)
{
	const struct call *c = x->c;
	char sig[16];
	switch (type) {
	case INT: case FD: case PID: sb_add(b, "%d", (int)v); break;
	case LONG: sb_add(b, "%lld", (long long)v); break;
	case UINT: sb_add(b, "%llu", v); break;
	case HEX: sb_add(b, v ? "%#llx" : "0", v); break;
	case PTR: case OUT: sb_pointer(b, v); break;
	case MORE: sb_add(b, "..."); break;
	case DIRFD: if ((int)v == -100) sb_add(b, "AT_FDCWD"); else sb_add(b, "%d", (int)v); break;
	case PATH:
		if (c->has_str)
			sb_quote(b, c->str, c->str_len, c->str_full, sizeof(c->str));
		else
			sb_pointer(b, v);
		break;
	case WBUF:
		sb_buffer(b, c->has_str ? c->str : NULL, c->str_len, c->str_full, v, c->arg[i + 1]);
		break;
	case RBUF: {
		const struct kv *kv = x->exit ? find_key(x->exit, "str") : NULL;
		if (x->ret < 0 || (!kv && x->ret > 0))
			sb_pointer(b, v);
		else
			sb_buffer(b, kv ? kv->val : NULL, kv ? kv->len : 0, num_key(x->exit, "strlen"), v, 0);
		break;
	}
	case OFLAGS:
		sb_add(b, "%s", (const char *[]){ "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" }[v & 3]);
		if (v & ~3ULL) {
			sb_add(b, "|");
			sb_flags(b, open_flags, ARRAY_SIZE(open_flags), v & ~3ULL, "");
		}
		break;
	case CMODE: case MODE: sb_add(b, "%#03llo", v); break;
	case FDFLAGS: sb_flags(b, fd_flags, ARRAY_SIZE(fd_flags), v, "0"); break;
	case ATFLAGS: sb_flags(b, at_flags, ARRAY_SIZE(at_flags), v, "0"); break;
	case AMODE: sb_flags(b, access_modes, ARRAY_SIZE(access_modes), v, "F_OK"); break;
	case PROT: sb_flags(b, prot_flags, ARRAY_SIZE(prot_flags), v, "PROT_NONE"); break;
	case MAPFLAGS:
		sb_add(b, "%s", (const char *[]){ "0", "MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE" }[v & 3]);
		if (v & ~3ULL) {
			sb_add(b, "|");
			sb_flags(b, map_flags, ARRAY_SIZE(map_flags), v & ~3ULL, "");
		}
		break;
	case SIG: sb_add(b, "%s", v ? signal_name((int)v, sig, sizeof(sig)) : "0"); break;
	case SIGHOW: sb_named(b, sighows, ARRAY_SIZE(sighows), v, true); break;
	case WHENCE: sb_named(b, whences, ARRAY_SIZE(whences), v, false); break;
	case FCNTL: sb_named(b, fcntls, ARRAY_SIZE(fcntls), v, false); break;
	case IOCTL: sb_named(b, ioctls, ARRAY_SIZE(ioctls), v, true); break;
	case ARCH: sb_named(b, arch_codes, ARRAY_SIZE(arch_codes), v, true); break;
	case WSTATUS:	/* the status is not recorded, but the reap event has it */
		if (v && c->reaped && x->ret == c->reap_child)
			sb_wait_status(b, c->reap_status);
		else
			sb_pointer(b, v);
		break;
	case WOPTIONS: sb_flags(b, wait_options, ARRAY_SIZE(wait_options), v, "0"); break;
	case CLONE:
		sb_flags(b, clone_flags, ARRAY_SIZE(clone_flags), v & ~0xffULL, "");
		if (v & 0xff)
			sb_add(b, "%s%s", v & ~0xffULL ? "|" : "", signal_name(v & 0xff, sig, sizeof(sig)));
		else if (!(v & ~0xffULL))
			sb_add(b, "0");
		break;
	}
}

/* Arguments [from, to) with strace's separators: "a, b, " when more are
 * to come in a second half, "a, b" at the end. */
static void format_args(struct sbuf *b, const struct call_ctx *x, int from, int to, int total)
{
	for (int i = from; i < to; i++) {
		format_arg(b, x->c->def->arg[i], x->c->arg[i], x, i);
		if (x->c->def->arg[i] == MORE)
			break;
		if (i + 1 < total)
			sb_add(b, ", ");
	}
}

/* The first half: "name(a, b" up to the first argument the call fills in. */
static void format_enter(struct sbuf *b, struct call *c)
{
	struct call_ctx x = { c, NULL, 0 };
	int n = arg_count(c);
	c->shown = 0;
	while (c->shown < n && !is_output(c->def->arg[c->shown]))
		c->shown++;
	sb_add(b, "%s(", c->name);
	format_args(b, &x, 0, c->shown, n);
}

/* The second half: the other arguments and ")". */
static void format_exit(struct sbuf *b, const struct call *c, const struct event *ev, long long ret)
{
	struct call_ctx x = { c, ev, ret };
	int n = arg_count(c);
	format_args(b, &x, c->shown, n, n);
	sb_add(b, ")");
}

/* "3", "0x7f0000", "-1 ENOENT (No such file or directory)". */
static void format_ret(struct sbuf *b, const char *name, long long ret)
{
	if (ret < 0 && ret >= -4095) {
		const struct errno_name *err = find_errno(-ret);
		const char *restart = LOOKUP(restarts, -ret);
		if (restart)
			sb_add(b, "? %s", restart);
		else if (err)
			sb_add(b, "-1 %s (%s)", err->name, err->text);
		else
			sb_add(b, "-1 ERRNO_%lld (Unknown error %lld)", -ret, -ret);
	} else if (LISTED(hex_ret_calls, name)) {
		sb_add(b, "%#llx", ret);
	} else if (!strcmp(name, "umask")) {
		sb_add(b, "%#03llo", ret);
	} else {
		sb_add(b, "%lld", ret);
	}
}

/* ---- the log ---- */

#define MAX_PROCS 256

struct proc {
	int pid;
	bool alive;
	bool in_call;
	struct call call;
	bool has_fault;			/* an exception became a signal: */
	unsigned long long fault_addr;	/* its si_addr */
};

static struct {
	FILE *log;
	struct proc procs[MAX_PROCS];
	int nalive;
	int open_pid;		/* whose line waits for its end (0: none) */
	int col;		/* characters on the log's current line */
	unsigned extra;		/* kinds shown as comment lines (K_ below) */
	int skip_pid;		/* trace's child, before it execs (is_setup) */
	int first_pid;
	bool first_exited;
} out;

enum { K_EXCEPTION = 1, K_IRQ = 2, K_SYSCALL = 4, K_SWITCH = 8, K_SIGNAL = 16, K_PROC = 32, K_OTHER = 64 };

static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (k <= 0)
		return;
	fputs(buf, out.log);
	const char *nl = strrchr(buf, '\n');
	out.col = nl ? (int)strlen(nl + 1) : out.col + (int)strlen(buf);
}

/* Pads to strace's return-value column and prints "= ret". */
static void emit_ret(const char *ret)
{
	emit("%*s= %s\n", out.col < RET_COLUMN ? RET_COLUMN - out.col : 1, "", ret);
}

static struct proc *find_proc(int pid)
{
	struct proc *free_slot = NULL;
	for (int i = 0; i < MAX_PROCS; i++) {
		if (out.procs[i].pid == pid)
			return &out.procs[i];
		if (!free_slot && !out.procs[i].alive && !out.procs[i].in_call)
			free_slot = &out.procs[i];
	}
	if (!free_slot)
		free_slot = &out.procs[pid % MAX_PROCS];
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->pid = pid;
	return free_slot;
}

/* Counts pid as alive: it records events of its own, or was just forked. */
static struct proc *proc_alive(int pid)
{
	struct proc *p = find_proc(pid);
	if (!p->alive && pid > 0) {
		p->alive = true;
		out.nalive++;
		if (!out.first_pid)
			out.first_pid = pid;
	}
	return p;
}

static bool is_alive(int pid)
{
	for (int i = 0; i < MAX_PROCS; i++)
		if (out.procs[i].pid == pid)
			return out.procs[i].alive;
	return false;
}

/* Starts a line for pid: ends another unfinished one first, then the
 * "[pid N] " that strace -f shows while several processes are alive
 * (and we show for a process we do not trace: a reaper, a sender). */
static void begin_line(int pid, bool prefix)
{
	if (out.open_pid) {
		emit(" <unfinished ...>\n");
		out.open_pid = 0;
	}
	if (prefix && (out.nalive > 1 || !is_alive(pid)))
		emit("[pid %d] ", pid);
}

static void comment(int pid, bool prefix, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void comment(int pid, bool prefix, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	begin_line(pid, prefix);
	emit("--- %s ---\n", buf);
}

/* A call the process will not return from (exit, or killed in it): "= ?". */
static void end_call_unfinished(struct proc *p)
{
	if (!p->in_call)
		return;
	if (out.open_pid == p->pid) {
		out.open_pid = 0;
		emit(" <unfinished ...>)");
	} else {
		begin_line(p->pid, true);
		emit("<... %s resumed> <unfinished ...>)", p->call.name);
	}
	emit_ret("?");
	p->in_call = false;
}

static void on_sys_enter(struct proc *p, const struct event *ev)
{
	struct call *c = &p->call;
	struct sbuf b = { .n = 0 };
	if (p->in_call)			/* its sys_exit was lost */
		end_call_unfinished(p);
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", str_key(ev, "name"));
	if (!*c->name || !strcmp(c->name, "unknown"))
		snprintf(c->name, sizeof(c->name), "syscall_%#llx", (unsigned long long)num_key(ev, "nr"));
	c->def = find_call(c->name);
	parse_args(ev, c->arg);
	const struct kv *str = find_key(ev, "str");
	if (str) {
		c->has_str = true;
		c->str_len = str->len < sizeof(c->str) ? str->len : sizeof(c->str);
		memcpy(c->str, str->val, c->str_len);
		c->str_full = find_key(ev, "strlen") ? (size_t)num_key(ev, "strlen") : str->len;
	}
	format_enter(&b, c);
	begin_line(p->pid, true);
	emit("%s", b.s);
	if (LISTED(no_return_calls, c->name)) {
		emit(")");
		emit_ret("?");
		return;
	}
	p->in_call = true;
	out.open_pid = p->pid;
}

static void on_sys_exit(struct proc *p, const struct event *ev)
{
	long long ret = num_key(ev, "ret");
	const char *name = str_key(ev, "name");
	struct sbuf b = { .n = 0 };
	if (!p->in_call) {
		if (ret == 0 && LISTED(fork_calls, name))
			return;		/* a child's return from fork: strace shows none */
		begin_line(p->pid, true);
		emit("<... %s resumed>)", name);
	} else {
		if (out.open_pid != p->pid) {
			begin_line(p->pid, true);
			emit("<... %s resumed>", p->call.name);
		}
		format_exit(&b, &p->call, ev, ret);
		emit("%s", b.s);
		name = p->call.name;
	}
	if (ret > 0 && LISTED(fork_calls, name))
		proc_alive((int)ret);
	b.n = 0;
	format_ret(&b, name, ret);
	emit_ret(b.s);
	out.open_pid = 0;
	p->in_call = false;
}

static void on_sig_deliver(struct proc *p, const struct event *ev)
{
	int sig = (int)num_key(ev, "sig");
	long long code = num_key(ev, "code");
	char name[16], status[16], codebuf[24];
	const char *sname = signal_name(sig, name, sizeof(name));
	struct sbuf b = { .n = 0 };
	sb_add(&b, "%s {si_signo=%s, si_code=%s", sname, sname, si_code_text(sig, code, codebuf, sizeof(codebuf)));
	if (sig == SIGCHLD && code > 0 && code <= 6) {
		long long st = num_key(ev, "status");
		if (code == 1)		/* CLD_EXITED: an exit code; else a signal */
			snprintf(status, sizeof(status), "%lld", st);
		sb_add(&b, ", si_pid=%d, si_uid=0, si_status=%s, si_utime=0, si_stime=0", (int)num_key(ev, "spid"),
		       code == 1 ? status : signal_name(st, status, sizeof(status)));
	} else if (is_fault_signal(sig) && code == 0x80) {
		sb_add(&b, ", si_addr=NULL");	/* SI_KERNEL: a fault with no address */
	} else if (is_fault_signal(sig) && code > 0) {
		if (find_key(ev, "addr") || p->has_fault) {
			sb_add(&b, ", si_addr=");
			sb_pointer(&b, find_key(ev, "addr") ? (unsigned long long)num_key(ev, "addr") : p->fault_addr);
		}
	} else if ((code <= 0 && code != -2) || num_key(ev, "spid")) {	/* SI_TIMER has no sender */
		sb_add(&b, ", si_pid=%d, si_uid=0", (int)num_key(ev, "spid"));
	}
	sb_add(&b, "}");
	p->has_fault = false;
	comment(p->pid, true, "%s", b.s);
}

/* "exited with 3", "killed by SIGSEGV (core dumped)" from a wait status. */
static const char *status_text(long long status, char *buf, size_t n)
{
	char sig[16];
	if (!(status & 0x7f))
		snprintf(buf, n, "exited with %lld", (status >> 8) & 0xff);
	else
		snprintf(buf, n, "killed by %s%s", signal_name(status & 0x7f, sig, sizeof(sig)),
			 status & 0x80 ? " (core dumped)" : "");
	return buf;
}

static void on_exit_event(struct proc *p, const struct event *ev)
{
	char text[64];
	end_call_unfinished(p);
	begin_line(p->pid, true);
	emit("+++ %s +++\n", status_text(num_key(ev, "status"), text, sizeof(text)));
	if (p->alive) {
		p->alive = false;
		out.nalive--;
	}
	if (p->pid == out.first_pid)
		out.first_exited = true;
}

/* Page fault error code: "user write, not present". */
static void page_fault_cause(char *buf, size_t n, long long err, bool user)
{
	snprintf(buf, n, ", %s %s, %s", user ? "user" : "kernel",
		 err & 0x10 ? "exec" : err & 2 ? "write" : "read", err & 1 ? "protection" : "not present");
}

static void on_exception(struct proc *p, const struct event *ev)
{
	char name[40], outcome[64], cause[64] = "", sig[16];
	unsigned long long rip = num_key(ev, "rip"), cr2 = num_key(ev, "cr2");
	const char *o = str_key(ev, "outcome");
	bool pf = !strcmp(str_key(ev, "name"), "page_fault"), user = num_key(ev, "user");
	snprintf(name, sizeof(name), "%s", str_key(ev, "name"));
	for (char *s = name; *s; s++)
		*s = *s == '_' ? ' ' : *s;
	if (!strcmp(o, "signal")) {
		p->has_fault = true;
		p->fault_addr = pf ? cr2 : rip;
	}
	if (!(out.extra & K_EXCEPTION))
		return;
	if (!strcmp(o, "same"))
		snprintf(outcome, sizeof(outcome), "resumed at the same instruction");
	else if (!strcmp(o, "next"))
		snprintf(outcome, sizeof(outcome), "resumed at %#llx", (unsigned long long)num_key(ev, "resume"));
	else if (!strcmp(o, "signal"))
		snprintf(outcome, sizeof(outcome), "became %s", signal_name(num_key(ev, "sig"), sig, sizeof(sig)));
	else if (!strcmp(o, "fixup"))
		snprintf(outcome, sizeof(outcome), "the system call fails with EFAULT");
	else
		snprintf(outcome, sizeof(outcome), "%s", !strcmp(o, "oops") ? "kernel oops" : o);
	if (pf) {
		page_fault_cause(cause, sizeof(cause), num_key(ev, "err"), user);
		comment(p->pid, true, "page fault at %#llx (rip %#llx%s): %s", cr2, rip, cause, outcome);
	} else {
		comment(p->pid, true, "%s at %#llx%s: %s", name, rip, user ? "" : " in the kernel", outcome);
	}
}

/* An event of a kind this trace does not know: "kind key=value ...". */
static const char *other_text(const struct event *ev, char *buf, size_t n)
{
	size_t k = snprintf(buf, n, "%s", ev->kind);
	for (int i = 0; i < ev->nkeys && k < n; i++)
		k += snprintf(buf + k, n - k, " %s=%s", ev->kv[i].key, ev->kv[i].val);
	return buf;
}

/* The events strace has no line for, as comments (if their kind is shown). */
static void on_other(struct proc *p, const struct event *ev)
{
	const char *k = ev->kind;
	char a[16], b[64], b2[1024];
	int pid = p->pid, sig = (int)num_key(ev, "sig"), child = (int)num_key(ev, "child");
	if (!strcmp(k, "fork") && child > 0)
		proc_alive(child);
	if (!strcmp(k, "reap") && p->in_call) {	/* for wait4's *wstatus */
		p->call.reaped = true;
		p->call.reap_child = child;
		p->call.reap_status = num_key(ev, "status");
	}
	if (!strcmp(k, "irq") && (out.extra & K_IRQ))
		comment(pid, false, "irq %lld (%s) on cpu %d", num_key(ev, "vec"), str_key(ev, "src"), ev->cpu);
	else if (!strcmp(k, "switch") && (out.extra & K_SWITCH))
		comment(pid, false, "switch %lld -> %lld (%s) on cpu %d", num_key(ev, "from"), num_key(ev, "to"),
			str_key(ev, "why"), ev->cpu);
	else if (!strcmp(k, "sig_gen") && (out.extra & K_SIGNAL))
		comment(pid, true, "%s sent to %lld (si_code=%s)", signal_name(sig, a, sizeof(a)), num_key(ev, "to"),
			si_code_text(sig, num_key(ev, "code"), b, sizeof(b)));
	else if (!strcmp(k, "sig_return") && (out.extra & K_SIGNAL))
		comment(pid, true, "return from %s handler", signal_name(sig, a, sizeof(a)));
	else if (!strcmp(k, "fork") && (out.extra & K_PROC))
		comment(pid, true, "%s: child %d", str_key(ev, "flags"), child);
	else if (!strcmp(k, "exec") && (out.extra & K_PROC))
		comment(pid, true, "exec %s", str_key(ev, "path"));
	else if (!strcmp(k, "reap") && (out.extra & K_PROC))
		comment(pid, true, "reaped %lld (%s)", num_key(ev, "child"), status_text(num_key(ev, "status"), b, sizeof(b)));
	else if (!strcmp(k, "reparent") && (out.extra & K_PROC))
		comment(pid, true, "%lld reparented to %lld", num_key(ev, "child"), num_key(ev, "parent"));
	else if (!strcmp(k, "cont") && (out.extra & K_PROC))
		comment(pid, true, "continued");
	else if (out.extra & K_OTHER)
		comment(pid, true, "%s", other_text(ev, b2, sizeof(b2)));
}

static bool is_kind(const struct event *ev, const char *const *kinds, size_t n)
{
	return listed(kinds, n, ev->kind);
}

/* Whether ev is a system call of trace's child before it runs the command
 * (the end of musl's fork, closes, the read of the pipe: those that come
 * after "on"). strace shows none, and the raw copy leaves them out too. */
static bool is_setup(const struct event *ev)
{
	if (!out.skip_pid || ev->pid != out.skip_pid || strncmp(ev->kind, "sys_", 4))
		return false;
	if (!strcmp(ev->kind, "sys_enter") && !strcmp(str_key(ev, "name"), "execve"))
		out.skip_pid = 0;	/* the command starts */
	return out.skip_pid;
}

/* Decodes one raw line onto the log. */
static void handle_event(const struct event *ev)
{
	static const char *const own[] = { "sys_enter", "sys_exit", "sig_deliver", "exception", "exec",
					   "fork", "stop", "cont", "exit" };
	char sig[16];
	if (!strcmp(ev->kind, "lost")) {
		comment(0, false, "lost %lld events on cpu %lld", num_key(ev, "count"), num_key(ev, "cpu"));
		return;
	}
	/* Only events a process records about itself make it count as alive. */
	struct proc *p = is_kind(ev, own, ARRAY_SIZE(own)) ? proc_alive(ev->pid) : find_proc(ev->pid);
	if (!strcmp(ev->kind, "sys_enter"))
		on_sys_enter(p, ev);
	else if (!strcmp(ev->kind, "sys_exit"))
		on_sys_exit(p, ev);
	else if (!strcmp(ev->kind, "sig_deliver"))
		on_sig_deliver(p, ev);
	else if (!strcmp(ev->kind, "exit"))
		on_exit_event(p, ev);
	else if (!strcmp(ev->kind, "exception"))
		on_exception(p, ev);
	else if (!strcmp(ev->kind, "stop"))
		comment(p->pid, true, "stopped by %s", signal_name(num_key(ev, "sig"), sig, sizeof(sig)));
	else
		on_other(p, ev);
}

/* Writes all of buf to fd; a console gets it in one write, whole lines. */
static void write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t k = write(fd, buf, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		buf += k;
		n -= k;
	}
}

/* Decodes a chunk of raw lines (each ends in '\n'); copies them to the
 * file raw (-1: none), less trace's own set-up, in one write. */
static void handle_lines(char *buf, size_t n, int raw)
{
	static char copy[65536 + 512];
	size_t k = 0;
	struct event ev;
	char *end = buf + n;
	while (buf < end) {
		char *nl = memchr(buf, '\n', end - buf);
		if (!nl)
			nl = end;
		size_t len = nl - buf;
		*nl = 0;
		bool fits = raw >= 0 && k + len + 1 <= sizeof(copy);
		if (fits)
			memcpy(copy + k, buf, len);	/* before parse_line cuts buf up */
		bool event = parse_line(buf, &ev);
		if (!event || !is_setup(&ev)) {
			if (fits) {
				k += len;
				copy[k++] = '\n';
			}
			if (event)
				handle_event(&ev);
		}
		buf = nl + 1;
	}
	write_all(raw, copy, k);
}

/* Ends the log: a line left open, and the first process's end if its
 * exit was not recorded (status: its wait status, or -1 if unknown). */
static void finish_log(int status)
{
	char text[64];
	if (out.open_pid) {
		emit(" <unfinished ...>\n");
		out.open_pid = 0;
	}
	if (status >= 0 && out.first_pid && !out.first_exited) {
		begin_line(out.first_pid, true);
		emit("+++ %s +++\n", status_text(status, text, sizeof(text)));
	}
	fflush(out.log);
}

/* ---- the two modes ---- */

/* trace --format FILE: decodes a saved raw trace. */
static int format_file(const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	if (!f) {
		fprintf(stderr, "trace: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((n = getline(&line, &cap, f)) > 0)
		handle_lines(line, line[n - 1] == '\n' ? n - 1 : n, -1);
	free(line);
	finish_log(-1);
	return 0;
}

static bool command(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool command(int fd, const char *fmt, ...)
{
	char cmd[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (write(fd, cmd, strlen(cmd)) >= 0)
		return true;
	fprintf(stderr, "trace: %s: %s: %s\n", TRACE_FILE, cmd, strerror(errno));
	return false;
}

/* The child: waits for the go (a byte on the pipe), then runs cmd. Its
 * other descriptors are close-on-exec: no system call between the read
 * and execve. */
static void run_child(int go, int go_write, char **cmd)
{
	char c;
	close(go_write);	/* if the parent dies, the read sees end of file */
	if (read(go, &c, 1) != 1)
		_exit(127);
	execvp(cmd[0], cmd);
	fprintf(stderr, "trace: %s: %s\n", cmd[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* Decodes the chunk read into buf[0, have): the whole lines; returns how
 * many bytes of a last, partial line it left at the start of buf. */
static size_t handle_chunk(char *buf, size_t have, size_t size, int raw)
{
	size_t whole = have;
	while (whole && buf[whole - 1] != '\n')
		whole--;
	if (!whole && have == size)
		whole = have;		/* a line too long: take it as it is */
	handle_lines(buf, whole, raw);
	memmove(buf, buf + whole, have - whole);
	return have - whole;
}

/* Reads the trace until the child is gone and the trace is empty; returns
 * the child's wait status. Between reads it sleeps 10 ms, or until SIGCHLD
 * (blocked by the caller): the child is reaped as soon as it exits, and is
 * not left a zombie for the rest of a tick. */
static int follow(int fd, pid_t child, int raw)
{
	static char buf[65536 + 512];
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	size_t carry = 0;
	int status = 0;
	bool reaped = false;
	for (;;) {
		ssize_t n = read(fd, buf + carry, sizeof(buf) - carry);
		if (n > 0) {
			carry = handle_chunk(buf, carry + n, sizeof(buf), raw);
			continue;
		}
		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "trace: %s: %s\n", TRACE_FILE, strerror(errno));
			break;
		}
		if (reaped)
			break;
		fflush(out.log);
		if (waitpid(child, &status, WNOHANG) == child ||
		    (sigtimedwait(&chld, NULL, &tick) == SIGCHLD &&
		     waitpid(child, &status, WNOHANG) == child))
			reaped = true;	/* read what is left, once more */
	}
	if (carry)
		handle_lines(buf, carry, raw);
	if (!reaped && waitpid(child, &status, 0) < 0)
		status = 0;
	return status;
}

static int run_traced(char **cmd, const char *kinds, int raw)
{
	int go[2], fd = open(TRACE_FILE, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "trace: %s: %s\n", TRACE_FILE, strerror(errno));
		return 1;
	}
	if (pipe2(go, O_CLOEXEC) < 0) {
		perror("trace: pipe");
		return 1;
	}
	pid_t child = fork();
	if (child < 0) {
		perror("trace: fork");
		return 1;
	}
	if (child == 0)
		run_child(go[0], go[1], cmd);
	close(go[0]);
	signal(SIGINT, SIG_IGN);	/* ^C is for the command; we report it */
	signal(SIGQUIT, SIG_IGN);
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);	/* follow() waits for it */
	if (!command(fd, "clear") || !command(fd, "kinds=%s", kinds) || !command(fd, "pid=%d", child) ||
	    !command(fd, "on")) {
		close(go[1]);		/* the child sees end of file and gives up */
		waitpid(child, NULL, 0);
		return 1;
	}
	proc_alive(child);
	out.skip_pid = child;
	if (write(go[1], "g", 1) != 1)
		perror("trace: pipe");
	close(go[1]);
	int status = follow(fd, child, raw);
	command(fd, "off");
	close(fd);
	finish_log(status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

/* The K_ bits of "syscall,signal" or "all"; 0 if a name is unknown. */
static unsigned parse_kinds(const char *s)
{
	static const struct name kinds[] = {
		{ K_EXCEPTION, "exception" }, { K_IRQ, "irq" }, { K_SYSCALL, "syscall" }, { K_SWITCH, "switch" },
		{ K_SIGNAL, "signal" }, { K_PROC, "proc" }, { 0x7f, "all" },
	};
	unsigned mask = 0;
	while (*s) {
		size_t len = strcspn(s, ","), i;
		for (i = 0; i < ARRAY_SIZE(kinds); i++)
			if (strlen(kinds[i].name) == len && !strncmp(kinds[i].name, s, len))
				break;
		if (i == ARRAY_SIZE(kinds))
			return 0;
		mask |= kinds[i].num;
		s += len + (s[len] == ',');
	}
	return mask;
}

static int usage(void)
{
	fprintf(stderr, "usage: trace [-e KINDS] [-o FILE] [-r RAWFILE] CMD [ARGS...]\n"
			"       trace [-e KINDS] [-o FILE] --format RAWFILE\n"
			"KINDS: all, or a comma list of exception,irq,syscall,switch,signal,proc\n");
	return 1;
}

static int open_out(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		fprintf(stderr, "trace: %s: %s\n", path, strerror(errno));
	return fd;
}

int main(int argc, char **argv)
{
	const char *kinds = NULL, *log = NULL, *rawpath = NULL, *format = NULL;
	int i;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char **opt = !strcmp(argv[i], "-e") ? &kinds : !strcmp(argv[i], "-o") ? &log :
				   !strcmp(argv[i], "-r") ? &rawpath : !strcmp(argv[i], "--format") ? &format : NULL;
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!opt || i + 1 >= argc)
			return usage();
		*opt = argv[++i];
	}
	if (kinds && !(out.extra = parse_kinds(kinds))) {
		fprintf(stderr, "trace: %s: unknown kind\n", kinds);
		return usage();
	}
	if ((format ? i != argc : i >= argc))
		return usage();
	int logfd = log ? open_out(log) : -2, raw = rawpath ? open_out(rawpath) : -2;
	if (logfd == -1 || raw == -1)
		return 1;
	out.log = logfd >= 0 ? fdopen(logfd, "w") : format ? stdout : stderr;
	static char logbuf[65536];
	setvbuf(out.log, logbuf, _IOFBF, sizeof(logbuf));	/* flushed before each wait */
	int status = format ? format_file(format) : run_traced(argv + i, kinds ? kinds : "syscall,signal,proc", raw);
	fflush(out.log);
	return status;
}
