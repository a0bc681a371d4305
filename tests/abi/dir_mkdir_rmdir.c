/* mkdir/rmdir: EEXIST for an existing name, ENOENT for a missing parent,
 * ENOTEMPTY for a directory with entries, ENOTDIR for rmdir of a file,
 * EINVAL for rmdir("."); mkdirat relative to a directory fd. */
#include "abi.h"

int main(void)
{
	show("mkdir", mkdir("abi_dir_mkdir_rmdir", 0755));
	show("mkdir again", mkdir("abi_dir_mkdir_rmdir", 0755));
	show("mkdir with a missing parent", mkdir("abi_dir_mkdir_rmdir_missing/sub", 0755));
	show("mkdir inside", mkdir("abi_dir_mkdir_rmdir/sub", 0755));
	show("rmdir non-empty", rmdir("abi_dir_mkdir_rmdir"));
	write_file("abi_dir_mkdir_rmdir/sub/file", "", 0, 0644);
	show("rmdir of a file", rmdir("abi_dir_mkdir_rmdir/sub/file"));
	show("mkdir over a file", mkdir("abi_dir_mkdir_rmdir/sub/file", 0755));
	show("mkdir through a file", mkdir("abi_dir_mkdir_rmdir/sub/file/x", 0755));
	show("rmdir with a file inside", rmdir("abi_dir_mkdir_rmdir/sub"));
	unlink("abi_dir_mkdir_rmdir/sub/file");
	show("rmdir emptied", rmdir("abi_dir_mkdir_rmdir/sub"));
	show("rmdir missing", rmdir("abi_dir_mkdir_rmdir/sub"));
	show("rmdir of \".\" inside", rmdir("abi_dir_mkdir_rmdir/."));
	show("rmdir of \"..\" inside", rmdir("abi_dir_mkdir_rmdir/.."));

	int dfd = open("abi_dir_mkdir_rmdir", O_RDONLY | O_DIRECTORY);
	show("mkdirat(dfd, \"at\")", mkdirat(dfd, "at", 0700));
	struct stat st;
	stat("abi_dir_mkdir_rmdir/at", &st);
	printf("made inside the fd's directory: %s\n", yes(S_ISDIR(st.st_mode)));
	show("unlinkat(dfd, \"at\", AT_REMOVEDIR)", unlinkat(dfd, "at", AT_REMOVEDIR));
	close(dfd);
	show("mkdir with trailing slash", mkdir("abi_dir_mkdir_rmdir/slash/", 0755));
	show("rmdir with trailing slash", rmdir("abi_dir_mkdir_rmdir/slash/"));
	show("rmdir", rmdir("abi_dir_mkdir_rmdir"));
	show("mkdir \"\"", mkdir("", 0755));
	return 0;
}
