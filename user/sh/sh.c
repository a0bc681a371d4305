/*
 * sh: the sysret shell. A small POSIX-style shell with job control; the
 * same static binary runs on Linux and on sysret.
 *
 *   sh               read commands from stdin; interactive (prompt, job
 *                    control) when stdin is a terminal
 *   sh FILE [ARG..]  run a script ($0 = FILE, $1.. = ARGs)
 *   sh -c CMD [NAME [ARG..]]
 *
 * Language: words with '' "" and \ quoting; $NAME ${NAME} $? $$ $! $# $0-$9
 * $@ $* (also inside "", not inside ''); ~ at the start of a word; field
 * splitting of unquoted expansions on $IFS; * ? [ globbing; NAME=value
 * (alone: a shell variable; before a command: that command's environment);
 * pipelines a | b, ! a; lists ; & && || and newlines; ( list ) subshells;
 * redirections < > >> >| <> <& >& with an optional fd before them (2>&1,
 * >&2, 3<file, 2>&-); # comments. Builtins: : true false echo cd pwd exit
 * export unset jobs fg bg kill wait exec.
 * Not supported: if/while/for/case, functions, $( ) and ``, $(( )),
 * here-documents, ${NAME:-word} and friends, set/shift/read/. builtins,
 * IFS non-whitespace rules (every IFS character is treated as blank).
 *
 * Interactive (stdin a terminal): the prompt "$ " ("# " for root, "> " to
 * continue a line) goes to stdout. With job control (the usual case; see
 * job_control_init) each pipeline is a job in its own process group, the
 * foreground one owns the terminal, and the shell itself ignores SIGINT,
 * SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU - so ^C at the prompt only makes
 * the terminal drop the line typed so far. Without job control (scripts,
 * sh -c, subshells) commands stay in the shell's process group, & ignores
 * SIGINT/SIGQUIT and reads /dev/null, and a stopped child counts as running.
 *
 * Job control messages (modelled on bash 5; CMD is the command's source
 * text, the status column is 24 characters wide):
 *   [N] PID                              background job started (stderr)
 *   [N]+  Stopped                 CMD    a job stopped, by any stop signal
 *   [N]+  Running                 CMD &  from `jobs`
 *   [N]-  Done                    CMD    background job exited 0
 *   [N]-  Exit 3                  CMD    ... exited with status 3
 *   [N]-  Terminated              CMD    ... killed: the signal's description
 *   [N]+ CMD &                           from `bg`;  `fg` prints CMD
 * + marks the current job (the most recently stopped one, else the most
 * recently started or continued one), - the previous one. Finished and
 * stopped background jobs are reported before the next prompt (stderr).
 * A foreground job that stops prints a newline (after the terminal's ^Z),
 * then its job line. One killed by SIGINT prints just a newline; by SIGPIPE
 * nothing; by another signal its description ("Killed", "Segmentation fault
 * (core dumped)"). `jobs`, `fg` and `bg` write to stdout, like bash.
 *
 * Where the lecture's job control ideas are (CSAPP 8.5, glibc manual "Job
 * Control"): process groups - job_launch and child_run (setpgid on both
 * sides of fork); the terminal's foreground group - job_control_init,
 * job_foreground, terminal_take_back (tcsetpgrp); SIGCHLD - on_sigchld and
 * job_note_status; no lost wakeups - the SIGCHLD mask (run_mask/wait_mask)
 * and sigsuspend in job_wait_change; fg/bg - job_continue (SIGCONT).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define DEFAULT_PATH "/bin:/sbin:/usr/bin:/usr/sbin"
#define MAX_JOBS 64
#define MAX_PROCS 32		/* commands in one pipeline */
#define MAX_SAVED 16		/* redirections on one builtin */

extern char **environ;

static int last_status;		/* $? */
static pid_t shell_pid;		/* $$: a subshell keeps its parent's, as POSIX says */
static pid_t last_bg_pid;	/* $! */
static char **pos_args;		/* $0, $1, ... */
static int pos_count;		/* $#: how many after $0 */
static bool interactive;	/* prompts, job reports */
static bool job_control;	/* process groups and the terminal are ours to manage */
static int tty_fd = -1;
static pid_t shell_pgid;
static struct termios shell_tmodes;
/* SIGCHLD is blocked (run_mask) all the time except while the shell sleeps:
 * in read() for the next line, and in sigsuspend() (wait_mask). */
static sigset_t startup_mask, run_mask, wait_mask;
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

static _Noreturn void shell_exit(int status)
{
	fflush(stdout);
	/* _exit, not exit: stdio's exit handlers would seek a script's shared
	 * file offset back under the parent's feet. */
	_exit(status & 255);
}

static _Noreturn void die(const char *what)
{
	fprintf(stderr, "sh: %s: %s\n", what, strerror(errno));
	shell_exit(2);
}

/* ---------------------------------------------------------------------------
 * Arena: the parse tree and expansions of one input line live here, and go
 * all at once when the line has run.
 */
struct block {
	struct block *next;
	size_t used, size;
	char data[];
};
static struct block *arena;

static void *xalloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!arena || arena->size - arena->used < n) {
		size_t size = n > 65536 ? n : 65536;
		struct block *b = malloc(sizeof(*b) + size);
		if (!b)
			die("malloc");
		*b = (struct block){ .next = arena, .size = size };
		arena = b;
	}
	void *p = arena->data + arena->used;
	arena->used += n;
	return memset(p, 0, n);
}

static void arena_reset(void)
{
	while (arena) {
		struct block *next = arena->next;
		free(arena);
		arena = next;
	}
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xalloc(n + 1);
	return n ? memcpy(p, s, n) : p;
}

/* A NULL-terminated, growing array of strings (argv and the like). */
struct strvec {
	char **v;
	int n, cap;
};

