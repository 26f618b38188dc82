/* db_client.h - fake asynchronous database client. */
#ifndef USERSERVICE_DB_CLIENT_H
#define USERSERVICE_DB_CLIENT_H

#include "fut.h"

enum db_op {
    DB_SELECT_USER,  /* completes with user_record* or NULL */
    DB_COUNT_USERS,  /* completes with long*                */
    DB_PING          /* completes with a non-NULL token     */
};

/* Completion callbacks of the client run on ex. */
void db_client_init(fut_executor *ex);

/* Starts a query; done is set (fut_promise_set) when it completes. */
void db_query_post(enum db_op op, long id, fut_promise *done);

/* Round trip to the server; the future completes when the ping answers. */
fut_future *db_ping_async(void);

#endif /* USERSERVICE_DB_CLIENT_H */
