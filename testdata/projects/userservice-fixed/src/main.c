/* main.c - the user service: a route table, a shared pool, a request loop.
 *
 * Requests arrive one per line on stdin as "PATH USER_ID", e.g.
 * "/users 42". `userservice --count` prints the number of users and exits.
 * `userservice --load CONCURRENCY MILLISECONDS PATH` keeps CONCURRENCY
 * requests for PATH in flight for that long (the runtime's load driver) and
 * prints the throughput and latency as JSON (scripts/loadtest). */
#include "app.h"
#include "db_client.h"
#include "handlers.h"
#include "http.h"
#include "user_repo.h"
#include "user_service.h"

#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

fut_executor *g_pool;

static const struct route routes[] = {
    { .path = "/users", .handler = handle_get_user },
    { .path = "/users/profile", .handler = handle_get_user_profile },
    { .path = "/users/report", .handler = handle_user_report },
    { .path = "/health", .handler = handle_health },
};

static const long hot_users[] = { 1, 2, 3, 42 };

static const struct route *find_route(const char *path)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(routes[i].path, path) == 0)
            return &routes[i];
    }
    return NULL;
}

void http_respond(const http_request *req, int status, const char *body)
{
    if (req->client)
        sim_done(req->client);
    else
        printf("%s %ld -> %d %s\n", req->path, req->user_id, status, body);
}

fut_future *http_done(http_request *req)
{
    fut_promise *p = fut_promise_new();
    fut_promise_set(p, req);
    return fut_promise_future(p);
}

/* Continuation: the handler's response has been written. */
static void *finish_request(void *value, void *arg)
{
    (void)arg;
    free(value);
    return NULL;
}

/* Runs on g_pool, one per request: starts the handler and returns. */
static void dispatch_request(void *arg)
{
    http_request *req = arg;
    const struct route *route = find_route(req->path);
    fut_future *done;

    if (route) {
        done = route->handler(req);
    } else {
        http_respond(req, 404, "no route");
        done = http_done(req);
    }
    fut_then(done, g_pool, finish_request, NULL);
}

/* Continuation: the admin count has arrived. */
static void *print_count(void *value, void *arg)
{
    long *count = value;

    (void)arg;
    printf("users: %ld\n", count ? *count : -1L);
    free(count);
    return NULL;
}

/* The load driver's request: the next user of a fixed sequence, so both
 * variants see the same requests. */
static void send_request(struct sim_client *client, void *path)
{
    static _Atomic long next_user;
    http_request *req = calloc(1, sizeof *req);
    if (!req)
        abort();
    snprintf(req->path, sizeof req->path, "%s", (const char *)path);
    req->user_id = 1 + next_user++ % 1000;
    req->client = client;
    fut_post(g_pool, dispatch_request, req);
}

/* --load: one run of the load driver. The process ends there: a
 * deadlocked pool cannot be freed, and work the run started (a warm-up
 * load, a continuation) may still be on its way to the pool. */
static int run_load(int concurrency, long ms, const char *path)
{
    struct sim_load_result r;
    sim_load(concurrency, ms, 2000, send_request, (void *)path, &r);
    sim_print_result("fixed", path, concurrency, &r);
    _exit(0);
}

int main(int argc, char **argv)
{
    char path[128];
    long user_id;

    g_pool = fut_pool_new(POOL_THREADS);
    db_client_init(g_pool);

    if (argc > 1 && strcmp(argv[1], "--count") == 0) {
        /* Poll, not wait: main holds no pool thread, and the pool must
         * not be freed before the count's continuation has run. */
        fut_future *printed = fut_then(user_count_async(), g_pool, print_count, NULL);
        while (!fut_is_ready(printed))
            usleep(1000);
        fut_free(printed);
        fut_executor_free(g_pool);
        return 0;
    }

    repo_warm_cache(hot_users, sizeof hot_users / sizeof hot_users[0]);
    if (argc == 5 && strcmp(argv[1], "--load") == 0)
        return run_load(atoi(argv[2]), atol(argv[3]), argv[4]);
    fprintf(stderr, "userservice: warming %zu profiles, %d pool threads\n",
            sizeof hot_users / sizeof hot_users[0], POOL_THREADS);

    while (scanf("%127s %ld", path, &user_id) == 2) {
        http_request *req = calloc(1, sizeof *req);
        if (!req)
            break;
        memcpy(req->path, path, sizeof req->path);
        req->user_id = user_id;
        fut_post(g_pool, dispatch_request, req);
    }

    fut_executor_free(g_pool);
    return 0;
}
