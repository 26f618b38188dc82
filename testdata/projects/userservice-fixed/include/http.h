/* http.h - the (very) small HTTP layer: requests, routes, responses. */
#ifndef USERSERVICE_HTTP_H
#define USERSERVICE_HTTP_H

#include "fut.h"

struct sim_client;

typedef struct http_request {
    char path[128];
    long user_id;
    struct sim_client *client; /* --load: the load driver's client to answer, else NULL */
} http_request;

/* A handler starts the work for req and returns at once. The future it
 * returns completes (with req) after the response has been written. */
typedef fut_future *(*http_handler)(http_request *req);

struct route {
    const char *path;
    http_handler handler;
};

/* Writes the response line for req. Does not block. */
void http_respond(const http_request *req, int status, const char *body);

/* An already-completed future for req, for handlers that answer at once. */
fut_future *http_done(http_request *req);

#endif /* USERSERVICE_HTTP_H */
