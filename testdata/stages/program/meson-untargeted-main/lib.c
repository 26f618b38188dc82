/* What server and tool share. */
int lib_run(void)
{
    return 0;
}
