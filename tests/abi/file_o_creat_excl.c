/* O_CREAT makes a missing file; O_CREAT|O_EXCL fails with EEXIST when the
 * name exists (a file, a directory, a symlink even if dangling). */
#include "abi.h"

int main(void)
{
	const char *path = "abi_file_o_creat_excl_file";

	show("open missing without O_CREAT", open(path, O_RDONLY));
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	printf("O_CREAT|O_EXCL new: %s\n", yes(fd >= 0));
	close(fd);
	show("O_CREAT|O_EXCL existing", open(path, O_RDWR | O_CREAT | O_EXCL, 0644));
	fd = open(path, O_RDWR | O_CREAT, 0644);
	printf("O_CREAT existing: %s\n", yes(fd >= 0));
	close(fd);
	mkdir("abi_file_o_creat_excl_dir", 0755);
	show("O_CREAT|O_EXCL on a directory",
	     open("abi_file_o_creat_excl_dir", O_RDONLY | O_CREAT | O_EXCL, 0644));
	show("O_CREAT on a directory", open("abi_file_o_creat_excl_dir", O_RDONLY | O_CREAT, 0644));
	symlink("abi_file_o_creat_excl_nowhere", "abi_file_o_creat_excl_link");
	show("O_CREAT|O_EXCL on a dangling symlink",
	     open("abi_file_o_creat_excl_link", O_RDWR | O_CREAT | O_EXCL, 0644));
	struct stat st;
	show("symlink target still missing", stat("abi_file_o_creat_excl_nowhere", &st));
	unlink(path);
	unlink("abi_file_o_creat_excl_link");
	rmdir("abi_file_o_creat_excl_dir");
	return 0;
}
