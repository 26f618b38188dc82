/* The program: a timer callback logs through the library's helper. */
#include <stdio.h>
#include <uv.h>

void write_record(FILE *stream, const char *line);

static void on_log(uv_timer_t *t)
{
    write_record(stderr, t->data);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t log;
    log.data = "log";
    uv_timer_init(loop, &log);
    uv_timer_start(&log, on_log, 10, 10);
    return uv_run(loop, UV_RUN_DEFAULT);
}