static void vec_push(struct strvec *sv, char *s)
{
	if (sv->n + 1 >= sv->cap) {
		sv->cap = sv->cap ? 2 * sv->cap : 8;
		char **v = xalloc(sv->cap * sizeof(*v));
		if (sv->n)
			memcpy(v, sv->v, sv->n * sizeof(*v));
		sv->v = v;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

/* ---------------------------------------------------------------------------
 * Variables. Exported ones make up the environment of commands we run.
 */
struct var {
	char *name, *value;	/* value NULL: exported but never set */
	bool exported;
};
static struct var *vars;
static int nvars;

static size_t name_len(const char *s)
{
	size_t n = 0;
	if (isalpha((unsigned char)*s) || *s == '_')
		while (isalnum((unsigned char)s[n]) || s[n] == '_')
			n++;
	return n;
}

static struct var *var_find(const char *name, size_t len)
{
	for (int i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len && !strncmp(vars[i].name, name, len))
			return &vars[i];
	return NULL;
}

static const char *var_get(const char *name)
{
	struct var *v = var_find(name, strlen(name));
	return v ? v->value : NULL;
}

/* Sets name to value (NULL: keeps the value); export marks it exported. */
static void var_set(const char *name, size_t len, const char *value, bool export)
{
	struct var *v = var_find(name, len);
	if (!v) {
		struct var *grown = realloc(vars, (nvars + 1) * sizeof(*vars));
		if (!grown)
			die("realloc");
		vars = grown;
		v = &vars[nvars++];
		*v = (struct var){ .name = strndup(name, len) };
	}
	if (value) {
		char *copy = strdup(value);	/* value may be v->value itself */
		free(v->value);
		v->value = copy;
	}
	v->exported |= export;
}

/* Sets a variable from "NAME=value". */
static void var_assign(const char *assignment, bool export)
{
	size_t n = name_len(assignment);
	var_set(assignment, n, assignment + n + 1, export);
}

static void var_unset(const char *name)
{
	struct var *v = var_find(name, strlen(name));
	if (v) {
		free(v->name);
		free(v->value);
		*v = vars[--nvars];
	}
}

/* The environment for a command: every exported variable that has a value. */
static char **var_environ(void)
{
	struct strvec env = { 0 };
	for (int i = 0; i < nvars; i++) {
		if (!vars[i].exported || !vars[i].value)
			continue;
		size_t n = strlen(vars[i].name), m = strlen(vars[i].value);
		char *s = xalloc(n + m + 2);
		memcpy(s, vars[i].name, n);
		s[n] = '=';
		memcpy(s + n + 1, vars[i].value, m);
		vec_push(&env, s);
	}
	if (!env.n)
		vec_push(&env, NULL);
	return env.v;
}

static void var_init(void)
{
	for (char **e = environ; *e; e++)
		if (name_len(*e) && (*e)[name_len(*e)] == '=')
			var_assign(*e, true);
	char cwd[PATH_MAX];
	if (!var_get("PWD") && getcwd(cwd, sizeof(cwd)))
		var_set("PWD", 3, cwd, true);
}

/* ---------------------------------------------------------------------------
 * Signal names and descriptions, for kill and for job reports. Our own table
 * (the glibc/bash wording), so reports read the same whatever libc says.
 */
static const struct signal_name {
	int num;
	const char *name, *desc;
} signal_names[] = {
	{ SIGHUP, "HUP", "Hangup" }, { SIGINT, "INT", "Interrupt" },
	{ SIGQUIT, "QUIT", "Quit" }, { SIGILL, "ILL", "Illegal instruction" },
	{ SIGTRAP, "TRAP", "Trace/breakpoint trap" }, { SIGABRT, "ABRT", "Aborted" },
	{ SIGBUS, "BUS", "Bus error" }, { SIGFPE, "FPE", "Floating point exception" },
	{ SIGKILL, "KILL", "Killed" }, { SIGUSR1, "USR1", "User defined signal 1" },
	{ SIGSEGV, "SEGV", "Segmentation fault" }, { SIGUSR2, "USR2", "User defined signal 2" },
	{ SIGPIPE, "PIPE", "Broken pipe" }, { SIGALRM, "ALRM", "Alarm clock" },
	{ SIGTERM, "TERM", "Terminated" }, { SIGSTKFLT, "STKFLT", "Stack fault" },
	{ SIGCHLD, "CHLD", "Child exited" }, { SIGCONT, "CONT", "Continued" },
	{ SIGSTOP, "STOP", "Stopped (signal)" }, { SIGTSTP, "TSTP", "Stopped" },
	{ SIGTTIN, "TTIN", "Stopped (tty input)" }, { SIGTTOU, "TTOU", "Stopped (tty output)" },
	{ SIGURG, "URG", "Urgent I/O condition" }, { SIGXCPU, "XCPU", "CPU time limit exceeded" },
	{ SIGXFSZ, "XFSZ", "File size limit exceeded" }, { SIGVTALRM, "VTALRM", "Virtual timer expired" },
	{ SIGPROF, "PROF", "Profiling timer expired" }, { SIGWINCH, "WINCH", "Window changed" },
	{ SIGIO, "IO", "I/O possible" }, { SIGPWR, "PWR", "Power failure" },
	{ SIGSYS, "SYS", "Bad system call" },
};
#define NSIGNAMES (int)(sizeof(signal_names) / sizeof(signal_names[0]))

static const char *sig_desc(int sig)
{
	static char unknown[32];
	for (int i = 0; i < NSIGNAMES; i++)
		if (signal_names[i].num == sig)
			return signal_names[i].desc;
	snprintf(unknown, sizeof(unknown), "Signal %d", sig);
	return unknown;
}

/* "9", "KILL", "SIGKILL", "kill" -> 9; -1 if there is no such signal. */
static int sig_parse(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (*s && !*end)
		return n >= 0 && n < NSIG ? (int)n : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int i = 0; i < NSIGNAMES; i++)
		if (!strcasecmp(s, signal_names[i].name))
			return signal_names[i].num;
	return -1;
}

/* ---------------------------------------------------------------------------
 * Lexer: turns the input into words (kept raw, quotes and all, to be
 * expanded when the command runs) and operators.
 */
enum tok {
	T_EOF, T_NL, T_WORD, T_SEMI, T_AMP, T_AND, T_PIPE, T_OR, T_LPAREN, T_RPAREN,
	/* redirections, T_LT to T_CLOBBER */
	T_LT, T_GT, T_DGT, T_LTAND, T_GTAND, T_LTGT, T_CLOBBER,
};

static const struct op {
	const char *text;
	enum tok tok;
} ops[] = {	/* longest first */
	{ "&&", T_AND }, { "||", T_OR }, { ">>", T_DGT }, { "<&", T_LTAND },
	{ ">&", T_GTAND }, { "<>", T_LTGT }, { ">|", T_CLOBBER }, { ";", T_SEMI },
	{ "&", T_AMP }, { "|", T_PIPE }, { "(", T_LPAREN }, { ")", T_RPAREN },
	{ "<", T_LT }, { ">", T_GT }, { "\n", T_NL },
};
#define NOPS (int)(sizeof(ops) / sizeof(ops[0]))

struct lexer {
	const char *src;
	size_t pos;
	enum tok tok;		/* the current token */
	char *word;		/* T_WORD: its raw text */
	int io_fd;		/* redirections: the N of N>, else -1 */
	size_t start;		/* where the current token starts */
	size_t prev_end;	/* where the one before it ended */
	bool incomplete;	/* input ended inside quotes or after a backslash */
};

/* A backslash-newline as the very last thing asks for another line. */
static bool ends_in_continuation(const char *s)
{
	return s[0] == '\\' && (!s[1] || (s[1] == '\n' && !s[2]));
}

static void skip_blanks(struct lexer *lx)
{
	const char *s = lx->src;
	for (;;) {
		if (s[lx->pos] == ' ' || s[lx->pos] == '\t')
			lx->pos++;
		else if (s[lx->pos] == '\\' && s[lx->pos + 1] == '\n' && s[lx->pos + 2])
			lx->pos += 2;
		else if (s[lx->pos] == '#')
			lx->pos += strcspn(s + lx->pos, "\n");
		else
			return;
	}
}

/* Returns the end of the word at p, or 0 if the input ends too soon. */
static size_t scan_word(const char *s, size_t p)
{
	while (s[p] && !strchr(" \t\n;&|<>()", s[p])) {
		if (ends_in_continuation(s + p))
			return 0;
		if (s[p] == '\\') {
			p += 2;
		} else if (s[p] == '\'') {
			const char *q = strchr(s + p + 1, '\'');
			if (!q)
				return 0;
			p = q - s + 1;
		} else if (s[p] == '"') {
			for (p++; s[p] != '"'; p++) {
				if (!s[p] || ends_in_continuation(s + p))
					return 0;
				if (s[p] == '\\')
					p++;
			}
			p++;
		} else {
			p++;
		}
	}
	return p;
}

static bool match_op(struct lexer *lx)
{
	for (int i = 0; i < NOPS; i++) {
		size_t n = strlen(ops[i].text);
		if (!strncmp(lx->src + lx->pos, ops[i].text, n)) {
			lx->tok = ops[i].tok;
			lx->pos += n;
			return true;
		}
	}
	return false;
}

static void next_token(struct lexer *lx)
{
	lx->prev_end = lx->pos;
	skip_blanks(lx);
	lx->start = lx->pos;
	lx->io_fd = -1;
	lx->word = NULL;
	lx->tok = T_EOF;
	if (!lx->src[lx->pos] || match_op(lx))
		return;
	size_t end = scan_word(lx->src, lx->pos);
	if (!end) {
		lx->incomplete = true;
		return;
	}
	size_t digits = strspn(lx->src + lx->pos, "0123456789");
	char after = lx->src[end];
	if (lx->pos + digits == end && digits && digits < 5 && (after == '<' || after == '>')) {
		lx->io_fd = atoi(lx->src + lx->pos);	/* 2>file: an IO number */
		lx->pos = end;
		match_op(lx);
		return;
	}
	lx->word = xstrndup(lx->src + lx->pos, end - lx->pos);
	lx->pos = end;
	lx->tok = T_WORD;
}

/* ---------------------------------------------------------------------------
 * Parser. Grammar (a subset of POSIX's):
 *   list     := { and_or ( ';' | '&' | NL ) }
 *   and_or   := pipeline { ( '&&' | '||' ) NL* pipeline }
 *   pipeline := [ '!' ] command { '|' NL* command }
 *   command  := { WORD | redir }+  |  '(' list ')' { redir }
 *   redir    := [ N ] ( '<' | '>' | '>>' | '<&' | '>&' | '<>' | '>|' ) WORD
 */
struct redir {
	struct redir *next;
	int fd;			/* the descriptor redirected */
	enum tok op;
	char *word;		/* raw */
	char *target;		/* expanded */
};

struct cmd {
	struct cmd *next;	/* the next command in the pipeline */
	struct strvec words;	/* raw words; none for a subshell */
	struct and_or *body;	/* ( body ) */
	struct redir *redirs;
	struct strvec argv, assigns;	/* expanded, just before it runs */
};

struct pipeline {
	struct pipeline *next;
	enum tok op;		/* T_AND or T_OR: whether next runs */
	struct cmd *cmds;
	bool negate;
	char *text;		/* source text, for job reports */
};

struct and_or {
	struct and_or *next;
	struct pipeline *pipes;
	bool background;
};

enum { P_OK, P_INCOMPLETE, P_ERROR };

struct parser {
	struct lexer lx;
	int err;
};

static struct and_or *parse_list(struct parser *ps, enum tok end);

static void syntax_error(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	if (ps->err)
		return;
	if (lx->tok == T_EOF) {		/* a quote or a pipe left open */
		ps->err = P_INCOMPLETE;
		return;
	}
	const char *what = lx->tok == T_NL ? "newline" : lx->word;
	for (int i = 0; !what && i < NOPS; i++)
		if (ops[i].tok == lx->tok)
			what = ops[i].text;
	fprintf(stderr, "sh: syntax error near unexpected token `%s'\n", what);
	ps->err = P_ERROR;
}

static char *source_since(struct parser *ps, size_t start)
{
	size_t end = ps->lx.prev_end;	/* before start if nothing was consumed */
	return xstrndup(ps->lx.src + start, end > start ? end - start : 0);
}

static void skip_newlines(struct parser *ps)
{
	while (ps->lx.tok == T_NL)
		next_token(&ps->lx);
}

static void parse_redir(struct parser *ps, struct redir **tail)
{
	struct lexer *lx = &ps->lx;
	struct redir *r = xalloc(sizeof(*r));
	r->op = lx->tok;
	bool input = r->op == T_LT || r->op == T_LTAND || r->op == T_LTGT;
	r->fd = lx->io_fd >= 0 ? lx->io_fd : !input;
	next_token(lx);
	if (lx->tok != T_WORD) {
		syntax_error(ps);
		return;
	}
	r->word = lx->word;
	next_token(lx);
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
}

static bool is_redir(enum tok t)
{
	return t >= T_LT && t <= T_CLOBBER;
}

static struct cmd *parse_command(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct cmd *c = xalloc(sizeof(*c));
	if (lx->tok == T_LPAREN) {
		next_token(lx);
		c->body = parse_list(ps, T_RPAREN);
		if (!ps->err && (!c->body || lx->tok != T_RPAREN))
			syntax_error(ps);
		next_token(lx);
	}
	while (!ps->err && (is_redir(lx->tok) || (lx->tok == T_WORD && !c->body))) {
		if (lx->tok == T_WORD) {
			vec_push(&c->words, lx->word);
			next_token(lx);
		} else {
			parse_redir(ps, &c->redirs);
		}
	}
	if (!c->body && !c->words.n && !c->redirs)
		syntax_error(ps);
	return c;
}

static struct pipeline *parse_pipeline(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct pipeline *p = xalloc(sizeof(*p));
	size_t start = lx->start;
	if (lx->tok == T_WORD && !strcmp(lx->word, "!")) {
		p->negate = true;
		next_token(lx);
	}
	struct cmd **tail = &p->cmds;
	for (;;) {
		*tail = parse_command(ps);
		if (ps->err || lx->tok != T_PIPE)
			break;
		tail = &(*tail)->next;
		next_token(lx);
		skip_newlines(ps);
	}
	p->text = source_since(ps, start);
	return p;
}

/* `a && b &` runs as one background job: a subshell around the and_or. */
static void wrap_in_subshell(struct and_or *ao, char *text)
{
	struct and_or *inner = xalloc(sizeof(*inner));
	inner->pipes = ao->pipes;
	struct pipeline *p = xalloc(sizeof(*p));
	p->cmds = xalloc(sizeof(*p->cmds));
	p->cmds->body = inner;
	p->text = text;
	ao->pipes = p;
}

static struct and_or *parse_and_or(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct and_or *ao = xalloc(sizeof(*ao));
	size_t start = lx->start;
	struct pipeline *p = ao->pipes = parse_pipeline(ps);
	while (!ps->err && (lx->tok == T_AND || lx->tok == T_OR)) {
		p->op = lx->tok;
		next_token(lx);
		skip_newlines(ps);
		p = p->next = parse_pipeline(ps);
	}
	if (!ps->err && lx->tok == T_AMP) {
		ao->background = true;
		if (ao->pipes->next)
			wrap_in_subshell(ao, source_since(ps, start));
	}
	return ao;
}

/* Parses and_or lists up to `end` (T_EOF, or T_RPAREN in a subshell). */
static struct and_or *parse_list(struct parser *ps, enum tok end)
{
	struct lexer *lx = &ps->lx;
	struct and_or *head = NULL, **tail = &head;
	for (;;) {
		skip_newlines(ps);
		if (lx->tok == end || lx->tok == T_EOF)
			break;
		*tail = parse_and_or(ps);
		tail = &(*tail)->next;
		if (ps->err)
			break;
		if (lx->tok == T_SEMI || lx->tok == T_AMP)
			next_token(lx);
		else if (lx->tok != T_NL && lx->tok != end)
			syntax_error(ps);
	}
	if (lx->incomplete)
		ps->err = P_INCOMPLETE;
	return head;
}

/* ---------------------------------------------------------------------------
 * Expansion: parameters, quote removal, field splitting, globbing. Each
 * output character carries a mark saying where it came from, because only
 * unquoted expansions are split and only unquoted characters glob.
 */
enum { M_LIT, M_QUOTED, M_SPLIT, M_BREAK /* between "$@" fields */ };

struct xbuf {
	char *s, *mark;
	size_t len, cap;
	bool quoted;		/* the word had quotes: "" is one empty field */
};
static bool expand_failed;

static void xb_put(struct xbuf *b, char c, char mark)
{
	if (b->len + 1 >= b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		char *s = xalloc(cap), *m = xalloc(cap);
		if (b->len) {
			memcpy(s, b->s, b->len);
			memcpy(m, b->mark, b->len);
		}
		b->s = s, b->mark = m, b->cap = cap;
	}
	b->s[b->len] = c;
	b->mark[b->len++] = mark;
}

static void xb_puts(struct xbuf *b, const char *s, char mark)
{
	while (s && *s)
		xb_put(b, *s++, mark);
}

/* $@ and $*: "$@" keeps the arguments apart, everything else joins them. */
static void expand_args(struct xbuf *b, bool quoted_at, char mark)
{
	for (int i = 1; i <= pos_count; i++) {
		if (i > 1)
			xb_put(b, ' ', quoted_at ? M_BREAK : mark);
		xb_puts(b, pos_args[i], mark);
	}
}

static const char *special_param(char c, char *num, size_t size)
{
	long v = c == '?' ? last_status : c == '$' ? shell_pid : c == '#' ? pos_count : last_bg_pid;
	if (c == '!' && !last_bg_pid)
		return "";
	snprintf(num, size, "%ld", v);
	return num;
}

/* Expands the $ at w[*i], moving *i past it. */
static void expand_dollar(const char *w, size_t *i, struct xbuf *b, bool dq)
{
	size_t p = *i + 1;
	char mark = dq ? M_QUOTED : M_SPLIT, num[24];
	const char *val = NULL;
	bool braced = w[p] == '{';
	p += braced;
	size_t n = name_len(w + p);
	if (n) {
		val = var_get(xstrndup(w + p, n));
		p += n;
	} else if (isdigit((unsigned char)w[p])) {
		long k = braced ? strtol(w + p, NULL, 10) : w[p] - '0';
		val = k <= pos_count ? pos_args[k] : NULL;
		p += braced ? strspn(w + p, "0123456789") : 1;
	} else if (w[p] && strchr("?$#!", w[p])) {
		val = special_param(w[p++], num, sizeof(num));
	} else if (w[p] == '@' || w[p] == '*') {
		expand_args(b, dq && w[p] == '@', mark);
		p++;
	} else if (!braced) {
		xb_put(b, '$', dq ? M_QUOTED : M_LIT);	/* a lone $ */
		*i = p;
		return;
	}
	if (braced && w[p++] != '}') {
		fprintf(stderr, "sh: %s: bad substitution\n", w);
		expand_failed = true;
		p = strlen(w);
	}
	xb_puts(b, val, mark);
	*i = p;
}

/* Expands a double-quoted part starting after its opening quote. */
static size_t expand_dquote(const char *w, size_t i, struct xbuf *b)
{
	if (strncmp(w + i, "$@\"", 3))	/* "$@" alone may give no field at all */
		b->quoted = true;
	while (w[i] && w[i] != '"') {
		if (w[i] == '\\' && w[i + 1] && strchr("$`\"\\\n", w[i + 1])) {
			if (w[i + 1] != '\n')
				xb_put(b, w[i + 1], M_QUOTED);
			i += 2;
		} else if (w[i] == '$') {
			expand_dollar(w, &i, b, true);
		} else {
			xb_put(b, w[i++], M_QUOTED);
		}
	}
	return i + 1;
}

/* Parameter expansion and quote removal of one raw word into b. */
static void expand_raw(const char *w, struct xbuf *b)
{
	size_t i = 0;
	if (w[0] == '~' && (!w[1] || w[1] == '/') && var_get("HOME")) {
		xb_puts(b, var_get("HOME"), M_QUOTED);
		i = 1;
	}
	while (w[i]) {
		if (w[i] == '\'') {
			const char *q = strchr(w + i + 1, '\'');
			b->quoted = true;
			for (i++; w + i < q; i++)
				xb_put(b, w[i], M_QUOTED);
			i++;
		} else if (w[i] == '"') {
			i = expand_dquote(w, i + 1, b);
		} else if (w[i] == '\\') {
			if (w[i + 1] != '\n')
				xb_put(b, w[i + 1], M_QUOTED);
			i += 2;
		} else if (w[i] == '$') {
			expand_dollar(w, &i, b, false);
		} else {
			xb_put(b, w[i++], M_LIT);
		}
	}
}

/* Adds one field to out, replaced by the file names it matches if it is an
 * unquoted pattern that matches any. */
static void add_field(struct xbuf *f, struct strvec *out)
{
	char *lit = xstrndup(f->s, f->len);
	bool pattern = false;
	for (size_t i = 0; i < f->len; i++)
		pattern |= f->mark[i] != M_QUOTED && strchr("*?[", f->s[i]) != NULL;
	if (!pattern) {
		vec_push(out, lit);
		return;
	}
	char *pat = xalloc(2 * f->len + 1), *p = pat;
	for (size_t i = 0; i < f->len; i++) {
		if (f->mark[i] == M_QUOTED && strchr("*?[]\\", f->s[i]))
			*p++ = '\\';
		*p++ = f->s[i];
	}
	glob_t g;
	if (glob(pat, 0, NULL, &g) != 0) {
		vec_push(out, lit);	/* no match: the word stays as it is */
		return;
	}
	for (size_t i = 0; i < g.gl_pathc; i++)
		vec_push(out, xstrndup(g.gl_pathv[i], strlen(g.gl_pathv[i])));
	globfree(&g);
}

/* Expands a word into zero or more fields appended to out. */
static void expand_word(const char *w, struct strvec *out)
{
	struct xbuf b = { 0 }, f = { 0 };
	expand_raw(w, &b);
	const char *ifs = var_get("IFS");
	if (!ifs)
		ifs = " \t\n";
	int before = out->n;
	bool keep = false;	/* an empty field still counts (after a "$@" break) */
	for (size_t i = 0; i < b.len; i++) {
		bool blank = b.mark[i] == M_SPLIT && b.s[i] && strchr(ifs, b.s[i]);
		if (b.mark[i] == M_BREAK || blank) {
			if (f.len || keep || b.mark[i] == M_BREAK)
				add_field(&f, out);
			keep = b.mark[i] == M_BREAK;
			f.len = 0;
		} else {
			xb_put(&f, b.s[i], b.mark[i]);
		}
	}
	if (f.len || keep || (b.quoted && out->n == before))
		add_field(&f, out);
}

/* Expands a word into exactly one string: no splitting, no globbing. */
static char *expand_string(const char *w)
{
	struct xbuf b = { 0 };
	expand_raw(w, &b);
	for (size_t i = 0; i < b.len; i++)
		if (b.mark[i] == M_BREAK)
			b.s[i] = ' ';
	return xstrndup(b.s ? b.s : "", b.len);
}

static bool is_assignment(const char *w)
{
	size_t n = name_len(w);
	return n && w[n] == '=';
}

/* Fills in c->argv, c->assigns and the redirection targets; -1 on error. */
static int expand_cmd(struct cmd *c)
{
	expand_failed = false;
	bool prefix = true;
	for (int i = 0; i < c->words.n; i++) {
		const char *w = c->words.v[i];
		if (prefix && is_assignment(w)) {
			size_t n = name_len(w) + 1;
			char *value = expand_string(w + n), *s = xalloc(n + strlen(value) + 1);
			memcpy(s, w, n);
			strcpy(s + n, value);
			vec_push(&c->assigns, s);
			continue;
		}
		prefix = false;
		expand_word(w, &c->argv);
	}
	for (struct redir *r = c->redirs; r; r = r->next)
		r->target = expand_string(r->word);
	return expand_failed ? -1 : 0;
}

/* ---------------------------------------------------------------------------
 * The job table (CSAPP 8.5: a job is the processes of one pipeline, put in
 * a process group of their own so that one signal from the terminal - ^C,
 * ^Z - or from kill reaches all of them).
 *
 * Locking: the SIGCHLD handler writes procs[].state, procs[].status and
 * changed; the rest of the shell touches the table only with SIGCHLD
 * blocked, so the handler never sees a half-made change (CSAPP 8.5.6).
 */
enum pstate { P_RUNNING, P_STOPPED, P_DONE };

struct proc {
	pid_t pid;
	enum pstate state;
	int status;		/* from waitpid */
};

struct job {
	int id;			/* %N; 0: the slot is free */
	pid_t pgid;		/* 0 without job control */
	struct proc procs[MAX_PROCS];
	int nprocs;
	char *text;		/* malloc'ed */
	bool fg;		/* the shell is waiting for it in the foreground */
	bool changed;		/* state changed since last reported */
	unsigned long seq;	/* when last stopped or sent to the background */
	bool has_tmodes;
	struct termios tmodes;	/* its terminal modes, saved when it stopped */
};
static struct job jobs[MAX_JOBS];
static unsigned long job_seq;

/* Records what waitpid said about pid. Called from the SIGCHLD handler. */
static void job_note_status(pid_t pid, int status)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		for (int k = 0; jobs[i].id && k < jobs[i].nprocs; k++) {
			struct proc *p = &jobs[i].procs[k];
			if (p->pid != pid)
				continue;
			p->state = WIFSTOPPED(status) ? P_STOPPED : WIFCONTINUED(status) ? P_RUNNING : P_DONE;
			if (!WIFCONTINUED(status))
				p->status = status;
			jobs[i].changed = true;
			return;
		}
	}
}

