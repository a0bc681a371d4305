/* execve path errors: ENOENT (missing file, empty path, missing directory),
 * ENOTDIR (a path through a regular file), EACCES (no execute bit; a
 * directory), ENOEXEC (garbage with the execute bit; an empty file). */
#include "abi.h"

static void try(const char *what, const char *path)
{
	char *argv[] = { (char *)path, NULL };
	char *envp[] = { NULL };
	int r = execve(path, argv, envp);
	printf("%s: %d %s\n", what, r, errno_name(errno));
}

int main(void)
{
	static const char garbage[] = "this is not an executable\n\1\2\3\4";

	mkdir("abi_execve_errors_dir", 0755);
	write_file("abi_execve_errors_file", "data\n", 5, 0644);
	write_file("abi_execve_errors_noexec", "#!/abi_no_interpreter\n", 22, 0644);
	write_file("abi_execve_errors_garbage", garbage, sizeof(garbage), 0755);
	write_file("abi_execve_errors_empty", "", 0, 0755);

	try("missing file", "abi_execve_errors_missing");
	try("empty path", "");
	try("missing directory", "abi_execve_errors_missing/x");
	try("through a regular file", "abi_execve_errors_file/x");
	try("no execute bit", "abi_execve_errors_noexec");
	try("a directory", "abi_execve_errors_dir");
	try("garbage with execute bit", "abi_execve_errors_garbage");
	try("empty file with execute bit", "abi_execve_errors_empty");
	printf("still running: yes\n");

	rmdir("abi_execve_errors_dir");
	unlink("abi_execve_errors_file");
	unlink("abi_execve_errors_noexec");
	unlink("abi_execve_errors_garbage");
	unlink("abi_execve_errors_empty");
	return 0;
}
