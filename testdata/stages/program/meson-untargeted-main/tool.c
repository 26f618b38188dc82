/* A tool no target names: its own main. */
int lib_run(void);
int main(void)
{
    return lib_run() + 1;
}
