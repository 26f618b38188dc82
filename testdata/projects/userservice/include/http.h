/* http.h - the (very) small HTTP layer: requests, routes, responses. */
#ifndef USERSERVICE_HTTP_H
#define USERSERVICE_HTTP_H

struct sim_client;

typedef struct http_request {
    char path[128];
    long user_id;
    struct sim_client *client; /* --load: the load driver's client to answer, else NULL */
} http_request;

typedef void (*http_handler)(http_request *req);

struct route {
    const char *path;
    http_handler handler;
};

/* Writes the response line for req. Does not block. */
void http_respond(const http_request *req, int status, const char *body);

#endif /* USERSERVICE_HTTP_H */