/* SIGCHLD: reap every child that changed state (exited, was killed, and
 * with job control stopped or continued) into the job table; WNOHANG because
 * several children may share one signal and none may be ready. Only
 * async-signal-safe work here.
 * NOTE: without job control a stopped child still counts as running, as in
 * dash: a subshell stopped by ^Z together with its child may see SIGCHLD
 * (17) before its own SIGTSTP (20), and must not take the stop for an end. */
static void on_sigchld(int sig)
{
	(void)sig;
	int saved_errno = errno, status;
	int flags = WNOHANG | (job_control ? WUNTRACED | WCONTINUED : 0);
	pid_t pid;
	while ((pid = waitpid(-1, &status, flags)) > 0)
		job_note_status(pid, status);
	errno = saved_errno;
}

static enum pstate job_state(const struct job *j)
{
	bool stopped = false;
	for (int k = 0; k < j->nprocs; k++) {
		if (j->procs[k].state == P_RUNNING)
			return P_RUNNING;
		stopped |= j->procs[k].state == P_STOPPED;
	}
	return stopped ? P_STOPPED : P_DONE;
}

/* $? of a job: its last command's, 128+N when a signal killed or stopped it. */
static int job_status(const struct job *j)
{
	for (int k = 0; job_state(j) == P_STOPPED && k < j->nprocs; k++)
		if (j->procs[k].state == P_STOPPED)
			return 128 + WSTOPSIG(j->procs[k].status);
	int st = j->nprocs ? j->procs[j->nprocs - 1].status : 0;
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

static struct job *job_by_id(int id)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id == id && id)
			return &jobs[i];
	return NULL;
}

