/* user_repo.h - profile repository with a read-mostly cache. */
#ifndef USERSERVICE_USER_REPO_H
#define USERSERVICE_USER_REPO_H

#include <stddef.h>
#include "fut.h"
#include "model.h"

/* Loads and decodes one profile on g_pool. The future completes with a heap
 * user_profile* (caller frees), or NULL on failure. */
fut_future *repo_load_profile_async(long id);

/* Startup cache warm-up: starts loading the given profiles and returns at
 * once; each profile enters the cache when its load completes. */
void repo_warm_cache(const long *ids, size_t n);

/* Cached profile or NULL. Never blocks. */
const user_profile *repo_cached_profile(long id);

#endif /* USERSERVICE_USER_REPO_H */
