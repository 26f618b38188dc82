/* A Meson build whose description names one executable, server (server.c and lib.c);
 * the compile database also holds tool.c, a program of its own that no target names
 * (a file compiled by a custom rule). Both define main: tool.c is a unit of its own,
 * with lib.c, never server's program with tool.c's main in place of server.c. */
int lib_run(void);
int main(void)
{
    return lib_run();
}
