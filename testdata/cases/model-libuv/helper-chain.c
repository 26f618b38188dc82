/* A line-protocol server: on_read -> handle_line -> store_record -> journal_append -> uv_fs_write(NULL).
 * Why: the helpers hide a synchronous file write that runs on the loop thread (SOVA005 at the innermost
 * call); journal_open's synchronous uv_fs_open is reached only from main and is not reported. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_file journal_fd = -1;

static int journal_open(uv_loop_t *loop, const char *path)
{
    uv_fs_t req;
    journal_fd = uv_fs_open(loop, &req, path, O_WRONLY | O_APPEND | O_CREAT, 0600, NULL);
    uv_fs_req_cleanup(&req);
    return journal_fd;
}

static int journal_append(uv_loop_t *loop, const char *rec, size_t len)
{
    uv_fs_t req;
    uv_buf_t buf = uv_buf_init((char *)rec, (unsigned)len);
    int rc = uv_fs_write(loop, &req, journal_fd, &buf, 1, -1, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    return rc;
}

static int store_record(uv_loop_t *loop, const char *key, const char *value)
{
    char rec[256];
    int n = snprintf(rec, sizeof rec, "%s=%s\n", key, value);
    return n > 0 ? journal_append(loop, rec, (size_t)n) : -1;
}

static void handle_line(uv_stream_t *client, char *line)
{
    char *eq = strchr(line, '=');
    if (eq != NULL) {
        *eq = '\0';
        store_record(client->loop, line, eq + 1);
    }
}

static void alloc_buf(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf)
{
    if (nread > 0) {
        buf->base[nread - 1] = '\0';
        handle_line(client, buf->base);
    } else if (nread < 0) {
        uv_close((uv_handle_t *)client, (uv_close_cb)free);
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    uv_tcp_t *client = malloc(sizeof *client);
    if (status < 0 || client == NULL)
        return;
    uv_tcp_init(server->loop, client);
    if (uv_accept(server, (uv_stream_t *)client) == 0)
        uv_read_start((uv_stream_t *)client, alloc_buf, on_read);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_t server;
    struct sockaddr_in addr;
    if (journal_open(loop, "kv.journal") < 0)
        return 1;
    uv_ip4_addr("0.0.0.0", 7001, &addr);
    uv_tcp_init(loop, &server);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 64, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
