/* user_repo.c - profile repository with a cache that is warmed at startup.
 *
 * Warm-up no longer holds up startup: each profile is loaded on g_pool and a
 * continuation publishes it into the cache. Requests that arrive before a
 * profile is cached take the (async) cache-miss path. */
#include "user_repo.h"
#include "app.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#define REPO_CACHE_SIZE 64

struct cache_slot {
    user_profile profile;
    atomic_int ready;
};

static struct cache_slot s_cache[REPO_CACHE_SIZE];
static atomic_size_t s_claimed;

/* Runs on g_pool: reads and decodes one profile blob. */
static void *load_profile_task(void *arg)
{
    long id = *(long *)arg;
    user_profile *profile = calloc(1, sizeof *profile);

    free(arg);
    if (!profile)
        return NULL;
    profile->id = id;
    snprintf(profile->display_name, sizeof profile->display_name, "User #%ld", id);
    profile->karma = (id * 7919) % 1000;
    return profile;
}

fut_future *repo_load_profile_async(long id)
{
    long *arg = malloc(sizeof *arg);
    if (!arg)
        return NULL;
    *arg = id;
    return fut_submit(g_pool, load_profile_task, arg);
}

/* Continuation on g_pool: publishes one loaded profile into the cache. */
static void *cache_profile(void *value, void *arg)
{
    user_profile *profile = value;

    (void)arg;
    if (profile) {
        size_t slot = atomic_fetch_add(&s_claimed, 1);
        if (slot < REPO_CACHE_SIZE) {
            s_cache[slot].profile = *profile;
            atomic_store_explicit(&s_cache[slot].ready, 1, memory_order_release);
        }
        free(profile);
    }
    return NULL;
}

void repo_warm_cache(const long *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fut_future *loaded = repo_load_profile_async(ids[i]);
        if (loaded)
            fut_then(loaded, g_pool, cache_profile, NULL);
    }
}

const user_profile *repo_cached_profile(long id)
{
    for (size_t i = 0; i < REPO_CACHE_SIZE; i++) {
        if (atomic_load_explicit(&s_cache[i].ready, memory_order_acquire) &&
            s_cache[i].profile.id == id)
            return &s_cache[i].profile;
    }
    return NULL;
}
