/* annotations only on the header prototypes; definitions in svc.c carry none */
#ifndef SVC_H
#define SVC_H
#include "fut.h"
__attribute__((annotate("sova:worker"))) void on_message(void *msg);
__attribute__((annotate("sova:nonblocking"))) void drain_ready(fut_future *f);
__attribute__((annotate("sova:blocking"))) int disk_sync(int fd);
void *sync_fetch(fut_promise *p);
#endif
