/* The look-alike of stdio-standard-streams.c that does block: the loop callback writes
 * its trace to a journal file it opened, and to one of an array of opened streams. Why:
 * fwrite on a stream from fopen goes to the file system on the loop thread (SOVA005, a
 * local file's I/O); only the standard streams themselves are exempt. A local set to
 * stdout on one path and to the journal on another, or one whose address a call may
 * store any stream into, may be the file; so may the stream of a helper that one caller
 * gives the journal. write_record is exported but this file defines main: only the
 * program's own calls reach it, and they give it stderr (silent; its library twin is
 * stdio-helper-in-library/). */
#include <stdio.h>
#include <uv.h>

static FILE *journal;
static FILE *mirrors[2];

static void on_request(uv_timer_t *t)
{
    const char *key = t->data;
    fwrite(key, 1, 3, journal); // expect: SOVA005
    fwrite(key, 1, 3, mirrors[0]); // expect: SOVA005
}

void pick_stream(FILE **out);

static void write_line(FILE *stream, const char *line)
{
    fwrite(line, 1, 3, stream); // expect: SOVA005
}

void write_record(FILE *stream, const char *line)
{
    fwrite(line, 1, 3, stream);
}

static void on_log(uv_timer_t *t)
{
    write_line(stderr, t->data);
    write_line(journal, t->data);
    write_record(stderr, t->data);
}

static void on_echo(uv_timer_t *t)
{
    const char *line = t->data;
    FILE *echo = stdout;
    if (line[0] == 'j')
        echo = journal;
    fwrite(line, 1, 3, echo); // expect: SOVA005
    FILE *picked = stderr;
    pick_stream(&picked);
    fwrite(line, 1, 3, picked); // expect: SOVA005
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t request;
    journal = fopen("/var/log/trace", "a");
    mirrors[0] = fopen("/var/log/trace.1", "a");
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
