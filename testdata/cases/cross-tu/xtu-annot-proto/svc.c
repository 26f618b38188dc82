#include <stddef.h>
#include "svc.h"
void drain_ready(fut_future *f) { if (!fut_is_ready(f)) return; fut_wait(f); }
void *sync_fetch(fut_promise *p) { return fut_get(fut_promise_future(p)); } // expect: SOVA003
