/* memcached's verbose trace (proto_bin.c:473): a loop callback echoes the request key
 * with fwrite(key, 1, nkey, stderr). Why silent: a write to the process's standard
 * streams is diagnostic output, the same as the fprintf(stderr, ...) beside it, which
 * no model counts as blocking; only a stream the program opened is a file's I/O. The
 * same holds for a local the callback only ever sets to stdout, stderr or NULL, as
 * glib's test harness echoes a child's output (gtestutils.c:3827), and for a ?: of them;
 * and for a static helper's stream that every caller gives stdout or stderr, directly or
 * as the result of a function that returns only those (glib's write_string_sized). */
#include <stdio.h>
#include <uv.h>

static int verbose;

static void on_request(uv_timer_t *t)
{
    const char *key = t->data;
    if (verbose > 1) {
        fprintf(stderr, "<GET ");
        fwrite(key, 1, 3, stderr);
        fputc('\n', stderr);
    }
    fwrite("ok\n", 1, 3, stdout);
}

static FILE *stream_for(int level)
{
    if (level > 1)
        return stderr;
    return stdout;
}

static void write_line(FILE *stream, const char *line)
{
    fwrite(line, 1, 3, stream);
}

static void on_log(uv_timer_t *t)
{
    write_line(stderr, t->data);
    write_line(stream_for(verbose), t->data);
}

static void on_echo(uv_timer_t *t)
{
    const char *line = t->data;
    FILE *echo = NULL;
    if (verbose)
        echo = stdout;
    else if (verbose < 0)
        echo = stderr;
    if (echo)
        fwrite(line, 1, 3, echo);
    FILE *either = verbose ? stderr : stdout;
    fwrite(line, 1, 3, either);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t request;
    request.data = "key";
    uv_timer_init(loop, &request);
    uv_timer_start(&request, on_request, 10, 10);
    uv_timer_t echo;
    echo.data = "out";
    uv_timer_init(loop, &echo);
    uv_timer_start(&echo, on_echo, 10, 10);
    uv_timer_t log;
    log.data = "log";
    uv_timer_init(loop, &log);
    uv_timer_start(&log, on_log, 10, 10);
    return uv_run(loop, UV_RUN_DEFAULT);
}
