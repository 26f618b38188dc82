/* user_service.c - service layer: async API only. */
#include "user_service.h"
#include "db_client.h"

fut_future *user_get_async(long id)
{
    fut_promise *p = fut_promise_new();
    db_query_post(DB_SELECT_USER, id, p);
    return fut_promise_future(p);
}

fut_future *user_count_async(void)
{
    fut_promise *p = fut_promise_new();
    db_query_post(DB_COUNT_USERS, 0, p);
    return fut_promise_future(p);
}
