/* user_service.c - service layer: async API plus the "convenient" sync wrappers. */
#include "user_service.h"
#include "db_client.h"

#include <stdlib.h>

fut_future *user_get_async(long id)
{
    fut_promise *p = fut_promise_new();
    db_query_post(DB_SELECT_USER, id, p);
    return fut_promise_future(p);
}

/* Called from request handlers, so this wait holds a pool thread until a
 * run_query() completion gets a pool thread of its own. */
user_record *user_get(long id)
{
    return fut_get(user_get_async(id)); // expect: SOVA001
}

fut_future *user_count_async(void)
{
    fut_promise *p = fut_promise_new();
    db_query_post(DB_COUNT_USERS, 0, p);
    return fut_promise_future(p);
}

/* Only the admin command line calls this, from main(): no pool thread is held,
 * but the blocking wrapper is exported and waiting for its first worker caller. */
long user_count_sync(void)
{
    long *count = fut_get(user_count_async()); // expect: SOVA003
    long n = count ? *count : -1;
    free(count);
    return n;
}
