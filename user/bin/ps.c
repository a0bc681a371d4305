/*
 * ps: list every process, one line each, from /proc/<pid>/stat.
 *
 *   ps            (also `ps -e`, `ps -A`, `ps ax`: every process is always shown)
 *
 *     PID  PPID  PGID   SID STAT     TIME CMD
 *       1     0     1     1 S        0:00 /sbin/init
 *      42     1    42    42 Z        0:00 [zombie] <defunct>
 *
 * STAT is the process state letter (R running, S sleeping, D disk sleep,
 * T stopped, t traced, Z zombie) with `+` for a process in the foreground
 * process group of its terminal. TIME is user+system CPU time. CMD is the
 * command line, or the command name in brackets when there is none (kernel
 * threads, zombies: a zombie has given back its memory, argv included).
 *
 * Reads only /proc/<pid>/stat and /proc/<pid>/cmdline.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CMD_MAX 4096

/* The fields of /proc/<pid>/stat that ps shows; numbers as in proc(5). */
struct proc_info {
	int pid;			/* 1 */
	char comm[64];			/* 2, without the parentheses */
	char state;			/* 3 */
	int ppid, pgrp, session;	/* 4, 5, 6 */
	int tty_nr, tpgid;		/* 7, 8 */
	unsigned long utime, stime;	/* 14, 15, in clock ticks */
};

/* Reads up to size-1 bytes of a small file and NUL-terminates them.
 * Returns the byte count, or -1 (the process may have just exited). */
static ssize_t read_small_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = 0;
	while (len < size - 1) {
		ssize_t n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	close(fd);
	buf[len] = 0;
	return len;
}

/*
 * Parses one stat line. The command name (field 2) is in parentheses and
 * may itself hold spaces and ')' - a program can name itself anything - so
 * it ends at the LAST ')', and the fixed-format fields follow that.
 */
static bool parse_stat(const char *line, struct proc_info *p)
{
	const char *open = strchr(line, '(');
	const char *close = strrchr(line, ')');
	if (!open || !close || close < open)
		return false;
	p->pid = atoi(line);
	size_t n = close - open - 1;
	if (n >= sizeof(p->comm))
		n = sizeof(p->comm) - 1;
	memcpy(p->comm, open + 1, n);
	p->comm[n] = 0;
	/* Fields 9-13 (flags, fault counts) are skipped with %*u / %*lu. */
	int got = sscanf(close + 1, " %c %d %d %d %d %d %*u %*u %*u %*u %*u %lu %lu",
			 &p->state, &p->ppid, &p->pgrp, &p->session, &p->tty_nr,
			 &p->tpgid, &p->utime, &p->stime);
	return got == 8;
}

/* Fills buf with the command line, its NUL separators turned into spaces;
 * buf is empty when the process has no user memory (zombie, kernel thread). */
static void read_cmdline(int pid, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	ssize_t len = read_small_file(path, buf, size);
	if (len <= 0) {
		buf[0] = 0;
		return;
	}
	while (len > 0 && buf[len - 1] == 0)
		len--;
	buf[len] = 0;
	for (ssize_t i = 0; i < len; i++)
		if (buf[i] == 0 || buf[i] == '\n')
			buf[i] = ' ';
}

/* Job control: '+' marks the terminal's foreground process group. */
static void format_stat(const struct proc_info *p, char *out)
{
	out[0] = p->state;
	out[1] = 0;
	if (p->tty_nr != 0 && p->tpgid == p->pgrp)
		strcat(out, "+");
}

static void format_time(const struct proc_info *p, long ticks_per_sec, char *out, size_t size)
{
	unsigned long secs = (p->utime + p->stime) / ticks_per_sec;
	snprintf(out, size, "%lu:%02lu", secs / 60, secs % 60);
}

static void print_proc(const struct proc_info *p, long ticks_per_sec)
{
	static char cmd[CMD_MAX];
	char stat[8], time[32];
	format_stat(p, stat);
	format_time(p, ticks_per_sec, time, sizeof(time));
	read_cmdline(p->pid, cmd, sizeof(cmd));
	printf("%5d %5d %5d %5d %-4s %8s ", p->pid, p->ppid, p->pgrp, p->session, stat, time);
	if (cmd[0] && p->state != 'Z')
		printf("%s\n", cmd);
	else
		printf("[%s]%s\n", p->comm, p->state == 'Z' ? " <defunct>" : "");
}

static bool is_number(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Returns the sorted pids found in /proc in a malloc'd array, or NULL. */
static int *list_pids(size_t *count)
{
	DIR *dir = opendir("/proc");
	if (!dir) {
		fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
		return NULL;
	}
	size_t n = 0, cap = 64;
	int *pids = malloc(cap * sizeof(*pids));
	struct dirent *e;
	while (pids && (e = readdir(dir))) {
		if (!is_number(e->d_name))
			continue;
		if (n == cap)
			pids = realloc(pids, (cap *= 2) * sizeof(*pids));
		if (pids)
			pids[n++] = atoi(e->d_name);
	}
	closedir(dir);
	if (!pids)
		fprintf(stderr, "ps: out of memory\n");
	else
		qsort(pids, n, sizeof(*pids), compare_ints);
	*count = n;
	return pids;
}

/* BSD and System V spellings of "every process": what ps does anyway. */
static bool is_all_option(const char *arg)
{
	if (*arg == '-')
		arg++;
	return *arg && strspn(arg, "aexA") == strlen(arg);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!is_all_option(argv[i])) {
			fprintf(stderr, "ps: %s: unknown option\nusage: ps [-e | ax]\n", argv[i]);
			return 1;
		}
	}
	long ticks_per_sec = sysconf(_SC_CLK_TCK);
	if (ticks_per_sec <= 0)
		ticks_per_sec = 100;
	size_t count;
	int *pids = list_pids(&count);
	if (!pids)
		return 1;
	printf("  PID  PPID  PGID   SID STAT     TIME CMD\n");
	for (size_t i = 0; i < count; i++) {
		char path[64], line[1024];
		struct proc_info p;
		snprintf(path, sizeof(path), "/proc/%d/stat", pids[i]);
		/* A process that exited since readdir is simply not shown. */
		if (read_small_file(path, line, sizeof(line)) > 0 && parse_stat(line, &p))
			print_proc(&p, ticks_per_sec);
	}
	free(pids);
	return 0;
}
