/* handlers.c - request handlers, async all the way. Each handler starts its
 * work, chains the response as a fut_then continuation on g_pool, and returns
 * the continuation's future at once: no pool thread ever waits. */
#include "handlers.h"
#include "app.h"
#include "db_client.h"
#include "user_repo.h"
#include "user_service.h"

#include <stdio.h>
#include <stdlib.h>

/* Continuation: the user row has arrived. */
static void *respond_user(void *value, void *arg)
{
    user_record *user = value;
    http_request *req = arg;
    char body[192];

    if (!user) {
        http_respond(req, 404, "no such user");
        return req;
    }
    snprintf(body, sizeof body, "{\"id\":%ld,\"name\":\"%s\",\"email\":\"%s\"}",
             user->id, user->name, user->email);
    http_respond(req, 200, body);
    free(user);
    return req;
}

fut_future *handle_get_user(http_request *req)
{
    return fut_then(user_get_async(req->user_id), g_pool, respond_user, req);
}

/* Continuation: cache miss, the user row has arrived instead. */
static void *respond_profile_fallback(void *value, void *arg)
{
    user_record *user = value;
    http_request *req = arg;
    char body[192];

    if (!user) {
        http_respond(req, 404, "no such user");
        return req;
    }
    snprintf(body, sizeof body, "{\"id\":%ld,\"display\":\"%s\",\"karma\":0}",
             user->id, user->name);
    http_respond(req, 200, body);
    free(user);
    return req;
}

fut_future *handle_get_user_profile(http_request *req)
{
    char body[192];
    const user_profile *profile = repo_cached_profile(req->user_id);

    if (profile) {
        snprintf(body, sizeof body, "{\"id\":%ld,\"display\":\"%s\",\"karma\":%ld}",
                 profile->id, profile->display_name, profile->karma);
        http_respond(req, 200, body);
        return http_done(req);
    }
    return fut_then(user_get_async(req->user_id), g_pool, respond_profile_fallback, req);
}

struct report_job {
    http_request *req;
    char text[160];
};

/* Runs on g_pool: renders the (expensive) activity report. */
static void *render_report_task(void *arg)
{
    struct report_job *job = arg;
    const user_profile *profile = repo_cached_profile(job->req->user_id);

    snprintf(job->text, sizeof job->text,
             "{\"id\":%ld,\"report\":\"%ld events\"}",
             job->req->user_id, profile ? profile->karma : 0L);
    return job;
}

/* Continuation: the report is rendered. */
static void *respond_report(void *value, void *arg)
{
    struct report_job *job = arg;
    http_request *req = job->req;

    (void)value;
    http_respond(req, 200, job->text);
    free(job);
    return req;
}

fut_future *handle_user_report(http_request *req)
{
    struct report_job *job = calloc(1, sizeof *job);

    if (!job) {
        http_respond(req, 503, "out of memory");
        return http_done(req);
    }
    job->req = req;
    /* Submitting to the pool we run on is fine: we return instead of waiting,
     * so this thread goes back to the pool and can run the render itself. */
    return fut_then(fut_submit(g_pool, render_report_task, job), g_pool, respond_report, job);
}

/* Continuation: the ping has answered. */
static void *respond_health(void *value, void *arg)
{
    http_request *req = arg;

    if (value)
        http_respond(req, 200, "ok");
    else
        http_respond(req, 503, "database did not answer");
    return req;
}

fut_future *handle_health(http_request *req)
{
    return fut_then(db_ping_async(), g_pool, respond_health, req);
}
