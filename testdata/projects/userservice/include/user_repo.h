/* user_repo.h - profile repository with a read-mostly cache. */
#ifndef USERSERVICE_USER_REPO_H
#define USERSERVICE_USER_REPO_H

#include <stddef.h>
#include "model.h"

/* Loads and decodes one profile; returns 0 on success. Blocks the caller. */
int repo_load_profile(long id, user_profile *out);

/* Startup cache warm-up: loads the given profiles; returns how many loaded. */
size_t repo_warm_cache(const long *ids, size_t n);

/* Cached profile or NULL. Never blocks. */
const user_profile *repo_cached_profile(long id);

#endif /* USERSERVICE_USER_REPO_H */
