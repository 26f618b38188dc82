/* A console actor on a serial executor reads commands from stdin and appends them to a journal with stdio.
 * Why: fgets/getline/fread/fwrite block on the stream (SOVA005); printf/fprintf/snprintf are not modelled
 * (buffered logging would drown the report), and the same reads in main are not reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fut.h"

struct console {
    FILE *journal;
    FILE *snapshot;
    char cmd[128];
    char state[1024];
};

static void console_task(void *arg)
{
    struct console *c = arg;
    char *line = NULL;
    size_t cap = 0;
    if (fgets(c->cmd, sizeof c->cmd, stdin) == NULL) // expect: SOVA005
        return;
    if (strncmp(c->cmd, "load", 4) == 0) {
        size_t n = fread(c->state, 1, sizeof c->state, c->snapshot); // expect: SOVA005
        printf("loaded %zu bytes\n", n);
    } else if (getline(&line, &cap, stdin) > 0) { // expect: SOVA005
        fwrite(line, 1, strlen(line), c->journal); // expect: SOVA005
        fprintf(stderr, "journaled %s", line);
    }
    free(line);
}

int main(void)
{
    static struct console c;
    char boot[64];
    fut_executor *console = fut_serial_new();
    c.journal = fopen("journal.txt", "a");
    c.snapshot = fopen("state.bin", "rb");
    if (fgets(boot, sizeof boot, stdin) == NULL || c.journal == NULL || c.snapshot == NULL)
        return 1;
    for (int i = 0; i < 4; i++)
        fut_post(console, console_task, &c);
    fut_executor_free(console);
    return 0;
}
