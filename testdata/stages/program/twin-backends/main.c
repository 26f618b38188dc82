/* The program: main starts the engine. Of the two backends that define the same
 * functions, it takes filter.c; thread.c, which no program takes, gets a unit of its own:
 * this program with thread.c in place of filter.c (--dump-program: "libraries", its
 * "variant_of"). */
void engine_start(void);
int main(void)
{
    engine_start();
    return 0;
}
