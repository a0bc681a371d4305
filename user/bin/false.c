/*
 * false: do nothing, unsuccessfully (exit status 1). Arguments are ignored.
 */
int main(void)
{
	return 1;
}
