/* fuzz_compdb.c - fuzz target: the compile_commands.json loader and its flag filter. */

#include "compdb.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[1024];
	int fd = fuzz_input_file(data, size, path, sizeof(path));
	if (fd < 0)
		return 0;
	struct sova_compdb db;
	sova_compdb_init(&db);
	sova_compdb_load(&db, path, err, sizeof(err));
	sova_compdb_free(&db);
	fuzz_input_done(fd, path);
	return 0;
}
