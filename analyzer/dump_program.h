/* dump_program.h - stage 4's dump: link units and indirect-call targets as JSON (--dump-program). */
#ifndef SOVA_DUMP_PROGRAM_H
#define SOVA_DUMP_PROGRAM_H

#include <stdio.h>

#include "link.h"

/* Writes the program's link units and each indirect call's targets, paths
 * relative to base when under it; returns 0, or -1 when out fails. */
int sova_dump_program(const struct sova_program *prog, const char *base, FILE *out);

#endif /* SOVA_DUMP_PROGRAM_H */
