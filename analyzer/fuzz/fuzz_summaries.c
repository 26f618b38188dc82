/* fuzz_summaries.c - fuzz target: the summaries reader (sova link, and the cache's facts). */
#include "fuzz_input.h"
#include "summaries.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_summaries set = { 0 };
	if (sova_summaries_read(&set, path, err, sizeof(err)) == 0)
		sova_summaries_finish(&set, err, sizeof(err));
	sova_summaries_free(&set);
}