static int job_max_id(void)
{
	int max = 0;
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id > max)
			max = jobs[i].id;
	return max;
}

static void job_free(struct job *j)
{
	free(j->text);
	memset(j, 0, sizeof(*j));
}

/* A new, empty job numbered one above the highest in use; NULL if full. */
static struct job *job_alloc(const char *text)
{
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < MAX_JOBS; i++) {
			if (!jobs[i].id) {
				jobs[i].id = job_max_id() + 1;
				jobs[i].text = strdup(text);
				return &jobs[i];
			}
		}
		for (int i = 0; i < MAX_JOBS; i++)	/* forget finished ones */
			if (jobs[i].id && !jobs[i].fg && job_state(&jobs[i]) == P_DONE)
				job_free(&jobs[i]);
	}
	fprintf(stderr, "sh: too many jobs\n");
	return NULL;
}

/* A job forked into a subshell is not the subshell's to manage. */
static void jobs_forget_all(void)
{
	memset(jobs, 0, sizeof(jobs));
}

/* The current (rank 0, "+") or previous (rank 1, "-") job: stopped jobs
 * first, then the most recently stopped or backgrounded. */
static struct job *job_ranked(int rank)
{
	struct job *best[2] = { NULL, NULL };
	unsigned long key[2] = { 0, 0 };
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];
		if (!j->id || j->fg)
			continue;
		unsigned long k = j->seq + 1 + (job_state(j) == P_STOPPED ? ULONG_MAX / 2 : 0);
		if (k > key[0]) {
			best[1] = best[0], key[1] = key[0];
			best[0] = j, key[0] = k;
		} else if (k > key[1]) {
			best[1] = j, key[1] = k;
		}
	}
	return best[rank];
}

