/* app.h - process-wide state of the user service. */
#ifndef USERSERVICE_APP_H
#define USERSERVICE_APP_H

#include "fut.h"

/* Number of worker threads in the shared pool. Plenty on a laptop with one
 * request at a time; not nearly enough once each request holds a thread
 * while it waits. */
#define POOL_THREADS 4

/* The one shared pool: request handlers, DB completions and background work
 * all run here, like the .NET thread pool. Created in main(). */
extern fut_executor *g_pool;

/* How long the simulated database takes to answer a query. */
#define DB_LATENCY_MS 20

#endif /* USERSERVICE_APP_H */
