/* user_service.h - service layer over the DB client. */
#ifndef USERSERVICE_USER_SERVICE_H
#define USERSERVICE_USER_SERVICE_H

#include "fut.h"
#include "model.h"

/* Completes with a heap user_record* (caller frees), or NULL if not found. */
fut_future *user_get_async(long id);

/* Convenience wrapper for callers that "can't be async": blocks until
 * user_get_async completes. The C spelling of GetUserAsync(id).Result. */
user_record *user_get(long id);

/* Completes with a heap long* holding the number of users (caller frees). */
fut_future *user_count_async(void);

/* Blocking wrapper used by the admin command line (`userservice --count`). */
long user_count_sync(void);

#endif /* USERSERVICE_USER_SERVICE_H */
