/* umask clears bits from the modes of new files and directories; umask()
 * returns the previous mask; only the low 9 bits count. */
#include "abi.h"

static void made(const char *what, const char *path, int is_dir)
{
	struct stat st;
	stat(path, &st);
	printf("%s: %04o\n", what, (unsigned)(st.st_mode & 07777));
	is_dir ? rmdir(path) : unlink(path);
}

int main(void)
{
	const char *f = "abi_file_umask_modes_file", *d = "abi_file_umask_modes_dir";

	umask(022);
	printf("umask(077) returns the old mask: %03o\n", (unsigned)umask(077));
	close(open(f, O_CREAT | O_WRONLY, 0666));
	made("file 0666 under 077", f, 0);
	mkdir(d, 0777);
	made("dir 0777 under 077", d, 1);
	umask(0);
	close(open(f, O_CREAT | O_WRONLY, 0777));
	made("file 0777 under 000", f, 0);
	umask(027);
	close(open(f, O_CREAT | O_WRONLY, 0666));
	made("file 0666 under 027", f, 0);
	mkdir(d, 0755);
	made("dir 0755 under 027", d, 1);
	close(open(f, O_CREAT | O_WRONLY, 0));
	made("file 0 under 027", f, 0);
	printf("umask(0777777) returns: %03o\n", (unsigned)umask(0777777));
	printf("then umask(022) returns: %03o\n", (unsigned)umask(022));
	return 0;
}