static char job_marker(struct job *j)
{
	return j == job_ranked(0) ? '+' : j == job_ranked(1) ? '-' : ' ';
}

/* Prints "[N]+  Status                  text" (see the top of the file). */
static void job_print(FILE *out, struct job *j)
{
	char buf[64];
	const char *what = "Running";
	enum pstate state = job_state(j);
	int st = j->procs[j->nprocs - 1].status;
	if (state == P_STOPPED) {
		what = "Stopped";
	} else if (state == P_DONE && WIFEXITED(st)) {
		snprintf(buf, sizeof(buf), "Exit %d", WEXITSTATUS(st));
		what = WEXITSTATUS(st) ? buf : "Done";
	} else if (state == P_DONE) {
		snprintf(buf, sizeof(buf), "%s%s", sig_desc(WTERMSIG(st)), WCOREDUMP(st) ? " (core dumped)" : "");
		what = buf;
	}
	fprintf(out, "[%d]%c  %-24s%s%s\n", j->id, job_marker(j), what, j->text,
		state == P_RUNNING ? " &" : "");
}

/* Before a prompt: reports background jobs that finished or stopped. */
static void jobs_notify(void)
{
	fflush(stdout);
	for (int id = 1, max = job_max_id(); id <= max; id++) {
		struct job *j = job_by_id(id);
		if (!j || j->fg || !j->changed)
			continue;
		j->changed = false;
		if (job_state(j) == P_RUNNING)	/* continued by someone else */
			continue;
		job_print(stderr, j);
		if (job_state(j) == P_DONE)
			job_free(j);
	}
}

/* Sends sig to every process of j: to its process group if it has one. */
static int job_signal(struct job *j, int sig)
{
	if (j->pgid)
		return kill(-j->pgid, sig);
	for (int k = 0; k < j->nprocs; k++)
		if (j->procs[k].state != P_DONE && kill(j->procs[k].pid, sig) < 0)
			return -1;
	return 0;
}

/* Sleeps until j stops running. sigsuspend unblocks SIGCHLD and sleeps in one
 * step, so a SIGCHLD arriving just after the test cannot be lost (CSAPP 8.5.7;
 * pause() there would be the race). Needs SIGCHLD blocked. */
static void job_wait_change(struct job *j)
{
	while (job_state(j) == P_RUNNING)
		sigsuspend(&wait_mask);
}

/* ---------------------------------------------------------------------------
 * The terminal: which process group is in the foreground (tcsetpgrp) decides
 * who gets ^C/^Z and who may read; everybody else reading gets SIGTTIN.
 */

static void signals_default(void)
{
	for (size_t i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
		signal(job_signals[i], SIG_DFL);
}

/* Job control, step 1 (glibc manual, "Initializing the Shell"). */
static void job_control_init(void)
{
	pid_t fg;
	tty_fd = STDIN_FILENO;
	/* Started in the background? Stop (SIGTTIN) until someone fg's us. */
	while ((fg = tcgetpgrp(tty_fd)) > 0 && fg != getpgrp())
		kill(-getpgrp(), SIGTTIN);
	if (fg < 0) {
		/* Not our controlling terminal, and maybe we have none (started
		 * straight on a console): become a session leader and make stdin's
		 * terminal ours, as getty would. tcsetpgrp below tells if it worked. */
		setsid();
		ioctl(tty_fd, TIOCSCTTY, 0);
	}
	/* ^C and ^Z are for the jobs, not us; SIGTTOU ignored lets us call
	 * tcsetpgrp from the background to take the terminal back. */
	for (size_t i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
		signal(job_signals[i], SIG_IGN);
	shell_pgid = getpid();
	if ((getpgrp() != shell_pgid && setpgid(0, shell_pgid) < 0) ||
	    tcsetpgrp(tty_fd, shell_pgid) < 0) {
		fprintf(stderr, "sh: no job control in this shell: %s\n", strerror(errno));
		signals_default();
		return;
	}
	tcgetattr(tty_fd, &shell_tmodes);
	job_control = true;
}

/* After a foreground job: the terminal comes back to the shell. A job that
 * stopped keeps its modes for fg; one that exited normally passes its modes
 * on (so `stty` works); one killed by a signal may have left a mess. */
static void terminal_take_back(struct job *j)
{
	tcsetpgrp(tty_fd, shell_pgid);
	int st = j->procs[j->nprocs - 1].status;
	if (job_state(j) == P_STOPPED) {
		j->has_tmodes = tcgetattr(tty_fd, &j->tmodes) == 0;
		tcsetattr(tty_fd, TCSADRAIN, &shell_tmodes);
	} else if (WIFEXITED(st)) {
		tcgetattr(tty_fd, &shell_tmodes);
	} else {
		tcsetattr(tty_fd, TCSADRAIN, &shell_tmodes);
	}
}

/* Reports how a foreground job ended or stopped; returns its status. */
static int job_report_fg(struct job *j)
{
	int status = job_status(j), st = j->procs[j->nprocs - 1].status;
	fflush(stdout);
	if (job_state(j) == P_STOPPED) {
		j->seq = ++job_seq;
		j->changed = false;
		fputc('\n', stderr);
		job_print(stderr, j);
		return status;
	}
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT && interactive)
		fputc('\n', stderr);
	else if (WIFSIGNALED(st) && WTERMSIG(st) != SIGINT && WTERMSIG(st) != SIGPIPE)
		fprintf(stderr, "%s%s\n", sig_desc(WTERMSIG(st)), WCOREDUMP(st) ? " (core dumped)" : "");
	job_free(j);
	return status;
}

/* Runs j in the foreground until it ends or stops: give it the terminal,
 * (cont: restore its modes and SIGCONT it, for fg), wait, take it back. */
static int job_foreground(struct job *j, bool cont)
{
	j->fg = true;
	if (job_control) {
		tcsetpgrp(tty_fd, j->pgid);
		if (cont && j->has_tmodes)
			tcsetattr(tty_fd, TCSADRAIN, &j->tmodes);
	}
	if (cont)
		job_signal(j, SIGCONT);
	job_wait_change(j);
	j->fg = false;
	if (job_control)
		terminal_take_back(j);
	return job_report_fg(j);
}

/* fg and bg: mark the stopped processes running again (before SIGCONT, so
 * that waiting does not mistake them for still stopped). */
static int job_continue(struct job *j, bool fg)
{
	for (int k = 0; k < j->nprocs; k++)
		if (j->procs[k].state == P_STOPPED)
			j->procs[k].state = P_RUNNING;
	j->changed = false;
	j->seq = ++job_seq;
	if (fg)
		return job_foreground(j, true);
	job_signal(j, SIGCONT);
	printf("[%d]%c %s &\n", j->id, job_marker(j), j->text);
	return 0;
}

/* ---------------------------------------------------------------------------
 * Redirections. Builtins run in the shell itself, so there each descriptor
 * is saved first and put back afterwards.
 */
struct saved_fd {
	int fd, copy;		/* copy -1: fd was closed */
};

static int redir_dup(struct redir *r)
{
	char *end;
	long n = strtol(r->target, &end, 10);
	if (!strcmp(r->target, "-")) {
		close(r->fd);
		return 0;
	}
	if (!*r->target || *end || n < 0 || n > INT_MAX || fcntl((int)n, F_GETFD) < 0) {
		fprintf(stderr, "sh: %s: bad file descriptor\n", r->target);
		return -1;
	}
	if (n != r->fd && dup2((int)n, r->fd) < 0) {
		fprintf(stderr, "sh: %d: %s\n", r->fd, strerror(errno));
		return -1;
	}
	return 0;
}

static int redir_one(struct redir *r)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC;
	if (r->op == T_LTAND || r->op == T_GTAND)
		return redir_dup(r);
	if (r->op == T_LT)
		flags = O_RDONLY;
	else if (r->op == T_LTGT)
		flags = O_RDWR | O_CREAT;
	else if (r->op == T_DGT)
		flags = O_WRONLY | O_CREAT | O_APPEND;
	int fd = open(r->target, flags, 0666);
	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", r->target, strerror(errno));
		return -1;
	}
	if (fd != r->fd) {
		dup2(fd, r->fd);
		close(fd);
	}
	return 0;
}

