/* Shared declarations for the xtu-callback-table case. */
#ifndef STORAGE_H
#define STORAGE_H

#include "fut.h"

struct storage_ops {
    int (*open)(const char *path);
    int (*flush)(int fd);
};

extern const struct storage_ops disk_ops; /* disk.c */

void *sync_task(void *arg); /* worker.c */

/* OS wrappers, not analysed */
int os_fsync(int fd) __attribute__((annotate("sova:blocking")));
int os_open_wait(const char *path) __attribute__((annotate("sova:blocking")));

#endif
