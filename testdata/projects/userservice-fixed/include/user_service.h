/* user_service.h - service layer over the DB client. Async only: there is
 * deliberately no blocking wrapper; callers chain with fut_then. */
#ifndef USERSERVICE_USER_SERVICE_H
#define USERSERVICE_USER_SERVICE_H

#include "fut.h"
#include "model.h"

/* Completes with a heap user_record* (caller frees), or NULL if not found. */
fut_future *user_get_async(long id);

/* Completes with a heap long* holding the number of users (caller frees). */
fut_future *user_count_async(void);

#endif /* USERSERVICE_USER_SERVICE_H */
