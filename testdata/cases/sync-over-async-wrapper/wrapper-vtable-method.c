/* A static wrapper that other code calls through a table of methods: the file store's
 * `load` hides a wait on the async reader, and every caller of store_load() reaches it
 * through the table. Why SOVA003: a method stored in a vtable's field is as callable from
 * outside as an exported function (GDBusProxy's initable_init behind g_initable_init); the
 * static helper next to it, which only main calls and no table holds, is not reported
 * (wrapper-static.c). */
#include <stddef.h>
#include "fut.h"

void aio_read_file(const char *path, fut_promise *done);

struct store_ops {
    void *(*load)(const char *key);
};

static fut_future *read_file_async(const char *path)
{
    fut_promise *p = fut_promise_new();
    aio_read_file(path, p);
    return fut_promise_future(p);
}

static void *file_load(const char *key)
{
    return fut_get(read_file_async(key)); // expect: SOVA003
}

static void *read_motd(void)
{
    return fut_get(read_file_async("/etc/motd"));
}

static const struct store_ops file_store = { .load = file_load };

void *store_load(const struct store_ops *ops, const char *key)
{
    return ops->load(key);
}

const struct store_ops *store_default(void)
{
    return &file_store;
}

int main(void)
{
    return read_motd() == NULL;
}
