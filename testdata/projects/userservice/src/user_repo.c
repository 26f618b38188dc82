/* user_repo.c - profile repository with a cache that is warmed at startup. */
#include "user_repo.h"
#include "app.h"

#include <stdio.h>

#define REPO_CACHE_SIZE 64

static user_profile s_cache[REPO_CACHE_SIZE];
static size_t s_cached;

struct load_ctx {
    long id;
    user_profile *out;
    int status;
};

/* Runs on g_pool: reads and decodes one profile blob. */
static void *load_profile_task(void *arg)
{
    struct load_ctx *ctx = arg;

    ctx->out->id = ctx->id;
    snprintf(ctx->out->display_name, sizeof ctx->out->display_name,
             "User #%ld", ctx->id);
    ctx->out->karma = (ctx->id * 7919) % 1000;
    ctx->status = 0;
    return ctx;
}

/* Hands the decode to the pool and then blocks until it is done: the caller's
 * thread does nothing the pool thread couldn't, and both are tied up. */
int repo_load_profile(long id, user_profile *out)
{
    struct load_ctx ctx = { .id = id, .out = out, .status = -1 };
    fut_future *f = fut_submit(g_pool, load_profile_task, &ctx);
    fut_get(f); // expect: SOVA002
    fut_free(f);
    return ctx.status;
}

size_t repo_warm_cache(const long *ids, size_t n)
{
    size_t loaded = 0;

    for (size_t i = 0; i < n && s_cached < REPO_CACHE_SIZE; i++) {
        if (repo_load_profile(ids[i], &s_cache[s_cached]) == 0) {
            s_cached++;
            loaded++;
        }
    }
    return loaded;
}

const user_profile *repo_cached_profile(long id)
{
    for (size_t i = 0; i < s_cached; i++) {
        if (s_cache[i].id == id)
            return &s_cache[i];
    }
    return NULL;
}
