/* Shared declarations for the xtu-deadlock case: one global serial executor used by several TUs. */
#ifndef LOOP_H
#define LOOP_H

#include "fut.h"

extern fut_executor *g_main_loop; /* defined in main.c, a serial executor */

void *on_click(void *arg);        /* ui.c */
void *refresh_model(void *arg);   /* model.c */

#endif
