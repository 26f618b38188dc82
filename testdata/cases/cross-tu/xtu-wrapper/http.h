/* Shared declarations for the xtu-wrapper case. */
#ifndef HTTP_H
#define HTTP_H

#include "fut.h"

fut_future *http_get_async(const char *url); /* async.c: promise-backed */
void *http_get(const char *url);             /* sync.c: blocking wrapper */

#endif
