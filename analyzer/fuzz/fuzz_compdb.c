/* fuzz_compdb.c - fuzz target: the compile_commands.json loader and its flag filter. */
#include "compdb.h"
#include "fuzz_input.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_compdb db;
	sova_compdb_init(&db);
	sova_compdb_load(&db, path, err, sizeof(err));
	sova_compdb_free(&db);
}
