/* uname succeeds and fills every field with a NUL-terminated string (the
 * values differ between machines and are not printed). */
#include "abi.h"
#include <sys/utsname.h>

static void field(const char *name, const char *s, size_t size)
{
	size_t len = strnlen(s, size);
	printf("%s: terminated %s, nonempty %s\n", name, yes(len < size), yes(len > 0));
}

int main(void)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	show("uname", syscall(SYS_uname, &u));
	field("sysname", u.sysname, sizeof(u.sysname));
	field("nodename", u.nodename, sizeof(u.nodename));
	field("release", u.release, sizeof(u.release));
	field("version", u.version, sizeof(u.version));
	field("machine", u.machine, sizeof(u.machine));
	printf("domainname: terminated %s\n", yes(strnlen(u.domainname, sizeof(u.domainname)) <
						  sizeof(u.domainname)));
	printf("field size: %zu\n", sizeof(u.sysname));
	return 0;
}
