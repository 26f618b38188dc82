/* handlers.h - request handlers; main.c routes requests to them on g_pool. */
#ifndef USERSERVICE_HANDLERS_H
#define USERSERVICE_HANDLERS_H

#include "fut.h"
#include "http.h"

fut_future *handle_get_user(http_request *req);          /* GET /users?id=         */
fut_future *handle_get_user_profile(http_request *req);  /* GET /users/profile?id= */
fut_future *handle_user_report(http_request *req);       /* GET /users/report?id=  */
fut_future *handle_health(http_request *req);            /* GET /health            */

#endif /* USERSERVICE_HANDLERS_H */
