/* lib.h - a library both programs link: handlers in a table, run through a field. */
#ifndef LIB_H
#define LIB_H
struct handler {
    void (*cb)(void *arg);
    void *arg;
};
void lib_dispatch(struct handler *h);
void *lib_task(void *arg);
#endif
