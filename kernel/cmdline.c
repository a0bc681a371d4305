/*
 * The kernel command line, Linux's way: words separated by spaces; the ones
 * we know set options, everything else is ignored (Linux would pass it to init).
 */
#include "boot.h"
#include "string.h"

struct cmdline cmdline;

static void set_word(struct cmdline *c, const char *w, size_t n)
{
	char word[256];
	if (n >= sizeof(word))
		return;
	memcpy(word, w, n);
	word[n] = 0;
	if (!strncmp(word, "init=", 5)) {
		strlcpy(c->init, word + 5, sizeof(c->init));
		c->init_given = true;
	}
	else if (!strcmp(word, "quiet"))
		c->quiet = true;
	else if (!strncmp(word, "panic=", 6))
		c->panic_timeout = (int)strtol(word + 6, NULL, 0);
	else if (!strcmp(word, "selftest"))
		c->selftest = true;
	else if (!strncmp(word, "crash=", 6))
		strlcpy(c->crash, word + 6, sizeof(c->crash));
	else if (!strncmp(word, "trace=", 6))
		strlcpy(c->trace, word + 6, sizeof(c->trace));
}

/* Words after "--" are init's arguments, as on Linux. */
static void add_init_arg(struct cmdline *c, const char *w, size_t n, size_t *used, int *argc)
{
	if (*argc >= (int)ARRAY_SIZE(c->init_argv) - 1 || *used + n + 1 > sizeof(c->args))
		return;
	memcpy(c->args + *used, w, n);
	c->args[*used + n] = 0;
	c->init_argv[(*argc)++] = c->args + *used;
	*used += n + 1;
}

void cmdline_parse(const char *s, struct cmdline *c)
{
	memset(c, 0, sizeof(*c));
	strlcpy(c->init, "/init", sizeof(c->init));
	bool for_init = false;
	size_t used = 0;
	int argc = 1;		/* init_argv[0] is the program, filled at exec */
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		const char *w = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n')
			s++;
		if (s == w)
			continue;
		if (for_init)
			add_init_arg(c, w, s - w, &used, &argc);
		else if (s - w == 2 && w[0] == '-' && w[1] == '-')
			for_init = true;
		else
			set_word(c, w, s - w);
	}
	c->init_argv[argc] = NULL;
}
