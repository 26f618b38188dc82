/* db_client.c - fake asynchronous database client.
 *
 * Queries are "sent" to a database that answers after DB_LATENCY_MS: the
 * runtime's timer thread runs run_query() then, which completes the
 * query's promise, as a network completion would. */
#include "db_client.h"
#include "app.h"
#include "model.h"
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>

struct db_query {
    enum db_op op;
    long id;
    fut_promise *done;
};

static struct {
    fut_executor *ex;
    long user_count;
} s_db;

void db_client_init(fut_executor *ex)
{
    s_db.ex = ex;
    s_db.user_count = 1000;
}

static user_record *fake_select_user(long id)
{
    if (id <= 0 || id > s_db.user_count)
        return NULL;
    user_record *row = calloc(1, sizeof *row);
    if (!row)
        return NULL;
    row->id = id;
    snprintf(row->name, sizeof row->name, "user%ld", id);
    snprintf(row->email, sizeof row->email, "user%ld@example.com", id);
    return row;
}

static long *fake_count_users(void)
{
    long *count = malloc(sizeof *count);
    if (count)
        *count = s_db.user_count;
    return count;
}

/* Runs on the timer thread: the "network completion" of one query. */
static void run_query(void *arg)
{
    struct db_query *q = arg;
    void *result = NULL;

    switch (q->op) {
    case DB_SELECT_USER:
        result = fake_select_user(q->id);
        break;
    case DB_COUNT_USERS:
        result = fake_count_users();
        break;
    case DB_PING:
        result = &s_db;
        break;
    }
    fut_promise_set(q->done, result);
    free(q);
}

void db_query_post(enum db_op op, long id, fut_promise *done)
{
    struct db_query *q = malloc(sizeof *q);
    if (!q) {
        fut_promise_set(done, NULL);
        return;
    }
    q->op = op;
    q->id = id;
    q->done = done;
    sim_after(DB_LATENCY_MS, run_query, q);
}

fut_future *db_ping_async(void)
{
    fut_promise *p = fut_promise_new();
    db_query_post(DB_PING, 0, p);
    return fut_promise_future(p);
}
