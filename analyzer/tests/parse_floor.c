/* parse_floor.c - the benchmark's floor: libclang parses every TU of a
 * compile database with sova's own flags and threads, and nothing else.
 *
 * Usage: sova-parse-floor -p DIR [-j N]. scripts/bench compares sova's
 * times with this one: what sova costs beyond parsing is the ratio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compdb.h"
#include "parse.h"
#include "util.h"

int main(int argc, char **argv)
{
	const char *dir = NULL;
	int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc)
			jobs = atoi(argv[++i]);
		else if (strncmp(argv[i], "-j", 2) == 0 && argv[i][2])
			jobs = atoi(argv[i] + 2);
	}
	if (!dir || jobs < 1) {
		fprintf(stderr, "usage: sova-parse-floor -p DIR [-j N]\n");
		return 2;
	}
	sova_parse_setup();
	struct sova_compdb db;
	char err[4096];
	sova_compdb_init(&db);
	if (sova_compdb_load(&db, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "sova-parse-floor: %s\n", err);
		return 2;
	}
	struct sova_tu_facts *facts = sova_xcalloc(db.ntus + 1, sizeof(*facts));
	size_t failed = sova_parse_floor(&db, jobs, facts);
	for (size_t i = 0; i < db.ntus; i++)
		sova_tu_facts_free(&facts[i]);
	free(facts);
	printf("%zu TUs parsed, %zu failed\n", db.ntus, failed);
	sova_compdb_free(&db);
	return failed ? 3 : 0;
}