static void save_fd(int fd, struct saved_fd *saved, int *nsaved)
{
	for (int i = 0; i < *nsaved; i++)
		if (saved[i].fd == fd)
			return;
	if (*nsaved < MAX_SAVED) /* high and close-on-exec: out of the user's way */
		saved[(*nsaved)++] = (struct saved_fd){ fd, fcntl(fd, F_DUPFD_CLOEXEC, 10) };
}

/* Applies c's redirections; saves what they replace if saved is not NULL. */
static int redirs_apply(struct redir *r, struct saved_fd *saved, int *nsaved)
{
	fflush(stdout);
	for (; r; r = r->next) {
		if (saved)
			save_fd(r->fd, saved, nsaved);
		if (redir_one(r) < 0)
			return -1;
	}
	return 0;
}

static void redirs_restore(struct saved_fd *saved, int nsaved)
{
	fflush(stdout);
	while (nsaved--) {
		if (saved[nsaved].copy < 0) {
			close(saved[nsaved].fd);
		} else {
			dup2(saved[nsaved].copy, saved[nsaved].fd);
			close(saved[nsaved].copy);
		}
	}
}

/* ---------------------------------------------------------------------------
 * Running commands.
 */
struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	bool special;		/* POSIX special builtin: NAME=value before it stays */
};
static void run_list(struct and_or *ao);
static int run_script(const char *path, char **args, int nargs);
static const struct builtin *builtin_find(const char *name);
static int builtin_run(const struct builtin *b, struct strvec *argv);

/* What a child does before it runs anything: the subshell is no longer the
 * interactive shell, and its jobs belong to its parent. */
static void become_subshell(void)
{
	interactive = job_control = false;
	jobs_forget_all();
}

/* execve, and for a file the kernel cannot run (ENOEXEC: no #! line) what
 * POSIX asks: read it as a script, here in this process. Returns errno. */
static int try_exec(const char *file, char **argv, char **envp)
{
	execve(file, argv, envp);
	if (errno == ENOEXEC) {
		sigprocmask(SIG_SETMASK, &run_mask, NULL);
		become_subshell();
		shell_exit(run_script(file, argv, 0));
	}
	return errno;
}

/* Runs argv[0], looked up on $PATH unless it has a '/'; returns (127: not
 * found, 126: found but not runnable) only if it cannot. */
static int exec_external(char **argv)
{
	char **envp = var_environ(), full[PATH_MAX];
	const char *p = var_get("PATH") ? var_get("PATH") : DEFAULT_PATH;
	int err = ENOENT;
	sigprocmask(SIG_SETMASK, &startup_mask, NULL);
	if (strchr(argv[0], '/'))
		err = try_exec(argv[0], argv, envp);
	for (bool more = !strchr(argv[0], '/'); more; p += strcspn(p, ":") + 1) {
		size_t n = strcspn(p, ":");	/* an empty entry is "." */
		snprintf(full, sizeof(full), "%.*s/%s", n ? (int)n : 1, n ? p : ".", argv[0]);
		int e = try_exec(full, argv, envp);
		if (e != ENOENT && e != ENOTDIR)
			err = e;	/* found, but cannot run: say why */
		more = p[n] != 0;
	}
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
	fprintf(stderr, "sh: %s: %s\n", argv[0], err == ENOENT || err == ENOTDIR ? "not found" : strerror(err));
	return err == ENOENT || err == ENOTDIR ? 127 : 126;
}

/* A simple command in a child process (or the shell, for exec). */
static int run_simple(struct cmd *c)
{
	if (redirs_apply(c->redirs, NULL, NULL) < 0)
		return 1;
	if (!c->argv.n)
		return 0;
	const struct builtin *b = builtin_find(c->argv.v[0]);
	if (b)
		return builtin_run(b, &c->argv);
	for (int i = 0; i < c->assigns.n; i++)
		var_assign(c->assigns.v[i], true);
	return exec_external(c->argv.v);
}

/* The child side of starting one command of a job: join the job's process
 * group, take the terminal if it is a foreground job, put the signals the
 * shell ignores back to default, wire up the pipe, and run. */
static _Noreturn void child_run(struct cmd *c, pid_t pgid, bool bg, int in, int pipe_fds[2])
{
	if (job_control) {
		setpgid(0, pgid);	/* same call as the parent's: whoever runs first wins */
		if (!bg)		/* before exec: the program may read the tty at once */
			tcsetpgrp(tty_fd, pgid ? pgid : getpid());
		signals_default();
	} else if (bg) {		/* POSIX: without job control, & ignores ^C */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		if (in < 0)
			in = open("/dev/null", O_RDONLY);
	}
	/* Our copy of the next command's read end would keep a reader alive
	 * after it exits, and a writer here would never get SIGPIPE. */
	if (pipe_fds[0] >= 0)
		close(pipe_fds[0]);
	if (in >= 0 && in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (pipe_fds[1] >= 0) {
		dup2(pipe_fds[1], STDOUT_FILENO);
		close(pipe_fds[1]);
	}
	become_subshell();
	if (!c->body)
		shell_exit(run_simple(c));
	if (redirs_apply(c->redirs, NULL, NULL) < 0)
		shell_exit(1);
	run_list(c->body);
	shell_exit(last_status);
}

/* Forks the commands of p into a new job, joined by pipes. The parent calls
 * setpgid too, so the group exists before we tcsetpgrp to it or signal it,
 * whichever of parent and child runs first. SIGCHLD is blocked (run_mask)
 * from before fork until the child is in j->procs, so a quick child cannot
 * be reaped before the shell knows it (CSAPP 8.5.6). */
static int job_launch(struct pipeline *p, bool bg)
{
	int ncmds = 0, in = -1;
	for (struct cmd *c = p->cmds; c; c = c->next)
		ncmds++;
	if (ncmds > MAX_PROCS) {
		fprintf(stderr, "sh: pipeline too long\n");
		return 1;
	}
	struct job *j = job_alloc(p->text);
	if (!j)
		return 1;
	for (struct cmd *c = p->cmds; c; c = c->next) {
		int fds[2] = { -1, -1 };
		if (c->next && pipe2(fds, O_CLOEXEC) < 0) {
			perror("sh: pipe");
			break;
		}
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0)
			child_run(c, j->pgid, bg, in, fds);
		if (pid < 0)
			perror("sh: fork");
		if (pid > 0 && job_control) {
			j->pgid = j->pgid ? j->pgid : pid;
			setpgid(pid, j->pgid);
		}
		if (pid > 0)
			j->procs[j->nprocs++] = (struct proc){ .pid = pid };
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		if (pid < 0)
			break;
	}
	if (in >= 0)
		close(in);
	if (!j->nprocs) {
		job_free(j);
		return 1;
	}
	if (!bg)
		return job_foreground(j, false);
	last_bg_pid = j->procs[j->nprocs - 1].pid;
	j->seq = ++job_seq;
	if (interactive)
		fprintf(stderr, "[%d] %d\n", j->id, (int)last_bg_pid);
	return 0;
}

