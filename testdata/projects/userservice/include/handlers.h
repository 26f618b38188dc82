/* handlers.h - request handlers; main.c routes requests to them on g_pool. */
#ifndef USERSERVICE_HANDLERS_H
#define USERSERVICE_HANDLERS_H

#include "http.h"

void handle_get_user(http_request *req);          /* GET /users?id=         */
void handle_get_user_profile(http_request *req);  /* GET /users/profile?id= */
void handle_user_report(http_request *req);       /* GET /users/report?id=  */
void handle_health(http_request *req);            /* GET /health            */

#endif /* USERSERVICE_HANDLERS_H */
