/* fuzz_summaries.c - fuzz target: the summaries reader (sova link, and the cache's facts). */

#include "fuzz_input.h"
#include "summaries.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[1024];
	int fd = fuzz_input_file(data, size, path, sizeof(path));
	if (fd < 0)
		return 0;
	struct sova_summaries set = { 0 };
	if (sova_summaries_read(&set, path, err, sizeof(err)) == 0)
		sova_summaries_finish(&set);
	sova_summaries_free(&set);
	fuzz_input_done(fd, path);
	return 0;
}