/* A builtin or assignments, in the shell itself. NAME=value before a
 * special builtin stays set; before a regular one it would last only for
 * that command, and none of ours reads variables but cd, so it is dropped. */
static int run_in_shell(struct cmd *c)
{
	struct saved_fd saved[MAX_SAVED];
	int nsaved = 0, status = 1;
	const struct builtin *b = c->argv.n ? builtin_find(c->argv.v[0]) : NULL;
	bool exec = b && !strcmp(b->name, "exec");
	if (redirs_apply(c->redirs, exec ? NULL : saved, &nsaved) == 0) {
		for (int i = 0; (!b || b->special) && i < c->assigns.n; i++)
			var_assign(c->assigns.v[i], exec);
		status = b ? builtin_run(b, &c->argv) : 0;
	}
	redirs_restore(saved, nsaved);
	return status;
}

static int run_pipeline(struct pipeline *p, bool bg)
{
	struct cmd *c = p->cmds;
	for (struct cmd *e = c; e; e = e->next)
		if (expand_cmd(e) < 0)
			return 1;
	int status;
	if (!bg && !c->next && !c->body && (!c->argv.n || builtin_find(c->argv.v[0])))
		status = run_in_shell(c);
	else
		status = job_launch(p, bg);
	return p->negate ? !status : status;
}

static void run_list(struct and_or *ao)
{
	for (; ao; ao = ao->next) {
		struct pipeline *p = ao->pipes;
		last_status = run_pipeline(p, ao->background);
		for (; p->next; p = p->next)
			if ((p->op == T_AND) == (last_status == 0))
				last_status = run_pipeline(p->next, false);
	}
}

/* ---------------------------------------------------------------------------
 * Builtins.
 */
/* Lines run (and EOFs seen), and when "There are stopped jobs." was said:
 * an exit right after the warning goes ahead. */
static int commands_run, exit_warned_at = -2;

static bool stopped_jobs_block_exit(void)
{
	bool stopped = false;
	for (int i = 0; i < MAX_JOBS; i++)
		stopped |= jobs[i].id && job_state(&jobs[i]) == P_STOPPED;
	if (!interactive || !stopped || exit_warned_at == commands_run - 1)
		return false;
	fprintf(stderr, "There are stopped jobs.\n");
	exit_warned_at = commands_run;
	return true;
}

static int bi_exit(int argc, char **argv)
{
	char *end;
	long status = argc > 1 ? strtol(argv[1], &end, 10) : last_status;
	if (argc > 1 && (!*argv[1] || *end || status < 0)) {
		fprintf(stderr, "sh: exit: Illegal number: %s\n", argv[1]);
		return 2;
	}
	if (stopped_jobs_block_exit())
		return 1;
	shell_exit((int)status);
}

static int bi_true(int argc, char **argv) { (void)argc, (void)argv; return 0; }
static int bi_false(int argc, char **argv) { (void)argc, (void)argv; return 1; }

/* echo [-n] words: no backslash escapes (bash's default, not dash's). */
static int bi_echo(int argc, char **argv)
{
	bool newline = argc < 2 || strcmp(argv[1], "-n");
	for (int i = newline ? 1 : 2; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		putchar('\n');
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	(void)argc, (void)argv;
	char buf[PATH_MAX];
	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(buf);
	return 0;
}

static int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	bool dash = dir && !strcmp(dir, "-");
	char buf[PATH_MAX];
	if (dash)
		dir = var_get("OLDPWD");
	if (!dir) {
		fprintf(stderr, "sh: cd: %s not set\n", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (var_get("PWD"))
		var_set("OLDPWD", 6, var_get("PWD"), false);
	if (getcwd(buf, sizeof(buf)))
		var_set("PWD", 3, buf, false);
	if (dash)
		puts(buf);
	return 0;
}

static void print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

static int bi_export(int argc, char **argv)
{
	int status = 0;
	for (int i = 0; argc == 1 && i < nvars; i++) {
		if (!vars[i].exported)
			continue;
		printf("export %s%s", vars[i].name, vars[i].value ? "=" : "");
		if (vars[i].value)
			print_quoted(vars[i].value);
		putchar('\n');
	}
	for (int i = 1; i < argc; i++) {
		size_t n = name_len(argv[i]);
		if (!n || (argv[i][n] && argv[i][n] != '=')) {
			fprintf(stderr, "sh: export: %s: bad variable name\n", argv[i]);
			status = 1;
		} else {
			var_set(argv[i], n, argv[i][n] ? argv[i] + n + 1 : NULL, true);
		}
	}
	return status;
}

static int bi_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-')
			var_unset(argv[i]);
	return 0;
}

/* %N, %+, %%, %-, %PREFIX or nothing (the current job). */
static struct job *job_parse(const char *spec, const char *who)
{
	struct job *j = NULL;
	if (!spec || !strcmp(spec, "%%") || !strcmp(spec, "%+") || !strcmp(spec, "%"))
		j = job_ranked(0);
	else if (!strcmp(spec, "%-"))
		j = job_ranked(1);
	else if (spec[0] == '%' && isdigit((unsigned char)spec[1]))
		j = job_by_id(atoi(spec + 1));
	for (int i = 0; !j && spec && spec[0] == '%' && i < MAX_JOBS; i++)
		if (jobs[i].id && !strncmp(jobs[i].text, spec + 1, strlen(spec + 1)))
			j = &jobs[i];
	if (!j)
		fprintf(stderr, "sh: %s: %s: no such job\n", who, spec ? spec : "current");
	return j;
}

static int bi_jobs(int argc, char **argv)
{
	(void)argc, (void)argv;
	if (exit_warned_at == commands_run - 1)	/* looked: exit may go ahead */
		exit_warned_at = commands_run;
	for (int id = 1, max = job_max_id(); id <= max; id++) {
		struct job *j = job_by_id(id);
		if (!j || j->fg)
			continue;
		job_print(stdout, j);
		j->changed = false;
		if (job_state(j) == P_DONE)
			job_free(j);
	}
	return 0;
}

static int bi_fg(int argc, char **argv)
{
	if (!job_control) {
		fprintf(stderr, "sh: fg: no job control\n");
		return 1;
	}
	struct job *j = job_parse(argc > 1 ? argv[1] : NULL, "fg");
	if (!j)
		return 1;
	puts(j->text);
	fflush(stdout);
	return job_continue(j, true);
}

static int bi_bg(int argc, char **argv)
{
	int status = 0;
	if (!job_control) {
		fprintf(stderr, "sh: bg: no job control\n");
		return 1;
	}
	for (int i = 1; i < argc || i == 1; i++) {
		struct job *j = job_parse(argc > 1 ? argv[i] : NULL, "bg");
		if (!j)
			status = 1;
		else if (job_state(j) == P_RUNNING)
			fprintf(stderr, "sh: bg: job %d already in background\n", j->id);
		else
			job_continue(j, false);
	}
	return status;
}

/* kill -l [N]: signal names. */
static int kill_list(int argc, char **argv)
{
	if (argc > 0) {
		int n = atoi(argv[0]);
		for (int i = 0; i < NSIGNAMES; i++)
			if (signal_names[i].num == (n > 128 ? n - 128 : n))
				return puts(signal_names[i].name), 0;
		fprintf(stderr, "sh: kill: %s: invalid signal specification\n", argv[0]);
		return 1;
	}
	for (int i = 0; i < NSIGNAMES; i++)
		printf("%s%c", signal_names[i].name, i + 1 < NSIGNAMES ? ' ' : '\n');
	return 0;
}

static int kill_one(const char *target, int sig)
{
	char *end;
	if (target[0] == '%') {
		struct job *j = job_parse(target, "kill");
		if (!j)
			return -1;
		if (job_signal(j, sig) < 0) {
			fprintf(stderr, "sh: kill: %s: %s\n", target, strerror(errno));
			return -1;
		}
		/* A stopped job cannot act on TERM or HUP until it runs again. */
		if ((sig == SIGTERM || sig == SIGHUP) && job_state(j) == P_STOPPED)
			job_signal(j, SIGCONT);
		return 0;
	}
	long pid = strtol(target, &end, 10);
	if (!*target || *end) {
		fprintf(stderr, "sh: kill: %s: arguments must be process or job IDs\n", target);
		return -1;
	}
	if (kill((pid_t)pid, sig) < 0) {
		fprintf(stderr, "sh: kill: (%ld) - %s\n", pid, strerror(errno));
		return -1;
	}
	return 0;
}

/* kill [-SIG | -s SIG | -N] {%job | pid}...;  kill -l [N] */
static int bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	if (argc > 1 && !strcmp(argv[1], "-l"))
		return kill_list(argc - 2, argv + 2);
	if (argc > 2 && !strcmp(argv[1], "-s"))
		sig = sig_parse(argv[2]), i = 3;
	else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") && argv[1][1])
		sig = sig_parse(argv[1] + 1), i = 2;
	else if (argc > 1 && !strcmp(argv[1], "--"))
		i = 2;
	if (sig < 0) {
		fprintf(stderr, "sh: kill: %s: invalid signal specification\n", argv[i - 1]);
		return 1;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-s SIG | -SIG] {%%job | pid}...; kill -l [N]\n");
		return 2;
	}
	for (; i < argc; i++)
		if (kill_one(argv[i], sig) < 0)
			status = 1;
	return status;
}

