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
	if (!strncmp(word, "init=", 5))
		strlcpy(c->init, word + 5, sizeof(c->init));
	else if (!strcmp(word, "quiet"))
		c->quiet = true;
	else if (!strncmp(word, "panic=", 6))
		c->panic_timeout = (int)strtol(word + 6, NULL, 0);
	else if (!strcmp(word, "selftest"))
		c->selftest = true;
	else if (!strncmp(word, "crash=", 6))
		strlcpy(c->crash, word + 6, sizeof(c->crash));
}

void cmdline_parse(const char *s, struct cmdline *c)
{
	memset(c, 0, sizeof(*c));
	strlcpy(c->init, "/init", sizeof(c->init));
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		const char *w = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n')
			s++;
		if (s > w)
			set_word(c, w, s - w);
	}
}
