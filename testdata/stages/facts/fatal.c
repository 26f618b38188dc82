/* Where the process ends after a call (extract_fatal.c): a noreturn call
 * (GNU attribute or C11 _Noreturn), g_error's empty endless loop, both
 * arms of an if, an endless loop left by break and then abort(); and the
 * shapes that do not end it: a return before the end, a loop with a body. */
#include <stdlib.h>

void work(void);
void other(int);
_Noreturn void fatal(const char *msg);

#define die(msg) do { other(1); for (;;) ; } while (0)

void ends(int x)
{
    if (x == 1) {
        work();
        abort();
    }
    if (x == 2)
        die("two");
    if (x == 3) {
        other(0);
        fatal("three");
    }
    if (x == 4) {
        work();
        if (x)
            exit(1);
        else
            abort();
    }
    work();
}

int goes_on(int x)
{
    if (x == 1) {
        work();
        if (x > 0)
            return 1;
        abort();
    }
    if (x == 2) {
        work();
        for (;;)
            other(2);
    }
    if (x == 3) {
        work();
        for (;;)
            break;
        abort();
    }
    return 0;
}
