/* handlers.c - request handlers. Every one of them runs on g_pool:
 * main.c posts dispatch_request() there and it calls route->handler(req). */
#include "handlers.h"
#include "app.h"
#include "db_client.h"
#include "user_repo.h"
#include "user_service.h"

#include <stdio.h>
#include <stdlib.h>

#define HEALTH_TIMEOUT_MS 500

void handle_get_user(http_request *req)
{
    char body[192];

    /* GetUserAsync(id).Result: this pool thread waits for a DB completion
     * that itself needs a pool thread. */
    user_record *user = fut_get(user_get_async(req->user_id)); // expect: SOVA001
    if (!user) {
        http_respond(req, 404, "no such user");
        return;
    }
    snprintf(body, sizeof body, "{\"id\":%ld,\"name\":\"%s\",\"email\":\"%s\"}",
             user->id, user->name, user->email);
    http_respond(req, 200, body);
    free(user);
}

void handle_get_user_profile(http_request *req)
{
    char body[192];
    const user_profile *profile = repo_cached_profile(req->user_id);

    if (profile) {
        snprintf(body, sizeof body, "{\"id\":%ld,\"display\":\"%s\",\"karma\":%ld}",
                 profile->id, profile->display_name, profile->karma);
        http_respond(req, 200, body);
        return;
    }
    /* Cache miss: the sync wrapper looks harmless here, but it blocks this
     * pool thread inside user_get(). */
    user_record *user = user_get(req->user_id);
    if (!user) {
        http_respond(req, 404, "no such user");
        return;
    }
    snprintf(body, sizeof body, "{\"id\":%ld,\"display\":\"%s\",\"karma\":0}",
             user->id, user->name);
    http_respond(req, 200, body);
    free(user);
}

struct report_job {
    long user_id;
    char text[160];
};

/* Runs on g_pool: renders the (expensive) activity report. */
static void *render_report_task(void *arg)
{
    struct report_job *job = arg;
    const user_profile *profile = repo_cached_profile(job->user_id);

    snprintf(job->text, sizeof job->text,
             "{\"id\":%ld,\"report\":\"%ld events\"}",
             job->user_id, profile ? profile->karma : 0L);
    return job;
}

void handle_user_report(http_request *req)
{
    struct report_job job = { .user_id = req->user_id };

    /* "Offload" the render to the pool this handler is already running on and
     * wait for it: with every pool thread in here, no thread is left to run
     * render_report_task. */
    fut_get(fut_submit(g_pool, render_report_task, &job)); // expect: SOVA004
    http_respond(req, 200, job.text);
}

void handle_health(http_request *req)
{
    /* A timeout bounds the wait but the thread is still held for up to
     * HEALTH_TIMEOUT_MS, and under load the ping completion queues behind it. */
    if (fut_wait_for(db_ping_async(), HEALTH_TIMEOUT_MS)) // expect: SOVA001
        http_respond(req, 200, "ok");
    else
        http_respond(req, 503, "database did not answer");
}
