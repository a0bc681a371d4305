/* The kernel command line: known options set, unknown ones ignored. */
#include <string.h>
#include "boot.h"
#include "unit.h"

int main(void)
{
	struct cmdline c;
	cmdline_parse("", &c);
	CHECK(!strcmp(c.init, "/init") && !c.quiet && c.panic_timeout == 0 && !c.selftest,
	      "defaults");
	cmdline_parse("console=ttyS0 init=/bin/sh quiet panic=-1", &c);
	CHECK(!strcmp(c.init, "/bin/sh"), "init=%s", c.init);
	CHECK(c.quiet, "quiet");
	CHECK(c.panic_timeout == -1, "panic=%d", c.panic_timeout);
	cmdline_parse("  panic=10\tfoo=bar  quietly selftest crash=pf noise", &c);
	CHECK(c.panic_timeout == 10, "panic=%d", c.panic_timeout);
	CHECK(!c.quiet, "\"quietly\" is not \"quiet\"");
	CHECK(c.selftest && !strcmp(c.crash, "pf"), "selftest crash=%s", c.crash);
	CHECK(!strcmp(c.init, "/init"), "unknown words change nothing");
	char huge[3000];
	memset(huge, 'a', sizeof(huge) - 1);
	huge[sizeof(huge) - 1] = 0;
	memcpy(huge, "init=", 5);
	cmdline_parse(huge, &c);
	CHECK(!strcmp(c.init, "/init"), "an over-long word is ignored");
	return unit_finish("cmdline");
}