static struct job *job_with_pid(pid_t pid)
{
	for (int i = 0; i < MAX_JOBS; i++)
		for (int k = 0; jobs[i].id && k < jobs[i].nprocs; k++)
			if (jobs[i].procs[k].pid == pid)
				return &jobs[i];
	return NULL;
}

/* wait [%job | pid]...: the status of the last one waited for. */
static int bi_wait(int argc, char **argv)
{
	int status = 0;
	for (int i = 0; argc == 1 && i < MAX_JOBS; i++) {
		if (!jobs[i].id)
			continue;
		job_wait_change(&jobs[i]);
		if (!interactive && job_state(&jobs[i]) == P_DONE)
			job_free(&jobs[i]);
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = argv[i][0] == '%' ? job_parse(argv[i], "wait") : job_with_pid(atoi(argv[i]));
		if (!j) {
			if (argv[i][0] != '%')
				fprintf(stderr, "sh: wait: pid %s is not a child of this shell\n", argv[i]);
			status = 127;
			continue;
		}
		job_wait_change(j);
		status = job_status(j);
		if (job_state(j) == P_DONE)
			job_free(j);
	}
	return status;
}

/* exec CMD: replace the shell. Without CMD, the redirections (applied by
 * run_in_shell without saving) simply stay. */
static int bi_exec(int argc, char **argv)
{
	if (argc < 2)
		return 0;
	if (job_control)
		signals_default();
	int status = exec_external(argv + 1);
	if (!interactive)
		shell_exit(status);
	for (size_t i = 0; job_control && i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
		signal(job_signals[i], SIG_IGN);
	return status;
}

static const struct builtin builtins[] = {
	{ ":", bi_true, true }, { "exit", bi_exit, true }, { "export", bi_export, true },
	{ "unset", bi_unset, true }, { "exec", bi_exec, true },
	{ "true", bi_true, false }, { "false", bi_false, false }, { "echo", bi_echo, false },
	{ "cd", bi_cd, false }, { "pwd", bi_pwd, false }, { "jobs", bi_jobs, false },
	{ "fg", bi_fg, false }, { "bg", bi_bg, false }, { "kill", bi_kill, false },
	{ "wait", bi_wait, false },
};

static const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

static int builtin_run(const struct builtin *b, struct strvec *argv)
{
	int status = b->fn(argv->n, argv->v);
	if (fflush(stdout) == EOF || ferror(stdout)) {	/* e.g. echo >&- */
		fprintf(stderr, "sh: %s: write error: %s\n", argv->v[0], strerror(errno));
		clearerr(stdout);
		status = status ? status : 1;
	}
	return status;
}

/* ---------------------------------------------------------------------------
 * Input: lines are gathered until they parse as complete commands, then run.
 */

/* Parses src and runs it: P_OK, P_ERROR (a syntax error, reported), or
 * P_INCOMPLETE (more lines are needed; nothing ran). */
static int execute(const char *src)
{
	struct parser ps = { .lx = { .src = src } };
	next_token(&ps.lx);
	struct and_or *list = parse_list(&ps, T_EOF);
	if (!ps.err) {
		commands_run++;
		run_list(list);
	} else if (ps.err == P_ERROR) {
		last_status = 2;
	}
	arena_reset();
	return ps.err;
}

static void prompt(bool continued)
{
	if (!continued)
		jobs_notify();
	fputs(continued ? "> " : geteuid() == 0 ? "# " : "$ ", stdout);
	fflush(stdout);
}

/* Reads a line; SIGCHLD comes in meanwhile, so finished children are reaped
 * while we wait for the user (SA_RESTART resumes the read). */
static ssize_t read_line(FILE *in, char **line, size_t *cap)
{
	ssize_t n;
	sigprocmask(SIG_SETMASK, &wait_mask, NULL);
	do {
		clearerr(in);
		errno = 0;
		n = getline(line, cap, in);
	} while (n < 0 && errno == EINTR);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
	return n;
}

static int run_input(FILE *in)
{
	char *line = NULL, *buf = NULL;
	size_t cap = 0, len = 0;
	for (;;) {
		if (interactive)
			prompt(len > 0);
		ssize_t n = read_line(in, &line, &cap);
		if (n < 0 && interactive && !len) {
			commands_run++;		/* ^D is an exit too */
			if (stopped_jobs_block_exit())
				continue;
		}
		if (n < 0)
			break;
		char *grown = realloc(buf, len + n + 1);
		if (!grown)
			die("realloc");
		buf = grown;
		memcpy(buf + len, line, n + 1);
		len += n;
		int err = execute(buf);
		if (err != P_INCOMPLETE)
			len = 0;
		if (err == P_ERROR && !interactive)
			shell_exit(2);
	}
	if (len) {
		fprintf(stderr, "sh: syntax error: unexpected end of file\n");
		last_status = 2;
	}
	if (interactive)
		fputc('\n', stdout);
	free(line);
	free(buf);
	return last_status;
}

/* Runs a script file: $0 is path, $1.. are args[1..nargs-1] (nargs 0: all of
 * args, NULL-terminated). */
static int run_script(const char *path, char **args, int nargs)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return 127;
	}
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);	/* out of the way of 3>file */
	if (high >= 0) {
		close(fd);
		fd = high;
	}
	FILE *f = fdopen(fd, "r");
	if (!f)
		die(path);
	if (!nargs)
		while (args[nargs])
			nargs++;
	pos_args = args;
	pos_count = nargs - 1;
	return run_input(f);
}

static void signals_init(void)
{
	struct sigaction sa = { .sa_handler = on_sigchld, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigprocmask(SIG_SETMASK, NULL, &startup_mask);
	run_mask = wait_mask = startup_mask;
	sigaddset(&run_mask, SIGCHLD);
	sigdelset(&wait_mask, SIGCHLD);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
}

int main(int argc, char **argv)
{
	shell_pid = getpid();
	var_init();
	signals_init();
	pos_args = argv;
	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3) {
			fprintf(stderr, "sh: -c: option requires an argument\n");
			return 2;
		}
		if (argc > 3) {
			pos_args = argv + 3;
			pos_count = argc - 4;
		}
		if (execute(argv[2]) == P_INCOMPLETE) {
			fprintf(stderr, "sh: syntax error: unexpected end of file\n");
			last_status = 2;
		}
		shell_exit(last_status);
	}
	if (argc > 1 && argv[1][0] == '-') {
		fprintf(stderr, "sh: %s: unknown option\nusage: sh [FILE [ARG...] | -c CMD [NAME [ARG...]]]\n", argv[1]);
		return 2;
	}
	if (argc > 1)
		shell_exit(run_script(argv[1], argv + 1, argc - 1));
	interactive = isatty(STDIN_FILENO);
	if (interactive)
		job_control_init();
	shell_exit(run_input(stdin));
}
