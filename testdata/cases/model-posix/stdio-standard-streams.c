/* memcached's verbose trace (proto_bin.c:473): a loop callback echoes the request key
 * with fwrite(key, 1, nkey, stderr). Why silent: a write to the process's standard
 * streams is diagnostic output, the same as the fprintf(stderr, ...) beside it, which
 * no model counts as blocking; only a stream the program opened is a file's I/O. */
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

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t request;
    request.data = "key";
    uv_timer_init(loop, &request);
    uv_timer_start(&request, on_request, 10, 10);
    return uv_run(loop, UV_RUN_DEFAULT);
}
