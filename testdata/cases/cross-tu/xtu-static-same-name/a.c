/* two TUs each have a static 'step' and a static 'g_ex'; only a.c's step is a worker, only b.c's waits */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_ex;
void run_b(void);
static void *step(void *arg) { return arg; }
int main(void) {
    g_ex = fut_serial_new();
    fut_free(fut_submit(g_ex, step, NULL));
    run_b();
    return 0;
}
