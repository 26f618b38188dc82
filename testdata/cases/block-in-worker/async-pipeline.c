/* Async all the way: download -> fut_then(parse) -> fut_then(store), joined with fut_when_all and
 * observed by polling fut_is_ready from main's own event loop. Why: nothing ever blocks on a future,
 * so there is nothing to report. No results. */
#include <stdio.h>
#include <string.h>
#include "fut.h"

void ui_run_frame(void);

struct feed {
    const char *url;
    size_t items;
};

static void *download(void *arg)
{
    return arg;
}

static void *parse(void *value, void *arg)
{
    struct feed *f = arg;
    f->items = strlen(f->url);
    return value;
}

static void *store(void *value, void *arg)
{
    struct feed *f = arg;
    printf("stored %zu items from %s\n", f->items, f->url);
    return value;
}

static void *report(void *value, void *arg)
{
    (void)value;
    printf("all feeds done: %s\n", (const char *)arg);
    return NULL;
}

static fut_future *fetch_feed(fut_executor *io, fut_executor *cpu, struct feed *f)
{
    fut_future *raw = fut_submit(io, download, f);
    fut_future *parsed = fut_then(raw, cpu, parse, f);
    return fut_then(parsed, io, store, f);
}

int main(void)
{
    static struct feed feeds[2] = {
        { "https://example.org/a.xml", 0 },
        { "https://example.org/b.xml", 0 },
    };
    fut_executor *io = fut_pool_new(4);
    fut_executor *cpu = fut_pool_new(2);
    fut_future *fs[2];
    for (int i = 0; i < 2; i++)
        fs[i] = fetch_feed(io, cpu, &feeds[i]);
    fut_future *all = fut_when_all(fs, 2);
    fut_future *done = fut_then(all, cpu, report, "ok");
    while (!fut_is_ready(done))
        ui_run_frame();
    fut_free(done);
    fut_executor_free(io);
    fut_executor_free(cpu);
    return 0;
}
