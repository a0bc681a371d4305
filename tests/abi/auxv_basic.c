/* The auxiliary vector the kernel puts above envp at exec: page size, program
 * headers, entry point, ids, AT_RANDOM's 16 bytes, AT_EXECFN. */
#include "abi.h"
#include <elf.h>
#include <sys/auxv.h>

int main(int argc, char **argv)
{
	(void)argc;
	unsigned long phdr = getauxval(AT_PHDR);
	const Elf64_Phdr *ph = (const Elf64_Phdr *)phdr;
	const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	int nonzero = 0;

	printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHENT: %lu\n", getauxval(AT_PHENT));
	printf("AT_PHNUM between 1 and 63: %s\n", yes(getauxval(AT_PHNUM) > 0 &&
							     getauxval(AT_PHNUM) < 64));
	printf("AT_PHDR points at a PT_LOAD or PT_PHDR entry: %s\n",
	       yes(phdr && (ph[0].p_type == PT_LOAD || ph[0].p_type == PT_PHDR)));
	printf("AT_ENTRY nonzero: %s\n", yes(getauxval(AT_ENTRY) != 0));
	printf("AT_UID is getuid(): %s\n", yes(getauxval(AT_UID) == getuid()));
	printf("AT_EUID is geteuid(): %s\n", yes(getauxval(AT_EUID) == geteuid()));
	printf("AT_GID is getgid(): %s\n", yes(getauxval(AT_GID) == getgid()));
	printf("AT_EGID is getegid(): %s\n", yes(getauxval(AT_EGID) == getegid()));
	printf("AT_SECURE: %lu\n", getauxval(AT_SECURE));
	for (int i = 0; random && i < 16; i++)
		nonzero |= random[i];
	printf("AT_RANDOM present with nonzero bytes: %s\n", yes(random && nonzero));
	printf("AT_EXECFN is the exec'd path: %s\n", yes(execfn && strcmp(execfn, argv[0]) == 0));
	return 0;
}
